/**
 * The Platform API beyond phone-number CRUD: project webhooks, kinds, payload versions, project events
 * and the plan, paging headers, and every rule of emulator/rules.ts, each refused as Kapso refuses it.
 */
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID, STRICTER_RULES, type Api } from '../emulator/server.js'
import { callApi, type Answer } from './support/api.js'
import { useEmulator } from './support/emulator.js'
import { openApiSpec, type OpenApiSpec } from './support/openapi.js'

const emulator = useEmulator({ phoneNumberIds: [EMULATOR_DEFAULTS.phoneNumberId, '222000111'] })

const NUMBER = `/whatsapp/phone_numbers/${EMULATOR_DEFAULTS.phoneNumberId}/webhooks`
const OTHER_NUMBER = '/whatsapp/phone_numbers/222000111/webhooks'
const PROJECT = '/whatsapp/webhooks'

const call = (
  method: string,
  path: string,
  body?: unknown,
  key: string | null = EMULATOR_DEFAULTS.apiKey
): Promise<Answer> => callApi(`${emulator.apiUrl('platform')}${path}`, method, body, { key })
const hook = (fields: Record<string, unknown>): unknown => ({ whatsapp_webhook: fields })
const kapso = { url: 'https://example.com/hook', secret_key: 's3cret', events: ['whatsapp.message.received'] }
const meta = { kind: 'meta', url: 'https://example.com/meta', secret_key: 'meta-secret' }
const projectEvents = { url: 'https://example.com/project', secret_key: 'p', events: ['whatsapp.phone_number.created'] }

describe('project webhooks', () => {
  it('creates a project-scoped webhook without phone_number_id, and a number-scoped one with it', async () => {
    const project = await call(
      'POST',
      PROJECT,
      hook({ url: 'https://example.com/project', events: ['workflow.execution.failed'] })
    )
    expect(project.status).toBe(201)
    expect(project.json.data).toMatchObject({
      phone_number_id: null,
      project_id: EMULATOR_PROJECT_ID,
      secret_key: null,
      kind: 'kapso',
      payload_version: 'v2'
    })
    const number = await call('POST', PROJECT, hook({ ...kapso, phone_number_id: '222000111' }))
    expect(number.json.data).toMatchObject({ phone_number_id: '222000111' })
    expect(emulator.webhooks('platform', EMULATOR_PROJECT_ID).map((w) => w.id)).toEqual([project.json.data.id])
    expect((await call('GET', `${OTHER_NUMBER}/${number.json.data.id}`)).status).toBe(200)
    expect((await call('GET', `${NUMBER}/${number.json.data.id}`)).status).toBe(404)
    expect((await call('POST', PROJECT, hook({ ...kapso, phone_number_id: '999' }))).json).toEqual({
      error: 'Phone number not found'
    })
  })

  it("lists all of the project's webhooks, number-scoped included, newest first; a number lists only its own", async () => {
    const a = emulator.seed('platform', EMULATOR_PROJECT_ID, { url: 'https://example.com/a' })
    const b = emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, { url: 'https://example.com/b' })
    const c = emulator.seed('platform', '222000111', { url: 'https://example.com/c', kind: 'meta', events: [] })
    expect((await call('GET', PROJECT)).json.data.map((w: { id: string }) => w.id)).toEqual([c.id, b.id, a.id])
    expect((await call('GET', `${PROJECT}?kind=meta`)).json.data.map((w: { id: string }) => w.id)).toEqual([c.id])
    expect((await call('GET', NUMBER)).json.data.map((w: { id: string }) => w.id)).toEqual([b.id])
    // A project item route reaches any of them, number-scoped too.
    expect((await call('PATCH', `${PROJECT}/${b.id}`, hook({ active: false }))).json.data).toMatchObject({
      active: false,
      phone_number_id: EMULATOR_DEFAULTS.phoneNumberId
    })
    expect((await call('DELETE', `${PROJECT}/${c.id}`)).status).toBe(204)
    expect(emulator.webhooks().map((w) => w.id)).toEqual([a.id, b.id])
  })

  it("takes only project events on a project-scoped webhook, and only message events on a number's", async () => {
    expect((await call('POST', PROJECT, hook({ ...kapso, url: 'https://example.com/p' }))).json).toEqual({
      error: 'Events contains unsupported events: "whatsapp.message.received"'
    })
    expect((await call('POST', NUMBER, hook({ ...projectEvents }))).status).toBe(422)
    // project.event on a number is a scope error (422), not a plan one (402).
    expect((await call('POST', NUMBER, hook({ ...kapso, events: ['project.event'] }))).status).toBe(422)
    const project = await call('POST', PROJECT, hook(projectEvents))
    expect(
      (await call('PATCH', `${PROJECT}/${project.json.data.id}`, hook({ events: ['whatsapp.message.sent'] }))).status
    ).toBe(422)
  })

  it("answers 402 with Kapso's error body for project.event, unless the plan includes project events", async () => {
    const body = hook({ ...projectEvents, events: ['project.event', 'workflow.execution.failed'] })
    expect(await call('POST', PROJECT, body)).toMatchObject({
      status: 402,
      json: { error: 'Project events are not available on your plan' }
    })
    const plain = await call('POST', PROJECT, hook(projectEvents))
    expect((await call('PATCH', `${PROJECT}/${plain.json.data.id}`, hook({ events: ['project.event'] }))).status).toBe(
      402
    )
    expect(emulator.webhooks()).toHaveLength(1)
    emulator.configure({ projectEventsPlan: true })
    expect((await call('POST', PROJECT, body)).status).toBe(201)
    emulator.reset()
    expect((await call('POST', PROJECT, body)).status).toBe(402)
  })

  it('refuses a wrong API key on every project route and on deliveries', async () => {
    for (const [method, path] of [
      ['GET', PROJECT],
      ['POST', PROJECT],
      ['GET', `${PROJECT}/${EMULATOR_PROJECT_ID}`],
      ['POST', `${PROJECT}/${EMULATOR_PROJECT_ID}/test`],
      ['GET', '/webhook_deliveries']
    ] as const) {
      expect(await call(method, path, undefined, 'wrong')).toMatchObject({
        status: 401,
        json: { error: 'Invalid or missing API key' }
      })
    }
  })
})

