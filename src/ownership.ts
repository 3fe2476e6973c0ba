/**
 * The ownership record: Kapso webhooks have no name or metadata field, so the action writes who made a
 * webhook into a delivery header, the one free field that the API returns. Kapso sends it with every
 * delivery, so it holds nothing secret: the action's name, the repository, the pull request, and the
 * step's name when it gave one (several webhooks for one pull request); or, for a manifest's webhook, the
 * manifest's path and the entry's name (never with a pull request: a manifest is the repository's).
 *
 *   X-Provisioned-By: kapso-webhook-action; repository=octo-org/app; pull-request=42
 *   X-Provisioned-By: kapso-webhook-action; repository=octo-org/app; pull-request=42; name=worker
 *   X-Provisioned-By: kapso-webhook-action; repository=octo-org/app; manifest=.kapso/webhooks.yml; name=orders
 *
 * It is read as strictly as it is written: exactly this form, each key once, a repository name as GitHub
 * allows it. Anything else is not a record of this action, and the webhook is not this action's to delete.
 */
export const RECORD_HEADER = 'X-Provisioned-By'
const MARK = 'kapso-webhook-action'
const MAX_PULL_REQUEST = 2 ** 31 - 1

/** GitHub's owner (user or organisation) and repository names. */
const OWNER = '[A-Za-z0-9][A-Za-z0-9_-]{0,38}'
const NAME = '[A-Za-z0-9._-]{1,100}'
const REPOSITORY = new RegExp(`^${OWNER}/(${NAME})$`)
/** The name input: lower-case letters, digits and dashes, 1 to 40, a letter or digit at each end. */
const RECORD_NAME = '[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?'
/** The characters of a manifest's path in a record (isManifestPath says which paths). */
const MANIFEST_PATH = '[A-Za-z0-9._/-]{1,200}'
const RECORD = new RegExp(
  `^${MARK}; repository=(${OWNER}/${NAME})(?:; pull-request=([1-9][0-9]{0,9})|; manifest=(${MANIFEST_PATH}))?` +
    `(?:; name=(${RECORD_NAME}))?$`
)
const RECORD_NAME_ONLY = new RegExp(`^${RECORD_NAME}$`)

export interface OwnershipRecord {
  /** owner/name of the repository whose workflow created the webhook. */
  repository: string
  pullRequest?: number
  /** The name input of the step that created it, when it gave one; a manifest's entry name. */
  name?: string
  /** The manifest whose entry the webhook is (its path in the repository); never with a pull request. */
  manifest?: string
}

/** A pull request's webhook: whose it is, and under which name. */
export interface PullRequestOwner extends OwnershipRecord {
  pullRequest: number
}

export function formatRecord(record: OwnershipRecord): string {
  const parts = [MARK, `repository=${record.repository}`]
  if (record.pullRequest !== undefined) parts.push(`pull-request=${record.pullRequest}`)
  if (record.manifest !== undefined) parts.push(`manifest=${record.manifest}`)
  if (record.name !== undefined) parts.push(`name=${record.name}`)
  return parts.join('; ')
}

/** Whether a name input can be written into a record and read back. */
export function isRecordName(name: string): boolean {
  return RECORD_NAME_ONLY.test(name)
}

/**
 * Whether a manifest's path can be written into a record and read back: relative to the workspace, of
 * letters, digits and . _ - / (no space, no ";"), each segment neither empty nor "." nor "..".
 */
export function isManifestPath(path: string): boolean {
  return (
    new RegExp(`^${MANIFEST_PATH}$`).test(path) &&
    path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  )
}

/** Whether a repository name (owner/name) is one GitHub allows, so that a record of it can be read back. */
export function isRepositoryName(repository: string): boolean {
  const name = REPOSITORY.exec(repository)?.[1]
  return name !== undefined && name !== '.' && name !== '..'
}

/** The record in a webhook's headers, or undefined when this action did not write it, exactly so. */
export function readRecord(headers: Record<string, string> | undefined): OwnershipRecord | undefined {
  return parseRecord(recordEntry(headers)?.[1])
}

/** A record's text (the header's value) read back, or undefined when it is not exactly what formatRecord writes. */
export function parseRecord(value: string | undefined): OwnershipRecord | undefined {
  const match = value === undefined ? null : RECORD.exec(value)
  if (!match) return undefined
  const [, repository, pullRequest, manifest, name] = match as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
    string | undefined
  ]
  if (!isRepositoryName(repository)) return undefined
  if (manifest !== undefined && !isManifestPath(manifest)) return undefined
  // GitHub numbers pull requests with 32-bit integers: a larger number is no pull request of GitHub's.
  if (pullRequest !== undefined && Number(pullRequest) > MAX_PULL_REQUEST) return undefined
  return {
    repository,
    pullRequest: pullRequest === undefined ? undefined : Number(pullRequest),
    ...(manifest !== undefined && { manifest }),
    ...(name !== undefined && { name })
  }
}

/**
 * Whether the webhook carries a record header at all, in any spelling or form. One this version cannot read
 * exactly (written twice, or by a later version with more keys) is still no webhook made by hand: it is
 * someone's, and never taken or deleted as one without a record would be.
 */
export function hasRecordHeader(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === RECORD_HEADER.toLowerCase())
}

/**
 * The record header as the webhook holds it (any spelling of the name), to carry over on an update.
 * Undefined when there is none, or more than one (then none of them can be trusted).
 */
export function recordEntry(headers: Record<string, string> | undefined): [string, string] | undefined {
  const entries = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() === RECORD_HEADER.toLowerCase())
  return entries.length === 1 ? entries[0] : undefined
}

/**
 * Whether two records name the same repository (names compare without regard to case), pull request,
 * manifest (exactly) and name: a manifest's entry is never a step's webhook of the same name, nor a preview's.
 */
export function sameRecord(a: OwnershipRecord, b: OwnershipRecord): boolean {
  return (
    a.repository.toLowerCase() === b.repository.toLowerCase() &&
    a.pullRequest === b.pullRequest &&
    a.manifest === b.manifest &&
    a.name === b.name
  )
}

/**
 * The pull request this action recorded on a webhook for this repository: the one test both sweep and
 * delete-by-record rely on to touch only their own. Undefined for a webhook without the record, recorded
 * for another repository (names compare without regard to case, as GitHub's do), or without a pull request.
 */
export function recordedPullRequest(
  headers: Record<string, string> | undefined,
  repository: string
): number | undefined {
  const record = readRecord(headers)
  return record && repository && record.repository.toLowerCase() === repository.toLowerCase()
    ? record.pullRequest
    : undefined
}

/**
 * Whether the webhook is one this action recorded exactly so: for this repository, this pull request (none
 * matches only a record without one) and this name (likewise). How a pull request's webhook is found
 * whatever its URL, and how a step tells its own webhooks at a URL from anyone else's.
 */
export function isRecordedFor(headers: Record<string, string> | undefined, owner: OwnershipRecord): boolean {
  const record = readRecord(headers)
  return record !== undefined && sameRecord(record, owner)
}
