/**
 * The manifest reader (src/manifest/read.ts): every problem of the file at once, each naming the file, the
 * line, the entry and the field, with the single-webhook inputs' own messages; the entries it reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError, readInputs } from '../src/inputs/index.js'
import { readManifest } from '../src/manifest/read.js'
import type { Manifest } from '../src/manifest/types.js'
import { clearCore, recorded, setInputs } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const PATH = '.kapso/webhooks.yml'
const dir = mkdtempSync(join(tmpdir(), 'manifest-read-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(clearCore)

const SECRET = 'an-orders-secret-of-32-characters'

function read(text: string, env: NodeJS.ProcessEnv = {}): Promise<Manifest> {
  const file = join(dir, 'webhooks.yml')
  writeFileSync(file, text)
  return readManifest({ file, manifest: PATH, repository: 'octo-org/shop', apiUrl: '', env })
}

async function problems(text: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  try {
    await read(text, env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error('the manifest was taken')
}

/** What readInputs says of these single-webhook inputs: the message a manifest's field must repeat. */
function inputProblem(inputs: Record<string, string>): string {
  setInputs({
    'api-key': 'k',
    'phone-number-id': '106540352242922',
    url: 'https://a.dev/x',
    events: 'whatsapp.message.received',
    ...inputs
  })
  try {
    readInputs()
  } catch (error) {
    return (error as InputError).problems[0] ?? ''
  }
  throw new Error('the inputs were taken')
}

const ORDERS = `webhooks:
  orders:
    phone-number-id: "106540352242922"
    url: https://api.acme.dev/kapso/orders
    events: [whatsapp.message.received, whatsapp.message.sent]
`

describe('a valid manifest', () => {
  it('reads each entry as the inputs of the same names would be read, with their defaults', async () => {
    const manifest = await read(`${ORDERS}    headers: { X-Env: prod }\n    buffer-enabled: true\n`)
    expect(manifest.entries).toHaveLength(1)
    expect(manifest.entries[0]).toMatchObject({
      name: 'orders',
      line: 2,
      scope: { kind: 'platform', id: '106540352242922' },
      kind: 'kapso',
      apiUrl: { url: 'https://api.kapso.ai/platform/v1', isDefault: true },
      desired: {
        url: 'https://api.acme.dev/kapso/orders',
        events: ['whatsapp.message.received', 'whatsapp.message.sent'],
        active: true,
        headers: { 'X-Env': 'prod' },
        bufferEnabled: true
      },
      record: { repository: 'octo-org/shop', manifest: PATH, name: 'orders' }
    })
  })

  it('keeps every digit of an unquoted phone number id, and takes events as one text too', async () => {
    const manifest = await read(
      'webhooks:\n  big:\n    phone-number-id: 12345678901234567890\n    url: https://a.dev/x\n' +
        '    events: whatsapp.message.received, whatsapp.message.sent\n'
    )
    expect(manifest.entries[0]?.scope.id).toBe('12345678901234567890')
    expect(manifest.entries[0]?.desired.events).toEqual(['whatsapp.message.received', 'whatsapp.message.sent'])
  })

  it('takes webhooks: {} (no entries: prune deletes all this manifest made)', async () => {
    expect((await read('webhooks: {}\n')).entries).toEqual([])
  })

  it('reads the secret from the variable secret-key-env names, masked at once', async () => {
    const manifest = await read(`${ORDERS}    secret-key-env: ORDERS_SECRET\n`, { ORDERS_SECRET: SECRET })
    expect(manifest.entries[0]?.desired.secretKey).toBe(SECRET)
    expect(recorded.masks()).toContain(SECRET)
  })
})

