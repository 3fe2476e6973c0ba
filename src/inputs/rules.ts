/** The rules across inputs: each records its problems through `fail`, and reads no input itself. */
import type { Scope } from '../kapso/scope.js'
import type { RunControl } from './control.js'
import type { Operation } from './types.js'
import type { Fail } from './values.js'
import { eventsFor } from './webhook.js'

export interface OperationNeeds {
  control: RunControl
  operation: Operation | undefined
  kind: string | undefined
  scope: Scope | undefined
  /** The events input as read (empty for kind meta, which takes none). */
  events: readonly string[]
  urlGiven: boolean
  pullRequest: number | undefined
  githubToken: string
  fail: Fail
}

/** What each operation needs besides valid inputs: a url or webhook-id, events, a token. */
export function checkOperationNeeds({
  control,
  operation,
  kind,
  scope,
  events,
  urlGiven,
  pullRequest,
  githubToken,
  fail
}: OperationNeeds): void {
  const { requested, webhookIdGiven } = control
  if (operation === 'upsert' || operation === 'create') {
    if (!urlGiven && !(operation === 'upsert' && webhookIdGiven)) {
      const on = requested === 'auto' ? 'operation auto, which upserts on this event' : `operation ${operation}`
      fail(`url is required for ${on}${operation === 'upsert' ? ' (or give webhook-id)' : ''}.`)
    }
    if (kind === 'kapso' && events.length === 0) {
      fail(`events is required for operation ${operation}: one or more of ${eventsFor(scope, 'kapso').join(', ')}.`)
    }
    if (operation === 'create' && webhookIdGiven)
      fail('webhook-id cannot be used with operation create, which always makes a new webhook.')
  }
  if (operation === 'delete' && !urlGiven && !webhookIdGiven && pullRequest === undefined) {
    fail(
      'operation delete needs url or webhook-id to know what to delete (on a pull request, it deletes what is ' +
        'recorded for it).'
    )
  }
  if (operation === 'sweep' && !githubToken) {
    fail(
      'github-token is required for operation sweep, to ask GitHub which pull requests are closed: leave it at its ' +
        'default, ${{ github.token }}.'
    )
  }
  if (control.maxAgeMs !== undefined && operation !== undefined && operation !== 'sweep')
    fail(`max-age is only for operation sweep; operation is ${operation}.`)
}

/** verify asks the Platform API's test endpoint for a delivery to the webhook the step provisions. */
export function checkVerify(
  control: RunControl,
  requested: string | undefined,
  operation: Operation | undefined,
  scope: string | undefined,
  fail: Fail
): void {
  const { verify, verifyTimeoutSeconds, timeoutSeconds } = control
  if (!verify) return
  if (scope === 'legacy') {
    fail(
      "verify needs the Platform API's test endpoint, which the legacy API (whatsapp-config-id) does not have: use " +
        'phone-number-id, or set verify to false.'
    )
  }
  if ((operation === 'delete' || operation === 'sweep') && requested !== 'auto')
    fail(`verify is for operations upsert, create and auto; operation is ${operation}.`)
  if (verifyTimeoutSeconds !== undefined && timeoutSeconds !== undefined && verifyTimeoutSeconds >= timeoutSeconds) {
    fail(
      `verify-timeout-seconds (${verifyTimeoutSeconds}) must be less than timeout-seconds (${timeoutSeconds}), which ` +
        `bounds the whole step, verification included.`
    )
  }
}