describe('kinds and payload versions', () => {
  it('makes a meta webhook with no events, no buffering and no payload version, whatever events were sent', async () => {
    const created = await call('POST', NUMBER, hook({ ...meta, events: ['whatsapp.message.received', 'anything'] }))
    expect(created.status).toBe(201)
    expect(created.json.data).toMatchObject({
      kind: 'meta',
      events: [],
      buffer_enabled: false,
      buffer_events: [],
      buffer_window_seconds: null,
      payload_version: null
    })
    expect(
      (await call('PATCH', `${NUMBER}/${created.json.data.id}`, hook({ events: ['whatsapp.message.sent'] }))).json.data
        .events
    ).toEqual([])
  })

  it('allows one meta webhook per phone number', async () => {
    expect((await call('POST', NUMBER, hook(meta))).status).toBe(201)
    expect(await call('POST', NUMBER, hook({ ...meta, url: 'https://example.com/meta-2' }))).toMatchObject({
      status: 422,
      json: { error: 'Phone number already has a meta webhook' }
    })
    expect(
      (await call('POST', PROJECT, hook({ ...meta, phone_number_id: EMULATOR_DEFAULTS.phoneNumberId }))).status
    ).toBe(422)
    expect((await call('POST', OTHER_NUMBER, hook(meta))).status).toBe(201)
  })

  it("keeps a kapso webhook's payload version, v2 unless told", async () => {
    const v2 = await call('POST', NUMBER, hook(kapso))
    expect(v2.json.data.payload_version).toBe('v2')
    const v1 = await call('POST', NUMBER, hook({ ...kapso, payload_version: 'v1' }))
    expect(v1.json.data.payload_version).toBe('v1')
    expect(
      (await call('PATCH', `${NUMBER}/${v1.json.data.id}`, hook({ payload_version: 'v2' }))).json.data.payload_version
    ).toBe('v2')
    // null is "not given": the version stays.
    expect(
      (await call('PATCH', `${NUMBER}/${v1.json.data.id}`, hook({ payload_version: null }))).json.data.payload_version
    ).toBe('v2')
  })
})

