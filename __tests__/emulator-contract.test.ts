/**
 * The emulator's Platform API, checked against Kapso's published OpenAPI 3.1
 * (../shared/kapso-api/platform-openapi.yaml, or KAPSO_PLATFORM_OPENAPI): a well-formed client goes
 * through every webhook and delivery route, and every answer (success and error) must validate against
 * the response schema declared for its status, every request it sends must validate as a request, and
 * every declared status of every route must have been seen. Where the spec is absent the test is skipped.
 */
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { callApi } from './support/api.js'
import { useEmulator } from './support/emulator.js'
import { openApiSpec, skipNote } from './support/openapi.js'

const spec = openApiSpec('platform')
const skipped = skipNote("The contract test of the emulator's Platform API", ['platform'])
if (skipped) console.info(skipped)

const OPERATIONS = [
  'listWhatsappPhoneNumberWebhooks',
  'createWhatsappPhoneNumberWebhook',
  'getWhatsappPhoneNumberWebhook',
  'updateWhatsappPhoneNumberWebhook',
  'deleteWhatsappPhoneNumberWebhook',
  'listWhatsappProjectWebhooks',
  'createWhatsappProjectWebhook',
  'getWhatsappProjectWebhook',
  'updateWhatsappProjectWebhook',
  'deleteWhatsappProjectWebhook',
  'testWhatsappProjectWebhook',
  'listWebhookDeliveries'
]
const PHONE = EMULATOR_DEFAULTS.phoneNumberId
const NUMBER = `/whatsapp/phone_numbers/${PHONE}/webhooks`
const UNKNOWN_ID = '9e8d7c6b-5a4f-4e2d-8c0b-9a8f7e6d5c4b'
// Nothing listens on port 1: a delivery there fails at once, which is all this test needs of it.
const HOOK = 'https://127.0.0.1:1/hooks/kapso'

interface Exchange {
  method: string
  path: string
  query: [string, string][]
  body: unknown
  status: number
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read loosely, then validated
}

