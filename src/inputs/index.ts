import { CATALOG_READ } from '../events.js'
import {
  eventPullRequest,
  isDependabotRun,
  isForkPullRequest,
  isPullRequestClosed,
  readGitHubContext,
  unfinishedDeployment,
  type GitHubContext
} from '../github/context.js'
import { describeScope, type Scope } from '../kapso/scope.js'
import * as log from '../log.js'
import { hideInServerText, maskSecret } from '../secrets.js'
import { hasEmptySegment } from '../urls.js'
import { readRunControl, type RunControl } from './control.js'
import { readApiUrl, readKind, readScope } from './scope.js'
import { InputError, type ActionInputs, type Operation } from './types.js'
import { Problems, readInput, type Fail } from './values.js'
import { eventsFor, MIN_SECRET_KEY_LENGTH, readDesiredWebhook, unknownEvents } from './webhook.js'

export { InputError, OPERATIONS, type ActionInputs, type DesiredWebhook, type Operation } from './types.js'

/**
 * Reads and validates every input: the only place that does. Masks the API key, the secret and the token
 * before anything else can print them. Throws InputError naming each bad input and what it accepts, each
 * problem once and only the true one; makes no request. An empty input means "not given": its default.
 */
export function readInputs(context: GitHubContext = readGitHubContext()): ActionInputs {
  const { apiKey, githubToken } = readSecrets()
  const problems = new Problems()
  const { fail } = problems
  const noSecrets = apiKey ? undefined : skipReason(context)
  if (!apiKey && !noSecrets)
    fail('api-key is required: pass your Kapso project API key, e.g. ${{ secrets.KAPSO_API_KEY }}.')
  else if (/\s/.test(apiKey)) fail('api-key contains white space or a line break: paste the key alone.')

  const control = readRunControl(fail)
  const { requested } = control
  const unfinished = requested === 'auto' ? unfinishedDeployment(context) : undefined
  const closing = isPullRequestClosed(context)
  const operation: Operation | undefined = requested === 'auto' ? (closing ? 'delete' : 'upsert') : requested
  const pullRequest = eventPullRequest(context)
  const scope = readScope(fail)
  const kind = readKind(scope, fail)
  const apiUrl = readApiUrl(scope, fail)
  // A delete on a pull request goes by the ownership record, and an unfinished deployment is skipped: url is
  // neither needed nor read (the expression that builds it often has nothing to build from then).
  const urlUnused =
    (operation === 'delete' && pullRequest !== undefined && !control.webhookIdGiven) || unfinished !== undefined
  const desired = readDesiredWebhook(fail, scope, kind, urlUnused)
  // Header values may be tokens for the endpoint: no server text may show them.
  for (const value of Object.values(desired.headers)) hideInServerText(value)
  // A deployment that is not (yet) a success gives auto nothing to do: its URL may well be empty.
  if (!unfinished)
    checkOperationNeeds({
      control,
      operation,
      kind,
      scope,
      events: desired.events,
      urlGiven: readInput('url') !== '',
      pullRequest,
      githubToken,
      fail
    })
  checkVerify(control, requested, operation, scope?.kind, fail)

  const { maxAttempts, requestTimeoutSeconds, timeoutSeconds } = control
  if (
    problems.list.length > 0 ||
    !scope ||
    !operation ||
    !requested ||
    !apiUrl ||
    !maxAttempts ||
    !requestTimeoutSeconds ||
    !timeoutSeconds
  ) {
    throw new InputError(problems.list)
  }
  warnAboutIgnored(operation, control.cleanup, desired.bufferEnabled, desired.url)
  warnAboutEvent(operation, requested, closing, scope, desired.events)
  if (control.verify && control.dryRun)
    log.info('verify is skipped in a dry run: nothing is written, not even a test delivery.')
  if (control.verify && operation === 'delete')
    log.info('verify is skipped: operation auto deletes the webhook on this event.')

  log.debug(
    `scope: ${describeScope(scope)}; api-url: ${apiUrl.url}; operation: ${requested}${
      requested === 'auto' ? ` -> ${operation}` : ''
    }; dry-run: ${control.dryRun}`
  )
  log.debug(
    `event: ${context.eventName || '(none)'}; repository: ${context.repository || '(none)'}; pull request: ` +
      `${pullRequest ?? '(none)'}; name: ${control.name ?? '(none)'}`
  )
  log.debug(
    `url: ${desired.url ?? '(none)'}; webhook-id: ${control.webhookId ?? '(none)'}; events: ` +
      `${desired.events.join(', ')}; timeout-seconds: ${timeoutSeconds}`
  )
  return {
    apiKey,
    apiUrl: apiUrl.url,
    defaultApiUrl: apiUrl.isDefault,
    scope,
    requested,
    operation,
    webhookId: control.webhookId,
    name: control.name,
    dryRun: control.dryRun,
    maxAttempts,
    requestTimeoutSeconds,
    timeoutSeconds,
    verifyTimeoutSeconds:
      control.verify && (operation === 'upsert' || operation === 'create') && !control.dryRun
        ? control.verifyTimeoutSeconds
        : undefined,
    desired,
    cleanup: control.cleanup,
    githubToken,
    maxAgeMs: control.maxAgeMs,
    context,
    pullRequest,
    skip: noSecrets
      ? { reason: noSecrets, warn: true }
      : unfinished
        ? { reason: unfinishedReason(unfinished), warn: false }
        : undefined
  }
}

