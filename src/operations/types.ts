import type { Webhook, WebhookFields } from '../boundary/kapso.js'
import type { Deadline } from '../deadline.js'
import type { CommentApi, PullRequestApi } from '../github/types.js'
import type { OwnershipRecord, PullRequestOwner } from '../ownership.js'
import type { FieldChange } from '../plan.js'
import type { DeliveryApi, Verification } from './verify.js'

/** The calls the operations make; KapsoClient is the real one, tests may pass another. */
export interface WebhookApi {
  /** The step's kind of webhook in the scope with this URL (normal form), most recent first. */
  findByUrl(url: string): Promise<Webhook[]>
  /** Every webhook of the step's kind in the scope, most recent first; the secrets of those `keepSecret` picks kept. */
  listAll(keepSecret?: (webhook: Webhook) => boolean): Promise<Webhook[]>
  get(id: string): Promise<Webhook | undefined>
  /** existingIds: webhooks with this URL before the create, so that a retried create can find its own. */
  create(fields: WebhookFields, existingIds: readonly string[]): Promise<Webhook>
  update(id: string, fields: WebhookFields): Promise<Webhook>
  remove(id: string): Promise<boolean>
}

export type { CommentApi, PullRequestApi }

/** What the operation needs besides the inputs. */
export interface Effects {
  api: WebhookApi
  github?: PullRequestApi
  /** With comment on and a github-token: the pull request's comments. */
  comments?: CommentApi
  /** The test endpoint and deliveries list, for verify. */
  deliveries?: DeliveryApi
  /** verify's pause between two reads of the deliveries. */
  pollMs?: number
  deadline?: Deadline
  /** Deletes in flight at once (KAPSO_ACTION_CONCURRENCY); default 1. */
  concurrency?: number
  /**
   * Called before a create is sent, with the URL, the ids already there, the secret and the record: the post
   * step's way to find it.
   */
  beforeCreate?: (
    url: string,
    existingIds: readonly string[],
    secretKey: string,
    record: OwnershipRecord | undefined
  ) => void
}

export type Result = 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent' | 'skipped'

/** One webhook a sweep looked at, and why it goes. */
export interface SweepEntry {
  id: string
  url: string
  pullRequest?: number
  reason: string
}

export interface Outcome {
  result: Result
  /** Empty when a dry run would create one; comma-separated after deleting several. */
  webhookId: string
  url: string
  /** The secret in force; empty when unknown (a dry run that would generate one, or a delete). */
  secretKey: string
  /** The webhook without its secret, as it is (or would be) after this step. */
  webhook?: Record<string, unknown>
  /** Field by field, what was (or would be) written. */
  changes: FieldChange[]
  /** Ids this step deleted (or, in a dry run, would delete). */
  deletedIds: string[]
  /** For a sweep: what went, or would go. */
  swept?: SweepEntry[]
  /** With verify on: how Kapso's test delivery to the webhook ended. */
  verification?: Verification
  /** Set when the webhook was found as a pull request's, by its ownership record. */
  owner?: PullRequestOwner
  /** The ownership record the webhook carries after this step (the cleanup checks it is still there). */
  record?: OwnershipRecord
}

/** The parts of an Outcome that most results leave empty: no secret, no changes, nothing deleted. */
export const emptyOutcomeParts = { secretKey: '', changes: [] as FieldChange[], deletedIds: [] as string[] }
