import { describe, expect, it } from 'vitest'
import { eventPullRequest, isForkPullRequest, isPullRequestClosed, type GitHubContext } from '../src/github.js'
import { formatRecord, readRecord, recordedPullRequest } from '../src/ownership.js'

describe('the ownership record', () => {
  it('reads back what it writes, with and without a pull request', () => {
    for (const record of [{ repository: 'octo-org/shop', pullRequest: 42 }, { repository: 'octo-org/shop.web', pullRequest: undefined }]) {
      expect(readRecord({ 'X-Provisioned-By': formatRecord(record) })).toEqual(record)
    }
  })

  it('finds the header whatever the case of its name, beside other headers', () => {
    expect(readRecord({ 'X-Env': 'a', 'x-provisioned-by': 'kapso-webhook-action; repository=o/r; pull-request=7' })).toEqual({ repository: 'o/r', pullRequest: 7 })
  })

  it.each([
    ['no headers', null],
    ['another tool\'s mark', { 'X-Provisioned-By': 'terraform; repository=o/r; pull-request=1' }],
    ['no repository', { 'X-Provisioned-By': 'kapso-webhook-action; pull-request=1' }],
    ['a repository that is not owner/name', { 'X-Provisioned-By': 'kapso-webhook-action; repository=../../x; pull-request=1' }],
    ['a value that is not text', { 'X-Provisioned-By': 42 }]
  ])('is not found with %s', (_what, headers) => {
    expect(readRecord(headers as Record<string, unknown> | null)).toBeUndefined()
  })

  it('gives the pull request only for this repository, whatever the case of its name', () => {
    const headers = { 'X-Provisioned-By': 'kapso-webhook-action; repository=Octo-Org/Shop; pull-request=9' }
    expect(recordedPullRequest(headers, 'octo-org/shop')).toBe(9)
    expect(recordedPullRequest(headers, 'octo-org/other')).toBeUndefined()
    expect(recordedPullRequest(headers, '')).toBeUndefined()
    expect(recordedPullRequest({ 'X-Provisioned-By': 'kapso-webhook-action; repository=octo-org/shop' }, 'octo-org/shop')).toBeUndefined()
  })

  it('ignores a pull request number that is not a number', () => {
    expect(readRecord({ 'X-Provisioned-By': 'kapso-webhook-action; repository=o/r; pull-request=abc' })).toEqual({ repository: 'o/r', pullRequest: undefined })
  })
})

describe('the event', () => {
  const context = (eventName: string, payload: Record<string, unknown>): GitHubContext => ({ eventName, payload, repository: 'o/r', apiUrl: 'https://api.github.com' })
  const pr = (head: string | null) => ({ number: 3, head: { repo: head === null ? null : { full_name: head } }, base: { repo: { full_name: 'o/r' } } })

  it('knows a closed pull request on both pull request events, and nothing else', () => {
    expect(isPullRequestClosed(context('pull_request', { action: 'closed', pull_request: pr('o/r') }))).toBe(true)
    expect(isPullRequestClosed(context('pull_request_target', { action: 'closed', pull_request: pr('o/r') }))).toBe(true)
    expect(isPullRequestClosed(context('pull_request', { action: 'synchronize', pull_request: pr('o/r') }))).toBe(false)
    expect(isPullRequestClosed(context('issues', { action: 'closed' }))).toBe(false)
  })

  it('takes the pull request number only from pull request events', () => {
    expect(eventPullRequest(context('pull_request', { number: 3, pull_request: pr('o/r') }))).toBe(3)
    expect(eventPullRequest(context('issue_comment', { issue: { number: 3 } }))).toBeUndefined()
  })

  it('tells a fork by its head repository, and a deleted fork counts as one', () => {
    expect(isForkPullRequest(context('pull_request', { pull_request: pr('o/r') }))).toBe(false)
    expect(isForkPullRequest(context('pull_request', { pull_request: pr('someone/r') }))).toBe(true)
    expect(isForkPullRequest(context('pull_request', { pull_request: pr(null) }))).toBe(true)
    expect(isForkPullRequest(context('push', {}))).toBe(false)
  })
})