function unfinishedReason(state: string): string {
  return (
    `operation auto: this deployment_status is ${state}, not success: nothing to do until the deployment ` +
    `succeeds (its URL may not exist yet).`
  )
}

/** The inputs that are secrets, masked before anything else is read. */
function readSecrets(): { apiKey: string; githubToken: string } {
  const apiKey = readInput('api-key')
  maskSecret(apiKey)
  const secretKey = readInput('secret-key')
  // A secret-key too short to take is refused below, unmasked: masking it would blank every such letter or
  // word of the log, this step's messages included (the runner masks it anyway when it comes from secrets).
  if (secretKey.length >= MIN_SECRET_KEY_LENGTH) maskSecret(secretKey)
  const githubToken = readInput('github-token')
  maskSecret(githubToken)
  return { apiKey, githubToken }
}

/**
 * Runs that GitHub gives no Actions secrets: a pull request from a fork, and a run Dependabot started
 * (it gets Dependabot's secrets only). There an empty api-key means "skip", not "fail".
 */
function skipReason(context: GitHubContext): string | undefined {
  if (isForkPullRequest(context)) {
    return (
      'api-key is empty: this run is for a pull request from a fork, and GitHub gives such runs no secrets. ' +
      'Nothing was done.'
    )
  }
  if (isDependabotRun(context)) {
    return (
      "api-key is empty: Dependabot started this run, and GitHub gives Dependabot's runs only Dependabot secrets. " +
      'Nothing was done. ' +
      "To give Dependabot's pull requests a webhook too, add KAPSO_API_KEY under " +
      'Settings → Secrets and variables → Dependabot.'
    )
  }
  return undefined
}

interface OperationNeeds {
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
function checkOperationNeeds({
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

/** What the event says about the operation asked for: an unknown event name, or an upsert on a closed pull request. */
function warnAboutEvent(
  operation: Operation,
  requested: string,
  closing: boolean,
  scope: Scope,
  events: readonly string[]
): void {
  if (closing && operation === 'upsert' && requested === 'upsert') {
    log.warning(
      'The pull request is closed, and operation upsert keeps its webhook. Use operation auto to delete it when the ' +
        'pull request closes.'
    )
  }
  if (operation !== 'upsert' && operation !== 'create') return
  for (const event of unknownEvents(events, scope)) {
    log.warning(
      `events has ${event}, which is not in Kapso's event catalog as this action knows it (read ${CATALOG_READ}): it ` +
        `is sent as given. ` +
        'If Kapso does not know it either, Kapso refuses it (HTTP 422) and the step fails, naming it.'
    )
  }
}

/** verify asks the Platform API's test endpoint for a delivery to the webhook the step provisions. */
function checkVerify(
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

function warnAboutIgnored(
  operation: Operation,
  cleanup: boolean,
  bufferEnabled: boolean,
  url: string | undefined
): void {
  if (cleanup && (operation === 'delete' || operation === 'sweep'))
    log.warning(`cleanup has no effect with operation ${operation}: there is nothing provisioned to remove.`)
  if (!bufferEnabled) {
    for (const name of ['buffer-window-seconds', 'max-buffer-size', 'buffer-events']) {
      if (readInput(name)) log.warning(`${name} is ignored while buffer-enabled is false.`)
    }
  }
  if (url && hasEmptySegment(url)) {
    log.warning(
      `url has an empty path segment (//): ${url}. Kapso keeps it as written, and it is another URL than the one ` +
        `with a single slash. ` +
        'A URL built as ${{ steps.deploy.outputs.url }}/path gets one when the deploy URL ends with "/".'
    )
  }
}