describe.skipIf(!spec)("the emulator's Platform API matches Kapso's OpenAPI", () => {
  // Deliveries to HOOK fail; Kapso's retries after 10, 40 and 90 s take 10, 40 and 90 ms here.
  const emulator = useEmulator({ receiverTimeoutMs: 2000, deliveryTimeScale: 0.001 })
  const exchanges: Exchange[] = []

  async function call(
    method: string,
    target: string,
    body?: unknown,
    key: string = EMULATOR_DEFAULTS.apiKey
  ): Promise<Exchange> {
    const url = new URL(`${emulator.apiUrl('platform')}${target}`)
    const { status, json } = await callApi(url.href, method, body, { key })
    const exchange = {
      method,
      path: url.pathname.replace(/^\/platform\/v1/, ''),
      query: [...url.searchParams],
      body,
      status,
      json
    }
    exchanges.push(exchange)
    return exchange
  }
  const webhook = (fields: Record<string, unknown>): unknown => ({ whatsapp_webhook: fields })
  const kapso = {
    url: HOOK,
    secret_key: 'contract-secret',
    events: ['whatsapp.message.received', 'whatsapp.message.sent']
  }

  async function phoneNumberRoutes(): Promise<void> {
    const full = {
      ...kapso,
      active: false,
      headers: { 'X-Env': 'preview' },
      buffer_enabled: true,
      buffer_window_seconds: 10,
      max_buffer_size: 25,
      buffer_events: ['whatsapp.message.received'],
      inactivity_minutes: 30,
      payload_version: 'v1'
    }
    const created = (await call('POST', NUMBER, webhook(full))).json.data
    const meta = (
      await call(
        'POST',
        NUMBER,
        webhook({ kind: 'meta', url: `${HOOK}/meta`, secret_key: 'meta-secret', events: ['ignored'] })
      )
    ).json.data
    await call('POST', NUMBER, webhook({ ...kapso, url: 'http://plain.example.com/hook' })) // 422: https only
    await call('POST', '/whatsapp/phone_numbers/42/webhooks', webhook(kapso)) // 404: no such number
    await call(
      'GET',
      `${NUMBER}?url_contains=hooks&kind=kapso&active=false&created_after=2020-01-01T00:00:00Z&created_before=2999-01-01T00:00:00Z&per_page=1&page=1`
    )
    await call('GET', '/whatsapp/phone_numbers/42/webhooks')
    await call('GET', `${NUMBER}/${created.id}`)
    await call('GET', `${NUMBER}/${UNKNOWN_ID}`)
    await call(
      'PATCH',
      `${NUMBER}/${created.id}`,
      webhook({
        secret_key: null,
        buffer_window_seconds: null,
        headers: null,
        buffer_enabled: false,
        payload_version: 'v2'
      })
    )
    await call('PATCH', `${NUMBER}/${created.id}`, webhook({ kind: 'meta' })) // 422: kind is immutable
    await call('PATCH', `${NUMBER}/${UNKNOWN_ID}`, webhook({ active: true }))
    await call('DELETE', `${NUMBER}/${meta.id}`)
    await call('DELETE', `${NUMBER}/${meta.id}`)
  }

  async function projectRoutes(): Promise<string> {
    const project = (
      await call(
        'POST',
        '/whatsapp/webhooks',
        webhook({
          url: `${HOOK}/project`,
          secret_key: 'project-secret',
          events: ['whatsapp.phone_number.created', 'workflow.execution.failed']
        })
      )
    ).json.data
    await call('POST', '/whatsapp/webhooks', webhook({ url: `${HOOK}/bare` })) // 422: a kapso webhook needs events
    await call(
      'POST',
      '/whatsapp/webhooks',
      webhook({
        url: `${HOOK}/no-secret`,
        secret_key: null,
        events: ['whatsapp.phone_number.deleted'],
        payload_version: null
      })
    )
    const number = (
      await call('POST', '/whatsapp/webhooks', webhook({ ...kapso, url: `${HOOK}/number`, phone_number_id: PHONE }))
    ).json.data
    await call('POST', '/whatsapp/webhooks', webhook({ ...kapso, phone_number_id: '42' }))
    await call('POST', '/whatsapp/webhooks', webhook({ url: HOOK, events: ['project.event'] })) // 402: not on this plan
    await call('GET', '/whatsapp/webhooks?kind=kapso&per_page=2&page=2')
    await call('GET', `/whatsapp/webhooks/${number.id}`)
    await call('GET', `/whatsapp/webhooks/${UNKNOWN_ID}`)
    await call(
      'PATCH',
      `/whatsapp/webhooks/${project.id}`,
      webhook({ events: ['workflow.execution.handoff'], active: false })
    )
    await call('PATCH', `/whatsapp/webhooks/${project.id}`, webhook({ events: ['project.event'] }))
    await call('PATCH', `/whatsapp/webhooks/${project.id}`, webhook({ events: ['whatsapp.message.received'] }))
    await call('PATCH', `/whatsapp/webhooks/${UNKNOWN_ID}`, webhook({ active: true }))
    await call('POST', `/whatsapp/webhooks/${number.id}/test`, { event_type: 'whatsapp.message.sent' })
    await call('POST', `/whatsapp/webhooks/${project.id}/test`, {})
    await call('POST', `/whatsapp/webhooks/${project.id}/test`)
    await call('POST', `/whatsapp/webhooks/${project.id}/test`, { event_type: 'whatsapp.message.received' })
    await call('POST', `/whatsapp/webhooks/${UNKNOWN_ID}/test`, {})
    await call('DELETE', `/whatsapp/webhooks/${number.id}`)
    await call('DELETE', `/whatsapp/webhooks/${UNKNOWN_ID}`)
    return project.id as string
  }

  async function deliveryRoutes(webhookId: string): Promise<void> {
    await emulator.settleDeliveries()
    const first = await call('GET', '/webhook_deliveries?limit=1')
    await call('GET', `/webhook_deliveries?limit=1&after=${encodeURIComponent(first.json.paging.cursors.after)}`)
    const last = await call('GET', '/webhook_deliveries?limit=1&period=7d&errors_only=true')
    expect(last.json.data).toHaveLength(1)
    await call(
      'GET',
      `/webhook_deliveries?webhook_id=${webhookId}&status=failed&event=whatsapp.phone_number.created&period=30d&limit=100`
    )
    await call(
      'GET',
      `/webhook_deliveries?before=${encodeURIComponent(exchanges.at(-3)?.json.paging.cursors.before ?? '')}`
    )
  }

  async function unauthorised(): Promise<void> {
    const bad = 'not-the-key'
    await call('GET', NUMBER, undefined, bad)
    await call('POST', NUMBER, webhook(kapso), bad)
    await call('GET', `${NUMBER}/${UNKNOWN_ID}`, undefined, bad)
    await call('PATCH', `${NUMBER}/${UNKNOWN_ID}`, webhook({ active: true }), bad)
    await call('DELETE', `${NUMBER}/${UNKNOWN_ID}`, undefined, bad)
    await call('GET', '/whatsapp/webhooks', undefined, bad)
    await call('POST', '/whatsapp/webhooks', webhook(kapso), bad)
    await call('GET', `/whatsapp/webhooks/${UNKNOWN_ID}`, undefined, bad)
    await call('PATCH', `/whatsapp/webhooks/${UNKNOWN_ID}`, webhook({ active: true }), bad)
    await call('DELETE', `/whatsapp/webhooks/${UNKNOWN_ID}`, undefined, bad)
    await call('POST', `/whatsapp/webhooks/${UNKNOWN_ID}/test`, {}, bad)
    await call('GET', '/webhook_deliveries', undefined, bad)
  }

  it('answers every route, success and error, as the spec declares, to requests the spec allows', async () => {
    if (!spec) return
    await phoneNumberRoutes()
    const projectWebhook = await projectRoutes()
    await deliveryRoutes(projectWebhook)
    await unauthorised()

    const problems = exchanges.flatMap((e) => [...spec.checkRequest(e), ...spec.checkResponse(e, e.status, e.json)])
    expect(problems).toEqual([])
    const seen = new Set(exchanges.map((e) => `${spec.operationId(e.method, e.path)} ${e.status}`))
    const declared = OPERATIONS.flatMap((id) => spec.statuses(id).map((status) => `${id} ${status}`))
    expect(declared.filter((pair) => !seen.has(pair))).toEqual([])
    expect([...seen].filter((pair) => !declared.includes(pair))).toEqual([])
  })

  it('refuses with 422 the request bodies the spec refuses', async () => {
    if (!spec) return
    const created = (await call('POST', NUMBER, webhook(kapso))).json.data
    const invalid: [string, string, unknown][] = [
      ['POST', NUMBER, kapso],
      ['POST', NUMBER, webhook({ ...kapso, secret_key: '' })],
      ['POST', NUMBER, webhook({ url: HOOK, secret_key: 's' })],
      ['POST', NUMBER, webhook({ ...kapso, url: 'not a url' })],
      ['POST', NUMBER, webhook({ ...kapso, kind: 'whatsapp' })],
      ['POST', NUMBER, webhook({ ...kapso, active: 'yes' })],
      ['POST', NUMBER, webhook({ ...kapso, inactivity_minutes: 1.5 })],
      ['POST', NUMBER, webhook({ ...kapso, events: 'whatsapp.message.received' })],
      ['POST', '/whatsapp/webhooks', webhook({ events: ['whatsapp.phone_number.created'] })],
      ['POST', '/whatsapp/webhooks', webhook({ ...kapso, phone_number_id: 106540352242922 })],
      ['PATCH', `${NUMBER}/${created.id}`, webhook({ url: null })],
      ['PATCH', `${NUMBER}/${created.id}`, webhook({ buffer_enabled: null })],
      ['POST', `/whatsapp/webhooks/${created.id}/test`, { event_type: 7 }]
    ]
    for (const [method, path, body] of invalid) {
      const exchange = await call(method, path, body)
      expect(spec.checkRequest(exchange), JSON.stringify(body)).not.toEqual([])
      expect(exchange.status, JSON.stringify(body)).toBe(422)
      expect(spec.checkResponse(exchange, exchange.status, exchange.json)).toEqual([])
    }
  })
})
