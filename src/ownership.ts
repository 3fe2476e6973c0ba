/**
 * The ownership record: Kapso webhooks have no name or metadata field, so the action writes who made a
 * webhook into a delivery header, the one free field that the API returns. Kapso sends it with every
 * delivery, so it holds nothing secret: the action's name, the repository, and the pull request.
 *
 *   X-Provisioned-By: kapso-webhook-action; repository=octo-org/app; pull-request=42
 */
export const RECORD_HEADER = 'X-Provisioned-By'
const MARK = 'kapso-webhook-action'

export interface OwnershipRecord {
  /** owner/name of the repository whose workflow created the webhook. */
  repository: string
  pullRequest?: number
}

export function formatRecord(record: OwnershipRecord): string {
  const parts = [MARK, `repository=${record.repository}`]
  if (record.pullRequest !== undefined) parts.push(`pull-request=${record.pullRequest}`)
  return parts.join('; ')
}

/** The record in a webhook's headers, or undefined when this action did not create it. */
export function readRecord(headers: Record<string, unknown> | null | undefined): OwnershipRecord | undefined {
  const value = recordEntry(headers)?.[1]
  if (typeof value !== 'string') return undefined
  const [mark, ...fields] = value.split(';').map((part) => part.trim())
  if (mark !== MARK) return undefined
  const pairs = new Map(fields.map((field) => field.split('=', 2) as [string, string]))
  const repository = pairs.get('repository')
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined
  const pullRequest = pairs.get('pull-request')
  return { repository, pullRequest: pullRequest && /^\d+$/.test(pullRequest) ? Number(pullRequest) : undefined }
}

/** The record header as the webhook holds it (any spelling of the name), to carry over on an update. */
export function recordEntry(headers: Record<string, unknown> | null | undefined): [string, string] | undefined {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === RECORD_HEADER.toLowerCase())
  return entry && typeof entry[1] === 'string' ? [entry[0], entry[1]] : undefined
}

/**
 * The pull request this action recorded on a webhook for this repository: the one test both sweep and
 * delete-by-record rely on to touch only their own. Undefined for a webhook without the record, recorded
 * for another repository (names compare without regard to case, as GitHub's do), or without a pull request.
 */
export function recordedPullRequest(headers: Record<string, unknown> | null | undefined, repository: string): number | undefined {
  const record = readRecord(headers)
  return record && repository && record.repository.toLowerCase() === repository.toLowerCase() ? record.pullRequest : undefined
}
