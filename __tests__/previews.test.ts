/**
 * A preview's webhook from pull request opened to closed, through the built bundle as the runner runs it:
 * auto, the ownership record, cleanup's post step, sweep against a GitHub API stand-in (GITHUB_API_URL),
 * deployment_status events, the job summary and fork pull requests. Every run is scanned for leaks.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultScopeId, EMULATOR_DEFAULTS, type StoredWebhook } from '../emulator/server.js'
import { isMasked } from '../scripts/leaks.js'
import { emulatorInputs, type ActionRun, type GitHubEvent, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator, useGitHub } from './support/emulator.js'
import { Liar } from './support/liar.js'
import {
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  scheduleEvent,
  type PullRequestAction,
  type PullRequestOptions
} from '../scripts/github-events.js'

const REPO = 'octo-org/shop'
const RECORD = 'X-Provisioned-By'
const kapso = useEmulator()
const github = useGitHub(REPO)

const previewUrl = (pr: number): string => `https://pr-${pr}.preview.example.com/api/whatsapp`
const scopeId = defaultScopeId('legacy')

/** A pull request event of this repository, whose run asks the GitHub stand-in. */
function prEvent(action: PullRequestAction, number: number, options: PullRequestOptions = {}): GitHubEvent {
  return pullRequestEvent(action, number, { repository: REPO, apiUrl: github.apiUrl, ...options })
}

/** Runs the bundle with debug logging on; nothing secret may show in the log or the job summary. */
async function step(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  return runChecked(
    { ...emulatorInputs(kapso, 'legacy'), ...inputs },
    { secrets: kapso.webhooks().map((w) => w.secret_key), options }
  )
}

const preview = (pr: number): Record<string, string> => ({
  operation: 'auto',
  url: previewUrl(pr),
  events: 'whatsapp.message.received'
})
const recordOf = (webhook: StoredWebhook | undefined): string | undefined => webhook?.headers[RECORD]

describe('operation auto', () => {
  it('creates on opened, leaves alone on synchronize, deletes on closed, and finds nothing on a second close', async () => {
    const opened = await step(preview(42), { event: prEvent('opened', 42) })
    expect(opened.exitCode, opened.stdout).toBe(0)
    expect(opened.outputs.result).toBe('created')
    expect(opened.stdout).toContain('operation auto: upsert, for a pull_request event.')
    expect(recordOf(kapso.webhooks()[0])).toBe(`kapso-webhook-action; repository=${REPO}; pull-request=42`)

    expect((await step(preview(42), { event: prEvent('synchronize', 42) })).outputs.result).toBe('unchanged')
    const closed = await step(preview(42), { event: prEvent('closed', 42) })
    expect(closed.outputs).toMatchObject({
      result: 'deleted',
      'webhook-id': opened.outputs['webhook-id'],
      'deleted-count': '1'
    })
    expect(kapso.webhooks()).toHaveLength(0)
    expect((await step(preview(42), { event: prEvent('closed', 42) })).outputs.result).toBe('absent')
  })

  it("upserts on pull_request_target and on events that are not about pull requests, never taking the pull request's webhook for a push's", async () => {
    const target = await step(preview(5), {
      event: prEvent('reopened', 5, { eventName: 'pull_request_target' })
    })
    expect(target.outputs.result).toBe('created')
    const push = await step(
      { ...preview(5), events: 'whatsapp.message.sent' },
      { event: pushEvent({ repository: REPO }) }
    )
    expect(push.outputs.result).toBe('created')
    expect(push.stdout).toContain(
      `::warning::Webhook ${target.outputs['webhook-id']} of whatsapp-config-id ${scopeId} also has url ${previewUrl(5)}, but it is not recorded for ${REPO} without a pull request ` +
        '(made by hand, by another workflow, or for another pull request): left as it is. Kapso delivers each event to that URL once for each webhook.'
    )
    expect(kapso.webhooks().map((w) => [recordOf(w), w.events])).toEqual([
      [`kapso-webhook-action; repository=${REPO}; pull-request=5`, ['whatsapp.message.received']],
      [`kapso-webhook-action; repository=${REPO}`, ['whatsapp.message.sent']]
    ])
  })

  it('on close without url, deletes exactly the webhooks recorded for that pull request', async () => {
    const record = (repository: string, pr: number): Record<string, string> => ({
      [RECORD]: `kapso-webhook-action; repository=${repository}; pull-request=${pr}`
    })
    const mine = kapso.seed('legacy', scopeId, { url: previewUrl(7), headers: record(REPO, 7) })
    const mineToo = kapso.seed('legacy', scopeId, {
      url: `${previewUrl(7)}/second`,
      headers: record('Octo-Org/Shop', 7)
    })
    const otherPr = kapso.seed('legacy', scopeId, { url: previewUrl(8), headers: record(REPO, 8) })
    const otherRepo = kapso.seed('legacy', scopeId, {
      url: 'https://elsewhere.example.com/7',
      headers: record('octo-org/other', 7)
    })
    const unrecorded = kapso.seed('legacy', scopeId, { url: 'https://by-hand.example.com/hook' })
    const run = await step({ operation: 'auto' }, { event: prEvent('closed', 7) })
    expect(run.outputs.result).toBe('deleted')
    expect(run.outputs['deleted-ids']?.split(',').sort()).toEqual([mine.id, mineToo.id].sort())
    expect(run.stdout).toMatch(/^Deleted 2 webhooks \(\S+, \S+\) in whatsapp-config-id/m)
    expect(
      kapso
        .webhooks()
        .map((w) => w.id)
        .sort()
    ).toEqual([otherPr.id, otherRepo.id, unrecorded.id].sort())
  })
})

