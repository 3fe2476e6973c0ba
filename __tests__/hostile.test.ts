/**
 * A Kapso that lies, through the built bundle: one case for each way a badly behaved server got through
 * before answers were parsed at one boundary (issue "Trust nothing that comes back"), and the promises
 * that no earlier test could break. Every run is scanned for secrets and fragments of them.
 */
import { describe, expect, it } from 'vitest'
import { GitHubEmulator } from '../emulator/github.js'
import { defaultScopeId, type Api } from '../emulator/server.js'
import { useEmulator } from './support/emulator.js'
import { isMasked } from '../scripts/leaks.js'
import { emulatorInputs, FAKE_GITHUB_TOKEN, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { Liar } from './support/liar.js'
import { pushEvent, scheduleEvent } from '../scripts/github-events.js'

const emulator = useEmulator()

const SECRET = 'given-signing-secret-0f9e8d7c6b5a49382716'
const URL_A = 'https://pr-41.preview.example.com/api/whatsapp'
const REPO = 'octo-org/shop'

/** Runs the bundle with debug logging on, and checks that nothing leaked and no line was forged. */
async function step(
  api: Api,
  inputs: Record<string, string>,
  options: RunOptions = {},
  more: string[] = []
): Promise<ActionRun> {
  const run = await runChecked(
    {
      ...emulatorInputs(emulator, api),
      url: URL_A,
      events: 'whatsapp.message.received',
      'secret-key': SECRET,
      ...inputs
    },
    { secrets: [SECRET, ...more], options }
  )
  expect(run.stdout).not.toMatch(/^::(warning|error|notice)::forged/m)
  return run
}

const failed = (run: ActionRun): string => /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? ''

describe('a server whose error text ends with a secret', () => {
  it('shows the message with the secret hidden, before it is cut at 500 characters', async () => {
    emulator.inject({
      method: 'POST',
      fault: { kind: 'status', status: 422, body: { error: `${'x'.repeat(480)} echo: ${SECRET}` } }
    })
    const run = await step('legacy', {})
    expect(run.exitCode).toBe(1)
    expect(failed(run)).toMatch(/^Kapso refused creating a webhook for \S+ \(HTTP 422\): x{480} echo: \*\*\*$/)
  })
})

describe('input errors', () => {
  it('never quote a header value, not even of a line that is not a header', async () => {
    const run = await step('legacy', { headers: `X-Env: preview\nAuthorization Bearer ${SECRET}` })
    expect(failed(run)).toBe('Invalid input: headers line 2 is not in "Name: value" form.')
    const json = await step('legacy', { headers: `{"Authorization Bearer ${SECRET}": "x"}` })
    expect(failed(json)).toMatch(/^Invalid input: headers has an invalid header name \(the only header\)/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('never quote the credentials of a URL', async () => {
    const run = await step('legacy', { 'api-url': `https://user:${SECRET}@` })
    expect(failed(run)).toContain('api-url must be')
    expect(run.stdout).not.toContain('user:')
  })
})

describe('strings from the server with line breaks', () => {
  type Lie = (webhook: Record<string, unknown>) => Record<string, unknown>
  it.each<[string, Lie, string]>([
    [
      'a line break and a workflow command in a url',
      (w: Record<string, unknown>) => ({ ...w, url: `${URL_A}\n::warning::forged` }),
      'data[0].url that is not a URL'
    ],
    [
      'a Unicode line separator in a url',
      (w: Record<string, unknown>) => ({ ...w, url: `${URL_A}\u2028::warning::forged` }),
      'data[0].url that is not a URL'
    ],
    [
      'an id that is not a UUID',
      (w: Record<string, unknown>) => ({ ...w, id: 'abc\n::warning::forged' }),
      'data[0].id that is not a UUID'
    ],
    [
      'an event with a line break',
      (w: Record<string, unknown>) => ({ ...w, events: ['whatsapp.message.received\n::warning::forged'] }),
      'data[0].events[0] that is not a name without control characters'
    ]
  ])(
    'refuses a list with %s, writes no output, and the re-run without the lie converges',
    async (_name, lie, field) => {
      emulator.seed('legacy', defaultScopeId('legacy'), { url: URL_A, events: ['whatsapp.message.sent'] })
      emulator.inject({
        method: 'GET',
        fault: {
          kind: 'rewrite',
          body: (body) => ({ ...(body as object), data: (body as { data: Record<string, unknown>[] }).data.map(lie) })
        }
      })
      const run = await step('legacy', {})
      expect(run.exitCode).toBe(1)
      expect(failed(run)).toBe(`Kapso's answer while listing webhooks with url ${URL_A} has ${field}.`)
      expect(run.outputs).toEqual({})
      expect(emulator.writes()).toHaveLength(0)
      expect((await step('legacy', {})).outputs.result).toBe('updated')
    }
  )

  it('refuses a created webhook whose id holds a line break, and finds the webhook it made by listing', async () => {
    emulator.inject({
      method: 'POST',
      fault: {
        kind: 'rewrite',
        body: (body) => ({ data: { ...(body as { data: object }).data, id: 'x\n::warning::forged' } })
      }
    })
    const run = await step('legacy', {})
    const [made] = emulator.webhooks()
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      `::warning::Kapso's answer while creating a webhook for ${URL_A} has data.id that is not a UUID. The webhook it made was found by listing the scope: using ${made?.id}.`
    )
    expect(run.outputs).toMatchObject({ result: 'created', 'webhook-id': made?.id })
    expect((await step('legacy', {})).outputs.result).toBe('unchanged')
    expect(emulator.webhooks()).toHaveLength(1)
  })
})

describe('a server that keeps URLs in another form', () => {
  it('finds its own webhook again: host in lower case, a trailing slash, the default port', async () => {
    emulator.configure({
      lies: { storeUrl: (url) => `${url.replace('PR-41.Preview', 'pr-41.preview').replace('.com/', '.com:443/')}/` }
    })
    const sent = 'https://PR-41.Preview.example.com/api/whatsapp'
    const created = await step('platform', { url: sent })
    expect(created.outputs.result).toBe('created')
    expect(created.stdout).toContain(
      `::warning::Kapso holds the new webhook ${created.outputs['webhook-id']} with url https://pr-41.preview.example.com:443/api/whatsapp/, not ${sent} as sent. Both are the same URL in normal form, so re-runs find it.`
    )
    for (let i = 0; i < 2; i++) expect((await step('platform', { url: sent })).outputs.result).toBe('unchanged')
    expect(emulator.webhooks()).toHaveLength(1)
  })
})

describe('a list filter that lets meta-kind webhooks through', () => {
  it('never matches, updates or deletes them', async () => {
    emulator.configure({ lies: { ignoreKindFilter: true } })
    const meta = emulator.seed('platform', defaultScopeId('platform'), { url: URL_A, kind: 'meta', events: [] })
    const upsert = await step('platform', {})
    expect(upsert.outputs.result).toBe('created')
    const removed = await step('platform', { operation: 'delete' })
    expect(removed.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '1' })
    expect(emulator.webhooks()).toEqual([expect.objectContaining({ id: meta.id, kind: 'meta', events: [] })])
  })
})

describe('answers of the wrong shape', () => {
  it('masks a secret_key that comes back as a number, and outputs it', async () => {
    emulator.seed('legacy', defaultScopeId('legacy'), { url: URL_A })
    emulator.inject({
      method: 'GET',
      fault: {
        kind: 'rewrite',
        body: (body) => ({
          ...(body as object),
          data: (body as { data: object[] }).data.map((w) => ({ ...w, secret_key: 4815162342108015 }))
        })
      }
    })
    const run = await step('legacy', { 'secret-key': '' }, {}, ['4815162342108015'])
    expect(run.outputs).toMatchObject({ result: 'unchanged', 'secret-key': '4815162342108015' })
    expect(isMasked(run.stdout, '4815162342108015')).toBe(true)
  })

  it.each([
    ['data that is not a list', { data: 'nope' }, /has data that is not a list\.$/],
    ['no data at all', { webhooks: [] }, /has no data\.$/],
    ['a JSON array', [1, 2], /has no data\.$/],
    [
      'a page count that is not a number',
      { data: [], meta: { total_pages: '2' } },
      /has meta\.total_pages that is not a whole number\.$/
    ],
    [
      'a page count below zero',
      { data: [], meta: { total_pages: -1 } },
      /has meta\.total_pages that is not a whole number of pages\.$/
    ],
    ['meta that is not an object', { data: [], meta: 'x' }, /has meta that is not an object\.$/],
    [
      'data that is one webhook, not a list',
      { data: { id: '9e8d7c6b-5a4f-4e2d-8c0b-9a8f7e6d5c4b' } },
      /has data that is not a list\.$/
    ],
    ['a webhook that is a string', { data: ['x'] }, /has data\[0\] that is not a webhook\.$/]
  ])('fails on %s, naming the request and the field, with no output', async (_name, body, message) => {
    emulator.inject({ method: 'GET', fault: { kind: 'status', status: 200, body } })
    const run = await step('legacy', {})
    expect(run.exitCode).toBe(1)
    expect(failed(run)).toMatch(/^Kapso's answer while listing webhooks with url \S+ /)
    expect(failed(run)).toMatch(message)
    expect(run.outputs).toEqual({})
  })

  it('fails cleanly on an answer nested 100,000 levels deep', async () => {
    const body =
      '{"data":[{"id":"9e8d7c6b-5a4f-4e2d-8c0b-9a8f7e6d5c4b","url":"https://x.example.com/a","headers":' +
      '['.repeat(100_000) +
      ']'.repeat(100_000) +
      '}]}'
    const server = await Liar.start(() => ({ body }))
    try {
      const run = await step('legacy', { 'api-url': `${server.origin}/api/v1`, 'max-attempts': '1' })
      expect(run.exitCode).toBe(1)
      expect(failed(run)).toMatch(
        /^Kapso's answer while listing webhooks with url \S+ has data\[0\]\.headers that is not an object of headers\.$/
      )
    } finally {
      await server.close()
    }
  })
})

describe('ownership records read loosely before', () => {
  it('are not records of this action: sweep leaves them', async () => {
    const github = await GitHubEmulator.start({ repository: REPO, token: FAKE_GITHUB_TOKEN })
    try {
      github.setPullRequests([{ number: 1, state: 'closed' }])
      const scope = defaultScopeId('legacy')
      const loose = [
        `repository=${REPO}=x; pull-request=1`,
        `repository=${REPO};x; pull-request=1`,
        `repository=other/repo; repository=${REPO}; pull-request=1`
      ]
      const kept = loose.map((record, i) =>
        emulator.seed('legacy', scope, {
          url: `https://loose-${i}.example.com/hook`,
          headers: { 'X-Provisioned-By': `kapso-webhook-action; ${record}` }
        })
      )
      const ours = emulator.seed('legacy', scope, {
        url: 'https://ours.example.com/hook',
        headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=1` }
      })
      const run = await step(
        'legacy',
        { operation: 'sweep', url: '' },
        { event: scheduleEvent({ repository: REPO, apiUrl: github.apiUrl }) }
      )
      expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-ids': ours.id })
      expect(
        emulator
          .webhooks()
          .map((w) => w.id)
          .sort()
      ).toEqual(kept.map((w) => w.id).sort())
    } finally {
      await github.close()
    }
  })
})

describe('a server where every page is slow', () => {
  it('ends the step within timeout-seconds, saying what was and was not done, and the re-run converges', async () => {
    const scope = defaultScopeId('legacy')
    // Pages that Kapso's URL filter lets through: other webhooks under the step's URL.
    for (let i = 0; i < 1000; i++) emulator.seed('legacy', scope, { url: `${URL_A}/other-${i}` })
    emulator.configure({ lies: { latencyMs: 900 } })
    const started = Date.now()
    const run = await step('legacy', { 'timeout-seconds': '2' })
    expect(Date.now() - started).toBeLessThan(2000 + 2500) // the step's bound, plus the start-up of a process
    expect(run.exitCode).toBe(1)
    expect(failed(run)).toBe(
      `The step ran out of time (timeout-seconds: 2) while listing webhooks with url ${URL_A}. Nothing was changed in Kapso before that. ` +
        "That request was not carried out; nothing after it was started. A re-run picks up from Kapso's state."
    )
    emulator.configure({ lies: {} })
    expect((await step('legacy', {})).outputs.result).toBe('created')
  })
})

describe('cleanup after a main step that failed once its create was sent', () => {
  it('deletes the webhook the create made, and only that one', async () => {
    const scope = defaultScopeId('platform')
    const before = emulator.seed('platform', scope, { url: URL_A, kind: 'meta', events: [] })
    // The first list is answered; the create is made but its answer is unreadable; every list after it fails.
    emulator.inject({ method: 'GET', fault: { kind: 'rewrite', body: (body) => body } })
    emulator.inject({ method: 'POST', fault: { kind: 'rewrite', body: () => ({ data: { id: 'not-a-uuid' } }) } })
    for (let i = 0; i < 2; i++) emulator.inject({ method: 'GET', fault: { kind: 'status', status: 503 } })
    const event = pushEvent({ repository: REPO })
    const main = await step(
      'platform',
      { operation: 'create', cleanup: 'true', 'max-attempts': '2', 'secret-key': '' },
      { event }
    )
    expect(main.exitCode).toBe(1)
    expect(main.outputs).toEqual({})
    expect(emulator.webhooks()).toHaveLength(2)
    expect(main.state['cleanup-pending-create']).toBeDefined()
    const post = await step(
      'platform',
      { operation: 'create', cleanup: 'true', 'secret-key': '' },
      { postState: main.state, event }
    )
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/Cleanup: deleted webhook [0-9a-f-]{36}\./)
    expect(emulator.webhooks().map((w) => w.id)).toEqual([before.id])
  })
})

describe('promises no earlier test could break', () => {
  it('masks a generated secret before the create is sent, whatever Kapso answers', async () => {
    emulator.inject({
      method: 'POST',
      fault: { kind: 'rewrite', body: (body) => ({ data: { ...(body as { data: object }).data, secret_key: null } }) }
    })
    const run = await step('platform', { 'secret-key': '' })
    const secret = run.outputs['secret-key'] ?? ''
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    const lines = run.stdout.split('\n')
    const mask = lines.indexOf(`::add-mask::${secret}`)
    const post = lines.findIndex((line) => /^::debug::POST /.test(line))
    expect(mask).toBeGreaterThan(-1)
    expect(mask).toBeLessThan(post)
    expect(emulator.webhooks()[0]?.secret_key).toBe(secret)
  })

  it('compares header values, so that a rotated Authorization value is sent', async () => {
    emulator.seed('legacy', defaultScopeId('legacy'), {
      url: URL_A,
      secret_key: SECRET,
      headers: { Authorization: 'Bearer old-token-1111111111' }
    })
    const run = await step('legacy', { headers: 'Authorization: Bearer new-token-2222222222' })
    expect(run.outputs.result).toBe('updated')
    expect(run.stdout).not.toContain('token-')
    expect(run.stdout).toContain('headers: Authorization (values hidden) -> Authorization (values hidden)')
    expect(emulator.webhooks()[0]?.headers).toEqual({ Authorization: 'Bearer new-token-2222222222' })
  })

  it('follows no redirect: the key never reaches the other host', async () => {
    const elsewhere = await Liar.start(() => ({ body: '{"data":[]}' }))
    try {
      emulator.inject({
        method: 'GET',
        fault: { kind: 'status', status: 307, headers: { Location: `${elsewhere.origin}/api/v1/steal` } }
      })
      const run = await step('legacy', {})
      expect(run.exitCode).toBe(1)
      expect(failed(run)).toMatch(
        /^Kapso answered with a redirect \(HTTP 307\) while listing webhooks .* redirects are not followed/
      )
      expect(elsewhere.seen).toEqual([])
    } finally {
      await elsewhere.close()
    }
  })

  it('reads the next page of a full list that has no meta', async () => {
    const scope = defaultScopeId('legacy')
    const target = emulator.seed('legacy', scope, {
      url: URL_A,
      events: ['whatsapp.message.received'],
      secret_key: SECRET
    })
    for (let i = 0; i < 100; i++) emulator.seed('legacy', scope, { url: `${URL_A}/v${i}` })
    emulator.inject({
      method: 'GET',
      fault: { kind: 'rewrite', body: (body) => ({ data: (body as { data: unknown[] }).data }) }
    })
    const run = await step('legacy', {})
    expect(run.outputs).toMatchObject({ result: 'unchanged', 'webhook-id': target.id })
    expect(emulator.requests.map((r) => new URLSearchParams(r.query).get('page'))).toEqual(['1', '2'])
  })
})

/** A loopback server that answers every request with this text, counting requests. */
