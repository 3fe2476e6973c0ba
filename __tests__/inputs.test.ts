import * as core from '@actions/core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError, readInputs } from '../src/inputs/index.js'
import { FAKE_GITHUB_TOKEN } from '../scripts/run-action.js'
import { clearCore, recorded, setInputs } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const CONFIG_ID = '550e8400-e29b-41d4-a716-446655440000'
const valid = {
  'api-key': 'test-api-key',
  'whatsapp-config-id': CONFIG_ID,
  url: 'https://preview-7.example.com/api/whatsapp',
  events: 'whatsapp.message.received, whatsapp.message.sent'
}

function problem(inputs: Record<string, string>): string {
  setInputs(inputs)
  try {
    readInputs()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('readInputs accepted the inputs')
}

beforeEach(clearCore)

describe('readInputs', () => {
  it('reads a minimal legacy-scope upsert with action.yml defaults', () => {
    setInputs(valid)
    const inputs = readInputs()
    expect(inputs).toMatchObject({
      apiUrl: 'https://app.kapso.ai/api/v1',
      scope: { kind: 'legacy', id: CONFIG_ID, input: 'whatsapp-config-id' },
      operation: 'upsert',
      dryRun: false,
      comment: false,
      desired: {
        url: valid.url,
        events: ['whatsapp.message.received', 'whatsapp.message.sent'],
        active: true,
        bufferEnabled: false,
        headers: {}
      }
    })
    expect(inputs.desired.secretKey).toBeUndefined()
    expect(inputs.desired.inactivityMinutes).toBeUndefined()
  })

  it('picks the Platform API for phone-number-id', () => {
    setInputs({ ...valid, 'whatsapp-config-id': '', 'phone-number-id': '106540352242922' })
    expect(readInputs()).toMatchObject({
      apiUrl: 'https://api.kapso.ai/platform/v1',
      scope: { kind: 'platform', id: '106540352242922' }
    })
  })

  it('masks the API key and the secret before anything else', () => {
    setInputs({ ...valid, 'secret-key': 'my-signing-secret' })
    readInputs()
    expect(recorded.masks()).toEqual(['test-api-key', 'my-signing-secret', FAKE_GITHUB_TOKEN])
    expect(vi.mocked(core.setSecret).mock.invocationCallOrder[1]).toBeLessThan(
      vi.mocked(core.debug).mock.invocationCallOrder[0] ?? Infinity
    )
  })

  it('masks the API key even when other inputs are invalid', () => {
    setInputs({ ...valid, events: 'nope' })
    expect(() => readInputs()).toThrow(InputError)
    expect(recorded.masks()).toContain('test-api-key')
  })

  it('splits events on commas and new lines, drops blanks and repeats', () => {
    setInputs({ ...valid, events: 'whatsapp.message.sent,\n whatsapp.message.read\n\nwhatsapp.message.sent' })
    expect(readInputs().desired.events).toEqual(['whatsapp.message.sent', 'whatsapp.message.read'])
  })

  it('reads headers as JSON or as Name: value lines', () => {
    setInputs({ ...valid, headers: '{"X-Env": "preview", "X-Team": "growth"}' })
    expect(readInputs().desired.headers).toEqual({ 'X-Env': 'preview', 'X-Team': 'growth' })
    setInputs({ ...valid, headers: 'X-Env: preview\nAuthorization: Bearer a:b' })
    expect(readInputs().desired.headers).toEqual({ 'X-Env': 'preview', Authorization: 'Bearer a:b' })
  })

  it('reads every optional field', () => {
    setInputs({
      ...valid,
      active: 'False',
      'buffer-enabled': 'TRUE',
      'buffer-window-seconds': '60',
      'max-buffer-size': '1',
      'buffer-events': 'whatsapp.message.received',
      'inactivity-minutes': '1440',
      'dry-run': 'true',
      comment: 'true',
      'api-url': 'http://127.0.0.1:8787/api/v1/'
    })
    expect(readInputs()).toMatchObject({
      apiUrl: 'http://127.0.0.1:8787/api/v1',
      dryRun: true,
      comment: true,
      desired: {
        active: false,
        bufferEnabled: true,
        bufferWindowSeconds: 60,
        maxBufferSize: 1,
        bufferEvents: ['whatsapp.message.received'],
        inactivityMinutes: 1440
      }
    })
  })

  it('warns that buffer settings do nothing while buffering is off', () => {
    setInputs({ ...valid, 'buffer-window-seconds': '10' })
    readInputs()
    expect(recorded.warnings()).toEqual(['buffer-window-seconds is ignored while buffer-enabled is false.'])
  })

  it('suggests the event a near-miss meant', () => {
    expect(problem({ ...valid, events: 'whatsapp.message.recieved' })).toContain(
      'did you mean "whatsapp.message.received"?'
    )
    expect(problem({ ...valid, events: 'WhatsApp.Message.Sent' })).toContain('did you mean "whatsapp.message.sent"?')
  })

  it('lists every problem at once', () => {
    const message = problem({
      ...valid,
      events: 'bogus event',
      'inactivity-minutes': '0',
      active: 'yes',
      comment: 'on'
    })
    expect(message).toMatch(/^Invalid inputs:/)
    expect(message).toContain(
      'events has "bogus event", which is no event name (lower-case words joined by dots, like whatsapp.message.received). Accepted: whatsapp.message.received,'
    )
    expect(message).toContain('inactivity-minutes must be a whole number from 1 to 1440; got "0"')
    expect(message).toContain('active must be true or false; got "yes"')
    expect(message).toContain('comment must be true or false; got "on"')
  })
})
