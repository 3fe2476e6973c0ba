/**
 * action.yml and every workflow we ship or show (examples/, .github/workflows/) against the schemas
 * for GitHub action and workflow files (@action-validator/core), plus what no schema knows: that each
 * step using this action passes only inputs action.yml declares, with valid literal values. How the
 * examples behave when GitHub runs them is examples.test.ts's.
 */
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { OPERATIONS } from '../src/inputs/index.js'
import { readActionYml, ROOT } from '../scripts/run-action.js'
import { defaultsModule, DEFAULTS_FILE } from '../scripts/action-defaults.js'

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

  it("is where the inputs' defaults live: src/inputs/defaults.ts is what npm run build makes of it", () => {
    expect(readFileSync(DEFAULTS_FILE, 'utf8')).toBe(defaultsModule(readFileSync(join(ROOT, 'action.yml'), 'utf8')))
  })

  it('describes every input and output', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description?: string }>
      outputs: Record<string, { description?: string }>
    }
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
      ...Object.keys(given)
        .filter((name) => !(name in inputs))
        .map((name) => `unknown input ${name}`),
      ...(given['api-key'] ? [] : ['no api-key']),
      ...(typeof operation === 'string' &&
      !operation.includes('${{') &&
      !(OPERATIONS as readonly string[]).includes(operation)
        ? [`unknown operation ${operation}`]
        : [])
    ]
  })
  return { uses: ours.length, problems }
}

it('the input check catches a misspelt input and operation', () => {
  const text = readFileSync(join(ROOT, 'examples', 'nightly-sweep.yml'), 'utf8')
    .replace('max-age:', 'max_age:')
    .replace('operation: sweep', 'operation: swep')
  expect(stepProblems(text).problems).toEqual(['unknown input max_age', 'unknown operation swep'])
})

it('the validator catches a typo in a workflow', () => {
  const text = readFileSync(join(ROOT, 'examples', 'nightly-sweep.yml'), 'utf8').replace('runs-on:', 'run-on:')
  expect(errors(validateWorkflow(text)).join('\n')).toContain("Additional property 'run-on' is not allowed")
})
