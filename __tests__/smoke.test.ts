/**
 * The built action (dist/index.js) spawned exactly as the runner starts it, against the emulator, for
 * every operation on both API generations, with debug logging on. Each run is scanned for leaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, KapsoEmulator, type Api } from '../emulator/server.js'
import { emulatorInputs, runAction, type ActionRun } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { findLeaks, isMasked } from '../scripts/leaks.js'

let emulator: KapsoEmulator
beforeAll(async () => {
  emulator = await KapsoEmulator.start()
})
afterAll(() => emulator.close())

const API_KEY = EMULATOR_DEFAULTS.apiKey
const GIVEN_SECRET = 'given-signing-secret-5b0e7f1c'

/** Runs the bundle with debug logging on and checks that neither the key nor any secret leaked. */
async function runClean(inputs: Record<string, string>, secrets: () => string[]): Promise<ActionRun> {
  const run = await runChecked(inputs, { secrets: secrets() })
  expect(isMasked(run.stdout, API_KEY)).toBe(true)
  return run
}

describe.each(['legacy', 'platform'] as Api[])('dist/index.js on the %s API', (api) => {
  const inputs = (over: Record<string, string> = {}): Record<string, string> => ({
    ...emulatorInputs(emulator, api),
    url: `https://pr-31.preview.example.com/${api}/hook`,
    events: 'whatsapp.message.received\nwhatsapp.message.sent',
    ...over
  })
  const secretsHeld = (): string[] => emulator.webhooks(api).map((w) => w.secret_key)

  it('creates, re-runs unchanged, updates, dry-runs, deletes and finds nothing left, without leaking', async () => {
    const created = await runClean(inputs(), secretsHeld)
    expect(created.exitCode).toBe(0)
    expect(created.outputs).toMatchObject({ result: 'created', url: inputs().url })
    const secret = created.outputs['secret-key'] ?? ''
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    // The generated secret was masked before it was used, and is the one Kapso holds.
    expect(isMasked(created.stdout, secret)).toBe(true)
    expect(emulator.webhooks(api).map((w) => w.secret_key)).toEqual([secret])
    expect(created.outputs.webhook).not.toContain(secret)

    const writes = emulator.writes().length
    const again = await runClean(inputs(), secretsHeld)
    expect(again.outputs).toMatchObject({
      result: 'unchanged',
      'webhook-id': created.outputs['webhook-id'],
      'secret-key': secret
    })
    expect(isMasked(again.stdout, secret)).toBe(true)
    expect(emulator.writes().length).toBe(writes)

    const updated = await runClean(inputs({ 'secret-key': GIVEN_SECRET, headers: '{"X-Preview": "31"}' }), () => [
      ...secretsHeld(),
      secret
    ])
    expect(updated.outputs).toMatchObject({
      result: 'updated',
      'webhook-id': created.outputs['webhook-id'],
      'secret-key': GIVEN_SECRET
    })
    expect(emulator.webhooks(api)[0]).toMatchObject({ secret_key: GIVEN_SECRET, headers: { 'X-Preview': '31' } })

    const dry = await runClean(inputs({ operation: 'delete', 'dry-run': 'true' }), secretsHeld)
    expect(dry.outputs.result).toBe('deleted')
    expect(emulator.webhooks(api)).toHaveLength(1)

    const held = secretsHeld()
    const deleted = await runClean(inputs({ operation: 'delete' }), () => held)
    expect(deleted.outputs).toMatchObject({ result: 'deleted', 'webhook-id': created.outputs['webhook-id'] })
    expect(emulator.webhooks(api)).toHaveLength(0)

    const absent = await runClean(inputs({ operation: 'delete' }), () => held)
    expect(absent.exitCode).toBe(0)
    expect(absent.outputs.result).toBe('absent')
  })

  it('creates with operation create and a given secret, then deletes it by webhook-id', async () => {
    const created = await runClean(inputs({ operation: 'create', 'secret-key': GIVEN_SECRET }), secretsHeld)
    expect(created.outputs).toMatchObject({ result: 'created', 'secret-key': GIVEN_SECRET })
    const id = created.outputs['webhook-id'] ?? ''
    const deleted = await runClean(inputs({ operation: 'delete', url: '', 'webhook-id': id }), () => [GIVEN_SECRET])
    expect(deleted.outputs).toMatchObject({ result: 'deleted', 'webhook-id': id })
    expect(emulator.webhooks(api)).toHaveLength(0)
  })

  it('fails with exit code 1, a clear message and no request on invalid input', async () => {
    const before = emulator.requests.length
    const run = await runClean(inputs({ 'buffer-window-seconds': '90', 'secret-key': GIVEN_SECRET }), () => [
      GIVEN_SECRET
    ])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Invalid input: buffer-window-seconds must be a whole number from 1 to 60; got "90".'
    )
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(emulator.requests.length).toBe(before)
  })

  it('fails with exit code 1 and the reason when Kapso rejects the key', async () => {
    const run = await runAction(inputs({ 'api-key': 'a-revoked-api-key-1234' }))
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Kapso rejected the API key (HTTP 401)')
    expect(findLeaks(run.stdout, ['a-revoked-api-key-1234'])).toEqual([])
  })
})