describe('problems, each at its line, naming the entry and the field', () => {
  it('gives a typo of a field "did you mean"', async () => {
    expect(await problems(ORDERS.replace('events:', 'evnts:'))).toEqual([
      `${PATH}:5: orders.evnts is not a field of an entry: did you mean "events"?`
    ])
  })

  it('gives a typo of an event the events input’s own message', async () => {
    const [problem] = await problems(ORDERS.replace('whatsapp.message.sent', 'whatsapp.mesage.sent'))
    expect(problem).toBe(`${PATH}:5: orders.${inputProblem({ events: 'whatsapp.mesage.sent' })}`)
    expect(problem).toContain('did you mean "whatsapp.message.sent"?')
  })

  it.each([
    ['buffer-window-seconds', '99', { 'buffer-enabled': 'true' }],
    ['inactivity-minutes', '0', {}],
    ['payload-version', 'v3', {}],
    ['active', 'yes', {}],
    ['kind', 'raw', {}]
  ])('repeats the input’s message for %s: %s', async (field, value, more) => {
    const extra = Object.entries(more).map(([k, v]) => `    ${k}: ${v}\n`)
    const list = await problems(`${ORDERS}${extra.join('')}    ${field}: ${value}\n`)
    expect(list).toContain(`${PATH}:${6 + extra.length}: orders.${inputProblem({ ...more, [field]: value })}`)
  })

  it('refuses a secret in the file, and a secret-key-env whose variable is not set', async () => {
    expect(await problems(`${ORDERS}    secret-key: ${SECRET}\n`)).toEqual([
      expect.stringMatching(new RegExp(`^${PATH}:6: orders.secret-key is not taken in a manifest`))
    ])
    expect(await problems(`${ORDERS}    secret-key-env: ORDERS_SECRET\n`)).toEqual([
      expect.stringContaining(`${PATH}:6: orders.secret-key-env names ORDERS_SECRET, which is not set or empty`)
    ])
    expect(await problems(`${ORDERS}    secret-key-env: ORDERS_SECRET\n`, { ORDERS_SECRET: 'short' })).toEqual([
      `${PATH}:6: orders.secret-key-env (ORDERS_SECRET) must be at least 16 characters; got 5. Leave it empty to ` +
        'have a 256-bit one generated.'
    ])
  })

  it('refuses duplicate entry names, a field given twice, and two entries for one scope, kind and URL', async () => {
    const list = await problems(
      `${ORDERS}    url: https://api.acme.dev/kapso/other\n` +
        ORDERS.replace('webhooks:\n', '').replace('orders:', 'orders-copy:').replace('/orders', '/orders/') +
        ORDERS.replace('webhooks:\n', '')
    )
    expect(list).toEqual([
      `${PATH}:6: orders.url is given twice (first on line 4).`,
      expect.stringMatching(
        new RegExp(`^${PATH}:7: orders-copy: the same webhook as orders \\(line 2\\): phone-number-id 106540352242922`)
      ),
      `${PATH}:11: orders: the entry name is given twice (first on line 2): entry names are unique.`
    ])
  })

  it('reports every problem of the file at once, in the order of its lines', async () => {
    const list = await problems(
      'webhook:\n  x: 1\n' +
        ORDERS.replace('events:', 'evnts:') +
        '  Bad_Name:\n    scope: project\n    url: ftp://x\n    events: [whatsapp.message.received]\n'
    )
    expect(list.map((problem) => problem.split(':')[1])).toEqual(['1', '7', '8', '10', '11'])
    expect(list[0]).toContain('webhook is not a key of the file: did you mean "webhooks"?')
  })

  it('names the line of a YAML syntax error, and a file that is missing', async () => {
    expect(await problems('webhooks:\n  orders: [\n')).toEqual([expect.stringMatching(new RegExp(`^${PATH}:\\d+: `))])
    await expect(
      readManifest({ file: join(dir, 'nowhere.yml'), manifest: 'nowhere.yml', repository: 'o/r', apiUrl: '', env: {} })
    ).rejects.toThrow('manifest: there is no file nowhere.yml in the workspace')
  })

  it('puts a rule across fields at the line of the field it names', async () => {
    expect(await problems(`${ORDERS}    kind: meta\n`)).toContain(
      `${PATH}:5: orders.events is not for kind meta: Meta sends its raw payloads, with no Kapso events, batching or ` +
        'payload version. Remove events.'
    )
  })
})
