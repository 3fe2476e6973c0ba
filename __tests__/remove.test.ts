/**
 * The promise that the action never touches a webhook that is not its own: delete-by-record and sweep remove
 * only what this repository's runs recorded, for the pull requests they may. How the record itself is read
 * (exactly as it is written, to its last character) is in ownership.test.ts. The operations run over a fake
 * WebhookApi that records every delete, so each case says which webhooks would have gone.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Webhook } from '../src/boundary/kapso.js'
import { pullRequestEvent, pushEvent, scheduleEvent } from '../scripts/github-events.js'
import type { GitHubContext } from '../src/github/context.js'
import { readInputs, type ActionInputs } from '../src/inputs/index.js'
import type { PullRequestApi, WebhookApi } from '../src/operations/index.js'
import { remove, sweep } from '../src/operations/remove.js'
import { clearCore, recorded, setInputs } from './support/core.js'
import { contextOf } from './support/events.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

beforeEach(clearCore)

const REPO = 'octo-org/shop'
const record = (value: string): Record<string, string> => ({ 'X-Provisioned-By': value })
const mark = (rest: string): Record<string, string> => record(`kapso-webhook-action; ${rest}`)

let n = 0
function webhook(headers: Record<string, string>, over: Partial<Webhook> = {}): Webhook {
  n++
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    url: `https://pr.example.com/hook-${n}`,
    kind: 'kapso',
    events: ['whatsapp.message.received'],
    headers,
    ...over
  }
}

/** A WebhookApi over a fixed list that records what is deleted; `gone` ids answer as already deleted. */
function fakeApi(webhooks: Webhook[], gone: string[] = []): WebhookApi & { deleted: string[] } {
  const deleted: string[] = []
  const never = (): never => {
    throw new Error('not expected in a delete')
  }
  return {
    deleted,
    listAll: async () => webhooks,
    findByUrl: async (url) => webhooks.filter((w) => w.url === url),
    get: async (id) => webhooks.find((w) => w.id === id),
    remove: async (id) => {
      deleted.push(id)
      return !gone.includes(id)
    },
    create: never,
    update: never
  }
}

function fakeGitHub(states: Record<number, 'open' | 'closed'>): PullRequestApi & { asked: number[][] } {
  const asked: number[][] = []
  return {
    asked,
    pullRequestStates: async (numbers) => {
      asked.push([...numbers])
      return new Map(numbers.map((number) => [number, states[number]]))
    },
    pullRequestsWith: async () => []
  }
}

const BASE = { 'api-key': 'test-api-key', 'whatsapp-config-id': '550e8400-e29b-41d4-a716-446655440000' }

/** A closed pull request's run; repository '' is a runner that gave no valid GITHUB_REPOSITORY. */
function closedPullRequest(number: number, repository = REPO): GitHubContext {
  return { ...contextOf(pullRequestEvent('closed', number, { repository: REPO })), repository }
}

function inputsFor(inputs: Record<string, string>, context: GitHubContext): ActionInputs {
  setInputs({ ...BASE, ...inputs })
  return readInputs(context)
}

