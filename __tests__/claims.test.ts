/**
 * A hostile review's findings, kept as the claims they broke: each test states one claim of README.md or
 * SECURITY.md and drives the built bundle (dist/index.js) with a server that lies, in the way that once
 * broke it (F1, F2, … as numbered in that review). The runner's own handling of stdout (legacy ##[
 * commands anywhere in a line, stop-commands, add-mask) is modelled in scripts/runner-sim.ts.
 * The attacks that held from the start are in attacks.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { presentPlatform } from '../emulator/platform.js'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID } from '../emulator/server.js'
import { useEmulator } from './support/emulator.js'
import { findLeaks } from '../scripts/leaks.js'
import { emulatorInputs, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { Liar } from './support/liar.js'
import { runnerProcess } from '../scripts/runner-sim.js'
import { pushEvent, scheduleEvent } from '../scripts/github-events.js'

const OTHER_NUMBER = '555000111'
const kapso = useEmulator({ phoneNumberIds: [EMULATOR_DEFAULTS.phoneNumberId, OTHER_NUMBER] })

const CONFIG = EMULATOR_DEFAULTS.configId
const NUMBER = EMULATOR_DEFAULTS.phoneNumberId
const URL_A = 'https://pr-9.preview.example.com/api/whatsapp'
const REPO = 'octo-org/shop'

function legacy(more: Record<string, string> = {}): Record<string, string> {
  return { ...emulatorInputs(kapso, 'legacy'), url: URL_A, events: 'whatsapp.message.received', ...more }
}
function platform(more: Record<string, string> = {}): Record<string, string> {
  return { ...emulatorInputs(kapso, 'platform'), url: URL_A, events: 'whatsapp.message.received', ...more }
}
function run(
  inputs: Record<string, string>,
  options: RunOptions = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runChecked(inputs, { options, env })
}
const errors = (r: ActionRun): string[] => r.stdout.split('\n').filter((l) => /^::(error|warning)::/.test(l))
const withUrl = (url: string): number => kapso.webhooks().filter((w) => w.url === url).length

describe('F1: server text reaches plain log lines, where the runner obeys legacy ##[command] syntax anywhere in a line', () => {
  it('a 503 message cannot switch off the runner command processing and so print a signing secret in clear', async () => {
    const seeded = kapso.seed('legacy', CONFIG, { url: URL_A, events: ['whatsapp.message.sent'] })
    kapso.inject({
      method: 'GET',
      fault: { kind: 'status', status: 503, body: { error: 'Service Unavailable ##[stop-commands]kapso' } }
    })
    const r = await run(legacy())
    expect(r.exitCode).toBe(0)
    const view = runnerProcess(r.stdout)
    expect(view.obeyed).not.toContain('stop-commands')
    // What the runner shows: `::add-mask::<secret>` is no longer obeyed, so the secret is printed as it is.
    expect(view.shown.filter((line) => line.includes(seeded.secret_key))).toEqual([])
  })

  it('a 503 message cannot set a step output on a step that failed (##[set-output])', async () => {
    for (let i = 0; i < 5; i++) {
      kapso.inject({
        method: 'GET',
        fault: {
          kind: 'status',
          status: 503,
          body: { error: 'busy ##[set-output name=webhook-id;]00000000-0000-4000-8000-000000000000' }
        }
      })
    }
    const r = await run(legacy())
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toEqual({})
    expect(runnerProcess(r.stdout).commandOutputs).toEqual({})
  })

  it('a created webhook URL from Kapso cannot start a command in the headline', async () => {
    kapso.inject({
      method: 'POST',
      fault: {
        kind: 'rewrite',
        body: (b) => ({ data: { ...(b as { data: object }).data, url: `${URL_A}#x##[stop-commands]t` } })
      }
    })
    const r = await run(legacy())
    expect(runnerProcess(r.stdout).obeyed).not.toContain('stop-commands')
  })

  it('GitHub GraphQL error text cannot start a command either (sweep)', async () => {
    kapso.seed('legacy', CONFIG, {
      url: URL_A,
      headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=5` }
    })
    const github = await Liar.start(() => ({
      body: JSON.stringify({
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible ##[stop-commands]gh' }]
      })
    }))
    try {
      const r = await run(legacy({ operation: 'sweep', url: '', events: '', 'max-attempts': '2' }), {
        event: scheduleEvent({ repository: REPO, apiUrl: github.origin })
      })
      expect(runnerProcess(r.stdout).obeyed).not.toContain('stop-commands')
    } finally {
      await github.close()
    }
  })
})

describe('F2: the URL filter is the WHATWG-normalised path, the stored URL is the raw spelling: never found again', () => {
  const urls = [
    'https://preview.example.com/café/hook',
    'https://preview.example.com/a/./hook',
    'https://preview.example.com/{pr}/hook',
    'https://preview.example.com/a\\hook'
  ]

  it.each(urls)('upsert twice with %s makes one webhook, and the re-run is unchanged', async (url) => {
    const first = await run(legacy({ url }))
    const again = await run(legacy({ url }))
    expect(first.outputs.result).toBe('created')
    expect(again.outputs.result).toBe('unchanged')
    expect(withUrl(url)).toBe(1)
  })

  it('delete finds the webhook it made', async () => {
    const url = urls[0] as string
    await run(legacy({ url }))
    const removed = await run(legacy({ url, operation: 'delete' }))
    expect(removed.outputs.result).toBe('deleted')
    expect(withUrl(url)).toBe(0)
  })

  it('a create that went through but lost its answer is adopted, not sent again', async () => {
    const url = urls[0] as string
    kapso.inject({ method: 'POST', fault: { kind: 'reset-after' } })
    const r = await run(legacy({ url }))
    expect(r.outputs.result).toBe('created')
    expect(withUrl(url)).toBe(1)
  })

  it('cleanup: true removes what a failed main step created', async () => {
    const url = urls[0] as string
    let posted = false
    const front = await Liar.start((req) => {
      if (req.method === 'POST') posted = true
      else if (posted && req.method === 'GET') return { status: 503, body: '{"error":"down"}' }
      return undefined
    }, kapso.origin)
    try {
      kapso.inject({ method: 'POST', fault: { kind: 'reset-after' } })
      const inputs = legacy({ url, cleanup: 'true', 'max-attempts': '2', 'api-url': `${front.origin}/api/v1` })
      // The post step deletes only what is recorded for the repository the runner names.
      const event = pushEvent({ repository: REPO })
      const main = await run(inputs, { event })
      expect(main.exitCode).toBe(1)
      front.answer = () => undefined
      const post = await run(inputs, { postState: main.state, event })
      expect(post.stdout).not.toContain('made no webhook')
      expect(withUrl(url)).toBe(0)
    } finally {
      await front.close()
    }
  })
})

describe('F3: only kapso-kind webhooks are ever deleted', () => {
  it.each(['false', 'true'])('delete by webhook-id leaves a meta-kind webhook alone (dry-run %s)', async (dryRun) => {
    const meta = kapso.seed('platform', NUMBER, { url: 'https://meta.example.com/raw', kind: 'meta', events: [] })
    const r = await run(
      platform({ operation: 'delete', 'webhook-id': meta.id, url: '', events: '', 'dry-run': dryRun })
    )
    expect(r.outputs.result).not.toBe('deleted')
    expect(kapso.webhooks().some((w) => w.id === meta.id)).toBe(true)
  })
})

describe('F4: cleanup deletes only what the step made', () => {
  it('a create answer naming another, older webhook does not make the post step delete that one', async () => {
    const other = kapso.seed('legacy', CONFIG, { url: 'https://production.example.com/hook' })
    kapso.inject({
      method: 'POST',
      fault: { kind: 'rewrite', body: (b) => ({ data: { ...(b as { data: object }).data, id: other.id } }) }
    })
    const inputs = legacy({ cleanup: 'true' })
    const main = await run(inputs)
    await run(inputs, { postState: main.state })
    expect(kapso.webhooks().some((w) => w.id === other.id)).toBe(true)
  })
})

describe('F5: secrets and header values that the action holds never reach the log', () => {
  it('the secret of every webhook a URL search returns is masked (SECURITY.md), so an echo of it is hidden', async () => {
    kapso.seed('legacy', CONFIG, { url: URL_A })
    const second = kapso.seed('legacy', CONFIG, { url: URL_A })
    kapso.inject({
      method: 'DELETE',
      fault: {
        kind: 'status',
        status: 409,
        body: { error: `Webhook ${second.id} (secret_key ${second.secret_key}) has deliveries in flight` }
      }
    })
    const r = await run(legacy({ operation: 'delete' }))
    expect(findLeaks(`${r.stdout}\n${r.stderr}`, [second.secret_key])).toEqual([])
    expect(r.summary).not.toContain(second.secret_key)
  })

  it('header values never appear in the log or the summary, even when Kapso quotes one back', async () => {
    const credential = 'Bearer receiver-credential-5f3a9c1e7b2d'
    kapso.inject({
      method: 'POST',
      fault: {
        kind: 'status',
        status: 422,
        body: { error: `Headers Authorization is invalid: "${credential}" is not allowed` }
      }
    })
    const r = await run(legacy({ headers: `Authorization: ${credential}` }))
    expect(r.stdout).not.toContain('receiver-credential-5f3a9c1e7b2d')
    expect(r.summary).not.toContain('receiver-credential-5f3a9c1e7b2d')
  })
})

describe('F6: only webhooks of the scope are matched', () => {
  it.each(['delete', 'upsert'])(
    '%s on a phone number never touches a project-scoped webhook (phone_number_id null) its list holds',
    async (operation) => {
      const project = kapso.seed('platform', EMULATOR_PROJECT_ID, {
        url: URL_A,
        events: ['whatsapp.phone_number.created']
      })
      for (let i = 0; i < 2; i++) {
        kapso.inject({
          method: 'GET',
          fault: {
            kind: 'rewrite',
            body: (b) => ({ ...(b as object), data: [...(b as { data: unknown[] }).data, presentPlatform(project)] })
          }
        })
      }
      const r = await run(platform({ operation }))
      expect(
        kapso.requests.filter((q) => q.method !== 'GET' && q.path.includes(project.id)).map((q) => q.method)
      ).toEqual([])
      expect(r.exitCode).toBe(0)
    }
  )
})

describe('F7: URLs match in a normalised form', () => {
  it('a webhook Kapso stores in another form of the same URL is unchanged on a re-run, not PATCHed every time', async () => {
    kapso.configure({
      lies: {
        storeUrl: (url) => {
          const u = new URL(url)
          return `${u.protocol}//${u.host.toLowerCase()}${u.pathname}/`
        }
      }
    })
    const inputs = legacy({ url: 'https://Preview.Example.com/hook' })
    await run(inputs)
    const again = await run(inputs)
    expect(again.outputs.result).toBe('unchanged')
    expect(kapso.writes().map((w) => w.method)).toEqual(['POST'])
  })
})

describe('F8: it never creates duplicates (paging)', () => {
  it('a list without meta whose server caps per_page below 100 is still read to the end', async () => {
    kapso.seed('legacy', CONFIG, { url: URL_A })
    for (let i = 0; i < 25; i++) kapso.seed('legacy', CONFIG, { url: `${URL_A}/${i}` })
    const front = await Liar.start(async (req) => {
      if (!(req.method === 'GET' && req.path.endsWith('/whatsapp_webhooks'))) return undefined
      const query = new URLSearchParams(req.query)
      query.set('per_page', '20')
      const upstream = await fetch(`${kapso.origin}${req.path}?${query}`, {
        headers: { 'X-API-Key': EMULATOR_DEFAULTS.apiKey }
      })
      return { body: JSON.stringify({ data: ((await upstream.json()) as { data: unknown[] }).data }) }
    }, kapso.origin)
    try {
      await run(legacy({ 'api-url': `${front.origin}/api/v1` }))
      expect(withUrl(URL_A)).toBe(1)
    } finally {
      await front.close()
    }
  })

  it('F12: the same webhook on every page is one webhook: no "3 webhooks" warning, deleted once', async () => {
    const page = JSON.stringify({
      data: [
        {
          id: '11111111-2222-4333-8444-555555555555',
          url: URL_A,
          events: ['whatsapp.message.received'],
          secret_key: 'same-secret-on-every-page'
        }
      ],
      meta: { total_pages: 3 }
    })
    const front = await Liar.start((req) =>
      req.method === 'GET' ? { body: page } : req.method === 'DELETE' ? { status: 204 } : undefined
    )
    try {
      const upsert = await run(legacy({ 'api-url': `${front.origin}/api/v1` }))
      expect(errors(upsert)).toEqual([])
      const removed = await run(legacy({ 'api-url': `${front.origin}/api/v1`, operation: 'delete' }))
      expect(removed.outputs['deleted-count']).toBe('1')
    } finally {
      await front.close()
    }
  })
})

describe('F9: GitHub answers for sweep', () => {
  const record = (n: number | string): Record<string, string> => ({
    'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=${n}`
  })

  it('a GraphQL answer without the repository (token cannot see it) fails, naming github-token, instead of "no pull request #N"', async () => {
    kapso.seed('legacy', CONFIG, { url: URL_A, headers: record(5) })
    const github = await Liar.start(() => ({
      body: JSON.stringify({
        data: { repository: null },
        errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a Repository with the name '${REPO}'.` }]
      })
    }))
    try {
      const r = await run(legacy({ operation: 'sweep', url: '', events: '' }), {
        event: scheduleEvent({ repository: REPO, apiUrl: github.origin })
      })
      expect(r.stdout).not.toContain('GitHub has no pull request #5')
      expect(r.exitCode).toBe(1)
      expect(errors(r).join('\n')).toContain('Check github-token')
    } finally {
      await github.close()
    }
  })

  it('one record with a pull request number beyond GraphQL Int does not block the whole sweep', async () => {
    const closed = kapso.seed('legacy', CONFIG, { url: URL_A, headers: record(5) })
    kapso.seed('legacy', CONFIG, { url: `${URL_A}/big`, headers: record(3000000000) })
    // As GitHub answers a query with an Int argument out of range: errors only, no data.
    const github = await Liar.start((req) => {
      if (req.path !== '/graphql') return { status: 404, body: '{"message":"Not Found"}' }
      const query = (JSON.parse(req.body) as { query: string }).query
      const numbers = [...query.matchAll(/pullRequest\(number: (\d+)\)/g)].map((m) => Number(m[1]))
      const bad = numbers.find((n) => n > 2 ** 31 - 1)
      if (bad !== undefined)
        return {
          body: JSON.stringify({
            errors: [
              { message: `Argument 'number' on Field 'pr${bad}' has an invalid value (${bad}). Expected type 'Int!'.` }
            ]
          })
        }
      return {
        body: JSON.stringify({
          data: { repository: Object.fromEntries(numbers.map((n) => [`pr${n}`, { number: n, state: 'CLOSED' }])) }
        })
      }
    })
    try {
      const r = await run(legacy({ operation: 'sweep', url: '', events: '', 'max-attempts': '2' }), {
        event: scheduleEvent({ repository: REPO, apiUrl: github.origin })
      })
      expect(r.exitCode).toBe(0)
      expect(kapso.webhooks().some((w) => w.id === closed.id)).toBe(false)
    } finally {
      await github.close()
    }
  })
})

describe('F10, F11: messages say what happened', () => {
  it('when the list that checks a lost create fails, the error says a create was sent and may have been applied', async () => {
    let posted = false
    const front = await Liar.start((req) => {
      if (req.method === 'POST') posted = true
      else if (posted) return { status: 503, body: '{"error":"down"}' }
      return undefined
    }, kapso.origin)
    try {
      kapso.inject({ method: 'POST', fault: { kind: 'reset-after' } })
      const r = await run(legacy({ 'max-attempts': '2', 'api-url': `${front.origin}/api/v1` }))
      expect(r.exitCode).toBe(1)
      expect(errors(r).join('\n')).toMatch(/creat.*(may have|unknown)/i)
    } finally {
      await front.close()
    }
  })

  it('a body that never ends is "no answer within 1 s", not a reset connection', async () => {
    const front = await Liar.start(() => ({ trickle: { everyMs: 100, chunk: ' ' } }))
    try {
      const r = await run(
        legacy({ 'api-url': `${front.origin}/api/v1`, 'request-timeout-seconds': '1', 'max-attempts': '2' })
      )
      expect(errors(r).join('\n')).toContain('no answer within 1 s')
    } finally {
      await front.close()
    }
  })
})

describe('F13–F16: outputs, shapes, line handling', () => {
  it('F13: the webhook output stays JSON, and shows a header by name only, its value (here holding U+0085) hidden', async () => {
    const r = await run(platform({ headers: JSON.stringify({ 'X-Env': 'a\u0085b' }) }))
    expect(r.outputs.result).toBe('created')
    const webhook = JSON.parse(r.outputs.webhook ?? '') as { headers: Record<string, string> }
    expect(webhook.headers['X-Env']).toBe('(hidden)')
    expect(r.outputs.webhook).not.toContain('a\u0085b')
  })

  it('F14: a listed webhook without secret_key is read as one (not "secret_key that is not a webhook"), and the step goes on to update it', async () => {
    const id = '11111111-2222-4333-8444-555555555555'
    kapso.inject({
      method: 'GET',
      fault: { kind: 'rewrite', body: (b) => ({ ...(b as object), data: [{ id, url: URL_A }] }) }
    })
    const r = await run(legacy())
    expect(errors(r).join('\n')).not.toContain('secret_key that is not a webhook')
    // The rewritten list names a webhook the emulator does not hold: the update it leads to finds it gone.
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toEqual([
      `::error::Webhook ${id} was not found while updating webhook ${id}: it was deleted meanwhile. Re-run to create it again.`
    ])
  })

  it('F15: a line break in text the action logs cannot start a workflow command (log.info splits before it escapes)', async () => {
    const r = await run(legacy({ operation: 'auto' }), {
      // Inline on purpose: an event name no runner sets, carrying a workflow command after a line break.
      event: { eventName: 'push\n::warning::injected', repository: 'o/r', payload: {} }
    })
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::warning::injected'))).toEqual([])
  })

  it('F15: odd post-step state gives no raw JavaScript error and no injected line', async () => {
    const nullState = await run(legacy({ cleanup: 'true' }), {
      postState: { isPost: 'true', 'cleanup-pending-create': 'null' }
    })
    expect(nullState.stdout).not.toContain('unexpected error')
    const idState = await run(legacy({ cleanup: 'true' }), {
      postState: { isPost: 'true', 'cleanup-webhook': JSON.stringify({ id: 'x\n::warning::from state', url: URL_A }) }
    })
    expect(idState.stdout).not.toContain('unexpected error')
    expect(idState.stdout.split('\n').filter((l) => l.startsWith('::warning::from state'))).toEqual([])
  })

  it('F16: a secret_key of true is not registered as the mask "true" (which hides every "true" in the job log)', async () => {
    kapso.inject({
      method: 'POST',
      fault: { kind: 'rewrite', body: (b) => ({ data: { ...(b as { data: object }).data, secret_key: true } }) }
    })
    const r = await run(legacy())
    expect(r.stdout.split('\n')).not.toContain('::add-mask::true')
  })
})
