/**
 * action.yml and every workflow we ship or show (examples/, .github/workflows/) against the schemas
 * for GitHub action and workflow files (@action-validator/core), plus what no schema knows: that each
 * step using this action passes only inputs action.yml declares, with valid literal values.
 */
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { parseEvent } from '../src/boundary/github.js'
import { OPERATIONS, readInputs } from '../src/inputs/index.js'
import { readActionYml, ROOT } from '../scripts/run-action.js'
import { setInputs } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const files = [
  ...readdirSync(join(ROOT, 'examples')).map((f) => `examples/${f}`),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => `.github/workflows/${f}`)
].filter((f) => /\.ya?ml$/.test(f))

/** Every error, with those nested under a oneOf's alternatives, as "path title: detail". */
function errors(state: Pick<ValidationState, 'errors'>): string[] {
  return state.errors.flatMap((e) => [
    `${'path' in e ? e.path : ''} ${e.title}${e.detail ? `: ${e.detail}` : ''}`,
    ...('states' in e && e.states ? e.states.flatMap(errors) : [])
  ])
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

describe('action.yml', () => {
  it('is a valid action metadata file', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(readActionYml().runs.using).toBe('node24')
    // The validator's bundled schema predates node24; everything else is checked as it stands.
    expect(errors(validateAction(text.replace(/^(\s*using:\s*)node24\s*$/m, '$1node20')))).toEqual([])
  })

  it('describes every input and output', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { description?: string }>; outputs: Record<string, { description?: string }> }
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(spec.description?.length, name).toBeGreaterThan(10)
    }
  })
})

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8')

  it('is a valid workflow', () => {
    expect(errors(validateWorkflow(text))).toEqual([])
  })

  it('gives this action only inputs it declares, with valid values', () => {
    const { uses, problems } = stepProblems(text)
    if (file.startsWith('examples/')) expect(uses, 'an example uses the action').toBeGreaterThan(0)
    expect(problems).toEqual([])
  })

  if (file.startsWith('examples/')) {
    it('passes the action\'s own input checks, copied as it is', () => {
      for (const given of exampleInputs(text)) {
        setInputs(given.inputs)
        expect(() => readInputs({ eventName: given.eventName, repository: 'octo-org/shop', ...parseEvent(given.payload) }), JSON.stringify(given.inputs)).not.toThrow()
      }
    })
  }

  if (file.startsWith('examples/')) {
    it('is linked from the README', () => {
      expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`(${file})`)
    })
  }
})

/** What is wrong with the steps that use this action: inputs action.yml lacks, a missing key, an unknown operation. */
function stepProblems(text: string): { uses: number; problems: string[] } {
  const inputs = readActionYml().inputs
  const workflow = parse(text) as { jobs: Record<string, { steps?: Step[] }> }
  const ours = Object.values(workflow.jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((s) => s.uses === './' || /\/kapso-webhook-action@/.test(s.uses ?? ''))
  const problems = ours.flatMap((step) => {
    const given = step.with ?? {}
    const operation = given.operation
    return [
      ...Object.keys(given).filter((name) => !(name in inputs)).map((name) => `unknown input ${name}`),
      ...(given['api-key'] ? [] : ['no api-key']),
      ...(typeof operation === 'string' && !operation.includes('${{') && !(OPERATIONS as readonly string[]).includes(operation) ? [`unknown operation ${operation}`] : [])
    ]
  })
  return { uses: ours.length, problems }
}

/** What an expression stands for when a workflow runs, by input, for the input check of the examples. */
const EXPRESSION_VALUES: Record<string, string> = {
  'api-key': 'example-api-key-0123456789',
  'whatsapp-config-id': '550e8400-e29b-41d4-a716-446655440000',
  'phone-number-id': '106540352242922',
  url: 'https://pr-1.preview.example.com/api/whatsapp',
  'secret-key': 'example-signing-secret-0123456789',
  'github-token': 'ghs_example0000000000000000',
  'dry-run': 'false',
  verify: 'true'
}

/**
 * The inputs each step of an example gives the action, with every `${{ }}` expression replaced by a value
 * it could take, once for each event the workflow runs on.
 */
function exampleInputs(text: string): { inputs: Record<string, string>; eventName: string; payload: Record<string, unknown> }[] {
  const workflow = parse(text) as { on: Record<string, unknown> | string; jobs: Record<string, { steps?: Step[] }> }
  const events = typeof workflow.on === 'string' ? [workflow.on] : Object.keys(workflow.on)
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).filter((s) => /\/kapso-webhook-action@/.test(s.uses ?? ''))
  return events.flatMap((eventName) =>
    steps.map((step) => {
      const inputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([name, value]) => {
          const text = String(value)
          if (/^\s*\$\{\{((?!\}\}).)*\}\}\s*$/s.test(text)) return [name, EXPRESSION_VALUES[name] ?? 'example-value']
          return [name, text.replace(/\$\{\{[\s\S]*?\}\}/g, 'example-value')]
        })
      )
      const number = 1
      const payload = eventName.startsWith('pull_request') ? { action: 'opened', number, pull_request: { number, head: { repo: { full_name: 'octo-org/shop' } }, base: { repo: { full_name: 'octo-org/shop' } } } } : {}
      return { inputs, eventName, payload }
    })
  )
}

it('the input check catches a misspelt input and operation', () => {
  const text = readFileSync(join(ROOT, 'examples', 'nightly-sweep.yml'), 'utf8').replace('max-age:', 'max_age:').replace('operation: sweep', 'operation: swep')
  expect(stepProblems(text).problems).toEqual(['unknown input max_age', 'unknown operation swep'])
})

it('the validator catches a typo in a workflow', () => {
  const text = readFileSync(join(ROOT, 'examples', 'nightly-sweep.yml'), 'utf8').replace('runs-on:', 'run-on:')
  expect(errors(validateWorkflow(text)).join('\n')).toContain("Additional property 'run-on' is not allowed")
})