describe('delete by record, when a pull request closes', () => {
  const mine = webhook(mark(`repository=${REPO}; pull-request=42`))
  const mineInOtherCase = webhook(mark('repository=Octo-Org/Shop; pull-request=42'))
  const otherPullRequest = webhook(mark(`repository=${REPO}; pull-request=43`))
  const otherRepository = webhook(mark('repository=octo-org/other; pull-request=42'))
  const noPullRequest = webhook(mark(`repository=${REPO}`))
  const noRecord = webhook({ 'X-Env': 'pr-42' })
  const forged = webhook(mark(`repository=${REPO}; pull-request=42; by=someone`))
  const all = [mine, mineInOtherCase, otherPullRequest, otherRepository, noPullRequest, noRecord, forged]
  const PUSH = contextOf(pushEvent({ repository: REPO }))

  it('deletes the webhooks recorded for that pull request of this repository, and nothing else', async () => {
    const api = fakeApi(all)
    const outcome = await remove(inputsFor({ operation: 'auto' }, closedPullRequest(42)), { api })
    expect(api.deleted).toEqual([mine.id, mineInOtherCase.id])
    expect(outcome).toMatchObject({
      result: 'deleted',
      webhookId: `${mine.id},${mineInOtherCase.id}`,
      deletedIds: [mine.id, mineInOtherCase.id],
      url: mineInOtherCase.url
    })
  })

  it('deletes nothing, and says why, when the run knows no repository', async () => {
    const api = fakeApi(all)
    await expect(remove(inputsFor({ operation: 'auto' }, closedPullRequest(42, '')), { api })).rejects.toThrow(
      'needs GITHUB_REPOSITORY'
    )
    expect(api.deleted).toEqual([])
  })

  it('refuses, rather than delete every webhook without a pull request, when no pull request is known', async () => {
    // readInputs already refuses such inputs; this is the operation's own guard behind it.
    const api = fakeApi(all)
    const inputs = { ...inputsFor({ operation: 'auto' }, closedPullRequest(42)), pullRequest: undefined }
    await expect(remove(inputs, { api })).rejects.toThrow(
      'operation delete needs url or webhook-id to know what to delete.'
    )
    expect(api.deleted).toEqual([])
  })

  it('says absent, with the url asked for, when no webhook has it (off a pull request, where the url is what identifies)', async () => {
    const api = fakeApi(all)
    const outcome = await remove(inputsFor({ operation: 'delete', url: 'https://nowhere.example.com/hook' }, PUSH), {
      api
    })
    expect(outcome).toMatchObject({
      result: 'absent',
      webhookId: '',
      url: 'https://nowhere.example.com/hook',
      deletedIds: []
    })
    expect(api.deleted).toEqual([])
  })

  it('counts only what this step removed: one gone meanwhile is not reported as deleted', async () => {
    const api = fakeApi(all, [mine.id])
    const outcome = await remove(inputsFor({ operation: 'auto' }, closedPullRequest(42)), { api })
    expect(outcome).toMatchObject({
      result: 'deleted',
      webhookId: mineInOtherCase.id,
      deletedIds: [mineInOtherCase.id]
    })
    const allGone = fakeApi(all, [mine.id, mineInOtherCase.id])
    expect(await remove(inputsFor({ operation: 'auto' }, closedPullRequest(42)), { api: allGone })).toMatchObject({
      result: 'absent',
      webhookId: ''
    })
  })

  it('deletes nothing in a dry run, and lists what it would delete', async () => {
    const api = fakeApi(all)
    const outcome = await remove(inputsFor({ operation: 'auto', 'dry-run': 'true' }, closedPullRequest(42)), { api })
    expect(api.deleted).toEqual([])
    expect(outcome).toMatchObject({ result: 'deleted', deletedIds: [mine.id, mineInOtherCase.id] })
  })

  it("on a pull request, deletes by the record whatever url is given: another's webhook at that url stays", async () => {
    const api = fakeApi(all)
    const outcome = await remove(inputsFor({ operation: 'delete', url: otherRepository.url }, closedPullRequest(42)), {
      api
    })
    expect(api.deleted).toEqual([mine.id, mineInOtherCase.id])
    expect(outcome).toMatchObject({ result: 'deleted', deletedIds: [mine.id, mineInOtherCase.id] })
  })

  it('off a pull request, deletes by url no webhook recorded for someone else, and by webhook-id that one alone', async () => {
    const api = fakeApi(all)
    const byUrl = await remove(inputsFor({ operation: 'delete', url: otherRepository.url }, PUSH), { api })
    expect(api.deleted).toEqual([])
    expect(byUrl).toMatchObject({ result: 'absent', webhookId: '' })
    const byId = fakeApi(all)
    expect(
      await remove(inputsFor({ operation: 'delete', 'webhook-id': noRecord.id }, closedPullRequest(42)), { api: byId })
    ).toMatchObject({ result: 'deleted', webhookId: noRecord.id, url: '', deletedIds: [noRecord.id] })
    expect(byId.deleted).toEqual([noRecord.id])
  })

  it('tells in a dry run by webhook-id whether the webhook is there, deleting nothing', async () => {
    const api = fakeApi(all)
    expect(
      await remove(
        inputsFor({ operation: 'delete', 'webhook-id': mine.id, 'dry-run': 'true' }, closedPullRequest(42)),
        { api }
      )
    ).toMatchObject({ result: 'deleted', webhookId: mine.id, url: mine.url, deletedIds: [mine.id] })
    expect(
      await remove(
        inputsFor(
          { operation: 'delete', 'webhook-id': '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b', 'dry-run': 'true' },
          closedPullRequest(42)
        ),
        { api }
      )
    ).toMatchObject({ result: 'absent', webhookId: '', url: '', deletedIds: [] })
    expect(api.deleted).toEqual([])
  })
})

