/**
 * Kapso's current event catalog (gokapso/agent-skills, skills/integrate-whatsapp/references/webhooks-reference.md
 * @90dadcba): which names each kind of webhook takes, Kapso's 422 for any other name, the test endpoint's
 * event_type in the query (Kapso's test.js) or the body (the spec), and a sample delivery for every event.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  EMULATOR_DEFAULTS,
  EMULATOR_PROJECT_ID,
  EVENT_CATALOG,
  KAPSO_EVENTS,
  PHONE_NUMBER_EVENTS,
  PROJECT_EVENTS
} from '../emulator/server.js'
import { callApi, type Answer } from './support/api.js'
import { useEmulator } from './support/emulator.js'

// Written out from Kapso's page, not taken from the emulator, so that a name it lost or gained shows here.
const MESSAGE = [
  'whatsapp.message.received',
  'whatsapp.message.sent',
  'whatsapp.message.delivered',
  'whatsapp.message.read',
  'whatsapp.message.failed'
]
const CONVERSATION = ['whatsapp.conversation.created', 'whatsapp.conversation.ended', 'whatsapp.conversation.inactive']
const CONTACT = [
  'whatsapp.contact.identity_changed',
  'whatsapp.contact.marketing_preference_changed',
  'whatsapp.meta_business_agent.handover'
]
const LIFECYCLE = [
  'whatsapp.config.created',
  'whatsapp.phone_number.created',
  'whatsapp.phone_number.deleted',
  'whatsapp.phone_number.offboarded',
  'whatsapp.phone_number.disconnected',
  'whatsapp.phone_number.reconnected'
]
const ACCOUNT = [
  'whatsapp.account.disabled',
  'whatsapp.account.restricted',
  'whatsapp.account.reinstated',
  'whatsapp.account.violation'
]
const WORKFLOW = ['workflow.execution.handoff', 'workflow.execution.failed']
const AGENT_RUN = [
  'kapso_agent.run.approval_required',
  'kapso_agent.run.completed',
  'kapso_agent.run.failed',
  'kapso_agent.run.cancelled'
]
const NUMBER_SIDE = [...MESSAGE, ...CONVERSATION, ...CONTACT]
const PROJECT_SIDE = [...LIFECYCLE, ...ACCOUNT, ...WORKFLOW, 'project.event', ...AGENT_RUN]

const emulator = useEmulator({ projectEventsPlan: true, deliveryTimeScale: 0.001 })
const NUMBER = `/whatsapp/phone_numbers/${EMULATOR_DEFAULTS.phoneNumberId}/webhooks`
const LEGACY = `/whatsapp_configs/${EMULATOR_DEFAULTS.configId}/whatsapp_webhooks`
const PROJECT = '/whatsapp/webhooks'
const hook = (fields: Record<string, unknown>): unknown => ({
  whatsapp_webhook: { url: 'https://example.com/hook', secret_key: 's3cret', ...fields }
})
const call = (method: string, path: string, body?: unknown, api: 'platform' | 'legacy' = 'platform'): Promise<Answer> =>
  callApi(`${emulator.apiUrl(api)}${path}`, method, body)

describe('the catalog', () => {
  it("is Kapso's, in its groups and scopes", () => {
    expect(EVENT_CATALOG.map((g) => [g.scope, [...g.events]])).toEqual([
      ['phone_number', MESSAGE],
      ['phone_number', CONVERSATION],
      ['phone_number', CONTACT],
      ['project', LIFECYCLE],
      ['project', ACCOUNT],
      ['project', WORKFLOW],
      ['project', ['project.event']],
      ['project', AGENT_RUN]
    ])
    expect([PHONE_NUMBER_EVENTS, PROJECT_EVENTS, KAPSO_EVENTS]).toEqual([
      NUMBER_SIDE,
      PROJECT_SIDE,
      [...NUMBER_SIDE, ...PROJECT_SIDE]
    ])
  })

  it('takes every event of its scope on each kind of webhook', async () => {
    expect(await call('POST', NUMBER, hook({ events: NUMBER_SIDE }))).toMatchObject({
      status: 201,
      json: { data: { events: NUMBER_SIDE } }
    })
    expect(await call('POST', LEGACY, hook({ events: NUMBER_SIDE }), 'legacy')).toMatchObject({
      status: 201,
      json: { data: { events: NUMBER_SIDE } }
    })
    expect(await call('POST', PROJECT, hook({ events: PROJECT_SIDE }))).toMatchObject({
      status: 201,
      json: { data: { events: PROJECT_SIDE, phone_number_id: null } }
    })
  })
})

describe("Kapso's 422 for event names", () => {
  it("answers an unknown name with Kapso's exact body, on every route, and saves nothing", async () => {
    const body = { error: 'Events contains unsupported events: "whatsapp.message.status_updated"' }
    const events = ['whatsapp.message.received', 'whatsapp.message.status_updated']
    expect(await call('POST', NUMBER, hook({ events }))).toMatchObject({ status: 422, json: body })
    expect(await call('POST', LEGACY, hook({ events }), 'legacy')).toMatchObject({ status: 422, json: body })
    expect(await call('POST', PROJECT, hook({ events: ['whatsapp.message.status_updated'] }))).toMatchObject({
      status: 422,
      json: body
    })
    expect(emulator.webhooks()).toEqual([])
  })

  it('lists every unknown name once, in the order sent, each in double quotes, comma-separated', async () => {
    const events = ['b.unknown', 'whatsapp.message.sent', 'a.unknown', 'b.unknown', 'say "hi"']
    const answer = await call('POST', NUMBER, hook({ events }))
    expect(answer.json).toEqual({
      error: 'Events contains unsupported events: "b.unknown", "a.unknown", "say \\"hi\\""'
    })
  })

  it('keeps the existing subscriptions when an update names an unknown event', async () => {
    const created = await call('POST', NUMBER, hook({ events: ['whatsapp.message.sent'] }))
    const patched = await call(
      'PATCH',
      `${NUMBER}/${created.json.data.id}`,
      hook({ events: ['whatsapp.message.sent', 'whatsapp.message.status_updated'], active: false })
    )
    expect(patched).toMatchObject({
      status: 422,
      json: { error: 'Events contains unsupported events: "whatsapp.message.status_updated"' }
    })
    expect(emulator.webhooks()).toMatchObject([{ events: ['whatsapp.message.sent'], active: true }])
  })

  it('refuses, in the same words, a known event of the other scope, listing those', async () => {
    expect(
      (await call('POST', PROJECT, hook({ events: ['workflow.execution.failed', ...MESSAGE.slice(0, 2), CONTACT[2]] })))
        .json
    ).toEqual({
      error:
        'Events contains unsupported events: "whatsapp.message.received", "whatsapp.message.sent", "whatsapp.meta_business_agent.handover"'
    })
    expect((await call('POST', LEGACY, hook({ events: ['whatsapp.config.created'] }), 'legacy')).json).toEqual({
      error: 'Events contains unsupported events: "whatsapp.config.created"'
    })
    // Unknown names come first: they are refused whatever the scope.
    expect((await call('POST', NUMBER, hook({ events: ['project.event', 'no.such.event'] }))).json).toEqual({
      error: 'Events contains unsupported events: "no.such.event"'
    })
    expect(emulator.webhooks()).toEqual([])
  })
})

describe("the test endpoint's event_type", () => {
  async function numberWebhook(): Promise<string> {
    return (
      await call(
        'POST',
        NUMBER,
        hook({ url: 'https://127.0.0.1:1/hook', events: ['whatsapp.message.received', 'whatsapp.message.read'] })
      )
    ).json.data.id as string
  }
  const test = (id: string, query: string, body?: unknown): Promise<Answer> =>
    call('POST', `${PROJECT}/${id}/test${query}`, body)

  it("is read from the query, with no body, as Kapso's own test.js sends it", async () => {
    const id = await numberWebhook()
    expect(await test(id, '?event_type=whatsapp.message.read')).toMatchObject({
      status: 200,
      json: { data: { success: true } }
    })
    expect(emulator.deliveries().map((d) => d.event)).toEqual(['whatsapp.message.read'])
    expect(await test(id, '?event_type=whatsapp.message.sent')).toMatchObject({
      status: 422,
      json: { error: 'Event type whatsapp.message.sent is not configured on this webhook' }
    })
  })

  it('is read from the body, as the spec has it, and may be in both when the same', async () => {
    const id = await numberWebhook()
    expect((await test(id, '', { event_type: 'whatsapp.message.read' })).status).toBe(200)
    expect((await test(id, '?event_type=whatsapp.message.read', { event_type: 'whatsapp.message.read' })).status).toBe(
      200
    )
    expect((await test(id, '', {})).status).toBe(200)
    expect(emulator.deliveries().map((d) => d.event)).toEqual([
      'whatsapp.message.read',
      'whatsapp.message.read',
      'whatsapp.message.received'
    ])
  })

  it('refuses different values in the query and the body, or twice in the query, and delivers nothing', async () => {
    const id = await numberWebhook()
    expect(
      await test(id, '?event_type=whatsapp.message.read', { event_type: 'whatsapp.message.received' })
    ).toMatchObject({
      status: 422,
      json: {
        error:
          'Event type is given more than once, with different values: "whatsapp.message.received" (body), "whatsapp.message.read" (query)'
      }
    })
    expect((await test(id, '?event_type=whatsapp.message.read&event_type=whatsapp.message.received')).status).toBe(422)
    expect(emulator.deliveries()).toEqual([])
  })
})

describe('sample deliveries', () => {
  let receiver: Server
  const got = new Map<string, { headers: IncomingHttpHeaders; body: Record<string, unknown> }>()
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let raw = ''
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
      req.on('end', () => {
        got.set(String(req.headers['x-webhook-event']), {
          headers: req.headers,
          body: JSON.parse(raw) as Record<string, unknown>
        })
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise((resolve) => receiver.close(resolve)))
  const url = (): string => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`

  /** Asks for a test delivery of each event (a seeded webhook may point at plain http) and returns what arrived. */
  async function deliverEach(
    scopeId: string,
    events: string[],
    version: string
  ): Promise<Map<string, { headers: IncomingHttpHeaders; body: Record<string, unknown> }>> {
    got.clear()
    const webhook = emulator.seed('platform', scopeId, { url: url(), events, payload_version: version })
    for (const event of events)
      expect((await call('POST', `${PROJECT}/${webhook.id}/test`, { event_type: event })).status, event).toBe(200)
    await emulator.settleDeliveries()
    expect(emulator.deliveries().map((d) => [d.event, d.status])).toEqual(events.map((e) => [e, 'delivered']))
    return got
  }

  it.each(['v2', 'v1'])('has a %s body for every phone-number event, routed to its number', async (version) => {
    const arrived = await deliverEach(EMULATOR_DEFAULTS.phoneNumberId, NUMBER_SIDE, version)
    for (const event of NUMBER_SIDE) {
      const { body, headers }: { body: Record<string, unknown>; headers: IncomingHttpHeaders } = arrived.get(event) ?? {
        body: {},
        headers: {}
      }
      expect(headers['x-webhook-payload-version'], event).toBe(version)
      if (version === 'v2') expect(body.phone_number_id, event).toBe(EMULATOR_DEFAULTS.phoneNumberId)
      else expect(body, event).toMatchObject({ whatsapp_config: { phone_number_id: EMULATOR_DEFAULTS.phoneNumberId } })
      const about = event.startsWith('whatsapp.contact.')
        ? 'contact'
        : event.startsWith('whatsapp.message.')
          ? 'message'
          : 'conversation'
      expect(body, event).toHaveProperty(about)
    }
    expect(arrived.get('whatsapp.conversation.inactive')?.body).toMatchObject({ inactivity: { minutes: 60 } })
    expect(arrived.get('whatsapp.contact.marketing_preference_changed')?.body).toHaveProperty(
      'marketing_preference.status'
    )
  })

  it('has a body for every project event, naming the project', async () => {
    const arrived = await deliverEach(EMULATOR_PROJECT_ID, PROJECT_SIDE, 'v2')
    for (const event of PROJECT_SIDE) {
      const body: Record<string, unknown> = arrived.get(event)?.body ?? {}
      const project = body.project_id ?? (body.project as { id?: string } | undefined)?.id
      expect(project, event).toBe(EMULATOR_PROJECT_ID)
      if (!event.startsWith('whatsapp.phone_number.') && event !== 'whatsapp.config.created')
        expect(body.event, event).toBe(event)
    }
    // Each family has what it is about, not one generic body.
    const about = (event: string): unknown => arrived.get(event)?.body
    for (const event of LIFECYCLE)
      expect(about(event), event).toHaveProperty(
        event === 'whatsapp.config.created' ? 'whatsapp_config.phone_number_id' : 'phone_number_id'
      )
    for (const event of ACCOUNT) expect(about(event), event).toHaveProperty('account.status')
    for (const event of WORKFLOW) expect(about(event), event).toHaveProperty('workflow_execution_id')
    for (const event of AGENT_RUN)
      expect(about(event), event).toHaveProperty('run.status', event.replace('kapso_agent.run.', ''))
    expect(about('whatsapp.phone_number.disconnected')).toHaveProperty('status', 'disconnected')
    expect(about('project.event')).toHaveProperty('name')
    expect(emulator.deliveries().every((d) => d.phone_number_id === null && d.conversation_phone_number === null)).toBe(
      true
    )
  })
})
