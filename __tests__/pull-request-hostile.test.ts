/**
 * A hostile review of one webhook per pull request, kept as tests: deployments GitHub names oddly, a GitHub
 * that fails or lies, a Kapso that repeats itself, steps that race, and a cleanup step at the preview's own
 * URL. In every case no webhook but the step's own is touched, and none is left that nothing removes.
 * Through the built bundle, every run scanned for leaks.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId } from '../emulator/server.js'
import { commitSha, deploymentStatusEvent, pullRequestEvent } from '../scripts/github-events.js'
import type { ActionRun, GitHubEvent } from '../scripts/run-action.js'
import { useLiars } from './support/liar.js'
import { auto, RECORD, record, usePreviews } from './support/previews.js'

const { kapso, github, step } = usePreviews()
const scopeId = defaultScopeId('platform')
const startLiar = useLiars()

const vercel = (sha: string, host: string): GitHubEvent =>
  deploymentStatusEvent('vercel', { environment: 'preview', sha, url: `https://${host}` })

describe("cleanup: true at the preview's own URL", () => {
  const url = 'https://pr-12.preview.example.com/api/whatsapp'

  it("makes the job a webhook of its own beside the pull request's, which stays, and warns that the URL now has two", async () => {
    const preview = await step(auto(url), pullRequestEvent('opened', 12))
    const e2e = await step({ url, cleanup: 'true' }, pullRequestEvent('synchronize', 12))
    expect(e2e.outputs.result).toBe('created')
    expect(e2e.outputs['webhook-id']).not.toBe(preview.outputs['webhook-id'])
    expect(e2e.stdout).toContain(
      `::warning::Webhook ${preview.outputs['webhook-id']} of phone-number-id ${scopeId} also has url ${url}, but it is not recorded for pull request #12 (name job)`
    )
    const post = await step({ url, cleanup: 'true' }, pullRequestEvent('synchronize', 12), { postState: e2e.state })
    expect(post.stdout).toContain(`Cleanup: deleted webhook ${e2e.outputs['webhook-id']}.`)
    expect(kapso.webhooks().map((w) => w.id)).toEqual([preview.outputs['webhook-id']])
  })

  it('with operation auto, finds nothing to delete on close (the post step did it), without an error', async () => {
    const opened = await step(auto(url, { cleanup: 'true' }), pullRequestEvent('opened', 13))
    await step(auto(url, { cleanup: 'true' }), pullRequestEvent('opened', 13), { postState: opened.state })
    const closed = await step(auto(url, { cleanup: 'true' }), pullRequestEvent('closed', 13))
    expect(closed.exitCode, closed.stdout).toBe(0)
    expect(closed.outputs.result).toBe('absent')
    expect(kapso.webhooks()).toEqual([])
  })
})

describe("the deployment's pull request, as GitHub names it", () => {
  it('is the one whose head the commit is, not an older one that holds it too (stacked branches)', async () => {
    const [x, y] = [commitSha('x'), commitSha('y')]
    github.setPullRequests([
      { number: 5, state: 'open', shas: [x, y], ref: 'feature-a' },
      { number: 9, state: 'open', shas: [x], ref: 'feature-b' }
    ])
    const run = await step(
      auto('https://shop-x1-octo-org.vercel.app/api/whatsapp'),
      vercel(x, 'shop-x1-octo-org.vercel.app')
    )
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toContain(`The deployed commit ${x.slice(0, 7)} is the head of pull request #9.`)
    expect(kapso.webhooks()[0]?.headers[RECORD]).toBe(record('pull-request=9'))
  })

  it("is none for a branch no pull request comes from, even at a commit an open one holds: that one's webhook stays", async () => {
    const s = commitSha('staging-tip')
    github.setPullRequests([{ number: 40, state: 'open', shas: [s], ref: 'feature-40' }])
    const preview = await step(
      auto('https://feature-40.shop.pages.dev/api/whatsapp'),
      pullRequestEvent('opened', 40, { headRef: 'feature-40', headSha: s })
    )
    const staging = deploymentStatusEvent('cloudflare-pages', {
      environment: 'preview',
      sha: s,
      branch: 'staging',
      url: 'https://staging.shop.pages.dev'
    })
    const run = await step(auto('https://staging.shop.pages.dev/api/whatsapp'), staging)
    expect(run.outputs.result).toBe('skipped')
    expect(run.stdout).toContain(`No pull request has the deployed commit ${s.slice(0, 7)} as its head`)
    expect(kapso.webhooks().find((w) => w.id === preview.outputs['webhook-id'])?.url).toBe(
      'https://feature-40.shop.pages.dev/api/whatsapp'
    )
  })

  it('closed already: a deployment that ends after the close makes no webhook that nothing would remove', async () => {
    const c = commitSha('last-push')
    github.setPullRequests([{ number: 7, state: 'open', shas: [c] }])
    expect(
      (await step(auto('https://shop-c1-octo-org.vercel.app/api/whatsapp'), vercel(c, 'shop-c1-octo-org.vercel.app')))
        .outputs.result
    ).toBe('created')
    github.setPullRequests([{ number: 7, state: 'merged', shas: [c] }])
    expect((await step(auto('/api/whatsapp'), pullRequestEvent('closed', 7, { merged: true }))).outputs.result).toBe(
      'deleted'
    )
    const late = await step(
      auto('https://shop-c2-octo-org.vercel.app/api/whatsapp'),
      vercel(c, 'shop-c2-octo-org.vercel.app')
    )
    expect(late.outputs.result).toBe('skipped')
    expect(late.stdout).toContain(
      `::notice::The deployed commit ${c.slice(0, 7)} is the head of pull request #7, which is closed`
    )
    expect(kapso.webhooks()).toEqual([])
  })

  it('unknown while GitHub fails: the step fails, saying so, rather than make a second webhook', async () => {
    const [first, second] = [commitSha('g1'), commitSha('g2')]
    github.setPullRequests([{ number: 21, state: 'open', shas: [first] }])
    expect(
      (
        await step(
          auto('https://shop-g1-octo-org.vercel.app/api/whatsapp'),
          vercel(first, 'shop-g1-octo-org.vercel.app')
        )
      ).outputs.result
    ).toBe('created')
    const liar = await startLiar(() => ({ status: 503, body: '{"message":"Service Unavailable"}' }))
    const hiccup = await step(
      auto('https://shop-g2-octo-org.vercel.app/api/whatsapp'),
      vercel(second, 'shop-g2-octo-org.vercel.app'),
      { githubUrl: liar.origin }
    )
    expect(hiccup.exitCode).toBe(1)
    expect(hiccup.stdout).toMatch(/::error::Gave up finding the pull request of commit [0-9a-f]{7} after 5 attempts/)
    expect(kapso.webhooks()).toHaveLength(1)
    // The re-run, once GitHub answers, moves the one webhook.
    github.setPullRequests([{ number: 21, state: 'open', shas: [first, second] }])
    expect(
      (
        await step(
          auto('https://shop-g2-octo-org.vercel.app/api/whatsapp'),
          vercel(second, 'shop-g2-octo-org.vercel.app')
        )
      ).outputs.result
    ).toBe('updated')
  })

  it('without a token to ask with, the step fails and says what to give', async () => {
    const run = await step(
      auto('https://shop-t1-octo-org.vercel.app/api/whatsapp', { 'github-token': '' }),
      vercel(commitSha('t1'), 'shop-t1-octo-org.vercel.app')
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::github-token is empty: on a deployment_status event the action asks GitHub which pull request holds commit'
    )
    expect(kapso.webhooks()).toEqual([])
  })

  it("a head branch with a line break in GitHub's answer is refused before anything is written", async () => {
    const c = commitSha('odd-ref')
    const liar = await startLiar(() => ({
      body: JSON.stringify([{ number: 3, state: 'open', head: { ref: 'feature\n::error::forged', sha: c } }])
    }))
    const run = await step(
      auto('https://shop-odd-octo-org.vercel.app/api/whatsapp'),
      vercel(c, 'shop-odd-octo-org.vercel.app'),
      { githubUrl: liar.origin }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::GitHub's answer while finding the pull request of commit [0-9a-f]{7} .*a branch name/
    )
    expect(run.stdout).not.toMatch(/^::error::forged/m)
    expect(kapso.webhooks()).toEqual([])
  })

  it('a number GitHub could not have given (2^31) is refused before anything is written', async () => {
    const c = commitSha('big')
    const liar = await startLiar(() => ({
      body: JSON.stringify([{ number: 2147483648, state: 'open', head: { ref: 'x', sha: c } }])
    }))
    const run = await step(
      auto('https://shop-big-octo-org.vercel.app/api/whatsapp'),
      vercel(c, 'shop-big-octo-org.vercel.app'),
      { githubUrl: liar.origin }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::GitHub's answer while finding the pull request of commit [0-9a-f]{7} .*a pull request number/
    )
    expect(kapso.webhooks()).toEqual([])
  })
})

describe('a Kapso that repeats itself', () => {
  it('lists the kept webhook again on a later page, its id in capitals and newer: it is one webhook, never deleted', async () => {
    const at = (m: number): string => new Date(Date.now() - m * 60_000).toISOString()
    const newest = kapso.seed('platform', scopeId, {
      url: 'https://a.example.com/h',
      events: ['whatsapp.message.received'],
      headers: { [RECORD]: record('pull-request=33') },
      created_at: at(1)
    })
    kapso.seed('platform', scopeId, {
      url: 'https://b.example.com/h',
      events: ['whatsapp.message.received'],
      headers: { [RECORD]: record('pull-request=33') },
      created_at: at(5)
    })
    const liar = await startLiar(async (req) => {
      if (req.method !== 'GET' || !req.path.endsWith('/webhooks')) return undefined
      const page = Number(req.query.get('page') ?? '1')
      const upstream = await fetch(`${kapso.origin}${req.path}?page=1&per_page=100`, {
        headers: { 'X-API-Key': 'kapso-emulator-key' }
      })
      const all = ((await upstream.json()) as { data: Record<string, unknown>[] }).data
      if (page === 1) return { body: JSON.stringify({ data: all }) }
      if (page === 2)
        return {
          body: JSON.stringify({
            data: all
              .filter((w) => w.id === newest.id)
              .map((w) => ({ ...w, id: String(w.id).toUpperCase(), created_at: at(0) }))
          })
        }
      return { body: JSON.stringify({ data: [] }) }
    }, kapso.origin)
    const run = await step(auto('https://c.example.com/h'), pullRequestEvent('synchronize', 33), {
      apiUrl: `${liar.origin}/platform/v1`
    })
    expect(run.outputs).toMatchObject({ result: 'updated', 'webhook-id': newest.id, 'deleted-count': '1' })
    expect(kapso.webhooks().map((w) => w.id)).toEqual([newest.id])
  })
})

describe('two runs for one pull request at once, both listing before either creates', () => {
  it('may make two; the next upsert leaves one, its secret the one in force, and a dry run before it writes nothing', async () => {
    let release: () => void = () => {}
    const both = new Promise<void>((resolve) => (release = resolve))
    let lists = 0
    const liar = await startLiar(async (req) => {
      if (req.method === 'GET' && req.path.endsWith('/webhooks') && ++lists <= 2) {
        if (lists === 2) release()
        await both
      }
      return undefined
    }, kapso.origin)
    const racing = (n: number): Promise<ActionRun> =>
      step(auto(`https://pr-51-${n}.preview.example.com/api/whatsapp`), pullRequestEvent('synchronize', 51), {
        apiUrl: `${liar?.origin}/platform/v1`
      })
    await Promise.all([racing(1), racing(2)])
    expect(kapso.webhooks()).toHaveLength(2)
    const writes = kapso.writes().length
    await step(
      auto('https://pr-51-3.preview.example.com/api/whatsapp', { 'dry-run': 'true' }),
      pullRequestEvent('synchronize', 51)
    )
    expect(kapso.writes()).toHaveLength(writes)
    const next = await step(
      auto('https://pr-51-3.preview.example.com/api/whatsapp'),
      pullRequestEvent('synchronize', 51)
    )
    expect(next.stdout).toContain(
      "a create whose answer was lost while Kapso's list lagged behind it, or two runs at once, can each leave one: a concurrency group per pull request prevents the second"
    )
    expect(kapso.webhooks()).toHaveLength(1)
    expect(next.outputs['secret-key']).toBe(kapso.webhooks()[0]?.secret_key)
  })
})

describe('GitHub answers too long or too large to read', () => {
  const failed = (run: ActionRun): string => /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? ''

  it('a commit in more pull requests than were asked for is refused, and nothing is written', async () => {
    const c = commitSha('many')
    const liar = await startLiar(() => ({
      body: JSON.stringify(
        Array.from({ length: 101 }, (_, i) => ({ number: i + 1, state: 'open', head: { ref: `b${i}`, sha: c } }))
      )
    }))
    const run = await step(
      auto('https://shop-many-octo-org.vercel.app/api/whatsapp'),
      vercel(c, 'shop-many-octo-org.vercel.app'),
      { githubUrl: liar.origin }
    )
    expect(failed(run)).toBe(
      `GitHub's answer while finding the pull request of commit ${c.slice(0, 7)} is not a list of at most the 100 asked for.`
    )
    expect(kapso.writes()).toEqual([])
  })

  it('an answer larger than 16 MiB is cut off as it is read, and nothing is written', async () => {
    const c = commitSha('huge')
    const liar = await startLiar(() => ({ body: `[${' '.repeat(17 * 1024 * 1024)}]` }))
    const run = await step(
      auto('https://shop-huge-octo-org.vercel.app/api/whatsapp', { 'max-attempts': '2' }),
      vercel(c, 'shop-huge-octo-org.vercel.app'),
      { githubUrl: liar.origin }
    )
    expect(failed(run)).toMatch(
      new RegExp(
        `^Gave up finding the pull request of commit ${c.slice(0, 7)} after 2 attempts; the last one ended with the connection failed \\(.*an answer larger than 16 MiB.*\\)\\.$`
      )
    )
    expect(kapso.writes()).toEqual([])
  })
})
