import * as core from '@actions/core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError, readInputs } from '../src/inputs.js'
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
      desired: { url: valid.url, events: ['whatsapp.message.received', 'whatsapp.message.sent'], active: true, bufferEnabled: false, headers: {} }
    })
    expect(inputs.desired.secretKey).toBeUndefined()
    expect(inputs.desired.inactivityMinutes).toBeUndefined()
  })

  it('picks the Platform API for phone-number-id', () => {
    setInputs({ ...valid, 'whatsapp-config-id': '', 'phone-number-id': '106540352242922' })
    expect(readInputs()).toMatchObject({ apiUrl: 'https://api.kapso.ai/platform/v1', scope: { kind: 'platform', id: '106540352242922' } })
  })

  it('masks the API key and the secret before anything else', () => {
    setInputs({ ...valid, 'secret-key': 'my-signing-secret' })
    readInputs()
    expect(recorded.masks()).toEqual(['test-api-key', 'my-signing-secret'])
    expect(vi.mocked(core.setSecret).mock.invocationCallOrder[1]).toBeLessThan(vi.mocked(core.debug).mock.invocationCallOrder[0] ?? Infinity)
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
      'api-url': 'http://127.0.0.1:8787/api/v1/'
    })
    expect(readInputs()).toMatchObject({
      apiUrl: 'http://127.0.0.1:8787/api/v1',
      dryRun: true,
      desired: { active: false, bufferEnabled: true, bufferWindowSeconds: 60, maxBufferSize: 1, bufferEvents: ['whatsapp.message.received'], inactivityMinutes: 1440 }
    })
  })

  it('warns that buffer settings do nothing while buffering is off', () => {
    setInputs({ ...valid, 'buffer-window-seconds': '10' })
    readInputs()
    expect(recorded.warnings()).toEqual(['buffer-window-seconds is ignored while buffer-enabled is false.'])
  })

  it('suggests the event a near-miss meant', () => {
    expect(problem({ ...valid, events: 'whatsapp.message.recieved' })).toContain('did you mean "whatsapp.message.received"?')
    expect(problem({ ...valid, events: 'WhatsApp.Message.Sent' })).toContain('did you mean "whatsapp.message.sent"?')
  })

  it('lists every problem at once', () => {
    const message = problem({ ...valid, events: 'bogus.event', 'inactivity-minutes': '0', active: 'yes' })
    expect(message).toMatch(/^Invalid inputs:/)
    expect(message).toContain('events has an unknown event "bogus.event". Accepted: whatsapp.message.received,')
    expect(message).toContain('inactivity-minutes must be a whole number from 1 to 1440; got "0"')
    expect(message).toContain('active must be true or false; got "yes"')
  })

  // Each bad value must be refused with a message that names the input and says what it accepts.
  const invalid: [string, Record<string, string>, RegExp][] = [
    ['no api-key', { 'api-key': '' }, /api-key is required/],
    ['api-key with a line break', { 'api-key': 'abc\ndef' }, /api-key contains white space/],
    ['no scope', { 'whatsapp-config-id': '' }, /exactly one of whatsapp-config-id .* and phone-number-id/],
    ['both scopes', { 'phone-number-id': '123' }, /exactly one of whatsapp-config-id .* not both/],
    ['config id not a UUID', { 'whatsapp-config-id': '12345' }, /whatsapp-config-id must be a Kapso configuration UUID/],
    ['phone number id not digits', { 'whatsapp-config-id': '', 'phone-number-id': CONFIG_ID }, /phone-number-id must be Meta's phone number id, digits only/],
    ['unknown operation', { operation: 'remove' }, /operation must be one of upsert, create, delete; got "remove"/],
    ['webhook-id not a UUID', { 'webhook-id': 'webhook-123abc' }, /webhook-id must be a webhook's UUID/],
    ['url missing on upsert', { url: '' }, /url is required for operation upsert \(or give webhook-id\)/],
    ['url over http', { url: 'http://preview.example.com/hook' }, /url must be an absolute https:\/\/ URL: Kapso delivers only over HTTPS/],
    ['relative url', { url: '/api/whatsapp' }, /url must be an absolute https:\/\/ URL/],
    ['javascript url', { url: 'javascript:alert(1)' }, /url must be an absolute https:\/\/ URL/],
    ['url with credentials', { url: 'https://user:pw@example.com/hook' }, /url must not carry a user name or password/],
    ['url with a space', { url: 'https://example.com/a hook' }, /url must be an absolute https:\/\/ URL without spaces/],
    ['no events on upsert', { events: '' }, /events is required for operation upsert: one or more of whatsapp.message.received/],
    ['project event on a number', { events: 'workflow.execution.failed' }, /events has an unknown event "workflow.execution.failed"/],
    ['buffer of another event', { 'buffer-events': 'whatsapp.message.sent' }, /buffer-events has an unknown event "whatsapp.message.sent"/],
    ['buffer window too large', { 'buffer-window-seconds': '61' }, /buffer-window-seconds must be a whole number from 1 to 60; got "61"/],
    ['buffer window fractional', { 'buffer-window-seconds': '2.5' }, /buffer-window-seconds must be a whole number from 1 to 60/],
    ['buffer size zero', { 'max-buffer-size': '0' }, /max-buffer-size must be a whole number from 1 to 100/],
    ['buffer size negative', { 'max-buffer-size': '-5' }, /max-buffer-size must be a whole number from 1 to 100/],
    ['inactivity too large', { 'inactivity-minutes': '1441' }, /inactivity-minutes must be a whole number from 1 to 1440/],
    ['active not boolean', { active: 'yes' }, /active must be true or false; got "yes"/],
    ['buffer-enabled not boolean', { 'buffer-enabled': '1' }, /buffer-enabled must be true or false/],
    ['dry-run not boolean', { 'dry-run': 'maybe' }, /dry-run must be true or false/],
    ['headers JSON array', { headers: '["X-Env"]' }, /headers must be a JSON object of strings/],
    ['headers broken JSON', { headers: '{"X-Env": ' }, /headers is not valid JSON/],
    ['headers number value', { headers: '{"X-Retries": 3}' }, /headers value of X-Retries must be a string/],
    ['header name with a space', { headers: '{"X Env": "a"}' }, /headers has an invalid header name "X Env"/],
    ['header value with CR/LF', { headers: '{"X-Env": "a\\r\\nX-Injected: 1"}' }, /headers value of X-Env contains a line break/],
    ['header line without colon', { headers: 'X-Env preview' }, /headers has a line without "Name: value" form/],
    ['reserved header', { headers: 'X-Webhook-Signature: forged' }, /headers cannot set X-Webhook-Signature: Kapso sets it/],
    ['header given twice', { headers: 'X-Env: a\nx-env: b' }, /headers names x-env twice/],
    ['api-url over http to a remote host', { 'api-url': 'http://kapso.example.com/api/v1' }, /api-url may use http:\/\/ only for a loopback host/],
    ['api-url with credentials', { 'api-url': 'https://u:p@app.kapso.ai/api/v1' }, /api-url must be an absolute https:\/\/ URL/],
    ['api-url not a URL', { 'api-url': 'app.kapso.ai' }, /api-url must be an absolute https:\/\/ URL/],
    ['create with webhook-id', { operation: 'create', 'webhook-id': '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b' }, /webhook-id cannot be used with operation create/],
    ['delete with nothing to find', { operation: 'delete', url: '' }, /operation delete needs url or webhook-id/],
    ['secret with a line break', { 'secret-key': 'abc\ndef' }, /secret-key contains a line break/]
  ]

  it.each(invalid)('refuses %s, naming the input', (_name, override, expected) => {
    expect(problem({ ...valid, ...override })).toMatch(expected)
  })
})
