import type { GitHubContext } from '../github/context.js'
import type { Scope } from '../kapso/scope.js'
import type { DesiredWebhook } from '../plan.js'

export type { DesiredWebhook }

export const OPERATIONS = ['upsert', 'create', 'delete', 'auto', 'sweep'] as const
/** What the step does; `auto` resolves to upsert or delete from the event. */
export type Operation = Exclude<(typeof OPERATIONS)[number], 'auto'>

export interface ActionInputs {
  apiKey: string
  apiUrl: string
  /** Whether api-url was left to its default for the scope. */
  defaultApiUrl: boolean
  scope: Scope
  /** The operation input as given. */
  requested: (typeof OPERATIONS)[number]
  operation: Operation
  webhookId?: string
  /** Tells this step's webhook apart from others for the same pull request; joins the ownership record. */
  name?: string
  dryRun: boolean
  maxAttempts: number
  requestTimeoutSeconds: number
  /** The whole step's bound. */
  timeoutSeconds: number
  /** With verify on: how long to wait for the test delivery's outcome. */
  verifyTimeoutSeconds?: number
  desired: DesiredWebhook
  /** Delete the provisioned webhook when the job ends. */
  cleanup: boolean
  /** Post one comment on the pull request with what the step did, kept up to date on later runs. */
  comment: boolean
  githubToken: string
  /** sweep: also delete pull-request webhooks older than this. */
  maxAgeMs?: number
  context: GitHubContext
  /** The pull request of the event, recorded on the webhooks this step creates. */
  pullRequest?: number
  /** Set when the step has nothing it may do, or nothing to do on this event, with the reason. */
  skip?: Skip
}

export interface Skip {
  reason: string
  /** A warning (the step could not act: no secrets), or else a notice (the event calls for nothing). */
  warn: boolean
}

/** Every problem found in the inputs, reported together so one edit fixes them all. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}
