/**
 * One webhook per pull request, through the built bundle as the runner runs it, with the events GitHub and
 * the preview platforms really send (scripts/github-events.ts): a new deployment URL moves the pull request's
 * webhook; several recorded for one pull request are tidied; names tell several webhooks of one pull request apart;
 * close needs no url; a late event for an older commit changes nothing. Every run is scanned for leaks.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultScopeId, type StoredWebhook } from '../emulator/server.js'
import { commitSha, deploymentStatusEvent, pullRequestEvent, pushEvent, REPOSITORY } from '../scripts/github-events.js'
import type { ActionRun, GitHubEvent } from '../scripts/run-action.js'
import { auto, RECORD, record, usePreviews } from './support/previews.js'

const { kapso, github, step: run } = usePreviews()
const scopeId = defaultScopeId('platform')
const step = (
  inputs: Record<string, string>,
  event: GitHubEvent,
  postState?: Record<string, string>
): Promise<ActionRun> => run(inputs, event, { postState })

const onPullRequest = (action: 'opened' | 'synchronize' | 'closed', number: number): GitHubEvent =>
  pullRequestEvent(action, number)
const ids = (): string[] => kapso.webhooks().map((w) => w.id)

describe('a Vercel preview: every deployment has its own URL', () => {
  const [first, second] = [commitSha('first'), commitSha('second')]
  const deployed = (sha: string, url: string): GitHubEvent =>
    deploymentStatusEvent('vercel', { environment: 'preview', sha, url })
  const A = 'https://shop-a1b2c3d4e-octo-org.vercel.app'
  const B = 'https://shop-f6e5d4c3b-octo-org.vercel.app'

  it('moves the one webhook to each new deployment, ignores a late event for an older commit, and deletes it on close', async () => {
    github.setPullRequests([{ number: 7, state: 'open', shas: [first] }])
    const created = await step(auto(`${A}/api/whatsapp`), deployed(first, A))
    expect(created.outputs.result, created.stdout).toBe('created')
    expect(kapso.webhooks()[0]?.headers[RECORD]).toBe(record('pull-request=7'))
    expect(created.stdout).toContain(`The deployed commit ${first.slice(0, 7)} is the head of pull request #7.`)

    github.setPullRequests([{ number: 7, state: 'open', shas: [first, second] }])
    const moved = await step(auto(`${B}/api/whatsapp`), deployed(second, B))
    expect(moved.outputs).toMatchObject({
      result: 'updated',
      'webhook-id': created.outputs['webhook-id'],
      url: `${B}/api/whatsapp`
    })
    expect(moved.stdout).toContain(`  url: ${A}/api/whatsapp -> ${B}/api/whatsapp`)
    expect(moved.stdout).toMatch(
      /^Updated webhook \S+ for https:\/\/shop-f6e5d4c3b\S+ in phone-number-id \d+, pull request #7's\.$/m
    )
    expect(moved.summary).toContain(`<a href="${B}/api/whatsapp">${B}/api/whatsapp</a>`)
    expect(moved.summary).toContain(`<a href="https://github.com/${REPOSITORY}/pull/7">#7</a>`)
    expect(ids()).toEqual([created.outputs['webhook-id']])

    // Vercel's event for the first commit arrives after the second's: the webhook stays where it is.
    const late = await step(auto(`${A}/api/whatsapp`), deployed(first, A))
    expect(late.outputs.result).toBe('skipped')
    expect(late.stdout).toContain(
      `::notice::The deployed commit ${first.slice(0, 7)} is no longer the head of pull request #7 (now ${second.slice(0, 7)})`
    )
    expect(kapso.webhooks()[0]?.url).toBe(`${B}/api/whatsapp`)

    // On close the deploy URL is gone: the workflow's expression gives "/api/whatsapp", which is not read.
    const closed = await step(auto('/api/whatsapp'), onPullRequest('closed', 7))
    expect(closed.outputs).toMatchObject({
      result: 'deleted',
      'webhook-id': created.outputs['webhook-id'],
      'deleted-count': '1'
    })
    expect(kapso.webhooks()).toEqual([])
  })

  it("with auto, makes no webhook for a deployment that is no pull request's head: none would ever be removed", async () => {
    const run = await step(auto(`${A}/api/whatsapp`), deployed(first, A))
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('skipped')
    expect(run.stdout).toContain(
      `::notice::No pull request has the deployed commit ${first.slice(0, 7)} as its head (a branch without one yet, or production): operation auto keeps webhooks for pull requests only`
    )
    expect(kapso.webhooks()).toEqual([])
    // Once the pull request is opened, its next deployment gets its webhook.
    github.setPullRequests([{ number: 8, state: 'open', shas: [first, second] }])
    expect((await step(auto(`${B}/api/whatsapp`), deployed(second, B))).outputs.result).toBe('created')
  })

  it("with upsert asked for by name, finds such a deployment's webhook by its url, warning that nothing will remove it", async () => {
    const run = await step({ url: `${A}/api/whatsapp` }, deployed(first, A))
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toContain(
      'the webhook is found by its url, as on a push, and recorded without a pull request: closing a pull request or a sweep will not remove it.'
    )
    expect(kapso.webhooks()[0]?.headers[RECORD]).toBe(`kapso-webhook-action; repository=${REPOSITORY}`)
    expect((await step({ url: `${A}/api/whatsapp` }, deployed(first, A))).outputs.result).toBe('unchanged')
  })

  it('does nothing, with a notice, for a deployment that has not succeeded', async () => {
    const pending = deploymentStatusEvent('vercel', { environment: 'preview', sha: first, url: '', state: 'pending' })
    const run = await step(auto('/api/whatsapp'), pending)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('skipped')
    expect(run.stdout).toContain('::notice::operation auto: this deployment_status is pending, not success')
    expect(kapso.requests).toHaveLength(0)
    expect(github.requests).toHaveLength(0)
  })
})

describe('several webhooks recorded for one pull request (two runs at once, a lost create)', () => {
  const url = (n: number): string => `https://pr-8-${n}.preview.example.com/api/whatsapp`
  let seeded: Record<string, StoredWebhook>
  beforeEach(() => {
    const at = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString()
    seeded = {
      oldest: kapso.seed('platform', scopeId, {
        url: url(1),
        events: ['whatsapp.message.received'],
        headers: { [RECORD]: record('pull-request=8') },
        created_at: at(30)
      }),
      older: kapso.seed('platform', scopeId, {
        url: url(2),
        events: ['whatsapp.message.received'],
        headers: { [RECORD]: record('pull-request=8') },
        created_at: at(20)
      }),
      newest: kapso.seed('platform', scopeId, {
        url: url(3),
        events: ['whatsapp.message.received'],
        headers: { [RECORD]: record('pull-request=8') },
        created_at: at(10)
      }),
      otherPullRequest: kapso.seed('platform', scopeId, {
        url: url(4),
        headers: { [RECORD]: record('pull-request=9') }
      }),
      named: kapso.seed('platform', scopeId, {
        url: url(5),
        headers: { [RECORD]: record('pull-request=8; name=worker') }
      }),
      otherRepository: kapso.seed('platform', scopeId, {
        url: url(6),
        headers: { [RECORD]: 'kapso-webhook-action; repository=octo-org/other; pull-request=8' }
      }),
      byHand: kapso.seed('platform', scopeId, { url: url(7) })
    }
  })
  const left = (): string[] =>
    Object.entries(seeded)
      .filter(([, w]) => ids().includes(w.id))
      .map(([name]) => name)

  it('keeps the newest, moves it to the url, deletes the others recorded for that pull request, and says so', async () => {
    const run = await step(auto(url(9)), onPullRequest('synchronize', 8))
    expect(run.outputs).toMatchObject({
      result: 'updated',
      'webhook-id': seeded.newest?.id,
      'deleted-count': '2',
      url: url(9)
    })
    expect(run.outputs['deleted-ids']?.split(',').sort()).toEqual([seeded.oldest?.id, seeded.older?.id].sort())
    expect(run.stdout).toContain(
      `::warning::3 webhooks were recorded for pull request #8 of ${REPOSITORY} (a create whose answer was lost`
    )
    expect(run.stdout).toContain(`kept the newest, ${seeded.newest?.id}; deleted `)
    expect(left()).toEqual(['newest', 'otherPullRequest', 'named', 'otherRepository', 'byHand'])
    expect(run.summary).toContain('Also deleted, as older webhooks of the same pull request')
  })

  it('in a dry run, deletes nothing and says what it would delete', async () => {
    const run = await step(auto(url(9), { 'dry-run': 'true' }), onPullRequest('synchronize', 8))
    expect(run.outputs).toMatchObject({ result: 'updated', 'deleted-count': '2' })
    expect(run.stdout).toContain('kept the newest')
    expect(run.stdout).toMatch(/would delete [0-9a-f-]{36}, [0-9a-f-]{36}\./)
    expect(kapso.writes()).toHaveLength(0)
  })

  it('on close, deletes the three, and nothing recorded for another pull request, name or repository', async () => {
    const run = await step(auto(''), onPullRequest('closed', 8))
    expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '3' })
    expect(left()).toEqual(['otherPullRequest', 'named', 'otherRepository', 'byHand'])
  })
})

describe('names: several webhooks for one pull request', () => {
  it('gives each name its own webhook, moves each on its own, and deletes each on its own close', async () => {
    const api = (n: number): string => `https://api-${n}.pr-10.example.com/hook`
    const worker = (n: number): string => `https://worker-${n}.pr-10.example.com/hook`
    const apiCreated = await step(auto(api(1), { name: 'api' }), onPullRequest('opened', 10))
    const workerCreated = await step(auto(worker(1), { name: 'worker' }), onPullRequest('opened', 10))
    expect([apiCreated.outputs.result, workerCreated.outputs.result]).toEqual(['created', 'created'])
    expect(
      kapso
        .webhooks()
        .map((w) => w.headers[RECORD])
        .sort()
    ).toEqual([record('pull-request=10; name=api'), record('pull-request=10; name=worker')])

    expect((await step(auto(api(2), { name: 'api' }), onPullRequest('synchronize', 10))).outputs).toMatchObject({
      result: 'updated',
      'webhook-id': apiCreated.outputs['webhook-id']
    })
    expect((await step(auto(worker(2), { name: 'worker' }), onPullRequest('synchronize', 10))).outputs).toMatchObject({
      result: 'updated',
      'webhook-id': workerCreated.outputs['webhook-id']
    })
    // A step without a name has its own identity: it finds neither.
    const unnamed = await step(auto(api(2)), onPullRequest('synchronize', 10))
    expect(unnamed.outputs.result).toBe('created')
    expect(unnamed.stdout).toContain('also has url')

    const closed = await step(auto('', { name: 'api' }), onPullRequest('closed', 10))
    expect(closed.outputs).toMatchObject({ result: 'deleted', 'webhook-id': apiCreated.outputs['webhook-id'] })
    expect(closed.summary).toContain('#10 (name api)')
    expect(ids().sort()).toEqual([workerCreated.outputs['webhook-id'], unnamed.outputs['webhook-id']].sort())
  })
})

describe('without a pull request, the url is the identity', () => {
  it('finds the webhook by url on a push: another url is another webhook', async () => {
    const staging = 'https://staging.example.com/api/whatsapp'
    expect((await step({ url: staging }, pushEvent())).outputs.result).toBe('created')
    expect((await step({ url: staging }, pushEvent())).outputs.result).toBe('unchanged')
    expect((await step({ url: `${staging}/v2` }, pushEvent())).outputs.result).toBe('created')
    expect(kapso.webhooks()).toHaveLength(2)
  })
})

describe('cleanup: true on a pull request', () => {
  it("makes a webhook of the job's, which the pull request's own never takes for itself, and removes it when the job ends", async () => {
    const preview = await step(auto('https://pr-12.preview.example.com/api/whatsapp'), onPullRequest('opened', 12))
    const e2eUrl = 'https://e2e-991-1.test.example.com/api/whatsapp'
    const e2e = await step({ url: e2eUrl, cleanup: 'true' }, onPullRequest('synchronize', 12))
    expect(e2e.outputs.result).toBe('created')
    expect(kapso.webhooks().find((w) => w.id === e2e.outputs['webhook-id'])?.headers[RECORD]).toBe(
      record('pull-request=12; name=job')
    )
    // The preview's next run finds its own webhook, not the job's.
    const again = await step(auto('https://pr-12.preview.example.com/api/whatsapp'), onPullRequest('synchronize', 12))
    expect(again.outputs).toMatchObject({
      result: 'unchanged',
      'webhook-id': preview.outputs['webhook-id'],
      'deleted-count': '0'
    })
    const post = await step({ url: e2eUrl, cleanup: 'true' }, onPullRequest('synchronize', 12), e2e.state)
    expect(post.stdout).toContain(`Cleanup: deleted webhook ${e2e.outputs['webhook-id']}.`)
    expect(ids()).toEqual([preview.outputs['webhook-id']])
  })
})

describe('a webhook Kapso made inactive', () => {
  it('is made active again, with a warning that Kapso may have paused it', async () => {
    kapso.seed('platform', scopeId, {
      url: 'https://pr-14.preview.example.com/api/whatsapp',
      events: ['whatsapp.message.received', 'whatsapp.message.sent'],
      active: false,
      headers: { [RECORD]: record('pull-request=14') }
    })
    const run = await step(auto('https://pr-14.preview.example.com/api/whatsapp'), onPullRequest('synchronize', 14))
    expect(run.outputs.result).toBe('updated')
    expect(run.stdout).toMatch(
      /::warning::Webhook \S+ was inactive: Kapso may have paused it after its deliveries kept failing\./
    )
    expect(run.stdout).toContain('  active: false -> true')
    expect(kapso.webhooks()[0]?.active).toBe(true)
  })
})

describe('an upsert on a closed pull request', () => {
  it('keeps the webhook, and says that operation auto would delete it', async () => {
    const run = await step({ url: 'https://pr-15.preview.example.com/api/whatsapp' }, onPullRequest('closed', 15))
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toContain(
      '::warning::The pull request is closed, and operation upsert keeps its webhook. Use operation auto to delete it when the pull request closes.'
    )
  })
})
