import { describe, expect, it } from 'vitest'
import { parseEvent } from '../src/boundary/github.js'
import { eventPullRequest, isForkPullRequest, isPullRequestClosed, type GitHubContext } from '../src/github/context.js'
import { formatRecord, readRecord, recordedPullRequest } from '../src/ownership.js'

describe('the ownership record', () => {
  it('reads back what it writes, with and without a pull request', () => {
    for (const record of [
      { repository: 'octo-org/shop', pullRequest: 42 },
      { repository: 'octo-org/shop.web', pullRequest: undefined },
      { repository: 'a_b-c/x.y_z-1', pullRequest: 1 }
    ]) {
      expect(readRecord({ 'X-Provisioned-By': formatRecord(record) })).toEqual(record)
    }
  })

  it('finds the header whatever the case of its name, beside other headers', () => {
    expect(
      readRecord({ 'X-Env': 'a', 'x-provisioned-by': 'kapso-webhook-action; repository=o/r; pull-request=7' })
    ).toEqual({ repository: 'o/r', pullRequest: 7 })
  })

  it.each([
    ['no headers', undefined],
    ["another tool's mark", { 'X-Provisioned-By': 'terraform; repository=o/r; pull-request=1' }],
    ['no repository', { 'X-Provisioned-By': 'kapso-webhook-action; pull-request=1' }],
    [
      'a repository that is not owner/name',
      { 'X-Provisioned-By': 'kapso-webhook-action; repository=../../x; pull-request=1' }
    ],
    ['a repository named ..', { 'X-Provisioned-By': 'kapso-webhook-action; repository=o/..; pull-request=1' }],
    [
      'an = after the repository',
      { 'X-Provisioned-By': 'kapso-webhook-action; repository=owner/repo=x; pull-request=1' }
    ],
    [
      'a ; inside the repository',
      { 'X-Provisioned-By': 'kapso-webhook-action; repository=owner/repo;x; pull-request=1' }
    ],
    [
      'the repository twice',
      { 'X-Provisioned-By': 'kapso-webhook-action; repository=owner/repo; repository=other/repo; pull-request=1' }
    ],
    [
      'the pull request twice',
      { 'X-Provisioned-By': 'kapso-webhook-action; repository=owner/repo; pull-request=1; pull-request=2' }
    ],
    [
      'a pull request that is not a number',
      { 'X-Provisioned-By': 'kapso-webhook-action; repository=o/r; pull-request=abc' }
    ],
    ['pull request 0', { 'X-Provisioned-By': 'kapso-webhook-action; repository=o/r; pull-request=0' }],
    ['keys in another order', { 'X-Provisioned-By': 'kapso-webhook-action; pull-request=1; repository=o/r' }],
    ['another spacing', { 'X-Provisioned-By': 'kapso-webhook-action;repository=o/r;pull-request=1' }],
    ['a trailing field', { 'X-Provisioned-By': 'kapso-webhook-action; repository=o/r; pull-request=1; by=me' }],
    [
      'two record headers',
      {
        'X-Provisioned-By': 'kapso-webhook-action; repository=o/r; pull-request=1',
        'x-provisioned-by': 'kapso-webhook-action; repository=o/r; pull-request=1'
      }
    ]
  ])('is not a record with %s', (_what, headers) => {
    expect(readRecord(headers)).toBeUndefined()
  })

  it('gives the pull request only for this repository, whatever the case of its name', () => {
    const headers = { 'X-Provisioned-By': 'kapso-webhook-action; repository=Octo-Org/Shop; pull-request=9' }
    expect(recordedPullRequest(headers, 'octo-org/shop')).toBe(9)
    expect(recordedPullRequest(headers, 'octo-org/other')).toBeUndefined()
    expect(recordedPullRequest(headers, '')).toBeUndefined()
    expect(
      recordedPullRequest({ 'X-Provisioned-By': 'kapso-webhook-action; repository=octo-org/shop' }, 'octo-org/shop')
    ).toBeUndefined()
  })
})

describe('the event', () => {
  const context = (eventName: string, payload: Record<string, unknown>): GitHubContext => ({
    eventName,
    repository: 'o/r',
    ...parseEvent(payload)
  })
  const pr = (head: string | null): Record<string, unknown> => ({
    number: 3,
    head: { repo: head === null ? null : { full_name: head } },
    base: { repo: { full_name: 'o/r' } }
  })

  it('knows a closed pull request on both pull request events, and nothing else', () => {
    expect(isPullRequestClosed(context('pull_request', { action: 'closed', pull_request: pr('o/r') }))).toBe(true)
    expect(isPullRequestClosed(context('pull_request_target', { action: 'closed', pull_request: pr('o/r') }))).toBe(
      true
    )
    expect(isPullRequestClosed(context('pull_request', { action: 'synchronize', pull_request: pr('o/r') }))).toBe(false)
    expect(isPullRequestClosed(context('issues', { action: 'closed' }))).toBe(false)
  })

  it('takes the pull request number only from pull request events, and only a positive whole one', () => {
    expect(eventPullRequest(context('pull_request', { number: 3, pull_request: pr('o/r') }))).toBe(3)
    expect(eventPullRequest(context('issue_comment', { issue: { number: 3 } }))).toBeUndefined()
    expect(eventPullRequest(context('pull_request', { pull_request: { ...pr('o/r'), number: '3' } }))).toBeUndefined()
    expect(eventPullRequest(context('pull_request', { pull_request: { ...pr('o/r'), number: -1 } }))).toBeUndefined()
  })

  it('tells a fork by its head repository, and a deleted fork counts as one', () => {
    expect(isForkPullRequest(context('pull_request', { pull_request: pr('o/r') }))).toBe(false)
    expect(isForkPullRequest(context('pull_request', { pull_request: pr('someone/r') }))).toBe(true)
    expect(isForkPullRequest(context('pull_request', { pull_request: pr(null) }))).toBe(true)
    expect(isForkPullRequest(context('push', {}))).toBe(false)
  })

  it('reads an event of any shape without failing', () => {
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
})