describe('lists', () => {
  it('filters by kind, url, active and creation time, and pages with X-Total headers and a Link', async () => {
    const old = emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, {
      url: 'https://example.com/old',
      active: false,
      created_at: '2020-01-01T00:00:00.000Z'
    })
    for (let i = 0; i < 5; i++)
      emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, { url: `https://example.com/new/${i}` })
    emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, {
      url: 'https://example.com/new/meta',
      kind: 'meta',
      events: []
    })
    const ids = async (query: string): Promise<string[]> =>
      (await call('GET', `${NUMBER}?${query}`)).json.data.map((w: { url: string }) => w.url)
    expect(await ids('created_before=2021-01-01T00:00:00Z')).toEqual([old.url])
    expect(await ids('active=false')).toEqual([old.url])
    expect(await ids('kind=meta')).toEqual(['https://example.com/new/meta'])
    expect(await ids('kind=kapso&url_contains=new/&created_after=2021-01-01T00:00:00Z')).toHaveLength(5)
    const page = await call('GET', `${NUMBER}?url_contains=new&per_page=2&page=2`)
    expect(page.json.meta).toEqual({ page: 2, per_page: 2, total_pages: 3, total_count: 6 })
    expect(
      Object.fromEntries(['x-total', 'x-total-pages', 'x-per-page', 'x-page'].map((h) => [h, page.headers.get(h)]))
    ).toEqual({ 'x-total': '6', 'x-total-pages': '3', 'x-per-page': '2', 'x-page': '2' })
    expect(page.headers.get('link')).toContain(
      `${emulator.apiUrl('platform')}${NUMBER}?url_contains=new&per_page=2&page=3>; rel="next"`
    )
    expect(page.headers.get('link')).toContain('page=1>; rel="prev"')
    for (const bad of ['kind=other', 'active=yes', 'created_after=yesterday', 'page=0'])
      expect((await call('GET', `${NUMBER}?${bad}`)).status).toBe(422)
  })
})

/** One request that breaks each rule of rules.ts, and what Kapso answers. Paths are relative to the API's base. */
const RULE_EXAMPLES: Record<
  string,
  {
    api?: Api
    setUp?: () => Promise<string>
    request: (id: string) => [string, string, unknown]
    status: number
    error: RegExp
  }
