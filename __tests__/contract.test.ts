/**
 * Every request the action sends, checked against Kapso's own published OpenAPI of its API generation
 * (../shared/kapso-api/legacy-openapi-platform.yaml and platform-openapi.yaml, or KAPSO_LEGACY_OPENAPI and
 * KAPSO_PLATFORM_OPENAPI): path and method, path and query parameters, and the JSON body, with the spec's
 * objects closed so that a misspelt field fails here although the spec itself would let it through.
 * Each scenario runs every operation in every scope (and kind, and verify on the Platform API) and must
 * have used every webhook operation of its spec. The specs are not part of this repository; where one is
 * absent (a user's clone), its test is skipped, saying so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { GitHubEmulator } from '../emulator/github.js'
import { EMULATOR_DEFAULTS, type Api, type RecordedRequest } from '../emulator/server.js'
import { useEmulator } from './support/emulator.js'
import { emulatorInputs } from '../scripts/run-action.js'
import { pullRequestEvent, type PullRequestAction } from '../scripts/github-events.js'
import { run } from '../src/main.js'
import { clearCore, recorded, setInputs } from './support/core.js'
import { openApiSpec, skipNote, specMissing, type SpecName } from './support/openapi.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const REPO = 'octo-org/shop'
const TOKEN = 'ghs_contract0000000000000000'
const URL_A = 'https://pr-5.preview.example.com/api/whatsapp'

// Kapso's delivery retries after 10, 40 and 90 s take 10, 40 and 90 ms here.
const emulator = useEmulator({ projectEventsPlan: true, receiverTimeoutMs: 200, deliveryTimeScale: 0.001 })
let github: GitHubEmulator
const eventDir = mkdtempSync(join(tmpdir(), 'contract-'))
const event = join(eventDir, 'event.json')
beforeAll(async () => {
  github = await GitHubEmulator.start({ repository: REPO, token: TOKEN })
})
afterAll(async () => {
  await github.close()
  rmSync(eventDir, { recursive: true, force: true })
})

/** One run of the action in-process; `expected` is the result output, or 'failed' for a step meant to fail. */
async function step(inputs: Record<string, string>, expected: string): Promise<Record<string, string>> {
  clearCore()
  setInputs(inputs)
  await run()
  if (expected === 'failed') expect(recorded.failure()).toBeDefined()
  else expect(recorded.failure()).toBeUndefined()
  if (expected !== 'failed') expect(recorded.outputs().result).toBe(expected)
  return recorded.outputs()
}

/** The scenario's steps as the runner of a pull request's workflow would run them. */
async function asPullRequest(action: PullRequestAction, number: number, steps: () => Promise<void>): Promise<void> {
  writeFileSync(event, JSON.stringify(pullRequestEvent(action, number, { repository: REPO }).payload))
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: github.apiUrl
  })
  try {
    await steps()
  } finally {
    for (const name of ['GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH', 'GITHUB_REPOSITORY', 'GITHUB_API_URL'])
      delete process.env[name]
  }
}

/** Checks every request the emulator recorded for one API generation; returns the operations they used. */
function checkRequests(name: SpecName, api: Api): Set<string> {
  const spec = openApiSpec(name)
  if (!spec) throw new Error(specMissing(name))
  const requests = emulator.requests.filter((r) => r.api === api).map(queryEventTypeChecked)
  const problems = requests.flatMap((r) => spec.checkRequest(r))
  expect(problems).toEqual([])
  return new Set(requests.map((r) => spec.operationId(r.method, r.path) ?? '?'))
}

/**
 * The one thing the action sends that the OpenAPI does not declare: the test endpoint's event_type in the
 * query as well as in the body, as Kapso's own script sends it (gokapso/agent-skills,
 * skills/integrate-whatsapp/scripts/test.js). It must say what the body says; the body is what is checked.
 */
function queryEventTypeChecked(request: RecordedRequest): RecordedRequest {
  if (!/^\/whatsapp\/webhooks\/[^/]+\/test$/.test(request.path)) return request
  const inQuery = request.query.filter(([name]) => name === 'event_type').map(([, value]) => value)
  const inBody = (request.body as { event_type?: unknown } | undefined)?.event_type
  expect(inQuery, 'event_type in the query, as in the body').toEqual(inBody === undefined ? [] : [inBody])
  return { ...request, query: request.query.filter(([name]) => name !== 'event_type') }
}

const haveLegacy = openApiSpec('legacy') !== undefined
const havePlatform = openApiSpec('platform') !== undefined
const skipped = skipNote("The contract tests of the action's requests", ['legacy', 'platform'])
if (skipped) console.info(skipped)

/** Every field an input can set, other than those of one scope or kind. */
const everyField = {
  'secret-key': 'contract-secret-1234567890',
  active: 'false',
  headers: '{"X-Env": "preview"}',
  'buffer-enabled': 'true',
  'buffer-window-seconds': '10',
  'max-buffer-size': '25',
  'buffer-events': 'whatsapp.message.received',
  'inactivity-minutes': '30'
}