describe('sweep', () => {
  const NOW = Date.parse('2026-11-28T12:00:00Z')
  const hoursAgo = (hours: number): string => new Date(NOW - hours * 3_600_000).toISOString()
  const sweepInputs = (over: Record<string, string> = {}, repository = REPO): ActionInputs =>
    inputsFor({ operation: 'sweep', ...over }, { ...contextOf(scheduleEvent({ repository: REPO })), repository })

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    return () => vi.useRealTimers()
  })

  it('deletes the webhooks of closed pull requests of this repository, and leaves every other one alone', async () => {
    const closed = webhook(mark(`repository=${REPO}; pull-request=1`), { created_at: hoursAgo(1) })
    const closedToo = webhook(mark('repository=OCTO-ORG/SHOP; pull-request=1'))
    const open = webhook(mark(`repository=${REPO}; pull-request=2`), { created_at: hoursAgo(1000) })
    const otherRepository = webhook(mark('repository=octo-org/other; pull-request=1'))
    const noPullRequest = webhook(mark(`repository=${REPO}`), { created_at: hoursAgo(1000) })
    const noRecord = webhook({})
    const api = fakeApi([closed, closedToo, open, otherRepository, noPullRequest, noRecord])
    const github = fakeGitHub({ 1: 'closed', 2: 'open' })
    const outcome = await sweep(sweepInputs(), { api, github })
    expect(github.asked).toEqual([[1, 2]])
    expect(api.deleted).toEqual([closed.id, closedToo.id])
    expect(outcome).toMatchObject({
      result: 'deleted',
      webhookId: `${closed.id},${closedToo.id}`,
      deletedIds: [closed.id, closedToo.id],
      url: ''
    })
    expect(outcome.swept).toEqual([
      { id: closed.id, url: closed.url, pullRequest: 1, reason: 'pull request #1 is closed' },
      { id: closedToo.id, url: closedToo.url, pullRequest: 1, reason: 'pull request #1 is closed' }
    ])
    expect(recorded.warnings()).toEqual([])
    expect(recorded.info()).toContain(
      `6 webhooks in whatsapp-config-id 550e8400-e29b-41d4-a716-446655440000; 3 recorded for pull requests of ${REPO}; the 3 others are left alone.`
    )
  })

  it('asks GitHub nothing when no webhook is recorded for a pull request of this repository', async () => {
    const github = fakeGitHub({})
    const outcome = await sweep(sweepInputs(), {
      api: fakeApi([webhook(mark('repository=octo-org/other; pull-request=1'))]),
      github
    })
    expect(github.asked).toEqual([])
    expect(outcome).toMatchObject({ result: 'absent', webhookId: '', deletedIds: [] })
  })

  it('asks about each pull request once, in order', async () => {
    const github = fakeGitHub({})
    const hooks = [9, 3, 9, 12, 3].map((pr) => webhook(mark(`repository=${REPO}; pull-request=${pr}`)))
    await sweep(sweepInputs(), { api: fakeApi(hooks), github })
    expect(github.asked).toEqual([[3, 9, 12]])
  })

  it('keeps the webhooks of a pull request GitHub does not know, and says so', async () => {
    const unknown = webhook(mark(`repository=${REPO}; pull-request=77`), { created_at: hoursAgo(1) })
    const api = fakeApi([unknown])
    const outcome = await sweep(sweepInputs(), { api, github: fakeGitHub({}) })
    expect(api.deleted).toEqual([])
    expect(outcome.result).toBe('absent')
    expect(recorded.warnings()).toEqual([`GitHub has no pull request #77 in ${REPO}: its webhooks are kept.`])
  })

  it('with max-age, says that such webhooks go once they are older than that, and deletes those', async () => {
    const unknownOld = webhook(mark(`repository=${REPO}; pull-request=77`), { created_at: hoursAgo(100) })
    const api = fakeApi([unknownOld])
    const outcome = await sweep(sweepInputs({ 'max-age': '72h' }), { api, github: fakeGitHub({}) })
    expect(api.deleted).toEqual([unknownOld.id])
    expect(outcome.result).toBe('deleted')
    expect(recorded.warnings()).toEqual([
      `GitHub has no pull request #77 in ${REPO}: its webhooks are kept unless older than max-age.`
    ])
  })

  it('with max-age, also deletes webhooks of open pull requests older than that, and only those', async () => {
    const old = webhook(mark(`repository=${REPO}; pull-request=2`), { created_at: hoursAgo(73) })
    const exactly = webhook(mark(`repository=${REPO}; pull-request=2`), { created_at: hoursAgo(72) })
    const young = webhook(mark(`repository=${REPO}; pull-request=2`), { created_at: hoursAgo(71) })
    const undated = webhook(mark(`repository=${REPO}; pull-request=2`))
    const future = webhook(mark(`repository=${REPO}; pull-request=2`), { created_at: hoursAgo(-100) })
    const api = fakeApi([old, exactly, young, undated, future])
    const outcome = await sweep(sweepInputs({ 'max-age': '72h' }), { api, github: fakeGitHub({ 2: 'open' }) })
    expect(api.deleted).toEqual([old.id])
    expect(outcome.swept).toEqual([
      { id: old.id, url: old.url, pullRequest: 2, reason: `older than max-age (created ${old.created_at})` }
    ])
    const withoutMaxAge = fakeApi([old])
    await sweep(sweepInputs(), { api: withoutMaxAge, github: fakeGitHub({ 2: 'open' }) })
    expect(withoutMaxAge.deleted).toEqual([])
  })

  it('deletes nothing in a dry run, and lists what it would delete', async () => {
    const closed = webhook(mark(`repository=${REPO}; pull-request=1`))
    const api = fakeApi([closed])
    const outcome = await sweep(sweepInputs({ 'dry-run': 'true' }), { api, github: fakeGitHub({ 1: 'closed' }) })
    expect(api.deleted).toEqual([])
    expect(outcome).toMatchObject({ result: 'deleted', deletedIds: [closed.id], webhookId: closed.id })
  })

  it('reports as deleted only what this step removed', async () => {
    const a = webhook(mark(`repository=${REPO}; pull-request=1`))
    const b = webhook(mark(`repository=${REPO}; pull-request=1`))
    const outcome = await sweep(sweepInputs(), { api: fakeApi([a, b], [a.id]), github: fakeGitHub({ 1: 'closed' }) })
    expect(outcome).toMatchObject({ result: 'deleted', deletedIds: [b.id], webhookId: b.id })
    const none = await sweep(sweepInputs(), { api: fakeApi([a], [a.id]), github: fakeGitHub({ 1: 'closed' }) })
    expect(none).toMatchObject({ result: 'absent', deletedIds: [], webhookId: '' })
  })

  it('refuses to run without a repository or without GitHub, before it lists anything', async () => {
    const api = fakeApi([webhook(mark(`repository=${REPO}; pull-request=1`))])
    const listAll = vi.spyOn(api, 'listAll')
    await expect(sweep(sweepInputs({}, ''), { api, github: fakeGitHub({ 1: 'closed' }) })).rejects.toThrow(
      'operation sweep needs GITHUB_REPOSITORY'
    )
    await expect(sweep(sweepInputs(), { api })).rejects.toThrow('operation sweep needs GITHUB_REPOSITORY')
    expect(listAll).not.toHaveBeenCalled()
    expect(api.deleted).toEqual([])
  })
})
