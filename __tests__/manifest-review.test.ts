/**
 * A hostile review of manifest mode: files built to break the reader (aliases that expand too far or refer
 * to themselves, bytes that are not UTF-8), each of which must get the reader's own message naming the file,
 * the line, the entry and the field, before any request; never an "unexpected error", never a guess.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { InputError } from '../src/inputs/index.js'
import { readManifest } from '../src/manifest/read.js'
import { pushEvent } from '../scripts/github-events.js'
import { runAction, runnerView, type ActionRun } from '../scripts/run-action.js'
import { clearCore } from './support/core.js'
import { useEmulator } from './support/emulator.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const PATH = '.kapso/webhooks.yml'
const NUMBER = EMULATOR_DEFAULTS.phoneNumberId
const dir = mkdtempSync(join(tmpdir(), 'manifest-review-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(clearCore)
const kapso = useEmulator()

async function problems(text: string | Buffer): Promise<string[]> {
  const file = join(dir, 'webhooks.yml')
  writeFileSync(file, text)
  try {
    await readManifest({ file, manifest: PATH, repository: 'octo-org/shop', apiUrl: '', env: {} })
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error('the manifest was taken')
}

const entry = (more: string): string =>
  `webhooks:\n  orders:\n    phone-number-id: "${NUMBER}"\n    url: https://api.acme.dev/kapso/orders\n${more}`

/** Each alias of the list refers to a list ten times longer: 10^7 event names from a few hundred bytes. */
const BOMB = entry(
  `    events: &a [${Array.from({ length: 10 }, () => 'whatsapp.message.received').join(', ')}]\n` +
    `    buffer-events: [${Array.from({ length: 120 }, () => '*a').join(', ')}]\n`
)

describe('YAML aliases', () => {
  it('that expand past a manifest’s need are refused at the field, not taken for a fault of the action', async () => {
    expect(await problems(BOMB)).toEqual([
      expect.stringMatching(/^\.kapso\/webhooks\.yml:6: orders\.buffer-events uses YAML aliases \(\*name\)/)
    ])
  })

  it('that refer to themselves are refused at the field', async () => {
    const found = await problems(entry('    events: [whatsapp.message.received]\n    headers: &h { X-Env: *h }\n'))
    expect(found).toEqual([expect.stringMatching(/^\.kapso\/webhooks\.yml:6: orders\.headers /)])
  })

  it('still work where they stand for a value of the file', async () => {
    const text = entry(
      '    events: &common [whatsapp.message.received]\n' +
        '  status:\n    phone-number-id: "1"\n    url: https://api.acme.dev/kapso/status\n    events: *common\n    evnts: x\n'
    )
    expect(await problems(text)).toEqual([expect.stringContaining(':10: status.evnts is not a field')])
  })
})

describe('a file that is not UTF-8', () => {
  it('is refused, naming the line of the first byte that is not, rather than read with a stand-in character', async () => {
    const latin1 = Buffer.from(
      `${entry('    events: [whatsapp.message.received]\n')}`.replace('/orders\n', '/caf\xe9\n'),
      'latin1'
    )
    expect(await problems(latin1)).toEqual([expect.stringMatching(/^\.kapso\/webhooks\.yml:4: .*not UTF-8/)])
  })

  it('with a byte order mark, is read', async () => {
    const file = join(dir, 'bom.yml')
    writeFileSync(file, `\ufeff${entry('    events: [whatsapp.message.received]\n')}`)
    const manifest = await readManifest({ file, manifest: PATH, repository: 'octo-org/shop', apiUrl: '', env: {} })
    expect(manifest.entries.map((read) => read.name)).toEqual(['orders'])
  })
})

