/**
 * Bounded under any answer (issue 15), through the built bundle: short secrets Kapso holds, a cleanup that
 * checks whose webhook it deletes, lists too long or too large to read, secrets echoed in an encoded form,
 * and a runner file that cannot be written. Each case failed on the bundle before this work.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId, EMULATOR_DEFAULTS } from '../emulator/server.js'
import { parseDeliveries } from '../src/boundary/deliveries.js'
import { pushEvent } from '../scripts/github-events.js'
import { emulatorInputs, FAKE_GITHUB_TOKEN, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator } from './support/emulator.js'
import { Liar } from './support/liar.js'

const emulator = useEmulator()

const REPO = 'octo-org/shop'
const URL_A = 'https://pr-7.example.com/api/whatsapp'
const EVENTS = 'whatsapp.message.received'
const SECRET = 'given signing/secret+0f9e8d7c6b5a'
const record = (repository: string): Record<string, string> => ({
  'X-Provisioned-By': `kapso-webhook-action; repository=${repository}`
})

function step(inputs: Record<string, string>, options: RunOptions = {}, secrets: string[] = []): Promise<ActionRun> {
  return runChecked(
    { ...emulatorInputs(emulator, 'legacy'), url: URL_A, events: EVENTS, 'secret-key': SECRET, ...inputs },
    { secrets: [SECRET, ...secrets], options }
  )
}

const failed = (run: ActionRun): string => /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? ''
const warnings = (run: ActionRun): string[] => [...run.stdout.matchAll(/^::warning::(.*)$/gm)].map((m) => m[1] ?? '')
const masks = (run: ActionRun): string[] => [...run.stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1] ?? '')

describe('a signing secret Kapso holds that is too short to mask', () => {
  it.each(['a', '1', 'https', 'whatsapp'])(
    'secret %j: outputs as parsed, never masked nor given out, and a warning to rotate it',
    async (short) => {
      const kept = emulator.seed('legacy', defaultScopeId('legacy'), {
        url: URL_A,
        events: [EVENTS],
        secret_key: short
      })
      const run = await step({ 'secret-key': '' })
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ result: 'unchanged', 'webhook-id': kept.id, url: URL_A, 'secret-key': '' })
      expect(JSON.parse(run.outputs.webhook ?? '')).toMatchObject({ id: kept.id, url: URL_A })
      expect(masks(run)).not.toContain(short)
      expect(warnings(run)).toContain(
        `Webhook ${kept.id} has a signing secret of ${short.length} character${short.length === 1 ? '' : 's'} in Kapso, fewer than 16: ` +
          'short enough to guess, so a signature made with it proves little, and too short to mask in the log, so this step neither prints it ' +
          'nor gives it as the secret-key output. Rotate it: give secret-key a new secret of 16 characters or more (openssl rand -hex 32 makes one), ' +
          'and give the same to your endpoint.'
      )
    }
  )

  it('a secret-key given replaces it, with no warning', async () => {
    emulator.seed('legacy', defaultScopeId('legacy'), { url: URL_A, events: [EVENTS], secret_key: 'a' })
    const run = await step({})
    expect(run.outputs).toMatchObject({ result: 'updated', 'secret-key': SECRET })
    expect(warnings(run)).toEqual([])
  })
})

describe('cleanup deletes only a webhook still recorded for this repository, with the secret the step set', () => {
  const event = pushEvent({ repository: REPO })

  it('after a create that never reached Kapso, leaves the webhook another repository then made at the same URL, with the same secret', async () => {
    for (let i = 0; i < 2; i++) emulator.inject({ method: 'POST', fault: { kind: 'status', status: 502 } })
    const main = await step({ cleanup: 'true', 'max-attempts': '2' }, { event })
    expect(main.exitCode).toBe(1)
    const theirs = emulator.seed('legacy', defaultScopeId('legacy'), {
      url: URL_A,
      secret_key: SECRET,
      headers: record('octo-org/other')
    })
    const post = await step({ cleanup: 'true' }, { event, postState: main.state })
    expect(post.exitCode).toBe(0)
    expect(warnings(post)).toEqual([
      `Cleanup: webhook ${theirs.id} at ${URL_A}, new since the main step's create, was left in place: it is recorded for octo-org/other, not ${REPO}.`
    ])
    expect(emulator.webhooks().map((w) => w.id)).toEqual([theirs.id])
  })

  it('the same when Kapso lists webhooks without their secret', async () => {
    for (let i = 0; i < 2; i++) emulator.inject({ method: 'POST', fault: { kind: 'status', status: 502 } })
    const main = await step({ cleanup: 'true', 'max-attempts': '2' }, { event })
    const theirs = emulator.seed('legacy', defaultScopeId('legacy'), { url: URL_A, headers: record('octo-org/other') })
    const withoutSecrets = (body: unknown): unknown => ({
      ...(body as object),
      data: (body as { data: object[] }).data.map((w) => ({ ...w, secret_key: undefined }))
    })
    emulator.inject({ method: 'GET', fault: { kind: 'rewrite', body: withoutSecrets } })
    await step({ cleanup: 'true' }, { event, postState: main.state })
    expect(emulator.webhooks().map((w) => w.id)).toEqual([theirs.id])
  })

  it('leaves a webhook whose signing secret changed since the main step', async () => {
    const main = await step({ cleanup: 'true' }, { event })
    const id = main.outputs['webhook-id'] ?? ''
    // Another run gives the webhook a new secret meanwhile.
    expect(
      (
        await step({ 'secret-key': 'rotated-elsewhere-0123456789abcdef' }, { event }, [
          'rotated-elsewhere-0123456789abcdef'
        ])
      ).outputs.result
    ).toBe('updated')
    const post = await step({ cleanup: 'true' }, { event, postState: main.state })
    expect(warnings(post)).toEqual([
      `Cleanup: webhook ${id} was left in place: its signing secret is not the one this step set (changed since, or another webhook).`
    ])
    expect(emulator.webhooks().map((w) => w.id)).toEqual([id])
  })

  it("does not obey a forged state that names another repository's webhook", async () => {
    const theirs = emulator.seed('legacy', defaultScopeId('legacy'), {
      url: 'https://prod.other.example.com/hook',
      headers: record('octo-org/other')
    })
    const forged = {
      isPost: 'true',
      'cleanup-webhook': JSON.stringify({
        id: theirs.id,
        url: theirs.url,
        record: `kapso-webhook-action; repository=${REPO}`
      })
    }
    const post = await step({ cleanup: 'true' }, { event, postState: forged })
    expect(warnings(post)).toEqual([
      `Cleanup: webhook ${theirs.id} was left in place: it is recorded for octo-org/other, not ${REPO}.`
    ])
    const garbled = await step(
      { cleanup: 'true' },
      {
        event,
        postState: { isPost: 'true', 'cleanup-webhook': JSON.stringify({ id: theirs.id, url: theirs.url, extra: 1 }) }
      }
    )
    expect(warnings(garbled)).toEqual([
      'Cleanup: the saved state (cleanup-webhook) is not what this action writes; nothing was deleted.'
    ])
    expect(emulator.webhooks().map((w) => w.id)).toEqual([theirs.id])
  })

  it('still deletes its own webhook', async () => {
    const main = await step({ cleanup: 'true' }, { event })
    const post = await step({ cleanup: 'true' }, { event, postState: main.state })
    expect(post.stdout).toContain(`Cleanup: deleted webhook ${main.outputs['webhook-id']}.`)
    expect(emulator.webhooks()).toEqual([])
  })
})

describe("many webhooks at the step's URL, each with its own secret", () => {
  it('masks only the secrets the step was given, and keeps every line short', async () => {
    const secrets = new Map(
      Array.from({ length: 2000 }, () =>
        emulator.seed('legacy', defaultScopeId('legacy'), { url: URL_A, events: [EVENTS] })
      ).map((w) => [w.id, w.secret_key])
    )
    const run = await step({})
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('updated')
    // The secret of the webhook it updates is masked too: the one it provisions. Not the 1,999 others.
    expect(masks(run)).toEqual([
      EMULATOR_DEFAULTS.apiKey,
      SECRET,
      FAKE_GITHUB_TOKEN,
      secrets.get(run.outputs['webhook-id'] ?? '')
    ])
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThan(2000)
  })
})

/** A webhook as the legacy API lists it, with a made-up id from the number. */
function listed(n: number, more: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    url: `https://pr-${n}.example.com/hook`,
    events: [EVENTS],
    active: true,
    ...more
  }
}

