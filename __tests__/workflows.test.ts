/**
 * action.yml, every workflow we ship or show (examples/, .github/workflows/) and dependabot.yml against
 * SchemaStore's schemas for those files (support/schemastore/, vendored with their source commit), plus what
 * no schema knows: that each step using this action passes only inputs action.yml declares, with valid
 * literal values. How the examples behave when GitHub runs them is examples.test.ts's; the rules the
 * workflows keep (pins, credentials, no interpolation into run:) are workflow-rules.test.ts's.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { OPERATIONS } from '../src/inputs/index.js'
import { readActionYml, ROOT } from '../scripts/run-action.js'
import { defaultsModule, DEFAULTS_FILE } from '../scripts/action-defaults.js'
import { schemaErrors } from './support/schemas.js'

const files = [
  ...readdirSync(join(ROOT, 'examples')).map((f) => `examples/${f}`),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => `.github/workflows/${f}`)
].filter((f) => /\.ya?ml$/.test(f))

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

describe('action.yml', () => {
  it('is a valid action metadata file, node24 and all', () => {
    expect(readActionYml().runs.using).toBe('node24')
    expect(schemaErrors('github-action', readFileSync(join(ROOT, 'action.yml'), 'utf8'))).toEqual([])
  })

  it('the schema catches a runtime GitHub does not run, and a misspelt key', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(schemaErrors('github-action', text.replace(/^(\s*using:\s*)node24\s*$/m, '$1node22'))).toContain(
      '/runs/using must be equal to one of the allowed values: ["node12","node16","node20","node24"]'
    )
    expect(schemaErrors('github-action', text.replace(/^branding:/m, 'brandin:')).join('\n')).toContain(
      "must NOT have additional properties: 'brandin'"
    )
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
    expect(schemaErrors('github-workflow', text)).toEqual([])
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

it('the schema catches a typo in a workflow', () => {
  const text = readFileSync(join(ROOT, 'examples', 'nightly-sweep.yml'), 'utf8').replace('runs-on:', 'run-on:')
  expect(schemaErrors('github-workflow', text).join('\n')).toContain("must NOT have additional properties: 'run-on'")
})

describe('.github/dependabot.yml', () => {
  const text = readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')

  it('is a valid Dependabot configuration', () => {
    expect(schemaErrors('dependabot-2.0', text)).toEqual([])
  })

  it('the schema catches a cooldown outside 1-90 days', () => {
    expect(schemaErrors('dependabot-2.0', text.replace(/default-days: \d+/, 'default-days: 400'))).toEqual([
      '/updates/0/cooldown/default-days must be <= 90'
    ])
  })
})
