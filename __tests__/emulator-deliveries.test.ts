/**
 * Test deliveries that really happen: POST /whatsapp/webhooks/{id}/test answers at once, then the
 * emulator POSTs a signed sample event to a real local HTTPS receiver, and GET /webhook_deliveries
 * shows what the receiver answered. The receiver's certificate is a throwaway one made with openssl.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID, KapsoEmulator } from '../emulator/server.js'
import { callApi, type Answer } from './support/api.js'
import { Receiver, type Received } from '../scripts/receiver.js'
import { haveOpenssl } from '../scripts/tls.js'

const canRun = haveOpenssl()
if (!canRun)
  console.warn(
    'Delivery test skipped: it needs the openssl command to make a certificate for the local HTTPS receiver.'
  )

const NUMBER = `/whatsapp/phone_numbers/${EMULATOR_DEFAULTS.phoneNumberId}/webhooks`
const TIMEOUT_MS = 400

describe.skipIf(!canRun)('test deliveries to a real HTTPS receiver', () => {
  let receiver: Receiver
  let emulator: KapsoEmulator
  let received: Received[]

  beforeAll(async () => {
    receiver = await Receiver.start()
    received = receiver.received
    // Kapso's retries after 10, 40 and 90 s take 10, 40 and 90 ms here.
    emulator = await KapsoEmulator.start({
      deliveryCa: receiver.cert,
      receiverTimeoutMs: TIMEOUT_MS,
      deliveryTimeScale: 0.001
    })
  })
  afterAll(async () => {
    await emulator.close()
    await receiver.close()
  })
  beforeEach(() => {
    emulator.reset()
    receiver.reset()
  })

  const endpoint = (path: string): string => receiver.url(path)
  async function call(method: string, path: string, body?: unknown): Promise<Pick<Answer, 'status' | 'json'>> {
    const { status, json } = await callApi(`${emulator.apiUrl('platform')}${path}`, method, body)
    return { status, json }
  }
  async function createWebhook(path: string, fields: Record<string, unknown> = {}): Promise<string> {
    const body = {
      whatsapp_webhook: {
        url: endpoint(path),
        secret_key: 'whsec-test',
        events: ['whatsapp.message.received', 'whatsapp.message.sent'],
        ...fields
      }
    }
    const created = await call('POST', NUMBER, body)
    expect(created.status).toBe(201)
    return created.json.data.id as string
  }
  async function deliveryOf(webhookId: string): Promise<Record<string, unknown>> {
    const list = await call('GET', `/webhook_deliveries?webhook_id=${webhookId}`)
    expect(list.json.data).toHaveLength(1)
    return list.json.data[0] as Record<string, unknown>
  }

  it("delivers a signed sample with Kapso's headers and the webhook's own, and records it as delivered", async () => {
    const id = await createWebhook('/ok', { headers: { 'X-Env': 'preview' } })
    expect(await call('POST', `/whatsapp/webhooks/${id}/test`, { event_type: 'whatsapp.message.sent' })).toEqual({
      status: 200,
      json: { data: { success: true } }
    })
    await emulator.settleDeliveries()

    expect(received).toHaveLength(1)
    const [{ headers, raw }] = received as [Received]
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-webhook-event': 'whatsapp.message.sent',
      'x-webhook-payload-version': 'v2',
      'x-env': 'preview'
    })
    expect(headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    const expected = createHmac('sha256', 'whsec-test').update(raw).digest()
    const signature = String(headers['x-webhook-signature'])
    expect(signature).toMatch(/^[0-9a-f]{64}$/)
    expect(timingSafeEqual(Buffer.from(signature, 'hex'), expected)).toBe(true)
    expect(JSON.parse(raw)).toMatchObject({
      phone_number_id: EMULATOR_DEFAULTS.phoneNumberId,
      message: { kapso: { direction: 'outbound' } }
    })

    const delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({
      status: 'delivered',
      response_status: 200,
      attempt_count: 1,
      failed_at: null,
      event: 'whatsapp.message.sent',
      webhook_url: endpoint('/ok'),
      phone_number_id: EMULATOR_DEFAULTS.phoneNumberId
    })
    expect(Date.parse(String(delivery.delivered_at))).toBeGreaterThanOrEqual(
      Date.parse(String(delivery.last_attempt_at))
    )
    expect(emulator.deliveries()[0]?.request.body).toBe(raw)
  })

  it("records a 401 from the endpoint as failed, with that status, once Kapso's three retries got it too", async () => {
    const id = await createWebhook('/denied')
    await call('POST', `/whatsapp/webhooks/${id}/test`)
    await emulator.settleDeliveries()
    expect(received).toHaveLength(4)
    expect(await deliveryOf(id)).toMatchObject({
      status: 'failed',
      response_status: 401,
      attempt_count: 4,
      delivered_at: null
    })
    expect((await call('GET', '/webhook_deliveries?errors_only=true')).json.data).toHaveLength(1)
  })

  it('answers the test at once, and records an endpoint that never answers as failed with no status after the timeout', async () => {
    // Long enough that the read of the pending delivery comes before it, on a slow machine too.
    const timeoutMs = 1500
    // One attempt, no retry: this test is about the receiver's time to answer (emulator-retries.test.ts has the retries).
    emulator.configure({ receiverTimeoutMs: timeoutMs, deliveryRetryDelaysMs: [] })
    const id = await createWebhook('/silent')
    const started = Date.now()
    expect((await call('POST', `/whatsapp/webhooks/${id}/test`, {})).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(timeoutMs)
    expect((await deliveryOf(id)).status).toBe('pending')
    await emulator.settleDeliveries()
    expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutMs)
    expect(await deliveryOf(id)).toMatchObject({ status: 'failed', response_status: null, attempt_count: 1 })
  })

  it('keeps a delivery pending between retries, as Kapso does', async () => {
    // Kapso's first retry, 10 s, scaled to come late enough that the read after the first attempt sees it pending, on a slow machine too.
    emulator.configure({ deliveryTimeScale: 0.15 })
    const id = await createWebhook('/flaky')
    await call('POST', `/whatsapp/webhooks/${id}/test`, { event_type: 'whatsapp.message.received' })
    await expect.poll(() => received.length).toBe(1)
    await expect.poll(async () => (await deliveryOf(id)).attempt_count).toBe(1)
    expect(await deliveryOf(id)).toMatchObject({
      status: 'pending',
      response_status: 401,
      failed_at: null,
      delivered_at: null
    })
    await emulator.settleDeliveries()
    expect(await deliveryOf(id)).toMatchObject({ status: 'delivered', response_status: 200, attempt_count: 2 })
    // A retry is the same delivery: same body, same idempotency key.
    expect(received[1]?.raw).toBe(received[0]?.raw)
    expect(received[1]?.headers['x-idempotency-key']).toBe(received[0]?.headers['x-idempotency-key'])
  })

  it('sends v1 bodies to a v1 webhook and a project event to a project webhook, and refuses an event not subscribed to', async () => {
    const v1 = await createWebhook('/ok', { payload_version: 'v1' })
    await call('POST', `/whatsapp/webhooks/${v1}/test`)
    const project = await call('POST', '/whatsapp/webhooks', {
      whatsapp_webhook: { url: endpoint('/ok'), secret_key: 'p', events: ['workflow.execution.handoff'] }
    })
    await call('POST', `/whatsapp/webhooks/${project.json.data.id}/test`, {})
    expect(
      await call('POST', `/whatsapp/webhooks/${project.json.data.id}/test`, { event_type: 'whatsapp.message.received' })
    ).toMatchObject({ status: 422 })
    await emulator.settleDeliveries()
    expect(received.map((r) => [r.headers['x-webhook-payload-version'], r.headers['x-webhook-event']])).toEqual([
      ['v1', 'whatsapp.message.received'],
      ['v2', 'workflow.execution.handoff']
    ])
    expect(JSON.parse(received[0]?.raw ?? '')).toHaveProperty(
      'whatsapp_config.phone_number_id',
      EMULATOR_DEFAULTS.phoneNumberId
    )
    expect(JSON.parse(received[1]?.raw ?? '')).toMatchObject({
      event: 'workflow.execution.handoff',
      project_id: EMULATOR_PROJECT_ID
    })
    expect(await deliveryOf(project.json.data.id)).toMatchObject({
      phone_number_id: null,
      whatsapp_config_id: null,
      conversation_phone_number: null
    })
  })

  it('keeps TLS verification on: a receiver it was not told to trust gets nothing', async () => {
    emulator.configure({ deliveryCa: undefined })
    const id = await createWebhook('/ok')
    await call('POST', `/whatsapp/webhooks/${id}/test`)
    await emulator.settleDeliveries()
    expect(received).toHaveLength(0)
    expect(await deliveryOf(id)).toMatchObject({ status: 'failed', response_status: null, attempt_count: 4 })
  })

  it('lists deliveries newest first in cursor pages, forwards and back', async () => {
    const id = await createWebhook('/ok')
    for (let i = 0; i < 5; i++) await call('POST', `/whatsapp/webhooks/${id}/test`)
    await emulator.settleDeliveries()
    const all = emulator
      .deliveries()
      .map((d) => d.id)
      .reverse()
    const first = await call('GET', '/webhook_deliveries?limit=2')
    expect(first.json.data.map((d: { id: string }) => d.id)).toEqual(all.slice(0, 2))
    expect(first.json.paging.previous).toBeNull()
    const second = await call(
      'GET',
      `/webhook_deliveries?limit=2&after=${encodeURIComponent(first.json.paging.cursors.after)}`
    )
    expect(second.json.data.map((d: { id: string }) => d.id)).toEqual(all.slice(2, 4))
    const follow = async (link: string): Promise<{ data: { id: string }[]; paging: { next: string | null } }> =>
      (await fetch(link, { headers: { 'X-API-Key': EMULATOR_DEFAULTS.apiKey } })).json() as Promise<{
        data: { id: string }[]
        paging: { next: string | null }
      }>
    const third = await follow(second.json.paging.next)
    expect(third.data.map((d) => d.id)).toEqual(all.slice(4))
    expect(third.paging.next).toBeNull()
    const back = await follow(second.json.paging.previous)
    expect(back.data.map((d) => d.id)).toEqual(all.slice(0, 2))
    expect((await call('GET', '/webhook_deliveries?status=pending')).json.data).toEqual([])
    expect((await call('GET', '/webhook_deliveries?limit=101')).status).toBe(422)
  })

  it("delivers a fixed host's URL to the address deliveryHosts names, with TLS checked against that host", async () => {
    const named = await Receiver.start(['staging.example.com'])
    try {
      emulator.configure({ deliveryCa: named.cert, deliveryHosts: { 'staging.example.com': named.address } })
      const body = {
        whatsapp_webhook: {
          url: 'https://staging.example.com/api/whatsapp',
          secret_key: 'whsec-test',
          events: ['whatsapp.message.received']
        }
      }
      const id = (await call('POST', NUMBER, body)).json.data.id as string
      await call('POST', `/whatsapp/webhooks/${id}/test`)
      await emulator.settleDeliveries()
      expect(await deliveryOf(id)).toMatchObject({ status: 'delivered', response_status: 200, attempt_count: 1 })
      expect(named.received.map((r) => [r.path, r.headers.host])).toEqual([['/api/whatsapp', 'staging.example.com']])
      // Without the entry, the name is looked up as usual: here it is nowhere, and the delivery fails.
      emulator.configure({ deliveryHosts: {}, deliveryRetryDelaysMs: [] })
      await call('POST', `/whatsapp/webhooks/${id}/test`)
      await emulator.settleDeliveries()
      expect(named.received).toHaveLength(1)
    } finally {
      await named.close()
    }
  })
})
