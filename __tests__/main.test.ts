import { describe, expect, it, vi } from 'vitest'
import { defaultScopeId, EMULATOR_DEFAULTS, type Api } from '../emulator/server.js'
import { emulatorInputs } from '../scripts/run-action.js'
import { run } from '../src/main.js'
import { clearCore, recorded, setInputs } from './support/core.js'
import { useEmulatorWithMockedCore } from './support/emulator.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const emulator = useEmulatorWithMockedCore()

const URL_A = 'https://pr-12.preview.example.com/api/whatsapp'

async function runWith(inputs: Record<string, string>): Promise<Record<string, string>> {
  clearCore()
  setInputs(inputs)
  await run()
  return recorded.outputs()
}

describe.each(['legacy', 'platform'] as Api[])('run() on the %s API', (api) => {
  const scopeInput = api === 'legacy' ? 'whatsapp-config-id' : 'phone-number-id'
  const scopeId = defaultScopeId(api)
  const base = (): Record<string, string> => ({
    ...emulatorInputs(emulator, api),
    url: URL_A,
    events: 'whatsapp.message.received, whatsapp.message.sent'
  })

  it('creates the webhook with every field as given and outputs its id', async () => {
    const out = await runWith({
      ...base(),
      'secret-key': 'given-secret-0123456789',
      active: 'false',
      headers: 'X-Env: preview',
      'buffer-enabled': 'true',
      'buffer-window-seconds': '12',
      'max-buffer-size': '30',
      'buffer-events': 'whatsapp.message.received',
      'inactivity-minutes': '90'
    })
    expect(recorded.failure()).toBeUndefined()
    const [stored] = emulator.webhooks(api)
    expect(emulator.webhooks(api)).toHaveLength(1)
    expect(stored).toMatchObject({
      url: URL_A,
      secret_key: 'given-secret-0123456789',
      events: ['whatsapp.message.received', 'whatsapp.message.sent'],
      active: false,
      headers: { 'X-Env': 'preview' },
      buffer_enabled: true,
      buffer_window_seconds: 12,
      max_buffer_size: 30,
      buffer_events: ['whatsapp.message.received'],
      inactivity_minutes: 90
    })
    expect(out).toMatchObject({
      result: 'created',
      'webhook-id': stored?.id,
      url: URL_A,
      'secret-key': 'given-secret-0123456789'
    })
    const webhook = JSON.parse(out.webhook ?? '')
    expect(webhook).toMatchObject({ id: stored?.id, inactivity_minutes: 90 })
    expect(webhook).not.toHaveProperty('secret_key')
  })

  it('generates a strong secret for a new webhook, masks it, and keeps it on re-runs', async () => {
    const first = await runWith(base())
    const secret = first['secret-key'] ?? ''
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(recorded.masks()).toContain(secret)
    expect(emulator.webhooks(api)[0]?.secret_key).toBe(secret)

    const requestsBefore = emulator.requests.length
    const second = await runWith(base())
    expect(second).toMatchObject({ result: 'unchanged', 'webhook-id': first['webhook-id'], 'secret-key': secret })
    // The secret read back from Kapso is masked before the step can print it.
    expect(recorded.masks()).toContain(secret)
    expect(emulator.requests.slice(requestsBefore).every((r) => r.method === 'GET')).toBe(true)
  })

  it('makes one PATCH with only the changed field, on the same webhook', async () => {
    const first = await runWith(base())
    const writesBefore = emulator.writes().length
    const out = await runWith({ ...base(), 'inactivity-minutes': '15' })
    const writes = emulator.writes().slice(writesBefore)
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatchObject({ method: 'PATCH', body: { whatsapp_webhook: { inactivity_minutes: 15 } } })
    expect(writes[0]?.path).toContain(first['webhook-id'])
    expect(out).toMatchObject({
      result: 'updated',
      'webhook-id': first['webhook-id'],
      'secret-key': first['secret-key']
    })
    expect(recorded.info().join('\n')).toContain('inactivity-minutes: 60 -> 15')
    expect(emulator.webhooks(api)).toHaveLength(1)
  })

  it('deletes, then reports absent and succeeds on a second delete', async () => {
    const first = await runWith(base())
    const deleted = await runWith({ ...base(), operation: 'delete' })
    expect(deleted).toMatchObject({ result: 'deleted', 'webhook-id': first['webhook-id'], 'secret-key': '' })
    expect(emulator.webhooks(api)).toHaveLength(0)
    const again = await runWith({ ...base(), operation: 'delete' })
    expect(again).toMatchObject({ result: 'absent', 'webhook-id': '' })
    expect(recorded.failure()).toBeUndefined()
  })

  it('writes nothing in a dry run, and says what would happen', async () => {
    const wouldCreate = await runWith({ ...base(), 'dry-run': 'true' })
    expect(wouldCreate).toMatchObject({ result: 'created', 'webhook-id': '' })
    expect(recorded.info()[0]).toMatch(/^Dry run, nothing written: would create a new webhook for/)
    expect(emulator.writes()).toHaveLength(0)

    const created = await runWith(base())
    const writesBefore = emulator.writes().length
    expect(await runWith({ ...base(), events: 'whatsapp.message.read', 'dry-run': 'true' })).toMatchObject({
      result: 'updated',
      'webhook-id': created['webhook-id']
    })
    expect(recorded.info()).toContain(
      '  events: whatsapp.message.received, whatsapp.message.sent -> whatsapp.message.read'
    )
    expect(await runWith({ ...base(), operation: 'delete', 'dry-run': 'true' })).toMatchObject({
      result: 'deleted',
      'webhook-id': created['webhook-id']
    })
    expect(emulator.writes().length).toBe(writesBefore)
    expect(emulator.webhooks(api)[0]?.events).toEqual(['whatsapp.message.received', 'whatsapp.message.sent'])
  })

  it('always makes a new webhook with operation create', async () => {
    await runWith(base())
    const out = await runWith({ ...base(), operation: 'create' })
    expect(out.result).toBe('created')
    expect(emulator.webhooks(api)).toHaveLength(2)
  })

  it('updates the most recent of several webhooks with the url and names the others', async () => {
    const older = emulator.seed(api, scopeId, { url: URL_A })
    const newer = emulator.seed(api, scopeId, { url: URL_A })
    const out = await runWith({ ...base(), 'inactivity-minutes': '30' })
    expect(out).toMatchObject({ result: 'updated', 'webhook-id': newer.id })
    expect(recorded.warnings()[0]).toContain(`Updating the most recent, ${newer.id}; left as they are: ${older.id}`)
    expect(emulator.webhooks(api).find((w) => w.id === older.id)?.inactivity_minutes).toBe(60)
  })

  it('matches the url exactly, never a webhook whose url only contains it, across every page', async () => {
    for (let i = 0; i < 230; i++) emulator.seed(api, scopeId, { url: `${URL_A}/other-${i}` })
    const out = await runWith(base())
    expect(out.result).toBe('created')
    const lists = emulator.requests.filter((r) => r.method === 'GET')
    expect(lists.length).toBe(3) // 231 webhooks contain the url: three pages of 100
    // Now the exact match sits among the others: a re-run finds it, and delete leaves the others alone.
    expect((await runWith(base())).result).toBe('unchanged')
    expect((await runWith({ ...base(), operation: 'delete' })).result).toBe('deleted')
    expect(emulator.webhooks(api)).toHaveLength(230)
  })

  it('acts on webhook-id instead of matching by url', async () => {
    const mine = emulator.seed(api, scopeId, { url: 'https://old.example.com/hook' })
    const updated = await runWith({ ...base(), 'webhook-id': mine.id })
    expect(updated).toMatchObject({ result: 'updated', 'webhook-id': mine.id, url: URL_A })
    expect(emulator.webhooks(api)).toHaveLength(1)

    const deleted = await runWith({ ...base(), url: '', operation: 'delete', 'webhook-id': mine.id })
    expect(deleted).toMatchObject({ result: 'deleted', 'webhook-id': mine.id })
    const absent = await runWith({ ...base(), url: '', operation: 'delete', 'webhook-id': mine.id })
    expect(absent).toMatchObject({ result: 'absent' })
    expect(recorded.info()[0]).toContain(`No webhook ${mine.id}`)
  })

  it('fails, naming webhook-id, when upsert is pointed at a webhook that does not exist', async () => {
    await runWith({ ...base(), 'webhook-id': '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b' })
    expect(recorded.failure()).toMatch(/^webhook-id 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b matches no webhook of/)
    expect(emulator.writes()).toHaveLength(0)
  })

  it('says the API key was rejected on 401', async () => {
    await runWith({ ...base(), 'api-key': 'wrong-key' })
    expect(recorded.failure()).toMatch(
      /^Kapso rejected the API key \(HTTP 401\) while listing webhooks.* Check the api-key input/
    )
  })

  it('names the scope input on 404, for lists and for a webhook-id alike', async () => {
    const unknown = { [scopeInput]: api === 'legacy' ? '00000000-0000-4000-8000-000000000000' : '999' }
    const input = scopeInput
    await runWith({ ...base(), ...unknown })
    expect(recorded.failure()).toContain(`Check ${input}`)
    await runWith({
      ...base(),
      ...unknown,
      url: '',
      operation: 'delete',
      'webhook-id': '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b'
    })
    expect(recorded.failure()).toContain(`Check ${input}`)
    expect(recorded.outputs().result).toBeUndefined()
  })

  it("shows Kapso's own message on 422", async () => {
    emulator.inject({
      method: 'POST',
      fault: { kind: 'status', status: 422, body: { error: 'Url is already taken by another project' } }
    })
    await runWith(base())
    expect(recorded.failure()).toBe(
      `Kapso refused creating a webhook for ${URL_A} (HTTP 422): Url is already taken by another project`
    )
  })

  it('gives the status and what it was doing for any other answer', async () => {
    emulator.inject({ method: 'GET', fault: { kind: 'status', status: 400, body: { message: 'Bad request' } } })
    await runWith(base())
    expect(recorded.failure()).toBe(
      `Kapso answered HTTP 400 while listing webhooks with url ${URL_A}. Kapso said: Bad request`
    )
  })

  it('makes no request at all when an input is invalid', async () => {
    await runWith({ ...base(), events: 'whatsapp.message.recieved' })
    expect(recorded.failure()).toContain('did you mean "whatsapp.message.received"?')
    expect(emulator.requests).toHaveLength(0)
  })
})

describe('run() failures outside Kapso', () => {
  it('says Kapso could not be reached, naming the host and the attempts', async () => {
    setInputs({
      'max-attempts': '2',
      'api-key': 'unreachable-test-key',
      'api-url': 'http://127.0.0.1:9/api/v1',
      'whatsapp-config-id': EMULATOR_DEFAULTS.configId,
      url: URL_A,
      events: 'whatsapp.message.sent'
    })
    await run()
    expect(recorded.failure()).toMatch(
      /^Gave up listing webhooks with url \S+ after 2 attempts; the last one ended with could not connect to 127\.0\.0\.1:9 \(ECONNREFUSED\)\.$/
    )
  })

  it('refuses a meta-kind webhook given by webhook-id', async () => {
    const meta = emulator.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, { url: URL_A, kind: 'meta', events: [] })
    await runWith({
      ...emulatorInputs(emulator, 'platform'),
      'webhook-id': meta.id,
      events: 'whatsapp.message.sent'
    })
    expect(recorded.failure()).toContain('is a meta-kind webhook; this step manages kapso-kind webhooks')
    expect(emulator.writes()).toHaveLength(0)
  })
})
