/**
 * The ownership record (src/ownership.ts), the one table of how it is written and read: exactly as it is
 * written, to its last character, so that no webhook made by hand or by anyone else reads as this action's.
 * What the operations do with records (which webhooks upsert, delete and sweep touch) is in remove.test.ts,
 * lagging-lists.test.ts and pull-request-webhook.test.ts.
 */
import { describe, expect, it } from 'vitest'
import {
  formatRecord,
  isRecordedFor,
  isRepositoryName,
  readRecord,
  recordedPullRequest,
  recordEntry
} from '../src/ownership.js'

const REPO = 'octo-org/shop'
const record = (value: string): Record<string, string> => ({ 'X-Provisioned-By': value })
const mark = (rest: string): Record<string, string> => record(`kapso-webhook-action; ${rest}`)

describe('writing the record', () => {
  it('writes the pull request only when there is one', () => {
    expect(formatRecord({ repository: REPO, pullRequest: 42 })).toBe(
      'kapso-webhook-action; repository=octo-org/shop; pull-request=42'
    )
    expect(formatRecord({ repository: REPO })).toBe('kapso-webhook-action; repository=octo-org/shop')
    expect(readRecord(record(formatRecord({ repository: REPO })))).toEqual({ repository: REPO, pullRequest: undefined })
  })

  it('reads back what it writes, with and without a pull request', () => {
    for (const written of [
      { repository: 'octo-org/shop', pullRequest: 42 },
      { repository: 'octo-org/shop.web', pullRequest: undefined },
      { repository: 'a_b-c/x.y_z-1', pullRequest: 1 }
    ]) {
      expect(readRecord(record(formatRecord(written)))).toEqual(written)
    }
  })
})

describe('the record header', () => {
  it('is found whatever the case of its name, beside other headers', () => {
    expect(
      readRecord({ 'X-Env': 'a', 'x-provisioned-by': 'kapso-webhook-action; repository=o/r; pull-request=7' })
    ).toEqual({ repository: 'o/r', pullRequest: 7 })
  })

  it('is carried over under the name the webhook holds it, and only a single one', () => {
    expect(recordEntry({ 'X-Env': 'a', 'x-PROVISIONED-by': 'v' })).toEqual(['x-PROVISIONED-by', 'v'])
    expect(recordEntry({ 'X-Provisioned-By': 'a', 'x-provisioned-by': 'b' })).toBeUndefined()
    expect(recordEntry({ 'X-Provisioned-By-Other': 'a' })).toBeUndefined()
    expect(recordEntry(undefined)).toBeUndefined()
  })

  it.each([
    ['no headers', undefined],
    [
      'two record headers',
      {
        'X-Provisioned-By': 'kapso-webhook-action; repository=o/r; pull-request=1',
        'x-provisioned-by': 'kapso-webhook-action; repository=o/r; pull-request=1'
      }
    ]
  ])('gives no record with %s', (_what, headers) => {
    expect(readRecord(headers)).toBeUndefined()
  })
})

describe('the repository in the record', () => {
  const owner39 = `o${'a'.repeat(38)}`
  const name100 = `n${'a'.repeat(99)}`

  it.each([
    ['an owner of 39 characters', `${owner39}/r`],
    ['an owner with a hyphen and an underscore after its first character', 'o-_o/r'],
    ['a one-character owner and name', 'o/r'],
    ['a name of 100 characters', `o/${name100}`],
    ['a name with dots, hyphens and underscores', 'o/.github-x_y.z'],
    ['digits everywhere', '0/9']
  ])('reads back a repository with %s', (_what, repository) => {
    expect(isRepositoryName(repository)).toBe(true)
    expect(readRecord(mark(`repository=${repository}; pull-request=5`))).toEqual({ repository, pullRequest: 5 })
  })

  it.each([
    ['an owner of 40 characters', `${owner39}a/r`],
    ['an owner starting with a hyphen', '-o/r'],
    ['an owner starting with an underscore', '_o/r'],
    ['a dot in the owner', 'o.o/r'],
    ['an empty owner', '/r'],
    ['an empty name', 'o/'],
    ['a name of 101 characters', `o/${name100}a`],
    ['the name .', 'o/.'],
    ['the name ..', 'o/..'],
    ['a third part', 'o/r/x'],
    ['a path that climbs', '../../x'],
    ['no slash', 'or'],
    ['a space', 'o/r x'],
    ['a non-ASCII letter', 'o/ré']
  ])('is not a repository with %s, and a record of it is none', (_what, repository) => {
    expect(isRepositoryName(repository)).toBe(false)
    expect(readRecord(mark(`repository=${repository}; pull-request=5`))).toBeUndefined()
    expect(readRecord(mark(`repository=${repository}`))).toBeUndefined()
  })
})

