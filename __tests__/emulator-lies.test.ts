/**
 * Lies on demand, for tests of a client that must trust nothing Kapso says: a rewritten answer to a
 * request that was really handled, URLs stored in another form than sent, a kind filter ignored, every
 * request slow; and the connection count that shows keep-alive at work.
 */
import { Agent, request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, KapsoEmulator } from '../emulator/server.js'
import { callApi, type Answer } from './support/api.js'
import { useEmulator } from './support/emulator.js'

const emulator = useEmulator()

const NUMBER = `/whatsapp/phone_numbers/${EMULATOR_DEFAULTS.phoneNumberId}/webhooks`
const kapso = { url: 'https://Preview.Example.com/hook', secret_key: 's3cret', events: ['whatsapp.message.received'] }

const call = (method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Answer> =>
  callApi(`${emulator.apiUrl('platform')}${path}`, method, body, { signal })

describe('lies', () => {
  it('rewrite: handles the request for real, then answers with the body passed through the function', async () => {
    emulator.inject({
      method: 'POST',
      fault: {
        kind: 'rewrite',
        body: (body) => ({
          data: {
            ...(body as { data: object }).data,
            url: 'https://elsewhere.example.com/',
            secret_key: 12345,
            id: 'abc\ndef'
          }
        })
      }
    })
    const created = await call('POST', NUMBER, { whatsapp_webhook: kapso })
    expect(created).toMatchObject({
      status: 201,
      json: { data: { url: 'https://elsewhere.example.com/', secret_key: 12345, id: 'abc\ndef', kind: 'kapso' } }
    })
    expect(emulator.webhooks()).toMatchObject([{ url: kapso.url, secret_key: 's3cret' }])
    expect(emulator.faultsInjected).toBe(1)
    expect(emulator.requests[0]?.responseBody).toEqual(created.json)
    // Used once: the next answer is the truth.
    expect((await call('GET', NUMBER)).json.data[0].url).toBe(kapso.url)
  })

  it('storeUrl: keeps and returns a URL in another form than the one sent', async () => {
    emulator.configure({
      lies: {
        storeUrl: (url) => {
          const u = new URL(url)
          return `${u.protocol}//${u.host.toLowerCase()}${u.pathname}/`
        }
      }
    })
    const created = await call('POST', NUMBER, { whatsapp_webhook: kapso })
    expect(created.json.data.url).toBe('https://preview.example.com/hook/')
    expect(
      (
        await call('PATCH', `${NUMBER}/${created.json.data.id}`, {
          whatsapp_webhook: { url: 'https://A.example.com/x' }
        })
      ).json.data.url
    ).toBe('https://a.example.com/x/')
    expect(emulator.webhooks()[0]?.url).toBe('https://a.example.com/x/')
  })

  it('ignoreKindFilter: lists meta webhooks although kapso was asked for', async () => {
    emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, { url: 'https://example.com/kapso' })
    emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, {
      url: 'https://example.com/meta',
      kind: 'meta',
      events: []
    })
    expect((await call('GET', `${NUMBER}?kind=kapso`)).json.data).toHaveLength(1)
    emulator.configure({ lies: { ignoreKindFilter: true } })
    expect((await call('GET', `${NUMBER}?kind=kapso`)).json.data.map((w: { kind: string }) => w.kind)).toEqual([
      'meta',
      'kapso'
    ])
    expect((await call('GET', '/whatsapp/webhooks?kind=kapso')).json.data).toHaveLength(2)
  })

  it('latencyMs: holds every API request, and drops one whose client gave up first', async () => {
    emulator.configure({ lies: { latencyMs: 250 } })
    for (let i = 0; i < 2; i++) {
      const started = Date.now()
      expect((await call('GET', NUMBER)).status).toBe(200)
      expect(Date.now() - started).toBeGreaterThanOrEqual(240)
    }
    await expect(call('POST', NUMBER, { whatsapp_webhook: kapso }, AbortSignal.timeout(50))).rejects.toThrow()
    // Well past the hold, so that a request that was not dropped would have been handled by now.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(emulator.webhooks()).toEqual([])
  })

  it('reset() restores the lies and settings given to start()', async () => {
    const liar = await KapsoEmulator.start({ lies: { ignoreKindFilter: true }, projectEventsPlan: true })
    try {
      liar.configure({ lies: {}, projectEventsPlan: false })
      liar.reset()
      liar.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, {
        url: 'https://example.com/meta',
        kind: 'meta',
        events: []
      })
      const listed = await fetch(`${liar.apiUrl('platform')}${NUMBER}?kind=kapso`, {
        headers: { 'X-API-Key': EMULATOR_DEFAULTS.apiKey }
      })
      expect(((await listed.json()) as { data: unknown[] }).data).toHaveLength(1)
    } finally {
      await liar.close()
    }
  })
})

describe('connections', () => {
  function get(agent: Agent | false): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${emulator.apiUrl('platform')}${NUMBER}`,
        { agent, headers: { 'X-API-Key': EMULATOR_DEFAULTS.apiKey } },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        }
      )
      req.on('error', reject)
      req.end()
    })
  }

  it('counts accepted TCP connections, so that a test can see keep-alive at work', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    for (let i = 0; i < 3; i++) expect(await get(agent)).toBe(200)
    agent.destroy()
    expect(emulator.requests).toHaveLength(3)
    expect(emulator.connections).toBe(1)
    for (let i = 0; i < 2; i++) await get(false)
    expect(emulator.connections).toBe(3)
    emulator.reset()
    expect(emulator.connections).toBe(0)
  })
})