describe('a file with a mistake in each of thousands of entries', () => {
  it('finds every problem, and lists the first hundred with a count of the rest, not megabytes of them', async () => {
    const file = join(dir, 'many.yml')
    const entries = Array.from(
      { length: 3000 },
      (_, i) => `  e${i}:\n    phone-number-id: "${NUMBER}"\n    url: https://api.acme.dev/${i}\n    evnts: [x]\n`
    )
    writeFileSync(file, `webhooks:\n${entries.join('')}`)
    const error = await readManifest({ file, manifest: PATH, repository: 'o/r', apiUrl: '', env: {} }).catch(
      (caught: unknown) => caught as InputError
    )
    expect(error).toBeInstanceOf(InputError)
    const { problems: found, message } = error as InputError
    expect(found).toHaveLength(3000)
    const lines = message.split('\n')
    expect(lines[0]).toBe(`The manifest ${PATH} has 3000 problems; nothing was sent to Kapso:`)
    expect(lines.slice(1, -1)).toEqual(found.slice(0, 100).map((problem) => `  - ${problem}`))
    expect(lines.at(-1)).toBe('  - and 2900 more problems further down the file.')
  })
})

describe('an entry whose name is no name', () => {
  it('is named in each of its problems cut short, so a long name with many fields stays a short message', async () => {
    // 100 KB of name and 2,000 unknown fields: 2,000 problems that each repeated the whole name were 200 MB.
    const fields = Array.from({ length: 2000 }, (_, i) => `    f${i}: 1\n`).join('')
    const found = await problems(`webhooks:\n  ? ${'n'.repeat(100_000)}\n  :\n${fields}`)
    expect(found.length).toBeGreaterThan(2000)
    // The longest is the list of events a kapso webhook takes, whatever the name.
    expect(Math.max(...found.map((problem) => problem.length))).toBeLessThan(1200)
    expect(found).toContainEqual(
      `${PATH}:4: "${'n'.repeat(56)}....f0 is not a field of an entry. Accepted: whatsapp-config-id, ` +
        'phone-number-id, scope, kind, url, events, payload-version, active, headers, buffer-enabled, ' +
        'buffer-window-seconds, max-buffer-size, buffer-events, inactivity-minutes, secret-key-env.'
    )
  })

  it('with a line break in it is shown escaped, not as a second line', async () => {
    const found = await problems('webhooks:\n  "orders\\n::error::forged":\n    evnts: [x]\n')
    expect(found.every((problem) => !problem.includes('\n'))).toBe(true)
    expect(found).toContainEqual(
      expect.stringContaining(':3: "orders\\n::error::forged".evnts is not a field of an entry')
    )
  })
})

describe('through the built bundle', () => {
  /** The bundle run on a push, with the workspace's manifest made by `make`. */
  async function runOn(make: (file: string) => void): Promise<ActionRun> {
    const workspace = mkdtempSync(join(dir, 'ws-'))
    mkdirSync(join(workspace, '.kapso'))
    make(join(workspace, PATH))
    return runAction(
      { 'api-key': EMULATOR_DEFAULTS.apiKey, 'api-url': kapso.apiUrl('platform'), manifest: PATH },
      { GITHUB_WORKSPACE: workspace },
      { event: pushEvent() }
    )
  }

  it('an alias bomb fails the step with the reader’s message and no request', async () => {
    const run = await runOn((file) => writeFileSync(file, BOMB))
    expect(run.exitCode).toBe(1)
    const text = runnerView(run.stdout).join('\n')
    expect(text).toContain('The manifest .kapso/webhooks.yml has 1 problem; nothing was sent to Kapso')
    expect(text).not.toContain('unexpected error')
    expect(kapso.requests).toEqual([])
  })

  // A file committed as a symlink to a device never ends: read whole, it held the step until the job's timeout.
  it.skipIf(process.platform === 'win32')(
    'a manifest that is a symlink to a device is refused at once, unread',
    { timeout: 20_000 },
    async () => {
      const run = await runOn((file) => symlinkSync('/dev/zero', file))
      expect(run.exitCode).toBe(1)
      const text = runnerView(run.stdout).join('\n')
      expect(text).toContain(`The manifest ${PATH} has 1 problem; nothing was sent to Kapso`)
      expect(text).toContain(`${PATH}: it is not a regular file`)
      expect(kapso.requests).toEqual([])
    }
  )
})