describe('the pull request in the record', () => {
  it('is read from 1 to 2^31-1 (GitHub numbers them with 32-bit integers), with no leading zero', () => {
    expect(readRecord(mark('repository=o/r; pull-request=1'))?.pullRequest).toBe(1)
    expect(readRecord(mark('repository=o/r; pull-request=10'))?.pullRequest).toBe(10)
    expect(readRecord(mark('repository=o/r; pull-request=2147483647'))?.pullRequest).toBe(2_147_483_647)
    expect(readRecord(mark('repository=o/r; pull-request=2147483648'))).toBeUndefined()
    expect(readRecord(mark('repository=o/r; pull-request=12345678901'))).toBeUndefined()
    expect(readRecord(mark('repository=o/r; pull-request=07'))).toBeUndefined()
    expect(readRecord(mark('repository=o/r; pull-request=-7'))).toBeUndefined()
    expect(readRecord(mark('repository=o/r; pull-request='))).toBeUndefined()
  })

  it('is given only for the repository asked about, whatever the case of its name', () => {
    expect(recordedPullRequest(mark('repository=Octo-Org/Shop; pull-request=9'), 'octo-org/shop')).toBe(9)
    expect(recordedPullRequest(mark('repository=octo-org/shop; pull-request=3'), 'OCTO-ORG/SHOP')).toBe(3)
    expect(recordedPullRequest(mark('repository=octo-org/shop; pull-request=3'), 'octo-org/shop2')).toBeUndefined()
    expect(recordedPullRequest(mark('repository=octo-org/shop2; pull-request=3'), 'octo-org/shop')).toBeUndefined()
    expect(recordedPullRequest(mark('repository=other/shop; pull-request=3'), 'octo-org/shop')).toBeUndefined()
    expect(recordedPullRequest(mark('repository=Octo-Org/Shop; pull-request=9'), '')).toBeUndefined()
    expect(recordedPullRequest(mark('repository=octo-org/shop'), 'octo-org/shop')).toBeUndefined()
  })
})

describe('a value that is not exactly what formatRecord writes', () => {
  it.each([
    // The mark.
    ["another tool's mark", 'terraform; repository=o/r; pull-request=1'],
    ['text before the mark', 'by kapso-webhook-action; repository=o/r; pull-request=1'],
    ['a space before the mark', ' kapso-webhook-action; repository=o/r; pull-request=1'],
    ['the mark in another case', 'Kapso-Webhook-Action; repository=o/r; pull-request=1'],
    ['a longer mark', 'kapso-webhook-action-fork; repository=o/r; pull-request=1'],
    ['the mark alone', 'kapso-webhook-action'],
    ['an empty value', ''],
    // The repository.
    ['no repository', 'kapso-webhook-action; pull-request=1'],
    ['an = after the repository', 'kapso-webhook-action; repository=owner/repo=x; pull-request=1'],
    ['a ; inside the repository', 'kapso-webhook-action; repository=owner/repo;x; pull-request=1'],
    ['the repository twice', 'kapso-webhook-action; repository=owner/repo; repository=other/repo; pull-request=1'],
    // The pull request.
    ['a pull request that is not a number', 'kapso-webhook-action; repository=o/r; pull-request=abc'],
    ['pull request 0', 'kapso-webhook-action; repository=o/r; pull-request=0'],
    ['a pull request in full-width digits', 'kapso-webhook-action; repository=o/r; pull-request=４２'],
    ['the pull request twice', 'kapso-webhook-action; repository=owner/repo; pull-request=1; pull-request=2'],
    // The form.
    ['keys in another order', 'kapso-webhook-action; pull-request=1; repository=o/r'],
    ['no spaces after the semicolons', 'kapso-webhook-action;repository=o/r;pull-request=1'],
    ['no space before the pull request', 'kapso-webhook-action; repository=o/r;pull-request=1'],
    ['a trailing field', 'kapso-webhook-action; repository=o/r; pull-request=1; by=me'],
    ['a trailing space', 'kapso-webhook-action; repository=o/r; pull-request=1 '],
    ['a trailing line break after the repository', 'kapso-webhook-action; repository=o/r\n'],
    ['a trailing line break after the pull request', 'kapso-webhook-action; repository=o/r; pull-request=1\n'],
    // A manifest's record.
    ['a manifest and a pull request', 'kapso-webhook-action; repository=o/r; pull-request=1; manifest=m.yml; name=a'],
    ['a manifest before the pull request', 'kapso-webhook-action; repository=o/r; manifest=m.yml; pull-request=1'],
    ['a manifest path with ..', 'kapso-webhook-action; repository=o/r; manifest=../m.yml; name=a'],
    ['an absolute manifest path', 'kapso-webhook-action; repository=o/r; manifest=/m.yml; name=a'],
    ['a manifest path ending in /', 'kapso-webhook-action; repository=o/r; manifest=a/; name=a'],
    ['a manifest path with a space', 'kapso-webhook-action; repository=o/r; manifest=a b.yml; name=a'],
    ['a manifest after the name', 'kapso-webhook-action; repository=o/r; name=a; manifest=m.yml']
  ])('is no record: %s', (_what, value) => {
    expect(readRecord(record(value))).toBeUndefined()
  })
})

describe("a manifest's record", () => {
  const entry = { repository: REPO, manifest: '.kapso/webhooks.yml', name: 'orders' }

  it('names the manifest path and the entry, and reads back', () => {
    expect(formatRecord(entry)).toBe(
      'kapso-webhook-action; repository=octo-org/shop; manifest=.kapso/webhooks.yml; name=orders'
    )
    expect(readRecord(record(formatRecord(entry)))).toEqual({ ...entry, pullRequest: undefined })
  })

  it('is never taken for a step of the same name, a preview, another manifest or another repository', () => {
    const headers = record(formatRecord(entry))
    for (const other of [
      { repository: REPO, name: 'orders' },
      { repository: REPO, pullRequest: 1, name: 'orders' },
      { ...entry, manifest: '.kapso/other.yml' },
      { ...entry, manifest: '.kapso/Webhooks.yml' },
      { ...entry, repository: 'octo-org/other' }
    ]) {
      expect(isRecordedFor(headers, other)).toBe(false)
      expect(isRecordedFor(record(formatRecord(other)), entry)).toBe(false)
    }
    expect(recordedPullRequest(headers, REPO)).toBeUndefined()
    expect(isRecordedFor(headers, { ...entry, repository: 'OCTO-ORG/shop' })).toBe(true)
  })
})