describe('the ownership record', () => {
  it("keeps the user's headers beside the record, and updates keep the record intact", async () => {
    await step({ ...preview(3), headers: 'X-Env: preview' }, { event: prEvent('opened', 3) })
    const record = recordOf(kapso.webhooks()[0])
    expect(kapso.webhooks()[0]?.headers).toEqual({ 'X-Env': 'preview', [RECORD]: record })

    const updated = await step(
      { ...preview(3), headers: 'X-Env: staging\nX-Team: growth' },
      { event: prEvent('synchronize', 3) }
    )
    expect(updated.outputs.result).toBe('updated')
    expect(kapso.webhooks()[0]?.headers).toEqual({ 'X-Env': 'staging', 'X-Team': 'growth', [RECORD]: record })
    // The log names the headers, never their values.
    expect(updated.stdout).toContain(
      'headers: X-Env, X-Provisioned-By (values hidden) -> X-Env, X-Team, X-Provisioned-By (values hidden)'
    )
    expect(updated.stdout).not.toContain('staging')
  })

  it('is never added to a webhook the action did not create, which a push still finds by url', async () => {
    const byHand = kapso.seed('legacy', scopeId, { url: previewUrl(4), events: ['whatsapp.message.sent'] })
    const push = await step(preview(4), { event: pushEvent({ repository: REPO }) })
    expect(push.outputs).toMatchObject({ result: 'updated', 'webhook-id': byHand.id })
    expect(kapso.webhooks()[0]?.headers).toEqual({})
  })

  it("on a pull request, leaves a webhook with the same url that is not the pull request's alone, and says so", async () => {
    const byHand = kapso.seed('legacy', scopeId, { url: previewUrl(4), events: ['whatsapp.message.sent'] })
    const run = await step(preview(4), { event: prEvent('synchronize', 4) })
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toContain(
      `::warning::Webhook ${byHand.id} of whatsapp-config-id ${scopeId} also has url ${previewUrl(4)}, but it is not recorded for pull request #4 of ${REPO}`
    )
    expect(kapso.webhooks().find((w) => w.id === byHand.id)).toMatchObject({
      events: ['whatsapp.message.sent'],
      headers: {}
    })
  })

  it('records the pull request that holds the commit of a deployment_status event', async () => {
    github.setPullRequests([{ number: 11, state: 'open', shas: ['a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'] }])
    const event = deploymentStatusEvent('vercel', {
      environment: 'preview',
      sha: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
      url: 'https://shop-git-feature.vercel.app',
      repository: REPO,
      apiUrl: github.apiUrl
    })
    const run = await step(
      {
        operation: 'auto',
        url: 'https://shop-git-feature.vercel.app/api/whatsapp',
        events: 'whatsapp.message.received'
      },
      { event }
    )
    expect(run.outputs.result).toBe('created')
    expect(recordOf(kapso.webhooks()[0])).toBe(`kapso-webhook-action; repository=${REPO}; pull-request=11`)
    expect(github.requests).toEqual([`GET /repos/${REPO}/commits/a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0/pulls`])
    // ...so that closing the pull request removes it, though its URL is not known then.
    expect((await step({ operation: 'auto' }, { event: prEvent('closed', 11) })).outputs.result).toBe('deleted')
  })
})

