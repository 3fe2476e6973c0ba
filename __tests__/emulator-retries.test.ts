/**
 * Kapso's delivery retries: a delivery that does not get a 2xx is retried after 10 s, 40 s and 90 s
 * (DOCS-OVR, NOTES §5), pending in between, and failed only after the last retry. The schedule is the
 * default; deliveryTimeScale makes it pass faster, so that these tests wait milliseconds, not minutes.
 * The receiver is a plain loopback HTTP server, reached by a seeded webhook (seed() checks no rule, so
 * an http:// URL is allowed), that looks at the emulator's record of the delivery as each attempt arrives.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, EMULATOR_DEFAULTS, KapsoEmulator, type StoredDelivery } from '../emulator/server.js'
import { callApi } from './support/api.js'

interface Hit {
  at: number
  /** The emulator's record of the delivery while this attempt was being received. */
  record:
    Pick<StoredDelivery, 'status' | 'attempt_count' | 'response_status' | 'failed_at' | 'delivered_at'> | undefined
}

let server: Server
let emulator: KapsoEmulator | undefined
const hits: Hit[] = []
/** What the receiver does with attempt n (1-based): answer a status, or drop the connection. */
let respond: (attempt: number) => number | 'drop' = () => 500

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const [delivery] = emulator?.deliveries() ?? []
      hits.push({ at: Date.now(), record: delivery && pick(delivery) })
      const answer = respond(hits.length)
      if (answer === 'drop') req.socket.destroy()
      else res.writeHead(answer).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterAll(() => new Promise((resolve) => server.close(resolve)))
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
  hits.length = 0
})

const pick = ({ status, attempt_count, response_status, failed_at, delivered_at }: StoredDelivery): Hit['record'] => ({
  status,
  attempt_count,
  response_status,
  failed_at,
  delivered_at
})

/** Starts an emulator, seeds a webhook pointing at the receiver, and asks for one test delivery. */
async function deliverOnce(
  options: Parameters<typeof KapsoEmulator.start>[0],
  answers: (attempt: number) => number | 'drop'
): Promise<KapsoEmulator> {
  respond = answers
  const started = await KapsoEmulator.start(options)
  emulator = started
  const { port } = server.address() as AddressInfo
  const webhook = started.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, { url: `http://127.0.0.1:${port}/hook` })
  const test = await callApi(`${started.apiUrl('platform')}/whatsapp/webhooks/${webhook.id}/test`, 'POST', {})
  expect(test.status).toBe(200)
  return started
}

describe('delivery retries', () => {
  it("retries after Kapso's 10 s, 40 s and 90 s by default, in real time unless scaled", () => {
    expect(DEFAULT_SETTINGS.deliveryRetryDelaysMs).toEqual([10_000, 40_000, 90_000])
    expect(DEFAULT_SETTINGS.deliveryTimeScale).toBe(1)
  })

  it('keeps a refused delivery pending after one attempt by default, rather than failing it', async () => {
    const started = await deliverOnce({}, () => 500)
    await expect.poll(() => started.deliveries()[0]?.response_status).toBe(500)
    expect(started.deliveries()[0]).toMatchObject({ status: 'pending', attempt_count: 1, failed_at: null })
    expect(hits).toHaveLength(1)
  })

  it('makes four attempts 10, 40 and 90 ms apart at time scale 0.001, pending in between, then fails the delivery', async () => {
    const started = await deliverOnce({ deliveryTimeScale: 0.001 }, () => 503)
    await started.settleDeliveries()
    expect(hits.map((h) => h.record)).toEqual([
      { status: 'pending', attempt_count: 1, response_status: null, failed_at: null, delivered_at: null },
      { status: 'pending', attempt_count: 2, response_status: 503, failed_at: null, delivered_at: null },
      { status: 'pending', attempt_count: 3, response_status: 503, failed_at: null, delivered_at: null },
      { status: 'pending', attempt_count: 4, response_status: 503, failed_at: null, delivered_at: null }
    ])
    const gaps = hits.slice(1).map((h, i) => h.at - (hits[i] as Hit).at)
    // Date.now() and the timers' clock may disagree by a millisecond.
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(([10, 40, 90][i] as number) - 1))
    const [delivery] = started.deliveries()
    expect(delivery).toMatchObject({ status: 'failed', attempt_count: 4, response_status: 503, delivered_at: null })
    expect(Date.parse(String(delivery?.failed_at))).toBeGreaterThanOrEqual(
      Date.parse(String(delivery?.last_attempt_at))
    )
  })

  it('scales the delays by the time scale, not to a fixed short wait', async () => {
    const started = await deliverOnce({ deliveryTimeScale: 0.003 }, () => 500)
    await started.settleDeliveries()
    const gaps = hits.slice(1).map((h, i) => h.at - (hits[i] as Hit).at)
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(([30, 120, 270][i] as number) - 1))
    expect(started.deliveries()[0]?.status).toBe('failed')
  })

  it('records no status for an attempt that got no answer, and the last answer once failed', async () => {
    const started = await deliverOnce({ deliveryTimeScale: 0.001 }, (attempt) => (attempt === 4 ? 'drop' : 401))
    await started.settleDeliveries()
    expect(hits.map((h) => h.record?.response_status)).toEqual([null, 401, 401, 401])
    expect(started.deliveries()[0]).toMatchObject({ status: 'failed', attempt_count: 4, response_status: null })
  })

  it('marks a delivery delivered on the retry that gets a 2xx, and tries no more', async () => {
    const started = await deliverOnce({ deliveryTimeScale: 0.001 }, (attempt) => (attempt < 3 ? 500 : 204))
    await started.settleDeliveries()
    expect(hits).toHaveLength(3)
    expect(started.deliveries()[0]).toMatchObject({
      status: 'delivered',
      attempt_count: 3,
      response_status: 204,
      failed_at: null
    })
  })

  it('still takes other retry delays, scaled too, and none: [] fails after one attempt', async () => {
    const started = await deliverOnce({ deliveryRetryDelaysMs: [20_000], deliveryTimeScale: 0.001 }, () => 500)
    await started.settleDeliveries()
    expect(hits.length).toBe(2)
    expect((hits[1] as Hit).at - (hits[0] as Hit).at).toBeGreaterThanOrEqual(19)
    expect(started.deliveries()[0]).toMatchObject({ status: 'failed', attempt_count: 2 })
    started.reset()
    hits.length = 0
    started.configure({ deliveryRetryDelaysMs: [] })
    const webhook = started.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
    })
    await callApi(`${started.apiUrl('platform')}/whatsapp/webhooks/${webhook.id}/test`, 'POST')
    await started.settleDeliveries()
    expect(started.deliveries()[0]).toMatchObject({ status: 'failed', attempt_count: 1 })
  })

  it('refuses a time scale or delay it could not wait', async () => {
    await expect(KapsoEmulator.start({ deliveryTimeScale: -1 })).rejects.toThrow(
      'deliveryTimeScale must be a finite number ≥ 0, not -1'
    )
    const started = await KapsoEmulator.start({ deliveryTimeScale: 0 })
    emulator = started
    expect(() => started.configure({ deliveryTimeScale: Number.NaN })).toThrow(RangeError)
    expect(() => started.configure({ deliveryRetryDelaysMs: [10, Infinity] })).toThrow(
      'deliveryRetryDelaysMs must hold finite numbers ≥ 0'
    )
  })
})