describe('lists too long or too large to read', () => {
  async function against(
    page: (n: number) => unknown,
    inputs: Record<string, string> = {}
  ): Promise<{ run: ActionRun; pages: number }> {
    const front = await Liar.start((req) =>
      req.method === 'GET' ? { body: JSON.stringify(page(Number(req.query.get('page')))) } : { status: 500 }
    )
    try {
      const run = await step({ 'api-url': `${front.origin}/api/v1`, 'timeout-seconds': '20', ...inputs })
      return { run, pages: front.seen.length }
    } finally {
      await front.close()
    }
  }
  const listing = `Kapso's answers while listing webhooks with url ${URL_A}`

  it('refuses a page with more webhooks than asked for, before reading them', async () => {
    const { run, pages } = await against((n) => ({ data: Array.from({ length: 101 }, (_, i) => listed(n * 1000 + i)) }))
    expect(failed(run)).toBe(
      `Kapso's answer while listing webhooks with url ${URL_A} lists 101 webhooks on one page, more than the 100 asked for (per_page): it was not read.`
    )
    expect(pages).toBe(1)
    expect(run.outputs).toEqual({})
  })

  it('stops after 20,000 webhooks of pages without a page count', async () => {
    const { run, pages } = await against((n) => ({ data: Array.from({ length: 100 }, (_, i) => listed(n * 100 + i)) }))
    expect(failed(run)).toBe(
      `${listing} hold more than 20,000 webhooks: more than this action reads from one scope (20,000 webhooks, 64 MiB), so it stopped reading and changed nothing. ` +
        'Check api-url and the scope id; if the scope really holds that many, delete the webhooks it no longer needs.'
    )
    expect(pages).toBe(201)
  })

  it('stops after 64 MiB of answers, each under the 16 MiB of one answer', async () => {
    const headers = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`X-H${i}`, 'v'.repeat(1500)]))
    const { run, pages } = await against((n) => ({
      data: Array.from({ length: 100 }, (_, i) => listed(n * 100 + i, { headers }))
    }))
    expect(failed(run)).toMatch(
      new RegExp(`^${listing} hold more than 64 MiB of answers: more than this action reads from one scope`)
    )
    expect(pages).toBe(5)
  })

  it('refuses a webhook with more headers than a receiver takes', async () => {
    const headers = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`X-H${i}`, 'v']))
    const { run } = await against(() => ({ data: [listed(1, { headers })] }))
    expect(failed(run)).toBe(
      `Kapso's answer while listing webhooks with url ${URL_A} has data[0].headers that is not an object of at most 100 headers.`
    )
  })
})

