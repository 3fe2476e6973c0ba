/**
 * schema/manifest.schema.json, the file editors validate a manifest with, against the reader: on every
 * example of the shape a schema can judge they agree; where the reader judges more (Kapso's event catalog,
 * rules across fields and entries), the schema takes what the reader refuses, never the other way round.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ROOT } from '../scripts/run-action.js'
import { readManifest } from '../src/manifest/read.js'
import { clearCore } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'manifest.schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
const dir = mkdtempSync(join(tmpdir(), 'manifest-schema-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(clearCore)

const SECRETS = Object.fromEntries(
  ['SECRET', 'ORDERS_WEBHOOK_SECRET', 'STAGING_WEBHOOK_SECRET'].map((name) => [name, 'x'.repeat(32)])
)

async function readerTakes(text: string): Promise<boolean> {
  const file = join(dir, 'webhooks.yml')
  writeFileSync(file, text)
  try {
    await readManifest({
      file,
      manifest: 'webhooks.yml',
      repository: 'o/r',
      apiUrl: '',
      env: SECRETS
    })
    return true
  } catch {
    return false
  }
}

const schemaTakes = (text: string): boolean => validate(parse(text))

const NUMBER = 'phone-number-id: "106540352242922"'
const one = (fields: string): string => `webhooks:\n  orders:\n${fields.replace(/^/gm, '    ')}\n`
const base = `${NUMBER}\nurl: https://a.dev/x\nevents: [whatsapp.message.received]`

/** Both take these. */
const VALID: [string, string][] = [
  ['the issue’s full example', readFileSync(join(ROOT, 'examples', '.kapso', 'webhooks.yml'), 'utf8')],
  ['one minimal entry', one(base)],
  ['no entries', 'webhooks: {}\n'],
  [
    'events as one text',
    one(`${NUMBER}\nurl: https://a.dev/x\nevents: whatsapp.message.received, whatsapp.message.sent`)
  ],
  [
    'an unquoted phone number id',
    one(`phone-number-id: 106540352242922\nurl: https://a.dev/x\nevents: [whatsapp.message.read]`)
  ],
  [
    'a legacy entry',
    one(
      'whatsapp-config-id: 550e8400-e29b-41d4-a716-446655440000\nurl: https://a.dev/x\nevents: [whatsapp.message.read]'
    )
  ],
  ['a project entry', one('scope: project\nurl: https://a.dev/x\nevents: [whatsapp.phone_number.created]')],
  ['a meta entry', one(`${NUMBER}\nkind: meta\nurl: https://a.dev/x`)],
  [
    'every optional field',
    one(
      `${base}\npayload-version: v1\nactive: false\nheaders: { X-Env: prod }\nbuffer-enabled: true\nbuffer-window-seconds: 10\nmax-buffer-size: 20\nbuffer-events: [whatsapp.message.received]\ninactivity-minutes: 30\nsecret-key-env: SECRET`
    )
  ]
]

/** Both refuse these. */
const INVALID: [string, string][] = [
  ['no webhooks key', 'hooks: {}\n'],
  ['an unknown top-level key', 'webhooks: {}\nversion: 1\n'],
  ['an unknown field', one(`${base}\nevnts: [whatsapp.message.read]`)],
  ['a secret in the file', one(`${base}\nsecret-key: ${'s'.repeat(32)}`)],
  ['an entry name in capitals', 'webhooks:\n  Orders:\n    ' + base.replace(/\n/g, '\n    ') + '\n'],
  ['no scope', one('url: https://a.dev/x\nevents: [whatsapp.message.read]')],
  ['two scopes', one(`${base}\nscope: project`)],
  ['no url', one(`${NUMBER}\nevents: [whatsapp.message.read]`)],
  ['an http url', one(`${NUMBER}\nurl: http://a.dev/x\nevents: [whatsapp.message.read]`)],
  ['no events for kind kapso', one(`${NUMBER}\nurl: https://a.dev/x`)],
  ['events for kind meta', one(`${base}\nkind: meta`)],
  ['an unknown kind', one(`${base}\nkind: raw`)],
  ['payload-version v3', one(`${base}\npayload-version: v3`)],
  ['buffer-window-seconds out of range', one(`${base}\nbuffer-enabled: true\nbuffer-window-seconds: 61`)],
  ['inactivity-minutes 0', one(`${base}\ninactivity-minutes: 0`)],
  ['active yes', one(`${base}\nactive: yes`)],
  ['headers as a list', one(`${base}\nheaders: [X-Env]`)],
  ['a header value that is a number', one(`${base}\nheaders: { X-Port: 8080 }`)],
  ['a secret in secret-key-env', one(`${base}\nsecret-key-env: "s3cr3t value!"`)],
  ['a malformed event', one(`${NUMBER}\nurl: https://a.dev/x\nevents: [Message Received]`)],
  ['a bad whatsapp-config-id', one('whatsapp-config-id: 12\nurl: https://a.dev/x\nevents: [whatsapp.message.read]')]
]

/** The reader refuses these, and the schema, which cannot judge them, takes them. */
const READER_ONLY: [string, string][] = [
  ['an event a typo away from a known one', one(`${NUMBER}\nurl: https://a.dev/x\nevents: [whatsapp.mesage.sent]`)],
  [
    'a phone-number event on a project webhook',
    one('scope: project\nurl: https://a.dev/x\nevents: [whatsapp.message.read]')
  ],
  [
    'buffering on a project webhook',
    one('scope: project\nurl: https://a.dev/x\nevents: [whatsapp.phone_number.created]\nbuffer-enabled: true')
  ],
  ['a reserved header', one(`${base}\nheaders: { X-Webhook-Signature: x }`)],
  ['two entries for one webhook', `${one(base)}  orders-2:\n${base.replace(/^/gm, '    ')}\n`],
  ['a secret-key-env not set', one(`${base}\nsecret-key-env: NOT_SET`)]
]

describe('the JSON Schema and the reader', () => {
  it.each(VALID)('both take %s', async (_what, text) => {
    expect(schemaTakes(text), JSON.stringify(validate.errors)).toBe(true)
    expect(await readerTakes(text)).toBe(true)
  })

  it.each(INVALID)('both refuse %s', async (_what, text) => {
    expect(schemaTakes(text)).toBe(false)
    expect(await readerTakes(text)).toBe(false)
  })

  it.each(READER_ONLY)('the reader alone refuses %s', async (_what, text) => {
    expect(schemaTakes(text), JSON.stringify(validate.errors)).toBe(true)
    expect(await readerTakes(text)).toBe(false)
  })
})
