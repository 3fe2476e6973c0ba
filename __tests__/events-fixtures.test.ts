import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseEvent } from '../src/boundary/github.js'
import {
  deploymentSha,
  eventPullRequest,
  isDependabotRun,
  isForkPullRequest,
  isPullRequestClosed,
  readGitHubContext,
  type GitHubContext
} from '../src/github/context.js'
import type { GitHubEvent } from '../scripts/run-action.js'
import {
  CONTRIBUTOR,
  DEPENDABOT,
  DEVELOPER,
  MAINTAINER,
  REPOSITORY,
  VERCEL_BOT,
  commitSha,
  dependabotPullRequestEvent,
  deploymentEvent,
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  scheduleEvent,
  workflowDispatchEvent,
  type DeploymentPlatform
} from '../scripts/github-events.js'

/**
 * The event builders of scripts/github-events.ts, read the way the action reads a run's event: each payload goes
 * through the runner's variables (GITHUB_EVENT_PATH and the rest, as scripts/run-action.ts sets them) into
 * readGitHubContext, whose facts must be the ones GitHub's real payloads hold.
 */

const dir = mkdtempSync(join(tmpdir(), 'kapso-events-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function contextOf(event: GitHubEvent): GitHubContext {
  const path = join(dir, `event-${++files}.json`)
  writeFileSync(path, JSON.stringify(event.payload))
  return readGitHubContext({
    GITHUB_EVENT_PATH: path,
    GITHUB_EVENT_NAME: event.eventName,
    GITHUB_REPOSITORY: event.repository,
    ...(event.actor && { GITHUB_ACTOR: event.actor })
  })
}

type Pull = {
  number: number
  state: string
  merged: boolean
  user: { login: string; type: string }
  head: { ref: string; sha: string; repo: { full_name: string; fork: boolean } | null }
  base: { ref: string }
}
const pullOf = (event: GitHubEvent): Pull => event.payload.pull_request as Pull
const senderOf = (event: GitHubEvent): string => (event.payload.sender as { login: string }).login

describe('pull request events', () => {
  it.each(['opened', 'synchronize', 'reopened'] as const)(
    '%s from a branch of the repository: the number, the action, one repository',
    (action) => {
      const event = pullRequestEvent(action, 42, { repository: REPOSITORY })
      expect(parseEvent(event.payload)).toMatchObject({
        action,
        pullRequest: 42,
        headRepository: REPOSITORY,
        baseRepository: REPOSITORY
      })
      const context = contextOf(event)
      expect(eventPullRequest(context)).toBe(42)
      expect(isForkPullRequest(context)).toBe(false)
      expect(isPullRequestClosed(context)).toBe(false)
      expect(context.actor).toBe(DEVELOPER)
      expect(event.actor).toBe(senderOf(event))
      expect(pullOf(event)).toMatchObject({
        number: 42,
        state: 'open',
        merged: false,
        user: { login: DEVELOPER, type: 'User' }
      })
    }
  )

  it('synchronize carries the new head commit as after', () => {
    const event = pullRequestEvent('synchronize', 7, { headSha: 'a'.repeat(40) })
    expect(event.payload).toMatchObject({ after: 'a'.repeat(40), pull_request: { head: { sha: 'a'.repeat(40) } } })
    expect(event.payload.before).toMatch(/^[0-9a-f]{40}$/)
  })

  it("closed, merged or not: the action reads both as closed; the merge is the maintainer's event", () => {
    const merged = pullRequestEvent('closed', 9, { merged: true })
    const unmerged = pullRequestEvent('closed', 9)
    for (const event of [merged, unmerged]) {
      expect(parseEvent(event.payload)).toMatchObject({ action: 'closed', pullRequest: 9 })
      expect(isPullRequestClosed(contextOf(event))).toBe(true)
      expect(pullOf(event).state).toBe('closed')
    }
    expect(pullOf(merged).merged).toBe(true)
    expect(merged.actor).toBe(MAINTAINER)
    expect(pullOf(unmerged).merged).toBe(false)
    expect(unmerged.actor).toBe(DEVELOPER)
  })

  it("from a fork: the head repository is the contributor's, and the action sees a fork", () => {
    const event = pullRequestEvent('opened', 14, { fork: true })
    expect(parseEvent(event.payload)).toMatchObject({
      action: 'opened',
      pullRequest: 14,
      headRepository: `${CONTRIBUTOR}/shop`,
      baseRepository: REPOSITORY
    })
    expect(pullOf(event).head.repo).toMatchObject({ full_name: `${CONTRIBUTOR}/shop`, fork: true })
    expect(isForkPullRequest(contextOf(event))).toBe(true)
    expect(event.actor).toBe(CONTRIBUTOR)
  })

  it('from a fork deleted since: head.repo is null, and that still counts as a fork', () => {
    const event = pullRequestEvent('closed', 15, { fork: true, headRepoDeleted: true })
    expect(pullOf(event).head.repo).toBeNull()
    expect(parseEvent(event.payload)).toMatchObject({
      action: 'closed',
      pullRequest: 15,
      headRepository: undefined,
      baseRepository: REPOSITORY
    })
    expect(isForkPullRequest(contextOf(event))).toBe(true)
  })

  it('pull_request_target sends the same payload under its own name', () => {
    const event = pullRequestEvent('reopened', 5, { eventName: 'pull_request_target', fork: true })
    expect(event.eventName).toBe('pull_request_target')
    const context = contextOf(event)
    expect(eventPullRequest(context)).toBe(5)
    expect(isForkPullRequest(context)).toBe(true)
  })

  it("names its branches as the runner's GITHUB_HEAD_REF and GITHUB_BASE_REF come from them", () => {
    const event = pullRequestEvent('opened', 3, { headRef: 'feat/whatsapp-bot', baseRef: 'develop', fork: true })
    expect(pullOf(event).head.ref).toBe('feat/whatsapp-bot')
    expect(pullOf(event).base.ref).toBe('develop')
    expect((event.payload.pull_request as { head: { label: string } }).head.label).toBe(
      `${CONTRIBUTOR}:feat/whatsapp-bot`
    )
  })
})

describe('what the action reads of an event, and of the runner', () => {
  it('knows a closed pull request on both pull request events, and nothing else', () => {
    expect(isPullRequestClosed(contextOf(pullRequestEvent('closed', 3)))).toBe(true)
    expect(isPullRequestClosed(contextOf(pullRequestEvent('closed', 3, { eventName: 'pull_request_target' })))).toBe(
      true
    )
    expect(isPullRequestClosed(contextOf(pullRequestEvent('synchronize', 3)))).toBe(false)
    // An issue closed is no pull request closed; the builders make no issues event, so it is written here.
    expect(
      isPullRequestClosed(contextOf({ eventName: 'issues', repository: REPOSITORY, payload: { action: 'closed' } }))
    ).toBe(false)
  })

  it('takes the pull request number only from pull request events, and only a positive whole one', () => {
    expect(eventPullRequest(contextOf(pullRequestEvent('opened', 3)))).toBe(3)
    // Written here on purpose: a comment's issue number is no pull request's (no builder for issue_comment),
    // and the two lies below are numbers GitHub never sends.
    expect(
      eventPullRequest(
        contextOf({ eventName: 'issue_comment', repository: REPOSITORY, payload: { issue: { number: 3 } } })
      )
    ).toBeUndefined()
    const lie = (number: unknown): GitHubEvent => {
      const event = pullRequestEvent('opened', 3)
      const { number: _number, ...payload } = event.payload
      return { ...event, payload: { ...payload, pull_request: { ...pullOf(event), number } } }
    }
    expect(eventPullRequest(contextOf(lie('3')))).toBeUndefined()
    expect(eventPullRequest(contextOf(lie(-1)))).toBeUndefined()
  })

  it('tells a fork by its head repository, and a deleted fork counts as one', () => {
    expect(isForkPullRequest(contextOf(pullRequestEvent('opened', 3)))).toBe(false)
    expect(isForkPullRequest(contextOf(pullRequestEvent('opened', 3, { fork: true })))).toBe(true)
    expect(isForkPullRequest(contextOf(pullRequestEvent('opened', 3, { fork: true, headRepoDeleted: true })))).toBe(
      true
    )
    expect(isForkPullRequest(contextOf(pushEvent()))).toBe(false)
  })

  it('reads an event of any shape without failing', () => {
    // Malformed on purpose: none of these is an event GitHub sends, so no builder makes them.
    for (const payload of [
      null,
      42,
      'x',
      [],
      { pull_request: 'x' },
      { deployment: { sha: 7 } },
      { pull_request: { head: { repo: { full_name: 'a\nb' } } } }
    ]) {
      expect(() => parseEvent(payload)).not.toThrow()
    }
    expect(parseEvent({ deployment: { sha: 'not hex' } }).deploymentSha).toBeUndefined()
  })

  it('knows no repository when the runner gives an invalid GITHUB_REPOSITORY, so that no record can match it', () => {
    expect(readGitHubContext({ GITHUB_REPOSITORY: 'octo-org/shop' }).repository).toBe('octo-org/shop')
    expect(readGitHubContext({ GITHUB_REPOSITORY: 'octo-org/..' }).repository).toBe('')
    expect(readGitHubContext({}).repository).toBe('')
  })
})

describe('Dependabot pull request events', () => {
  it('come from a branch of the repository, so no fork, and yet a Dependabot run', () => {
    const event = dependabotPullRequestEvent('opened', 21)
    expect(parseEvent(event.payload)).toMatchObject({
      action: 'opened',
      pullRequest: 21,
      headRepository: REPOSITORY,
      baseRepository: REPOSITORY,
      pullRequestAuthor: DEPENDABOT
    })
    expect(pullOf(event)).toMatchObject({
      user: { login: DEPENDABOT, type: 'Bot' },
      head: { ref: 'dependabot/npm_and_yarn/lodash-4.17.21' }
    })
    const context = contextOf(event)
    expect(isForkPullRequest(context)).toBe(false)
    expect(context.actor).toBe(DEPENDABOT)
    expect(isDependabotRun(context)).toBe(true)
  })

  it('on pull_request_target too; but a merge by a maintainer is no Dependabot run', () => {
    expect(
      isDependabotRun(contextOf(dependabotPullRequestEvent('synchronize', 21, { eventName: 'pull_request_target' })))
    ).toBe(true)
    const merged = dependabotPullRequestEvent('closed', 21, { merged: true })
    expect(pullOf(merged).user.login).toBe(DEPENDABOT)
    expect(isDependabotRun(contextOf(merged))).toBe(false)
    expect(contextOf(merged).actor).toBe(MAINTAINER)
  })
})

describe('events that are about no pull request', () => {
  it.each([
    ['push', pushEvent()],
    ['schedule', scheduleEvent()],
    ['workflow_dispatch', workflowDispatchEvent({ url: 'https://example.com/hook' })]
  ])('%s: no pull request, no deployment', (name, event) => {
    expect(event.eventName).toBe(name)
    expect(parseEvent(event.payload)).toMatchObject({})
    const context = contextOf(event)
    expect(eventPullRequest(context)).toBeUndefined()
    expect(deploymentSha(context)).toBeUndefined()
    expect(context.actor).toBe(event.actor)
  })

  it('a push names its commit and pusher; a schedule its cron line; a dispatch its inputs', () => {
    const push = pushEvent({ after: 'b'.repeat(40), pusher: 'someone' })
    expect(push.payload).toMatchObject({
      ref: 'refs/heads/main',
      after: 'b'.repeat(40),
      pusher: { name: 'someone' },
      head_commit: { id: 'b'.repeat(40) }
    })
    expect(push.actor).toBe('someone')
    expect(scheduleEvent({ cron: '0 4 * * 1' }).payload).toEqual({ schedule: '0 4 * * 1' })
    expect(workflowDispatchEvent({ operation: 'sweep' }).payload).toMatchObject({
      inputs: { operation: 'sweep' },
      ref: 'refs/heads/main'
    })
  })
})

const platforms: DeploymentPlatform[] = ['vercel', 'netlify', 'cloudflare-pages']

describe('deployment_status events', () => {
  const sha = commitSha('deployed')

  it.each(platforms)('%s: the deployed commit, for preview and production', (platform) => {
    for (const environment of ['preview', 'production'] as const) {
      const event = deploymentStatusEvent(platform, { environment, sha })
      expect(event.eventName).toBe('deployment_status')
      expect(parseEvent(event.payload)).toMatchObject({ deploymentSha: sha, pullRequest: undefined })
      expect(deploymentSha(contextOf(event))).toBe(sha)
      expect(eventPullRequest(contextOf(event))).toBeUndefined()
    }
  })

  it("Vercel: vercel[bot] sends it; ref is the commit itself; the URL is the deployment's own", () => {
    const event = deploymentStatusEvent('vercel', { environment: 'preview', sha, repository: 'octo-org/shop' })
    expect(event.actor).toBe(VERCEL_BOT)
    expect(contextOf(event).actor).toBe(VERCEL_BOT)
    expect(event.payload).toMatchObject({
      deployment: { ref: sha, environment: 'Preview', payload: {}, creator: { login: VERCEL_BOT, type: 'Bot' } },
      deployment_status: { state: 'success' }
    })
    const status = event.payload.deployment_status as { environment_url: string; target_url: string }
    expect(status.environment_url).toMatch(/^https:\/\/shop-[0-9a-z]{9}-octo-org\.vercel\.app$/)
    expect(status.target_url).toBe(status.environment_url)
    // The ref being a sha, the action's deploymentRef is that sha: no pull request's head.ref will equal it.
    expect(parseEvent(event.payload).deploymentRef).toBe(sha)
  })

  it("Vercel names a monorepo's environments after the project, and gives no environment_url until success", () => {
    expect(
      deploymentStatusEvent('vercel', { environment: 'production', sha, monorepo: true, project: 'web' }).payload
    ).toMatchObject({ deployment: { environment: 'Production \u2013 web' } })
    const building = deploymentStatusEvent('vercel', { environment: 'preview', sha, state: 'pending' })
    expect(building.payload).toMatchObject({ deployment_status: { state: 'pending', environment_url: '' } })
    expect(deploymentSha(contextOf(building))).toBe(sha)
  })

  it("Netlify (through actions-netlify): the deploy's permalink, ref = sha, sent by the token's owner", () => {
    const event = deploymentStatusEvent('netlify', { environment: 'preview', sha })
    expect(event.actor).toBe(DEVELOPER)
    expect(event.payload).toMatchObject({ deployment: { ref: sha, environment: 'pull request' } })
    expect((event.payload.deployment_status as { environment_url: string }).environment_url).toMatch(
      /^https:\/\/[0-9a-f]{24}--shop\.netlify\.app$/
    )
    const alias = deploymentStatusEvent('netlify', {
      environment: 'preview',
      sha,
      url: 'https://deploy-preview-42--shop.netlify.app'
    })
    expect((alias.payload.deployment_status as { environment_url: string }).environment_url).toBe(
      'https://deploy-preview-42--shop.netlify.app'
    )
  })

  it('Cloudflare Pages (through pages-action): the branch as ref, <hash>.<project>.pages.dev, the dashboard as log', () => {
    const event = deploymentStatusEvent('cloudflare-pages', { environment: 'preview', sha, branch: 'feat/bot' })
    expect(event.payload).toMatchObject({ deployment: { ref: 'feat/bot', environment: 'shop (Preview)' } })
    const status = event.payload.deployment_status as { environment_url: string; log_url: string }
    expect(status.environment_url).toMatch(/^https:\/\/[0-9a-f]{8}\.shop\.pages\.dev$/)
    expect(status.log_url).toMatch(/^https:\/\/dash\.cloudflare\.com\/[0-9a-f]{32}\/pages\/view\/shop\//)
    expect(parseEvent(event.payload).deploymentRef).toBe('feat/bot')
  })

  it("a Dependabot commit deployed by Vercel is vercel[bot]'s run, not Dependabot's", () => {
    const pull = dependabotPullRequestEvent('opened', 21)
    const event = deploymentStatusEvent('vercel', { environment: 'preview', sha: pullOf(pull).head.sha })
    expect(isDependabotRun(contextOf(event))).toBe(false)
  })
})

describe('deployment events', () => {
  it.each(platforms)('%s: the commit, and no status or URL yet', (platform) => {
    const sha = commitSha(`deployment:${platform}`)
    const event = deploymentEvent(platform, { environment: 'preview', sha })
    expect(event.eventName).toBe('deployment')
    expect(event.payload.deployment_status).toBeUndefined()
    expect(parseEvent(event.payload).deploymentSha).toBe(sha)
    expect(deploymentSha(contextOf(event))).toBe(sha)
  })
})

describe('the GitHubEvent the builders return', () => {
  it('takes the repository and GITHUB_API_URL it is given', () => {
    const event = pullRequestEvent('opened', 1, { repository: 'octo-org/other', apiUrl: 'http://127.0.0.1:1' })
    expect(event).toMatchObject({ repository: 'octo-org/other', apiUrl: 'http://127.0.0.1:1' })
    expect(event.payload).toMatchObject({
      repository: { full_name: 'octo-org/other' },
      pull_request: { base: { repo: { full_name: 'octo-org/other' } } }
    })
    expect(pushEvent()).not.toHaveProperty('apiUrl')
  })

  it('is the same for the same arguments', () => {
    expect(pullRequestEvent('opened', 1)).toEqual(pullRequestEvent('opened', 1))
    expect(deploymentStatusEvent('vercel', { environment: 'preview', sha: 'c'.repeat(40) })).toEqual(
      deploymentStatusEvent('vercel', { environment: 'preview', sha: 'c'.repeat(40) })
    )
  })
})