describe('a secret echoed in an encoded form', () => {
  const bytes = Buffer.from(SECRET)
  it.each([
    ['hex', bytes.toString('hex'), '***'],
    ['base64', bytes.toString('base64'), '***'],
    ['base64url', bytes.toString('base64url'), '***'],
    // The whole encoded run goes: it decodes to a text that holds the secret.
    ['base64 inside a longer encoded text', Buffer.from(`key=${SECRET}`).toString('base64'), '***'],
    ['percent-encoded', encodeURIComponent(SECRET), '***']
  ])("is hidden in Kapso's message: %s", async (_form, encoded, shown) => {
    emulator.inject({
      method: 'POST',
      fault: { kind: 'status', status: 422, body: { error: `secret_key ${encoded} is not allowed` } }
    })
    const run = await step({})
    expect(failed(run)).toBe(
      `Kapso refused creating a webhook for ${URL_A} (HTTP 422): secret_key ${shown} is not allowed`
    )
  })
})

describe('a GITHUB_OUTPUT the step cannot write', () => {
  it('says so, and what the step had done, not that the action is at fault', async () => {
    const run = await runChecked(
      { ...emulatorInputs(emulator, 'legacy'), url: URL_A, events: EVENTS, 'secret-key': SECRET },
      { secrets: [SECRET], env: { GITHUB_OUTPUT: '/nonexistent-folder/output' } }
    )
    const [made] = emulator.webhooks()
    expect(run.exitCode).toBe(1)
    expect(failed(run)).toBe(
      "Could not write the step's outputs to the file GITHUB_OUTPUT names: the runner sets GITHUB_OUTPUT and makes that file; " +
        'check that it exists and is writable (a step that changed it or its folder, or a full disk). Done before that: created webhook ' +
        `${made?.id}. A re-run picks up from Kapso's state.`
    )
  })
})

describe('a deliveries list (verify)', () => {
  it('with more deliveries than the 100 asked for is not read', () => {
    const delivery = {
      id: '00000000-0000-4000-8000-000000000001',
      event: EVENTS,
      status: 'delivered',
      attempt_count: 1,
      created_at: '2026-12-06T10:00:00Z'
    }
    expect(
      parseDeliveries({ data: Array.from({ length: 100 }, () => delivery) }, 'reading the deliveries')
    ).toHaveLength(100)
    expect(() =>
      parseDeliveries({ data: Array.from({ length: 101 }, () => delivery) }, 'reading the deliveries')
    ).toThrow("Kapso's answer while reading the deliveries has data that is not a list of at most the 100 asked for.")
  })
})

describe('operation delete by url, off a pull request', () => {
  it("deletes the step's own and unrecorded webhooks at the url, never one recorded for someone else", async () => {
    const scope = defaultScopeId('legacy')
    const own = emulator.seed('legacy', scope, { url: URL_A, headers: record(REPO) })
    const byHand = emulator.seed('legacy', scope, { url: URL_A })
    const theirs = emulator.seed('legacy', scope, { url: URL_A, headers: record('octo-org/other') })
    const run = await step({ operation: 'delete', events: '' }, { event: pushEvent({ repository: REPO }) })
    expect(run.outputs['deleted-ids']?.split(',').sort()).toEqual([own.id, byHand.id].sort())
    expect(warnings(run)).toEqual([
      `Webhook ${theirs.id} also has url ${URL_A}, but it is recorded for someone else than ${REPO} without a pull request (another repository, pull request or name): ` +
        'left as it is. Delete it with webhook-id if it is stale.'
    ])
    expect(emulator.webhooks().map((w) => w.id)).toEqual([theirs.id])
  })
})
