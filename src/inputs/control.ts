import * as core from '@actions/core'
import { UUID } from '../boundary/parse.js'
import { OPERATIONS, type ActionInputs } from './types.js'
import { quote, readBoolean, readDuration, readInteger, type Fail } from './values.js'

/** How the step runs: the operation, what it acts on, retries and time bounds, cleanup. */
export interface RunControl {
  requested?: ActionInputs['requested']
  webhookId?: string
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
}

export function readRunControl(fail: Fail): RunControl {
  const operationRaw = core.getInput('operation')
  const requested = (OPERATIONS as readonly string[]).includes(operationRaw)
    ? (operationRaw as ActionInputs['requested'])
    : fail(`operation must be one of ${OPERATIONS.join(', ')}; got ${quote(operationRaw)}.`)
  const webhookIdRaw = core.getInput('webhook-id')
  const webhookId =
    webhookIdRaw === '' || UUID.test(webhookIdRaw)
      ? webhookIdRaw || undefined
      : fail(`webhook-id must be a webhook's UUID (like 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b); got ${quote(webhookIdRaw)}.`)
  // action.yml gives these a default: empty means the workflow set them to '' on purpose, which is an error.
  return {
    requested,
    webhookId,
    webhookIdGiven: webhookIdRaw !== '',
    dryRun: readBoolean('dry-run', fail) ?? false,
    maxAttempts: readInteger('max-attempts', 1, 10, fail, true),
    requestTimeoutSeconds: readInteger('request-timeout-seconds', 1, 300, fail, true),
    timeoutSeconds: readInteger('timeout-seconds', 1, 3600, fail, true),
    cleanup: readBoolean('cleanup', fail) ?? false,
    maxAgeMs: readDuration('max-age', fail),
    verify: readBoolean('verify', fail) ?? false,
    verifyTimeoutSeconds: readInteger('verify-timeout-seconds', 1, 600, fail, true)
  }
}
