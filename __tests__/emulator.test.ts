/** The emulator must refuse what Kapso refuses, and answer in Kapso's shapes, or the other tests prove little. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultScopeId, EMULATOR_DEFAULTS, KapsoEmulator, type Api } from '../emulator/server.js'
import { callApi, type Answer } from './support/api.js'
import { openApiSpec } from './support/openapi.js'

let emulator: KapsoEmulator
beforeAll(async () => {
  emulator = await KapsoEmulator.start()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const collection = (api: Api, scopeId?: string): string =>
  api === 'legacy'
    ? `${emulator.apiUrl('legacy')}/whatsapp_configs/${scopeId ?? EMULATOR_DEFAULTS.configId}/whatsapp_webhooks`
    : `${emulator.apiUrl('platform')}/whatsapp/phone_numbers/${scopeId ?? EMULATOR_DEFAULTS.phoneNumberId}/webhooks`

// Every answer is also checked against the generation's published spec, where that file is present.
const specs = { legacy: openApiSpec('legacy'), platform: openApiSpec('platform') }
const answerProblems: string[] = []
afterAll(() => expect(answerProblems).toEqual([]))

async function call(
  method: string,
  url: string,
  body?: unknown,
  key: string | null = EMULATOR_DEFAULTS.apiKey
): Promise<Pick<Answer, 'status' | 'json'>> {
  const answer = await callApi(url, method, body, { key })
  const { pathname, searchParams } = new URL(url)
  const spec = pathname.startsWith('/api/v1/') ? specs.legacy : specs.platform
  const request = { method, path: pathname.replace(/^\/(api|platform)\/v1/, ''), query: [...searchParams], body }
  // The spec says nothing of the answer to a request it refuses itself (e.g. per_page=0 answers 422 here).
  if (spec && spec.checkRequest(request).length === 0)
    answerProblems.push(...spec.checkResponse(request, answer.status, answer.json))
  return { status: answer.status, json: answer.json }
}

const minimal = { url: 'https://example.com/hook', secret_key: 's3cret', events: ['whatsapp.message.sent'] }

describe.each(['legacy', 'platform'] as Api[])('the %s API', (api) => {
  it("refuses a missing or wrong API key with 401 and Kapso's error body", async () => {
    expect(await call('GET', collection(api), undefined, null)).toEqual({
      status: 401,
      json: { error: 'Invalid or missing API key' }
    })
    expect((await call('GET', collection(api), undefined, 'nope')).status).toBe(401)
  })

  it('answers 404 for an unknown scope and an unknown webhook', async () => {
    const other = api === 'legacy' ? '00000000-0000-4000-8000-000000000000' : '42'
    expect((await call('GET', collection(api, other))).status).toBe(404)
    expect((await call('POST', collection(api, other), { whatsapp_webhook: minimal })).status).toBe(404)
    expect(await call('GET', `${collection(api)}/9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b`)).toEqual({
      status: 404,
      json: { error: 'WhatsApp webhook not found' }
    })
    expect((await call('DELETE', `${collection(api)}/not-a-uuid`)).status).toBe(404)
  })

  const refused: [string, unknown, RegExp][] = [
    ['no envelope', minimal, /whatsapp_webhook/],
    ['no url', { whatsapp_webhook: { ...minimal, url: undefined } }, /Url can't be blank/],
    ['no secret', { whatsapp_webhook: { ...minimal, secret_key: '' } }, /Secret key can't be blank/],
    ['no events', { whatsapp_webhook: { ...minimal, events: [] } }, /Events can't be blank/],
    ['an http url', { whatsapp_webhook: { ...minimal, url: 'http://example.com/hook' } }, /https/],
    ['a relative url', { whatsapp_webhook: { ...minimal, url: '/hook' } }, /not a valid URL/],
    [
      'an unknown event',
      { whatsapp_webhook: { ...minimal, events: ['whatsapp.message.recieved'] } },
      /^Events contains unsupported events: "whatsapp\.message\.recieved"$/
    ],
    [
      'buffering another event',
      { whatsapp_webhook: { ...minimal, buffer_events: ['whatsapp.message.sent'] } },
      /unsupported event/
    ],
    ['a buffer window of 61', { whatsapp_webhook: { ...minimal, buffer_window_seconds: 61 } }, /between 1 and 60/],
    ['a buffer size of 0', { whatsapp_webhook: { ...minimal, max_buffer_size: 0 } }, /between 1 and 100/],
    ['an inactivity of 1441', { whatsapp_webhook: { ...minimal, inactivity_minutes: 1441 } }, /between 1 and 1440/],
    ['a fractional inactivity', { whatsapp_webhook: { ...minimal, inactivity_minutes: 1.5 } }, /must be an integer/],
    ['active as a string', { whatsapp_webhook: { ...minimal, active: 'true' } }, /true or false/],
    // The legacy schema wants string header values; the Platform API's takes any (additionalProperties: true).
    ...(api === 'legacy'
      ? [
          [
            'a number as header value',
            { whatsapp_webhook: { ...minimal, headers: { 'X-A': 1 } } },
            /object of strings/
          ] as [string, unknown, RegExp]
        ]
      : [])
  ]
  it.each(refused)('refuses a create with %s (422)', async (_name, body, message) => {
    const { status, json } = await call('POST', collection(api), body)
    expect(status).toBe(422)
    expect(json.error).toMatch(message)
    expect(emulator.webhooks()).toHaveLength(0)
  })

  it('ignores unknown fields and query parameters, as neither spec closes its objects and no doc says Kapso refuses them', async () => {
    const { status, json } = await call('POST', `${collection(api)}?trace=1`, {
      whatsapp_webhook: { ...minimal, retry_config: {} },
      extra: true
    })
    expect(status).toBe(201)
    expect(json.data).not.toHaveProperty('retry_config')
    expect((await call('GET', `${collection(api)}/${json.data.id}?expand=all`)).status).toBe(200)
    expect((await call('GET', `${collection(api)}?url_cont=x`)).json.data).toHaveLength(1)
  })

  it("creates with Kapso's defaults, in this API's response shape", async () => {
    const { status, json } = await call('POST', collection(api), { whatsapp_webhook: minimal })
    expect(status).toBe(201)
    expect(json.data).toMatchObject({
      ...minimal,
      active: true,
      buffer_enabled: false,
      inactivity_minutes: 60,
      headers: null
    })
    if (api === 'legacy') {
      expect(json.data).toMatchObject({
        buffer_window_seconds: 5,
        max_buffer_size: 50,
        buffer_events: ['whatsapp.message.received']
      })
      expect(json.data).not.toHaveProperty('kind')
    } else {
      // The Platform API nulls the buffer settings while buffering is off.
      expect(json.data).toMatchObject({
        buffer_window_seconds: null,
        max_buffer_size: null,
        buffer_events: [],
        kind: 'kapso',
        payload_version: 'v2',
        phone_number_id: EMULATOR_DEFAULTS.phoneNumberId
      })
    }
  })

  it('patches only what is sent, refuses bad values, and deletes with 204', async () => {
    const { json } = await call('POST', collection(api), { whatsapp_webhook: minimal })
    const item = `${collection(api)}/${json.data.id}`
    expect((await call('PATCH', item, { whatsapp_webhook: { inactivity_minutes: 0 } })).status).toBe(422)
    const patched = await call('PATCH', item, { whatsapp_webhook: { inactivity_minutes: 15 } })
    expect(patched).toMatchObject({
      status: 200,
      json: { data: { inactivity_minutes: 15, events: minimal.events, secret_key: 's3cret' } }
    })
    expect((await call('DELETE', item)).status).toBe(204)
    expect((await call('DELETE', item)).status).toBe(404)
  })

  it('lists most recent first, filters by url and pages with meta', async () => {
    for (let i = 0; i < 25; i++) emulator.seed(api, defaultScopeId(api), { url: `https://example.com/hook/${i}` })
    const filter = api === 'legacy' ? 'q[url_cont]' : 'url_contains'
    const page2 = await call(
      'GET',
      `${collection(api)}?page=2&per_page=10&${encodeURIComponent(filter)}=${encodeURIComponent('example.com/hook/')}`
    )
    expect(page2.json.meta).toEqual({ page: 2, per_page: 10, total_pages: 3, total_count: 25 })
    expect(page2.json.data.map((w: { url: string }) => w.url)[0]).toBe('https://example.com/hook/14')
    const one = await call('GET', `${collection(api)}?${encodeURIComponent(filter)}=${encodeURIComponent('hook/7')}`)
    expect(one.json.data.map((w: { url: string }) => w.url)).toEqual(['https://example.com/hook/7'])
    expect((await call('GET', `${collection(api)}?per_page=0`)).status).toBe(422)
    expect((await call('GET', `${collection(api)}?page=two`)).status).toBe(422)
    // The legacy schema caps per_page at 100; the Platform API's states no maximum, so none is invented.
    const many = await call('GET', `${collection(api)}?per_page=101`)
    if (api === 'legacy') expect(many.status).toBe(422)
    else expect(many.json.meta).toEqual({ page: 1, per_page: 101, total_pages: 1, total_count: 25 })
  })
})

describe('the Platform API', () => {
  it("refuses to change a webhook's kind", async () => {
    const { json } = await call('POST', collection('platform'), { whatsapp_webhook: minimal })
    const patched = await call('PATCH', `${collection('platform')}/${json.data.id}`, {
      whatsapp_webhook: { kind: 'meta' }
    })
    expect(patched).toEqual({ status: 422, json: { error: 'Kind cannot be changed after creation' } })
  })
})

describe.each(['legacy', 'platform'] as Api[])("the %s API's URL filter", (api) => {
  it('is a substring match, case and all, as Kapso documents it ("URL contains", "URL substring")', async () => {
    const scope = defaultScopeId(api)
    for (const url of [
      'https://pr-7.preview.acme.dev/api/whatsapp',
      'https://pr-7.preview.acme.dev/api/whatsapp/',
      'https://PR-7.preview.acme.dev/api/whatsapp',
      'https://pr-70.preview.acme.dev/api/whatsapp',
      'https://xpr-7.preview.acme.dev/api/whatsapp'
    ])
      emulator.seed(api, scope, { url })
    const urls = async (contains: string): Promise<string[]> => {
      const name = api === 'legacy' ? 'q[url_cont]' : 'url_contains'
      const query = new URLSearchParams({ [name]: contains, ...(api === 'platform' && { kind: 'kapso' }) })
      const { json } = await call('GET', `${collection(api)}?${query}`)
      return ((json as { data: { url: string }[] }).data.map((w) => w.url) ?? []).sort()
    }
    expect(await urls('//pr-7.preview.acme.dev/api/whatsapp')).toEqual([
      'https://pr-7.preview.acme.dev/api/whatsapp',
      'https://pr-7.preview.acme.dev/api/whatsapp/'
    ])
    expect(await urls('/api/whatsapp')).toHaveLength(5)
    expect(await urls('PR-7')).toEqual(['https://PR-7.preview.acme.dev/api/whatsapp'])
  })
})

describe('what the emulator counts', () => {
  it('the requests in flight at once, and when each arrived and was answered', async () => {
    emulator.configure({ lies: { latencyMs: 100 } })
    await Promise.all([1, 2, 3].map(() => call('GET', collection('legacy'))))
    expect(emulator.maxInFlight).toBe(3)
    expect(emulator.inFlight).toBe(0)
    await call('GET', collection('legacy'))
    expect(emulator.maxInFlight).toBe(3)
    for (const r of emulator.requests) expect((r.answeredAt ?? 0) - r.receivedAt).toBeGreaterThanOrEqual(95)
    emulator.reset()
    expect(emulator.maxInFlight).toBe(0)
  })
})
