/**
 * A list that lags (Kapso's lists may show a new webhook only seconds after the create), and a create
 * whose answer is lost although the webhook was made (a gateway's 502 after the upstream went on): the
 * two together are how one run can make two webhooks, so the emulator must be able to play both.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId, EMULATOR_DEFAULTS, KapsoEmulator, type Api } from '../emulator/server.js'
import { callApi, type Answer } from './support/api.js'
import { useEmulator } from './support/emulator.js'

const emulator = useEmulator()

const LEGACY = `/whatsapp_configs/${EMULATOR_DEFAULTS.configId}/whatsapp_webhooks`
const NUMBER = `/whatsapp/phone_numbers/${EMULATOR_DEFAULTS.phoneNumberId}/webhooks`
const collection = (api: Api): string => `${emulator.apiUrl(api)}${api === 'legacy' ? LEGACY : NUMBER}`
const kapso = { url: 'https://preview.example.com/hook', secret_key: 's3cret', events: ['whatsapp.message.received'] }

const call = (method: string, url: string, body?: unknown): Promise<Answer> => callApi(url, method, body)
const listedIds = async (url: string): Promise<string[]> =>
  (await call('GET', url)).json.data.map((w: { id: string }) => w.id)
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(['legacy', 'platform'] as Api[])('listLagMs on the %s API', (api) => {
  it('lists a created webhook only once the lag has passed; a read by id sees it at once', async () => {
    emulator.configure({ listLagMs: 400 })
    const seeded = emulator.seed(api, defaultScopeId(api), { url: 'https://example.com/earlier' })
    const created = await call('POST', collection(api), { whatsapp_webhook: kapso })
    expect(created.status).toBe(201)
    const id = created.json.data.id as string
    expect(await listedIds(collection(api))).toEqual([seeded.id])
    expect(await listedIds(`${collection(api)}?${api === 'legacy' ? 'q[url_cont]' : 'url_contains'}=preview`)).toEqual(
      []
    )
    expect((await call('GET', `${collection(api)}/${id}`)).json.data.id).toBe(id)
    expect(emulator.webhooks().map((w) => w.id)).toEqual([seeded.id, id])
    await sleep(450)
    expect(await listedIds(collection(api))).toEqual([id, seeded.id])
  })
})

describe('listLagMs', () => {
  it('applies to the project list too', async () => {
    emulator.configure({ listLagMs: 300 })
    const id = (
      await call('POST', `${emulator.apiUrl('platform')}/whatsapp/webhooks`, {
        whatsapp_webhook: { ...kapso, events: ['whatsapp.phone_number.created'] }
      })
    ).json.data.id as string
    expect(await listedIds(`${emulator.apiUrl('platform')}/whatsapp/webhooks`)).toEqual([])
    await sleep(350)
    expect(await listedIds(`${emulator.apiUrl('platform')}/whatsapp/webhooks`)).toEqual([id])
  })

  it('is 0 unless set, is restored by reset(), and refuses a value that is not a number ≥ 0', async () => {
    const lagging = await KapsoEmulator.start({ listLagMs: 60_000 })
    try {
      const url = `${lagging.apiUrl('platform')}${NUMBER}`
      await callApi(url, 'POST', { whatsapp_webhook: kapso })
      expect(await listedIds(url)).toEqual([])
      lagging.configure({ listLagMs: 0 })
      lagging.reset()
      await callApi(url, 'POST', { whatsapp_webhook: kapso })
      expect(await listedIds(url)).toEqual([])
    } finally {
      await lagging.close()
    }
    const id = (await call('POST', collection('platform'), { whatsapp_webhook: kapso })).json.data.id as string
    expect(await listedIds(collection('platform'))).toEqual([id])
    expect(() => emulator.configure({ listLagMs: -1 })).toThrow('listLagMs must be a finite number ≥ 0, not -1')
    expect(() => emulator.configure({ listLagMs: Number.NaN })).toThrow(
      'listLagMs must be a finite number ≥ 0, not NaN'
    )
  })
})

describe('the status-after fault', () => {
  it('makes the webhook, then answers with the status and body given instead', async () => {
    emulator.inject({ method: 'POST', fault: { kind: 'status-after', status: 502 } })
    const lost = await call('POST', collection('legacy'), { whatsapp_webhook: kapso })
    expect(lost).toMatchObject({ status: 502, json: { error: 'Bad Gateway' } })
    expect(emulator.webhooks().map((w) => w.url)).toEqual([kapso.url])
    expect(emulator.requests.map((r) => r.status)).toEqual([502])
    emulator.inject({
      method: 'POST',
      fault: { kind: 'status-after', status: 504, body: { error: 'Gateway Timeout' } }
    })
    expect(await call('POST', collection('platform'), { whatsapp_webhook: kapso })).toMatchObject({
      status: 504,
      json: { error: 'Gateway Timeout' }
    })
    expect(emulator.webhooks()).toHaveLength(2)
    expect(emulator.faultsInjected).toBe(2)
  })
})
