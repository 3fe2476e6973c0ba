/**
 * The Platform API's webhooks beyond a phone number's kapso-kind ones, through the built bundle: project
 * webhooks (scope: project), kinds (meta), payload versions, and verify with real HTTPS receivers that
 * accept, refuse, or never answer. Every run is scanned for leaks.
 */
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GitHubEmulator } from '../emulator/github.js'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID, KapsoEmulator } from '../emulator/server.js'
import { FAKE_GITHUB_TOKEN, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { Receiver } from '../scripts/receiver.js'
import { haveOpenssl } from '../scripts/tls.js'
import { pullRequestEvent, pushEvent, scheduleEvent, type PullRequestAction } from '../scripts/github-events.js'

const canRun = haveOpenssl()
if (!canRun)
  console.warn(
    'Platform test skipped: it needs the openssl command to make a certificate for the local HTTPS receiver.'
  )

const NUMBER = EMULATOR_DEFAULTS.phoneNumberId
const REPO = 'octo-org/shop'
const SECRET = 'platform-signing-secret-5e4d3c2b1a09'

describe.skipIf(!canRun)('the Platform API', () => {
  let kapso: KapsoEmulator
  let receiver: Receiver
  let github: GitHubEmulator
  beforeAll(async () => {
    receiver = await Receiver.start()
    // Kapso's retries after 10, 40 and 90 s take 10, 40 and 90 ms here.
    kapso = await KapsoEmulator.start({ deliveryCa: receiver.cert, receiverTimeoutMs: 600, deliveryTimeScale: 0.001 })
    github = await GitHubEmulator.start({ repository: REPO, token: FAKE_GITHUB_TOKEN })
  })
  afterAll(async () => {
    await kapso.close()
    await receiver.close()
    await github.close()
  })
  beforeEach(() => {
    kapso.reset()
    receiver.reset()
  })

  const base = (): Record<string, string> => ({
    'api-key': EMULATOR_DEFAULTS.apiKey,
    'api-url': kapso.apiUrl('platform')
  })
  const number = (more: Record<string, string> = {}): Record<string, string> => ({
    ...base(),
    'phone-number-id': NUMBER,
    ...more
  })
  const project = (more: Record<string, string> = {}): Record<string, string> => ({
    ...base(),
    scope: 'project',
    ...more
  })

  async function step(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
    return runChecked(inputs, { secrets: [SECRET, ...kapso.webhooks().map((w) => w.secret_key ?? '')], options })
  }
  const failed = (run: ActionRun): string => /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? ''

  describe('project webhooks (scope: project)', () => {
    const URL_P = 'https://ops.example.com/kapso/project'
    const events = 'whatsapp.phone_number.created, workflow.execution.failed'

    it('creates, re-runs unchanged, updates, dry-runs a delete, deletes and creates with operation create, on /whatsapp/webhooks', async () => {
      const created = await step(project({ url: URL_P, events }))
      expect(created.outputs).toMatchObject({ result: 'created', url: URL_P })
      const [stored] = kapso.webhooks('platform', EMULATOR_PROJECT_ID)
      expect(stored).toMatchObject({
        id: created.outputs['webhook-id'],
        events: ['whatsapp.phone_number.created', 'workflow.execution.failed']
      })
      expect(kapso.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/whatsapp/webhooks'])
      expect(created.summary).toContain('the project (scope: project)')

      expect((await step(project({ url: URL_P, events }))).outputs.result).toBe('unchanged')
      const updated = await step(project({ url: URL_P, events: 'project.event' }))
      expect(updated.exitCode).toBe(1)
      expect(failed(updated)).toMatch(
        /^Kapso refused updating webhook \S+ \(HTTP 402, payment required\): the project's plan does not include it; project\.event needs a plan with project events\./
      )
      kapso.configure({ projectEventsPlan: true })
      expect((await step(project({ url: URL_P, events: 'project.event' }))).outputs.result).toBe('updated')

      expect((await step(project({ url: URL_P, operation: 'delete', 'dry-run': 'true' }))).outputs).toMatchObject({
        result: 'deleted',
        'dry-run': 'true'
      })
      expect((await step(project({ url: URL_P, operation: 'delete' }))).outputs.result).toBe('deleted')
      expect(kapso.webhooks()).toHaveLength(0)

      // operation create: a new project webhook each time, never a phone number's.
      for (let i = 0; i < 2; i++)
        expect((await step(project({ url: URL_P, events, operation: 'create' }))).outputs.result).toBe('created')
      expect(kapso.webhooks('platform', EMULATOR_PROJECT_ID)).toHaveLength(2)
      expect((await step(project({ url: URL_P, operation: 'delete' }))).outputs['deleted-count']).toBe('2')
    })

    it("never matches a phone number's webhook with the same URL, though the project list holds it", async () => {
      const theirs = kapso.seed('platform', NUMBER, { url: URL_P, events: ['whatsapp.message.received'] })
      const created = await step(project({ url: URL_P, events }))
      expect(created.outputs.result).toBe('created')
      expect((await step(project({ url: URL_P, operation: 'delete' }))).outputs['deleted-count']).toBe('1')
      expect(kapso.webhooks()).toEqual([
        expect.objectContaining({ id: theirs.id, events: ['whatsapp.message.received'] })
      ])
    })

    it('checks events per scope, naming the scope an event belongs to', async () => {
      const run = await step(project({ url: URL_P, events: 'whatsapp.message.received' }))
      expect(failed(run)).toBe(
        "Invalid input: events has whatsapp.message.received, a phone-number event: project webhooks (scope: project) never receive message, conversation or contact events. Give phone-number-id for a phone number's webhook."
      )
      expect(failed(await step(project({ url: URL_P, events: 'workflow.execution.faild' })))).toContain(
        'did you mean "workflow.execution.failed"?'
      )
      expect(failed(await step(project({ url: URL_P, events, 'phone-number-id': NUMBER })))).toMatch(
        /^Invalid input: scope project takes neither whatsapp-config-id nor phone-number-id/
      )
      expect(kapso.requests).toHaveLength(0)
    })

    it("auto deletes on close by the record, sweep removes closed pull requests' webhooks, cleanup removes its own", async () => {
      const pr = (action: PullRequestAction, n: number): RunOptions => ({
        event: pullRequestEvent(action, n, { repository: REPO, apiUrl: github.apiUrl })
      })
      expect(
        (await step(project({ url: `${URL_P}/pr-1`, events, operation: 'auto' }), pr('opened', 1))).outputs.result
      ).toBe('created')
      expect((await step(project({ operation: 'auto' }), pr('closed', 1))).outputs.result).toBe('deleted')

      await step(project({ url: `${URL_P}/pr-2`, events, operation: 'auto' }), pr('opened', 2))
      github.setPullRequests([{ number: 2, state: 'merged' }])
      const swept = await step(project({ operation: 'sweep' }), {
        event: scheduleEvent({ repository: REPO, apiUrl: github.apiUrl })
      })
      expect(swept.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '1' })

      const push: RunOptions = { event: pushEvent({ repository: REPO }) }
      const main = await step(project({ url: `${URL_P}/e2e`, events, cleanup: 'true' }), push)
      const post = await step(project({ url: `${URL_P}/e2e`, events, cleanup: 'true' }), {
        ...push,
        postState: main.state
      })
      expect(post.stdout).toContain(`Cleanup: deleted webhook ${main.outputs['webhook-id']}.`)
      expect(kapso.webhooks()).toHaveLength(0)
    })
  })

  describe('kinds', () => {
    const URL_M = 'https://meta-relay.example.com/whatsapp'

    it('keeps a meta webhook: created with its kind and no events, unchanged on re-run, its headers updated', async () => {
      const created = await step(number({ url: URL_M, kind: 'meta', 'secret-key': SECRET }))
      expect(created.outputs.result).toBe('created')
      expect(kapso.webhooks()).toEqual([expect.objectContaining({ kind: 'meta', events: [], url: URL_M })])
      expect(kapso.requests.find((r) => r.method === 'POST')?.body).toEqual({
        whatsapp_webhook: { url: URL_M, secret_key: SECRET, kind: 'meta', active: true }
      })
      expect((await step(number({ url: URL_M, kind: 'meta', 'secret-key': SECRET }))).outputs.result).toBe('unchanged')
      const updated = await step(number({ url: URL_M, kind: 'meta', 'secret-key': SECRET, headers: 'X-Relay: eu' }))
      expect(updated.outputs.result).toBe('updated')
      expect(updated.stdout).toContain('headers: (none) -> X-Relay (values hidden)')
    })

    it("matches only the kind asked for: a kapso upsert and delete with the meta webhook's URL leave it alone", async () => {
      const meta = kapso.seed('platform', NUMBER, { url: URL_M, kind: 'meta', events: [] })
      const upsert = await step(number({ url: URL_M, events: 'whatsapp.message.received' }))
      expect(upsert.outputs.result).toBe('created')
      expect((await step(number({ url: URL_M, operation: 'delete' }))).outputs['deleted-count']).toBe('1')
      expect(kapso.webhooks().map((w) => w.id)).toEqual([meta.id])
      const byId = await step(number({ operation: 'delete', 'webhook-id': meta.id }))
      expect(failed(byId)).toBe(
        `webhook-id ${meta.id} is a meta-kind webhook; this step deletes kapso-kind webhooks only (the kind input). Nothing was deleted.`
      )
      expect((await step(number({ operation: 'delete', 'webhook-id': meta.id, kind: 'meta' }))).outputs.result).toBe(
        'deleted'
      )
    })

    it.each([
      [
        { 'whatsapp-config-id': EMULATOR_DEFAULTS.configId, 'phone-number-id': '', kind: 'meta', 'api-url': '' },
        'kind meta is a Platform API webhook: give phone-number-id instead of whatsapp-config-id.'
      ],
      [
        { 'phone-number-id': '', scope: 'project', kind: 'meta' },
        "kind meta needs phone-number-id: Meta's raw payloads belong to one phone number, not to the project."
      ],
      [
        { kind: 'meta', events: 'whatsapp.message.received' },
        'events is not for kind meta: Meta sends its raw payloads, with no Kapso events, batching or payload version. Remove events.'
      ],
      [
        { kind: 'meta', 'buffer-enabled': 'true' },
        'buffer-enabled must be false for kind meta: Meta payloads are not batched.'
      ],
      [{ kind: 'Meta' }, 'kind must be kapso (Kapso\'s events) or meta (Meta\'s raw payloads); got "Meta".']
    ])('refuses %j before any request', async (inputs, message) => {
      const run = await step(number({ url: URL_M, ...inputs }))
      expect(failed(run)).toBe(`Invalid input: ${message}`)
      expect(kapso.requests).toHaveLength(0)
    })
  })

  describe('payload versions', () => {
    const URL_V = 'https://pr-8.preview.example.com/api/whatsapp'
    const events = 'whatsapp.message.received'

    it('creates with the version asked for', async () => {
      expect((await step(number({ url: URL_V, events, 'payload-version': 'v1' }))).outputs.result).toBe('created')
      expect(kapso.webhooks()[0]?.payload_version).toBe('v1')
    })

    it("sets a webhook switched to another version back, and Kapso's default when the input is empty", async () => {
      const stored = kapso.seed('platform', NUMBER, {
        url: URL_V,
        events: [events],
        payload_version: 'v2',
        secret_key: SECRET
      })
      const drifted = await step(number({ url: URL_V, events, 'payload-version': 'v1', 'secret-key': SECRET }))
      expect(drifted.outputs.result).toBe('updated')
      expect(drifted.stdout).toContain('  payload-version: v2 -> v1')
      expect(kapso.webhooks()).toEqual([expect.objectContaining({ id: stored.id, payload_version: 'v1' })])
      expect(
        (await step(number({ url: URL_V, events, 'payload-version': 'v1', 'secret-key': SECRET }))).outputs.result
      ).toBe('unchanged')
      const back = await step(number({ url: URL_V, events, 'secret-key': SECRET }))
      expect(back.stdout).toContain('  payload-version: v1 -> v2')
    })

    it('is refused on the legacy API, which has none', async () => {
      const run = await step({
        ...base(),
        'api-url': kapso.apiUrl('legacy'),
        'whatsapp-config-id': EMULATOR_DEFAULTS.configId,
        url: URL_V,
        events,
        'payload-version': 'v2'
      })
      expect(failed(run)).toBe(
        'Invalid input: payload-version is a Platform API setting: the legacy API (whatsapp-config-id) has none. Remove it, or use phone-number-id.'
      )
    })
  })

  describe('verify', () => {
    const events = 'whatsapp.message.received, whatsapp.message.sent'

    it('reports a delivery the endpoint accepted, signed with the secret the step outputs', async () => {
      const run = await step(number({ url: receiver.url('/ok'), events, verify: 'true' }))
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.outputs).toMatchObject({
        result: 'created',
        'delivery-status': 'delivered',
        'delivery-response-status': '200'
      })
      expect(run.stdout).toContain(
        `Kapso's test delivery of whatsapp.message.received to ${receiver.url('/ok')} was delivered: the endpoint answered HTTP 200.`
      )
      expect(run.summary).toContain(
        'Delivery check (whatsapp.message.received): <strong>delivered</strong>, the endpoint answered HTTP 200.'
      )
      const [delivery] = receiver.received
      expect(delivery?.headers['x-webhook-event']).toBe('whatsapp.message.received')
      const signature = createHmac('sha256', run.outputs['secret-key'] ?? '')
        .update(delivery?.raw ?? '')
        .digest('hex')
      expect(delivery?.headers['x-webhook-signature']).toBe(signature)
      // Verified again on a re-run that finds the webhook unchanged.
      const again = await step(number({ url: receiver.url('/ok'), events, verify: 'true' }))
      expect(again.outputs).toMatchObject({ result: 'unchanged', 'delivery-status': 'delivered' })
    })

    it.each([
      [404, 'has no such webhook'],
      [403, 'cannot use webhook test deliveries or the deliveries list'],
      [302, 'redirects are not followed']
    ])(
      "says what Kapso's test endpoint refused with HTTP %i, as for any other request, and writes no outputs",
      async (status, words) => {
        kapso.inject({ method: 'POST', path: /\/test$/, fault: { kind: 'status', status, body: { error: 'nope' } } })
        const run = await step(number({ url: receiver.url('/ok'), events, verify: 'true' }))
        expect(run.exitCode).toBe(1)
        expect(failed(run)).toContain(`while asking Kapso for a test delivery to webhook ${kapso.webhooks()[0]?.id}`)
        expect(failed(run)).toContain(words)
        expect(run.outputs).toEqual({})
      }
    )

    it('fails the step on a 401, naming the likely causes, with the outputs written', async () => {
      const run = await step(number({ url: receiver.url('/denied'), events, verify: 'true' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({
        result: 'created',
        'delivery-status': 'failed',
        'delivery-response-status': '401'
      })
      expect(failed(run)).toMatch(
        /^Kapso's test delivery of whatsapp\.message\.received to \S+ failed: the endpoint answered HTTP 401\. Likely cause: the preview is protected by its host \(a Vercel preview with Deployment Protection answers 401 until its bypass header, x-vercel-protection-bypass, is sent: add it through headers\)/
      )
      expect(kapso.webhooks()).toHaveLength(1)
    })

    it('fails on an endpoint that never answers, once Kapso gives up on it', async () => {
      const run = await step(number({ url: receiver.url('/silent'), events, verify: 'true' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({ 'delivery-status': 'failed', 'delivery-response-status': '' })
      expect(failed(run)).toContain(
        "failed: the endpoint never answered Kapso's 4 attempts. Likely cause: the endpoint gave no answer within the 10 s Kapso waits"
      )
    })

    it('warns, without failing, when Kapso has no outcome within verify-timeout-seconds', async () => {
      kapso.configure({ receiverTimeoutMs: 5000 })
      const run = await step(
        number({ url: receiver.url('/silent'), events, verify: 'true', 'verify-timeout-seconds': '1' })
      )
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ result: 'created', 'delivery-status': 'unconfirmed' })
      expect(run.stdout).toMatch(
        /::warning::Kapso's test delivery of whatsapp\.message\.received to \S+ is not confirmed yet: the endpoint has not answered Kapso's attempt so far\. Kapso waits 10 s for an answer, retries 10, 40 and 90 s after a failed attempt/
      )
    })

    it('reports a first attempt the endpoint refused as failed, while Kapso would still retry it', async () => {
      kapso.configure({ deliveryRetryDelaysMs: [60_000], deliveryTimeScale: 1 })
      const run = await step(number({ url: receiver.url('/flaky'), events, verify: 'true' }))
      expect(run.outputs).toMatchObject({ 'delivery-status': 'failed', 'delivery-response-status': '401' })
    })

    it("verifies a project webhook with one of its own events, and a meta webhook with Kapso's default test", async () => {
      kapso.configure({ projectEventsPlan: true })
      const projectRun = await step(
        project({ url: receiver.url('/ok'), events: 'workflow.execution.handoff', verify: 'true' })
      )
      expect(projectRun.outputs['delivery-status']).toBe('delivered')
      const metaRun = await step(number({ url: receiver.url('/ok/meta'), kind: 'meta', verify: 'true' }))
      expect(metaRun.outputs['delivery-status']).toBe('delivered')
      expect(receiver.received.map((r) => r.headers['x-webhook-event'])).toEqual([
        'workflow.execution.handoff',
        'whatsapp.message.received'
      ])
      expect(kapso.requests.filter((r) => r.path.endsWith('/test')).map((r) => r.body)).toEqual([
        { event_type: 'workflow.execution.handoff' },
        {}
      ])
    })

    it('is an input error on the legacy API, and skipped in a dry run', async () => {
      const legacy = await step({
        ...base(),
        'api-url': kapso.apiUrl('legacy'),
        'whatsapp-config-id': EMULATOR_DEFAULTS.configId,
        url: receiver.url('/ok'),
        events,
        verify: 'true'
      })
      expect(failed(legacy)).toBe(
        "Invalid input: verify needs the Platform API's test endpoint, which the legacy API (whatsapp-config-id) does not have: use phone-number-id, or set verify to false."
      )
      const dry = await step(number({ url: receiver.url('/ok'), events, verify: 'true', 'dry-run': 'true' }))
      expect(dry.stdout).toContain('verify is skipped in a dry run: nothing is written, not even a test delivery.')
      expect(dry.outputs).toMatchObject({ 'dry-run': 'true', 'delivery-status': '' })
      expect(receiver.received).toHaveLength(0)
      const tooLong = await step(
        number({ url: receiver.url('/ok'), events, verify: 'true', 'verify-timeout-seconds': '300' })
      )
      expect(failed(tooLong)).toBe(
        'Invalid input: verify-timeout-seconds (300) must be less than timeout-seconds (300), which bounds the whole step, verification included.'
      )
    })
  })
})