/** upsert (every field, back to the defaults, moved by webhook-id), create, delete (dry run, by url, by id). */
async function everyOperation(api: Api, extra: Record<string, string> = {}): Promise<void> {
  const base = {
    ...emulatorInputs(emulator, api),
    url: URL_A,
    events: 'whatsapp.message.received, whatsapp.message.sent'
  }
  // Enough look-alike webhooks that finding by url reads a second page.
  for (let i = 0; i < 120; i++)
    emulator.seed(api, api === 'legacy' ? EMULATOR_DEFAULTS.configId : EMULATOR_DEFAULTS.phoneNumberId, {
      url: `${URL_A}/v${i}`
    })
  const created = await step({ ...base, ...everyField, ...extra }, 'created')
  await step(base, 'updated')
  await step(
    {
      ...base,
      ...everyField,
      'secret-key': 'another-secret-0987654321',
      'webhook-id': created['webhook-id'] ?? '',
      url: `${URL_A}/moved`
    },
    'updated'
  )
  await step({ ...base, operation: 'create' }, 'created')
  await step({ ...base, operation: 'delete', 'dry-run': 'true' }, 'deleted')
  await step({ ...base, operation: 'delete' }, 'deleted')
  await step({ ...base, url: '', operation: 'delete', 'webhook-id': created['webhook-id'] ?? '' }, 'deleted')
  await step({ ...base, url: '', operation: 'delete', 'webhook-id': created['webhook-id'] ?? '' }, 'absent')
  // As a pull request's workflow: create with the ownership record, delete on close by the record, then sweep.
  await asPullRequest('opened', 5, () =>
    step({ ...base, operation: 'auto', url: `${URL_A}/pr-5` }, 'created').then(() => undefined)
  )
  await asPullRequest('closed', 5, () => step({ ...base, operation: 'auto', url: '' }, 'deleted').then(() => undefined))
  github.setPullRequests([{ number: 6, state: 'closed' }])
  const scope = api === 'legacy' ? EMULATOR_DEFAULTS.configId : EMULATOR_DEFAULTS.phoneNumberId
  emulator.seed(api, scope, {
    url: `${URL_A}/pr-6`,
    headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=6` }
  })
  await asPullRequest('closed', 6, () =>
    step({ ...base, url: '', operation: 'sweep', 'github-token': TOKEN }, 'deleted').then(() => undefined)
  )
}

describe.skipIf(!haveLegacy)('requests to the legacy API', () => {
  it("match Kapso's OpenAPI, for every operation and every field", async () => {
    await everyOperation('legacy')
    expect([...checkRequests('legacy', 'legacy')].sort()).toEqual([
      'createPlatformWhatsappWebhook',
      'deletePlatformWhatsappWebhook',
      'getPlatformWhatsappWebhook',
      'listPlatformWhatsappWebhooks',
      'updatePlatformWhatsappWebhook'
    ])
  })
})

describe.skipIf(!havePlatform)('requests to the Platform API', () => {
  it("match Kapso's OpenAPI, in every scope and kind, verify included", async () => {
    await everyOperation('platform', { 'payload-version': 'v1' })
    const number = emulatorInputs(emulator, 'platform')
    const project = { 'api-key': EMULATOR_DEFAULTS.apiKey, 'api-url': emulator.apiUrl('platform'), scope: 'project' }
    const meta = { ...number, url: 'https://meta-relay.example.com/whatsapp', kind: 'meta' }
    const metaCreated = await step({ ...meta, 'secret-key': 'meta-secret-1234567890' }, 'created')
    await step({ ...meta, headers: 'X-Relay: eu', active: 'false' }, 'updated')
    await step({ ...meta, operation: 'delete', url: '', 'webhook-id': metaCreated['webhook-id'] ?? '' }, 'deleted')

    const projectUrl = 'https://ops.example.com/kapso'
    const projectCreated = await step(
      {
        ...project,
        url: projectUrl,
        events: 'whatsapp.phone_number.created',
        'payload-version': 'v1',
        headers: 'X-Env: ops'
      },
      'created'
    )
    await step({ ...project, url: projectUrl, events: 'project.event, workflow.execution.failed' }, 'updated')
    await step(
      {
        ...project,
        url: '',
        events: 'project.event',
        'webhook-id': projectCreated['webhook-id'] ?? '',
        'inactivity-minutes': '15'
      },
      'updated'
    )
    await step({ ...project, url: projectUrl, operation: 'delete' }, 'deleted')
    await asPullRequest('opened', 7, () =>
      step(
        { ...project, url: `${projectUrl}/pr-7`, events: 'workflow.execution.handoff', operation: 'auto' },
        'created'
      ).then(() => undefined)
    )
    await asPullRequest('closed', 7, () => step({ ...project, operation: 'auto' }, 'deleted').then(() => undefined))

    // verify: the test endpoint and the deliveries list, in both scopes. Nothing listens at port 1, so the
    // delivery fails fast and the step with it; the requests are what is checked here.
    await step(
      { ...number, url: 'https://127.0.0.1:1/hook', events: 'whatsapp.message.sent', verify: 'true' },
      'failed'
    )
    await step(
      { ...project, url: 'https://127.0.0.1:1/project', events: 'workflow.execution.failed', verify: 'true' },
      'failed'
    )
    await step({ ...number, url: 'https://127.0.0.1:1/meta', kind: 'meta', verify: 'true' }, 'failed')

    expect([...checkRequests('platform', 'platform')].sort()).toEqual([
      'createWhatsappPhoneNumberWebhook',
      'createWhatsappProjectWebhook',
      'deleteWhatsappPhoneNumberWebhook',
      'deleteWhatsappProjectWebhook',
      'getWhatsappPhoneNumberWebhook',
      'getWhatsappProjectWebhook',
      'listWebhookDeliveries',
      'listWhatsappPhoneNumberWebhooks',
      'listWhatsappProjectWebhooks',
      'testWhatsappProjectWebhook',
      'updateWhatsappPhoneNumberWebhook',
      'updateWhatsappProjectWebhook'
    ])
  })
})
