/**
 * Hostile and malformed inputs, through run() against the emulator: each must fail with a message that
 * names the input, and not one request may reach Kapso.
 */
import { describe, expect, it, vi } from 'vitest'
import { run } from '../src/main.js'
import { emulatorInputs } from '../scripts/run-action.js'
import { recorded, setInputs } from './support/core.js'
import { useEmulatorWithMockedCore } from './support/emulator.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const emulator = useEmulatorWithMockedCore()

const CONFIG_ID = '550e8400-e29b-41d4-a716-446655440000'
const WEBHOOK_ID = '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b'

// [what, inputs over a valid upsert, the input the message must name, what else it must say]
const table: [string, Record<string, string>, string, RegExp][] = [
  ['no api-key', { 'api-key': '' }, 'api-key', /is required/],
  ['api-key with a line break', { 'api-key': 'abc\ndef' }, 'api-key', /white space or a line break/],
  [
    'no scope',
    { 'whatsapp-config-id': '' },
    'whatsapp-config-id',
    /exactly one of whatsapp-config-id .*, phone-number-id .* or scope: project/
  ],
  ['both scopes', { 'phone-number-id': '123' }, 'phone-number-id', /not both/],
  ['config id that is not a UUID', { 'whatsapp-config-id': '12345' }, 'whatsapp-config-id', /Kapso configuration UUID/],
  ['config id with path traversal', { 'whatsapp-config-id': '../../customers' }, 'whatsapp-config-id', /UUID/],
  [
    'phone number id with a path',
    { 'whatsapp-config-id': '', 'phone-number-id': '123/../456' },
    'phone-number-id',
    /digits only/
  ],
  [
    'phone number id that is a UUID',
    { 'whatsapp-config-id': '', 'phone-number-id': CONFIG_ID },
    'phone-number-id',
    /digits only/
  ],
  [
    'unknown operation',
    { operation: 'remove' },
    'operation',
    /one of upsert, create, delete, auto, sweep; got "remove"/
  ],
  ['operation in capitals', { operation: 'UPSERT' }, 'operation', /one of upsert, create, delete, auto, sweep/],
  ['webhook-id in an old format', { 'webhook-id': 'webhook-123abc' }, 'webhook-id', /UUID/],
  ['webhook-id with path traversal', { 'webhook-id': `../${WEBHOOK_ID}` }, 'webhook-id', /UUID/],
  ['no url on upsert', { url: '' }, 'url', /is required for operation upsert \(or give webhook-id\)/],
  [
    'url over http',
    { url: 'http://preview.example.com/hook' },
    'url',
    /https:\/\/ URL: Kapso delivers only over HTTPS/
  ],
  ['relative url', { url: '/api/whatsapp' }, 'url', /absolute https:\/\/ URL/],
  ['javascript: url', { url: 'javascript:alert(document.cookie)' }, 'url', /absolute https:\/\/ URL/],
  ['data: url', { url: 'data:text/html,<script>alert(1)</script>' }, 'url', /absolute https:\/\/ URL/],
  ['file: url', { url: 'file:///etc/passwd' }, 'url', /absolute https:\/\/ URL/],
  [
    'url with user and password',
    { url: 'https://user:pw@example.com/hook' },
    'url',
    /must not carry a user name or password/
  ],
  ['url with a user only', { url: 'https://token@example.com/hook' }, 'url', /must not carry a user name or password/],
  ['url with a space', { url: 'https://example.com/a hook' }, 'url', /without spaces or control characters/],
  // (A NUL cannot reach the action: the runner passes inputs as environment variables.)
  [
    'url with an escape character',
    { url: 'https://example.com/\u001b[31mhook' },
    'url',
    /without spaces or control characters/
  ],
  ['oversized url', { url: `https://example.com/${'a'.repeat(5000)}` }, 'url', /longer than 2048 characters/],
  [
    'no events on upsert',
    { events: '' },
    'events',
    /is required for operation upsert: one or more of whatsapp.message.received/
  ],
  ['only separators as events', { events: ' , ,\n,' }, 'events', /is required/],
  ['near-miss event', { events: 'whatsapp.message.recieved' }, 'events', /did you mean "whatsapp.message.received"\?/],
  [
    'Cyrillic look-alike in an event',
    { events: 'whats\u0430pp.message.sent' },
    'events',
    /"whats\u0430pp.message.sent", which is no event name .*: did you mean "whatsapp.message.sent"\?/
  ],
  [
    'zero-width space in an event',
    { events: 'whatsapp.message\u200b.sent' },
    'events',
    /which is no event name \(lower-case words joined by dots/
  ],
  ['fullwidth dot in an event', { events: 'whatsapp\uff0emessage.sent' }, 'events', /which is no event name/],
  ['event in capitals', { events: 'WHATSAPP.MESSAGE.SENT' }, 'events', /did you mean "whatsapp.message.sent"\?/],
  [
    'event one letter off a new one',
    { events: 'whatsapp.contact.identity_chnged' },
    'events',
    /did you mean "whatsapp.contact.identity_changed"\?/
  ],
  [
    'project event on a phone number',
    { events: 'workflow.execution.failed' },
    'events',
    /has workflow.execution.failed, a project event: give scope: project for a project webhook/
  ],
  [
    'more events than a webhook holds',
    { events: Array.from({ length: 101 }, (_, i) => `acme.event.e${i}`).join(',') },
    'events',
    /lists 101 events; at most 100 are taken/
  ],
  [
    'more headers than a webhook holds',
    { headers: Array.from({ length: 100 }, (_, i) => `X-H${i}: v`).join('\n') },
    'headers',
    /has 100 headers; at most 99 are taken \(the action adds its ownership record/
  ],
  [
    'buffering another event',
    { 'buffer-events': 'whatsapp.message.sent' },
    'buffer-events',
    /"whatsapp.message.sent", which Kapso cannot batch: only whatsapp.message.received can be/
  ],
  [
    'negative buffer window',
    { 'buffer-window-seconds': '-5' },
    'buffer-window-seconds',
    /whole number from 1 to 60; got "-5"/
  ],
  [
    'fractional buffer window',
    { 'buffer-window-seconds': '2.5' },
    'buffer-window-seconds',
    /whole number from 1 to 60/
  ],
  [
    'buffer window in exponent form',
    { 'buffer-window-seconds': '1e1' },
    'buffer-window-seconds',
    /whole number from 1 to 60/
  ],
  [
    'buffer window over the range',
    { 'buffer-window-seconds': '61' },
    'buffer-window-seconds',
    /whole number from 1 to 60; got "61"/
  ],
  ['buffer size zero', { 'max-buffer-size': '0' }, 'max-buffer-size', /whole number from 1 to 100/],
  ['buffer size in hex', { 'max-buffer-size': '0x10' }, 'max-buffer-size', /whole number from 1 to 100/],
  ['inactivity over a day', { 'inactivity-minutes': '1441' }, 'inactivity-minutes', /whole number from 1 to 1440/],
  [
    'huge inactivity',
    { 'inactivity-minutes': '99999999999999999999' },
    'inactivity-minutes',
    /whole number from 1 to 1440/
  ],
  ['active as yes', { active: 'yes' }, 'active', /true or false; got "yes"/],
  ['buffer-enabled as 1', { 'buffer-enabled': '1' }, 'buffer-enabled', /true or false/],
  ['dry-run as maybe', { 'dry-run': 'maybe' }, 'dry-run', /true or false/],
  ['headers as a JSON array', { headers: '["X-Env"]' }, 'headers', /JSON object of strings/],
  ['headers as a JSON string', { headers: '"X-Env: a"' }, 'headers', /JSON object of strings/],
  ['headers as broken JSON', { headers: '{"X-Env": ' }, 'headers', /not valid JSON/],
  ['headers with a number value', { headers: '{"X-Retries": 3}' }, 'headers', /value of X-Retries must be a string/],
  ['headers with a nested object', { headers: '{"X-Env": {"a": "b"}}' }, 'headers', /value of X-Env must be a string/],
  [
    'header name with a space',
    { headers: '{"X Env": "a"}' },
    'headers',
    /invalid header name \(the only header\): use letters, digits and -/
  ],
  [
    'header name with CR/LF',
    { headers: '{"X-A\\r\\nX-B": "a"}' },
    'headers',
    /invalid header name \(the only header\)/
  ],
  [
    'header value with CR/LF',
    { headers: '{"X-Env": "a\\r\\nX-Injected: 1"}' },
    'headers',
    /value of X-Env contains a line break/
  ],
  [
    'header value with a NUL',
    { headers: '{"X-Env": "a\\u0000b"}' },
    'headers',
    /value of X-Env contains a line break or control character/
  ],
  [
    'oversized header value',
    { headers: `X-Big: ${'b'.repeat(10_000)}` },
    'headers',
    /value of X-Big is longer than 4096 characters/
  ],
  [
    'header line without a colon',
    { headers: 'X-Env preview' },
    'headers',
    /headers line 1 is not in "Name: value" form\.$/
  ],
  [
    'a header Kapso sets',
    { headers: 'X-Webhook-Signature: forged' },
    'headers',
    /cannot set X-Webhook-Signature: Kapso sets it/
  ],
  ['the same header twice', { headers: 'X-Env: a\nx-env: b' }, 'headers', /names x-env twice/],
  [
    'api-url over http to a remote host',
    { 'api-url': 'http://kapso.example.com/api/v1' },
    'api-url',
    /http:\/\/ only for a loopback host/
  ],
  [
    'api-url at a metadata service',
    { 'api-url': 'http://169.254.169.254/latest' },
    'api-url',
    /http:\/\/ only for a loopback host/
  ],
  [
    'api-url with credentials',
    { 'api-url': 'https://u:p@app.kapso.ai/api/v1' },
    'api-url',
    /api-url must not carry a user name or password/
  ],
  [
    'api-url with a query',
    { 'api-url': 'https://app.kapso.ai/api/v1?debug=1' },
    'api-url',
    /without credentials, query or fragment/
  ],
  ['api-url over ftp', { 'api-url': 'ftp://app.kapso.ai/api/v1' }, 'api-url', /absolute https:\/\/ URL/],
  [
    'create with webhook-id',
    { operation: 'create', 'webhook-id': WEBHOOK_ID },
    'webhook-id',
    /cannot be used with operation create/
  ],
  [
    'any X-Webhook-* header',
    { headers: 'X-Webhook-Secret: mine' },
    'headers',
    /cannot set X-Webhook-Secret: Kapso sets it on every delivery. Reserved: any X-Webhook-\* header/
  ],
  [
    'api-url of the other API generation',
    { 'api-url': 'https://api.kapso.ai/platform/v1' },
    'api-url',
    /is Kapso's Platform API, but whatsapp-config-id needs Kapso's legacy API \(https:\/\/app\.kapso\.ai\/api\/v1\): leave api-url empty, or give phone-number-id/
  ],
  ['scope other than project', { scope: 'number' }, 'scope', /scope must be project, or empty/],
  ['verify on the legacy API', { verify: 'true' }, 'verify', /legacy API \(whatsapp-config-id\) does not have/],
  ['delete with nothing to find', { operation: 'delete', url: '' }, 'url', /operation delete needs url or webhook-id/],
  ['secret with a line break', { 'secret-key': 'abc\ndef' }, 'secret-key', /line break or control character/],
  [
    'secret shorter than 16 characters',
    { 'secret-key': 'f' },
    'secret-key',
    /^Invalid input: secret-key must be at least 16 characters; got 1\. Leave it empty to have a 256-bit one generated\.$/
  ],
  ['max-attempts of zero', { 'max-attempts': '0' }, 'max-attempts', /whole number from 1 to 10/],
  ['operation with a capital', { operation: 'Auto' }, 'operation', /got "Auto": did you mean "auto"\?/],
  ['name with capitals', { name: 'Worker' }, 'name', /1 to 40 lower-case letters, digits and dashes.*; got "Worker"/],
  ['name ending in a dash', { name: 'api-' }, 'name', /starting and ending with a letter or digit/],
  ['fractional timeout', { 'request-timeout-seconds': '0.5' }, 'request-timeout-seconds', /whole number from 1 to 300/],
  ['timeout of an hour', { 'request-timeout-seconds': '3600' }, 'request-timeout-seconds', /whole number from 1 to 300/]
]

describe('one true cause', () => {
  // An input given but wrong is one problem, not also "missing" (issue: an http:// url said "url is required").
  it.each([
    [
      'an http:// url',
      { url: 'http://preview.example.com/hook' },
      'url must be an absolute https:// URL: Kapso delivers only over HTTPS; got a http URL.'
    ],
    [
      'a malformed webhook-id on delete',
      { operation: 'delete', url: '', 'webhook-id': 'webhook-123abc' },
      'webhook-id must be a webhook\'s UUID (like 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b); got "webhook-123abc".'
    ],
    [
      'a malformed webhook-id on upsert without url',
      { url: '', 'webhook-id': 'x' },
      'webhook-id must be a webhook\'s UUID (like 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b); got "x".'
    ],
    [
      'a project event with both ids',
      { 'phone-number-id': '123', events: 'workflow.execution.failed' },
      'give exactly one of whatsapp-config-id (legacy API), phone-number-id (Platform API) or scope: project (Platform API, project-wide), not both ids.'
    ]
  ])('%s gives exactly one error', async (_what, override, message) => {
    setInputs({
      ...emulatorInputs(emulator, 'legacy'),
      url: 'https://pr-9.preview.example.com/api/whatsapp',
      events: 'whatsapp.message.received',
      ...override
    })
    await run()
    expect(recorded.failure()).toBe(`Invalid input: ${message}`)
  })

  it('warns about an empty path segment, as `${{ url }}/path` makes of a URL ending in /', async () => {
    setInputs({
      ...emulatorInputs(emulator, 'legacy'),
      url: 'https://pr-9.preview.example.com//api/whatsapp',
      events: 'whatsapp.message.received'
    })
    await run()
    expect(recorded.warnings()).toEqual([
      expect.stringMatching(
        /^url has an empty path segment \(\/\/\): https:\/\/pr-9\.preview\.example\.com\/\/api\/whatsapp\. Kapso keeps it as written/
      )
    ])
    expect(recorded.outputs().result).toBe('created')
  })
})

describe('hostile and malformed inputs', () => {
  it.each(table)('refuses %s, naming the input, before any request', async (_what, override, input, says) => {
    setInputs({
      ...emulatorInputs(emulator, 'legacy'),
      url: 'https://pr-9.preview.example.com/api/whatsapp',
      events: 'whatsapp.message.received',
      ...override
    })
    await run()
    const failure = recorded.failure() ?? ''
    expect(failure).toMatch(/^Invalid inputs?:/)
    expect(failure).toContain(input)
    expect(failure).toMatch(says)
    expect(emulator.requests).toHaveLength(0)
    expect(recorded.outputs()).toEqual({})
  })
})
