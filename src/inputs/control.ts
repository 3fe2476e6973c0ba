import { UUID } from '../ids.js'
import { suggest } from '../events.js'
import { isRecordName } from '../ownership.js'
import { OPERATIONS, type ActionInputs } from './types.js'
import {
  quote,
  readBoolean,
  readDuration,
  readInput,
  readInteger,
  readRequestTimeoutSeconds,
  type Fail
} from './values.js'

/** How the step runs: the operation, what it acts on, retries and time bounds, cleanup. */
export interface RunControl {
  requested?: ActionInputs['requested']
  webhookId?: string
  /** Tells this step's webhook apart from others for the same pull request; joins the ownership record. */
  name?: string
  /** Whether webhook-id was given at all (valid or not), so that no second error says it is missing. */
  webhookIdGiven: boolean
  dryRun: boolean
  maxAttempts?: number
  requestTimeoutSeconds?: number
  timeoutSeconds?: number
  cleanup: boolean
  maxAgeMs?: number
  verify: boolean
  verifyTimeoutSeconds?: number
  /** Post (and keep up to date) one comment on the pull request, saying what the step did. */
  comment: boolean
}

/**
 * Reads operation, webhook-id, name, dry-run, cleanup, verify, comment, max-age and the time bounds, each on its own.
 * A bad value is recorded through `fail`, saying what the input accepts, and comes back undefined (a boolean
 * false); webhookIdGiven still says whether webhook-id was given, so that a bad one is not also reported
 * missing. Never throws.
 */
export function readRunControl(fail: Fail): RunControl {
  const webhookIdRaw = readInput('webhook-id')
  const webhookId =
    webhookIdRaw === '' || UUID.test(webhookIdRaw)
      ? webhookIdRaw || undefined
      : fail(
          `webhook-id must be a webhook's UUID (like 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b); got ${quote(webhookIdRaw)}.`
        )
  return {
    requested: readOperation(fail),
    webhookId,
    name: readName(fail),
    webhookIdGiven: webhookIdRaw !== '',
    dryRun: readBoolean('dry-run', fail) ?? false,
    maxAttempts: readInteger('max-attempts', 1, 10, fail),
    requestTimeoutSeconds: readRequestTimeoutSeconds(fail),
    timeoutSeconds: readInteger('timeout-seconds', 1, 3600, fail),
    cleanup: readBoolean('cleanup', fail) ?? false,
    maxAgeMs: readDuration('max-age', fail),
    verify: readBoolean('verify', fail) ?? false,
    verifyTimeoutSeconds: readInteger('verify-timeout-seconds', 1, 600, fail),
    comment: readBoolean('comment', fail) ?? false
  }
}

function readOperation(fail: Fail): ActionInputs['requested'] | undefined {
  const raw = readInput('operation')
  if ((OPERATIONS as readonly string[]).includes(raw)) return raw as ActionInputs['requested']
  const near = suggest(raw, OPERATIONS)
  return fail(
    `operation must be one of ${OPERATIONS.join(', ')}; got ${quote(raw)}${near ? `: did you mean "${near}"?` : '.'}`
  )
}

function readName(fail: Fail): string | undefined {
  const raw = readInput('name')
  if (raw === '' || isRecordName(raw)) return raw || undefined
  return fail(
    `name must be 1 to 40 lower-case letters, digits and dashes, starting and ending with a letter or digit (like ` +
      `api or worker-2); got ${quote(raw)}.`
  )
}