describe('cleanup', () => {
  it('deletes the provisioned webhook in the post step, and an already-gone one is fine', async () => {
    const main = await step({ ...preview(9), cleanup: 'true' }, { event: prEvent('opened', 9) })
    expect(main.outputs.result).toBe('created')
    expect(main.state.isPost).toBe('true')
    expect(JSON.parse(main.state['cleanup-webhook'] ?? '')).toEqual({
      id: main.outputs['webhook-id'],
      url: previewUrl(9),
      record: `kapso-webhook-action; repository=${REPO}; pull-request=9; name=job`,
      secret: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    const post = await step({ ...preview(9), cleanup: 'true' }, { event: prEvent('opened', 9), postState: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`Cleanup: deleted webhook ${main.outputs['webhook-id']}.`)
    expect(kapso.webhooks()).toHaveLength(0)
    const again = await step({ ...preview(9), cleanup: 'true' }, { postState: main.state })
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toContain('was already gone')
  })

  it('leaves nothing to clean when off, in a dry run, or when the main step failed', async () => {
    for (const inputs of [
      preview(9),
      { ...preview(9), cleanup: 'true', 'dry-run': 'true' },
      { ...preview(9), cleanup: 'true', events: 'nope' }
    ]) {
      const main = await step(inputs, { event: prEvent('opened', 9) })
      expect(main.state['cleanup-webhook']).toBeUndefined()
      const post = await step(inputs, { postState: main.state })
      expect(post.exitCode).toBe(0)
      expect(kapso.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)
    }
  })
})

describe('operation sweep', () => {
  const day = 86_400_000
  const record = (repository: string, pr?: number): Record<string, string> => ({
    [RECORD]: `kapso-webhook-action; repository=${repository}${pr === undefined ? '' : `; pull-request=${pr}`}`
  })
  let seeded: Record<string, StoredWebhook>
  beforeEach(() => {
    const old = new Date(Date.now() - 3 * day).toISOString()
    seeded = {
      closed: kapso.seed('legacy', scopeId, { url: previewUrl(1), headers: record(REPO, 1) }),
      open: kapso.seed('legacy', scopeId, { url: previewUrl(2), headers: record(REPO, 2) }),
      openButOld: kapso.seed('legacy', scopeId, { url: previewUrl(3), headers: record(REPO, 3), created_at: old }),
      otherRepo: kapso.seed('legacy', scopeId, {
        url: 'https://other.example.com/1',
        headers: record('octo-org/other', 1),
        created_at: old
      }),
      unrecorded: kapso.seed('legacy', scopeId, { url: 'https://by-hand.example.com/hook', created_at: old }),
      noPullRequest: kapso.seed('legacy', scopeId, {
        url: 'https://staging.example.com/hook',
        headers: record(REPO),
        created_at: old
      }),
      forged: kapso.seed('legacy', scopeId, {
        url: 'https://forged.example.com/1',
        headers: { [RECORD]: `someone-else; repository=${REPO}; pull-request=1` }
      })
    }
    github.setPullRequests([
      { number: 1, state: 'closed' },
      { number: 2, state: 'open' },
      { number: 3, state: 'open' }
    ])
  })
  const sweep = (inputs: Record<string, string> = {}): Promise<ActionRun> =>
    step({ operation: 'sweep', ...inputs }, { event: scheduleEvent({ repository: REPO, apiUrl: github.apiUrl }) })
  const left = (): string[] =>
    Object.entries(seeded)
      .filter(([, w]) => kapso.webhooks().some((k) => k.id === w.id))
      .map(([name]) => name)

  it("deletes exactly the webhooks of this repository's closed pull requests, asking GITHUB_API_URL", async () => {
    const run = await sweep()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '1', 'deleted-ids': seeded.closed?.id })
    expect(left()).toEqual(['open', 'openButOld', 'otherRepo', 'unrecorded', 'noPullRequest', 'forged'])
    // The connection opened ahead while Kapso listed, then one GraphQL query for all three pull requests.
    expect(github.requests).toEqual(['GET /rate_limit', 'POST /graphql (pull requests 1, 2, 3)'])
    expect(run.summary).toContain('pull request #1 is closed')
  })

  it("with max-age, also deletes this repository's older pull-request webhooks", async () => {
    const run = await sweep({ 'max-age': '48h' })
    expect(run.outputs['deleted-count']).toBe('2')
    expect(left()).toEqual(['open', 'otherRepo', 'unrecorded', 'noPullRequest', 'forged'])
  })

  it('writes nothing in a dry run, and lists what would go', async () => {
    const writes = kapso.writes().length
    const run = await sweep({ 'max-age': '48h', 'dry-run': 'true' })
    expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '2' })
    expect(kapso.writes().length).toBe(writes)
    expect(left()).toHaveLength(7)
    expect(run.stdout).toContain('Dry run, nothing written: would delete 2 webhooks in')
    expect(run.summary).toContain('Would delete 2 webhooks')
  })

  it('asks GitHub about 250 recorded pull requests in 3 queries', async () => {
    for (let pr = 10; pr < 260; pr++) kapso.seed('legacy', scopeId, { url: previewUrl(pr), headers: record(REPO, pr) })
    github.setPullRequests(
      Array.from({ length: 250 }, (_, i) => ({ number: i + 10, state: i % 2 ? 'closed' : 'open' }))
    )
    const run = await sweep()
    expect(run.outputs['deleted-count']).toBe('125')
    expect(github.requests.filter((r) => r.startsWith('POST /graphql'))).toHaveLength(3)
  })

  it.each([
    ['in seconds', (): string => '1'],
    ['as an HTTP date', (): string => new Date(Date.now() + 2000).toUTCString()]
  ])('waits as GitHub asks when it answers 429 with Retry-After %s, then sweeps', async (_form, retryAfter) => {
    let queries = 0
    const front = await Liar.start(
      (req) =>
        req.path === '/graphql' && queries++ === 0
          ? { status: 429, headers: { 'Retry-After': retryAfter() }, body: '{"message":"rate limited"}' }
          : undefined,
      github.apiUrl
    )
    try {
      const run = await step(
        { operation: 'sweep' },
        { event: scheduleEvent({ repository: REPO, apiUrl: front.origin }) }
      )
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.stdout).toMatch(
        /GitHub is rate-limiting these requests \(HTTP 429\) while reading the state of 3 pull requests of octo-org\/shop: waiting \d s as it asks/
      )
      expect(run.outputs['deleted-count']).toBe('1')
    } finally {
      await front.close()
    }
  })

  it('says what to fix when the token may not read pull requests', async () => {
    const run = await sweep({ 'github-token': 'ghs_AnotherTokenThatGitHubRefuses0000' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::GitHub refused reading the state of 3 pull requests of octo-org\/shop \(HTTP 401\)\. Check github-token: it needs pull-requests: read on octo-org\/shop/
    )
    expect(kapso.writes()).toHaveLength(0)
  })
})