> = {
  'kind-immutable': {
    setUp: createKapso,
    request: (id) => ['PATCH', `${NUMBER}/${id}`, hook({ kind: 'meta' })],
    status: 422,
    error: /Kind cannot be changed/
  },
  'meta-needs-phone-number': {
    request: () => ['POST', PROJECT, hook(meta)],
    status: 422,
    error: /Phone number is required for meta/
  },
  'https-url': {
    request: () => ['POST', NUMBER, hook({ ...kapso, url: 'http://example.com/hook' })],
    status: 422,
    error: /must use https/
  },
  'events-known': {
    request: () => [
      'POST',
      NUMBER,
      hook({
        ...kapso,
        events: ['whatsapp.message.recieved', 'whatsapp.message.sent', 'whatsapp.message.status_updated']
      })
    ],
    status: 422,
    error: /^Events contains unsupported events: "whatsapp\.message\.recieved", "whatsapp\.message\.status_updated"$/
  },
  'events-of-scope': {
    request: () => [
      'POST',
      NUMBER,
      hook({ ...kapso, events: ['whatsapp.message.sent', 'workflow.execution.failed', 'kapso_agent.run.failed'] })
    ],
    status: 422,
    error: /^Events contains unsupported events: "workflow\.execution\.failed", "kapso_agent\.run\.failed"$/
  },
  'kapso-needs-events': {
    request: () => ['POST', PROJECT, hook({ url: 'https://example.com/p', secret_key: 's' })],
    status: 422,
    error: /Events can't be blank/
  },
  'secret-not-blank': {
    api: 'legacy',
    request: () => [
      'POST',
      `/whatsapp_configs/${EMULATOR_DEFAULTS.configId}/whatsapp_webhooks`,
      hook({ ...kapso, secret_key: '' })
    ],
    status: 422,
    error: /Secret key can't be blank/
  },
  'buffer-events': {
    request: () => ['POST', NUMBER, hook({ ...kapso, buffer_events: ['whatsapp.message.sent'] })],
    status: 422,
    error: /Buffer events includes an unsupported event/
  },
  'buffer-window-range': {
    request: () => ['POST', NUMBER, hook({ ...kapso, buffer_window_seconds: 61 })],
    status: 422,
    error: /between 1 and 60/
  },
  'max-buffer-size-range': {
    request: () => ['POST', NUMBER, hook({ ...kapso, max_buffer_size: 0 })],
    status: 422,
    error: /between 1 and 100/
  },
  'inactivity-range': {
    request: () => ['POST', NUMBER, hook({ ...kapso, inactivity_minutes: 1441 })],
    status: 422,
    error: /between 1 and 1440/
  },
  'payload-version-values': {
    request: () => ['POST', NUMBER, hook({ ...kapso, payload_version: 'v3' })],
    status: 422,
    error: /v1 or v2/
  },
  'meta-no-buffering': {
    request: () => ['POST', NUMBER, hook({ ...meta, buffer_enabled: true })],
    status: 422,
    error: /Buffering is not supported for meta/
  },
  'meta-no-payload-version': {
    request: () => ['POST', NUMBER, hook({ ...meta, payload_version: 'v2' })],
    status: 422,
    error: /not applicable to meta/
  },
  'one-meta-per-number': {
    setUp: createMeta,
    request: () => ['POST', NUMBER, hook(meta)],
    status: 422,
    error: /already has a meta webhook/
  },
  'test-event-subscribed': {
    setUp: createKapso,
    request: (id) => ['POST', `${PROJECT}/${id}/test`, { event_type: 'whatsapp.message.sent' }],
    status: 422,
    error: /not configured on this webhook/
  },
  'project-event-plan': {
    request: () => ['POST', PROJECT, hook({ ...projectEvents, events: ['project.event'] })],
    status: 402,
    error: /not available on your plan/
  }
}
async function createKapso(): Promise<string> {
  return (await call('POST', NUMBER, hook(kapso))).json.data.id as string
}
async function createMeta(): Promise<string> {
  return (await call('POST', NUMBER, hook(meta))).json.data.id as string
}

describe('the stricter rules of emulator/rules.ts', () => {
  const specs: Record<string, OpenApiSpec | undefined> = {
    platform: openApiSpec('platform'),
    legacy: openApiSpec('legacy')
  }

  it('has one example here for each rule, and a reason with a NOTES.md source for each', () => {
    expect(Object.keys(RULE_EXAMPLES).sort()).toEqual(STRICTER_RULES.map((r) => r.id).sort())
    for (const rule of STRICTER_RULES) expect(rule.reason, rule.id).toMatch(/NOTES §\d/)
  })

  it.each(STRICTER_RULES.map((r) => r.id))(
    'refuses a request that breaks %s, although its schema allows it',
    async (id) => {
      const example = RULE_EXAMPLES[id]
      if (!example) throw new Error(`no example for ${id}`)
      const webhookId = (await example.setUp?.()) ?? ''
      const before = emulator.webhooks().map((w) => ({ ...w }))
      const [method, path, body] = example.request(webhookId)
      const api = example.api ?? 'platform'
      const response = await callApi(`${emulator.apiUrl(api)}${path}`, method, body)
      expect(response.status).toBe(example.status)
      expect((response.json as { error: string }).error).toMatch(example.error)
      expect(emulator.webhooks()).toEqual(before)
      expect(emulator.deliveries()).toEqual([])
      // Stricter than the schema: the request itself is one the published schema accepts.
      const spec = specs[api]
      if (spec) expect(spec.checkRequest({ method, path: path.split('?')[0] as string, body })).toEqual([])
    }
  )
})
