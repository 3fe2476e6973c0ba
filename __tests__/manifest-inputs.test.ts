/**
 * The step's inputs in manifest mode (src/inputs/manifest.ts): the single-webhook inputs refused by name,
 * what the operation, prune and fail-on-drift take, and prune and fail-on-drift refused without a manifest.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readActionYml } from '../scripts/run-action.js'
import { InputError, readInputs } from '../src/inputs/index.js'
import { MANIFEST_OPERATIONS, readManifestInputs, SINGLE_WEBHOOK_INPUTS } from '../src/inputs/manifest.js'
import type { GitHubContext } from '../src/github/context.js'
import { clearCore, setInputs } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

beforeEach(clearCore)

const context = { repository: 'octo-org/shop', eventName: 'push' } as GitHubContext
const base = { 'api-key': 'k', manifest: '.kapso/webhooks.yml' }

function problems(inputs: Record<string, string>, read: () => unknown = () => readManifestInputs(context)): string[] {
  setInputs(inputs)
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error('the inputs were taken')
}

/** The inputs that may go with manifest: the rest of action.yml's inputs are SINGLE_WEBHOOK_INPUTS. */
const WITH_MANIFEST = [
  'api-key',
  'api-url',
  'operation',
  'dry-run',
  'max-attempts',
  'request-timeout-seconds',
  'timeout-seconds',
  'github-token',
  'manifest',
  'prune',
  'fail-on-drift',
  'comment'
]

describe('manifest mode', () => {
  it('decides for every input of action.yml whether it goes with manifest', () => {
    const inputs = Object.keys(readActionYml().inputs)
    expect(inputs.filter((name) => !WITH_MANIFEST.includes(name)).sort()).toEqual([...SINGLE_WEBHOOK_INPUTS].sort())
  })

  it('reads the path as it will be recorded, and the defaults', () => {
    setInputs({ ...base, manifest: './.kapso/webhooks.yml' })
    expect(readManifestInputs(context)).toMatchObject({
      path: '.kapso/webhooks.yml',
      prune: true,
      failOnDrift: false,
      operation: 'upsert',
      dryRun: false,
      apiUrl: ''
    })
  })

  it('names each single-webhook input given, in one problem', () => {
    expect(
      problems({
        ...base,
        url: 'https://a.dev/x',
        events: 'whatsapp.message.received',
        'phone-number-id': '1',
        'webhook-id': 'x',
        name: 'api',
        kind: 'meta',
        verify: 'true'
      })
    ).toEqual([
      'phone-number-id, kind, url, events, name, webhook-id, verify are not taken with manifest, which describes the ' +
        "webhooks: remove them from the step (each webhook's fields go in its entry in the file)."
    ])
  })

  it('takes an input at its action.yml default as not given', () => {
    setInputs({ ...base, kind: 'kapso', active: 'true', 'buffer-enabled': 'false' })
    expect(readManifestInputs(context).operation).toBe('upsert')
  })

  it.each(['create', 'auto', 'sweep'])('refuses operation %s', (operation) => {
    expect(problems({ ...base, operation })).toEqual([
      `operation must be upsert (reconcile) or delete with manifest; got "${operation}".`
    ])
    expect(MANIFEST_OPERATIONS).not.toContain(operation)
  })

  it('needs dry-run for fail-on-drift', () => {
    expect(problems({ ...base, 'fail-on-drift': 'true' })).toEqual([
      'fail-on-drift needs dry-run true: a drift check plans and writes nothing. Without it, drift is repaired.'
    ])
    setInputs({ ...base, 'fail-on-drift': 'true', 'dry-run': 'true' })
    expect(readManifestInputs(context).failOnDrift).toBe(true)
  })

  it.each(['/etc/webhooks.yml', '../other/webhooks.yml', 'a b.yml', 'a;b.yml'])('refuses the path %s', (manifest) => {
    expect(problems({ ...base, manifest })[0]).toMatch(/^manifest must be a path relative to the workspace/)
  })
})

describe('without manifest', () => {
  const single = { 'api-key': 'k', 'phone-number-id': '1', url: 'https://a.dev/x', events: 'whatsapp.message.received' }
  it.each([
    ['prune', 'false'],
    ['fail-on-drift', 'true']
  ])('refuses %s: %s', (name, value) => {
    expect(problems({ ...single, [name]: value }, () => readInputs(context))).toEqual([
      `${name} is only for manifest mode, and no manifest is given: remove ${name}, or give manifest.`
    ])
  })
})