describe('the job summary', () => {
  it('says what failed and what to do when the step fails', async () => {
    const run = await step({ ...preview(6), 'api-key': 'a-revoked-api-key-0000' }, { event: prEvent('opened', 6) })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('Kapso webhook: failed')
    expect(run.summary).toContain('Kapso rejected the API key (HTTP 401)')
    expect(run.summary).toContain('Check the api-key input')
    const invalid = await step({ ...preview(6), events: 'whatsapp.message.sennt' }, { event: prEvent('opened', 6) })
    expect(invalid.summary).toContain('did you mean &#34;whatsapp.message.sent&#34;?')
  })

  it('shows scope, webhook, URL, events and result, and the planned changes of a dry run, without a secret', async () => {
    const created = await step(
      { ...preview(6), 'secret-key': 'summary-secret-123456789' },
      { event: prEvent('opened', 6) }
    )
    expect(created.summary).toContain(`whatsapp-config-id ${scopeId}`)
    expect(created.summary).toContain(created.outputs['webhook-id'])
    expect(created.summary).toContain(previewUrl(6))
    expect(created.summary).toContain('whatsapp.message.received')
    expect(created.summary).toMatch(/<td>created<\/td>/)

    const planned = await step(
      { ...preview(6), 'inactivity-minutes': '30', 'secret-key': 'another-secret-987654321', 'dry-run': 'true' },
      { event: prEvent('synchronize', 6) }
    )
    expect(planned.summary).toContain('would be updated')
    expect(planned.summary).toContain('Planned changes')
    expect(planned.summary).toMatch(/inactivity-minutes<\/td><td>60<\/td><td>30/)
    expect(planned.summary).toContain('(hidden, changed)')
    for (const secret of ['summary-secret-123456789', 'another-secret-987654321']) {
      expect(planned.summary + created.summary).not.toContain(secret)
    }
  })
})

describe('pull requests from forks', () => {
  it('skip green with a warning when api-key is empty, and make no request', async () => {
    const run = await step({ ...preview(13), 'api-key': '' }, { event: prEvent('opened', 13, { fork: true }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('skipped')
    expect(run.stdout).toMatch(/::warning::api-key is empty: this run is for a pull request from a fork/)
    expect(run.summary).toContain('Skipped')
    expect(kapso.requests).toHaveLength(0)
  })

  it('fail, naming api-key, when the key is empty anywhere else', async () => {
    const run = await step({ ...preview(13), 'api-key': '' }, { event: prEvent('opened', 13) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Invalid input: api-key is required')
    expect(kapso.requests).toHaveLength(0)
  })

  it('still mask the key when a fork run does have one (pull_request_target)', async () => {
    const run = await step(preview(14), {
      event: prEvent('opened', 14, { fork: true, eventName: 'pull_request_target' })
    })
    expect(run.outputs.result).toBe('created')
    expect(isMasked(run.stdout, EMULATOR_DEFAULTS.apiKey)).toBe(true)
  })
})
