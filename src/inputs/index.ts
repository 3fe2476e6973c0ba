import * as core from '@actions/core'
import { splitList } from '../events.js'
import { eventPullRequest, isForkPullRequest, isPullRequestClosed, readGitHubContext, type GitHubContext } from '../github/context.js'
import { describeScope } from '../kapso/scope.js'
import * as log from '../log.js'
import { hideInServerText, maskSecret } from '../secrets.js'
import { hasEmptySegment } from '../urls.js'
import { readRunControl } from './control.js'
import { readApiUrl, readKind, readScope } from './scope.js'
import { InputError, type ActionInputs, type Operation } from './types.js'
import { Problems, type Fail } from './values.js'
import { eventsFor, MIN_SECRET_KEY_LENGTH, readDesiredWebhook } from './webhook.js'

export { InputError, OPERATIONS, type ActionInputs, type DesiredWebhook, type Operation } from './types.js'

/**
 * Reads and validates every input: the only place that does. Masks the API key, the secret and the token
 * before anything else can print them. Throws InputError naming each bad input and what it accepts, each
 * problem once and only the true one; makes no request.
 */
export function readInputs(context: GitHubContext = readGitHubContext()): ActionInputs {
  const apiKey = core.getInput('api-key')
  maskSecret(apiKey)
  const secretKey = core.getInput('secret-key')
  // A secret-key too short to take is refused below, unmasked: masking it would blank every such letter or
  // word of the log, this step's messages included (the runner masks it anyway when it comes from secrets).
  if (secretKey.length >= MIN_SECRET_KEY_LENGTH) maskSecret(secretKey)
  const githubToken = core.getInput('github-token')
  maskSecret(githubToken)

  const problems = new Problems()
  const { fail } = problems
  // GitHub gives no secrets to runs for pull requests from forks: there, an empty key means "skip".
  const skip =
    !apiKey && isForkPullRequest(context)
      ? 'api-key is empty: this run is for a pull request from a fork, and GitHub gives such runs no secrets. Nothing was done.'
      : undefined
  if (!apiKey && !skip) fail('api-key is required: pass your Kapso project API key, e.g. ${{ secrets.KAPSO_API_KEY }}.')
  else if (/\s/.test(apiKey)) fail('api-key contains white space or a line break: paste the key alone.')

  const control = readRunControl(fail)
  const { requested } = control
  const operation: Operation | undefined = requested === 'auto' ? (isPullRequestClosed(context) ? 'delete' : 'upsert') : requested
  const pullRequest = eventPullRequest(context)
  const scope = readScope(fail)
  const kind = readKind(scope, fail)
  const apiUrl = readApiUrl(scope, fail)
  const desired = readDesiredWebhook(fail, scope, kind)
  // Header values may be tokens for the endpoint: no server text may show them.
  for (const value of Object.values(desired.headers)) hideInServerText(value)
  const urlGiven = core.getInput('url') !== ''

  if (operation === 'upsert' || operation === 'create') {
    if (!urlGiven && !(operation === 'upsert' && control.webhookIdGiven)) {
      fail(`url is required for operation ${operation}${operation === 'upsert' ? ' (or give webhook-id)' : ''}.`)
    }
    if (kind === 'kapso' && splitList(core.getInput('events')).length === 0) {
      fail(`events is required for operation ${operation}: one or more of ${eventsFor(scope, kind).join(', ')}.`)
    }
    if (operation === 'create' && control.webhookIdGiven) fail('webhook-id cannot be used with operation create, which always makes a new webhook.')
  }
  checkVerify(control, requested, operation, scope?.kind, fail)
  if (operation === 'delete' && !urlGiven && !control.webhookIdGiven && !(requested === 'auto' && pullRequest !== undefined)) {
    fail('operation delete needs url or webhook-id to know what to delete.')
  }
  if (operation === 'sweep' && !githubToken) {
    fail('github-token is required for operation sweep, to ask GitHub which pull requests are closed: leave it at its default, ${{ github.token }}.')
  }
  if (control.maxAgeMs !== undefined && operation !== undefined && operation !== 'sweep') fail(`max-age is only for operation sweep; operation is ${operation}.`)

  const { maxAttempts, requestTimeoutSeconds, timeoutSeconds } = control
  if (problems.list.length > 0 || !scope || !operation || !requested || !apiUrl || !maxAttempts || !requestTimeoutSeconds || !timeoutSeconds) {
    throw new InputError(problems.list)
  }
  warnAboutIgnored(operation, control.cleanup, desired.bufferEnabled, desired.url)
  if (control.verify && control.dryRun) log.info('verify is skipped in a dry run: nothing is written, not even a test delivery.')
  if (control.verify && operation === 'delete') log.info('verify is skipped: operation auto deletes the webhook on this event.')

  log.debug(`scope: ${describeScope(scope)}; api-url: ${apiUrl.url}; operation: ${requested}${requested === 'auto' ? ` -> ${operation}` : ''}; dry-run: ${control.dryRun}`)
  log.debug(`event: ${context.eventName || '(none)'}; repository: ${context.repository || '(none)'}; pull request: ${pullRequest ?? '(none)'}`)
  log.debug(`url: ${desired.url ?? '(none)'}; webhook-id: ${control.webhookId ?? '(none)'}; events: ${desired.events.join(', ')}; timeout-seconds: ${timeoutSeconds}`)
  return {
    apiKey,
    apiUrl: apiUrl.url,
    defaultApiUrl: apiUrl.isDefault,
    scope,
    requested,
    operation,
    webhookId: control.webhookId,
    dryRun: control.dryRun,
    maxAttempts,
    requestTimeoutSeconds,
    timeoutSeconds,
    verifyTimeoutSeconds: control.verify && (operation === 'upsert' || operation === 'create') && !control.dryRun ? control.verifyTimeoutSeconds : undefined,
    desired,
    cleanup: control.cleanup,
    githubToken,
    maxAgeMs: control.maxAgeMs,
    context,
    pullRequest,
    skip
  }
}

/** verify asks the Platform API's test endpoint for a delivery to the webhook the step provisions. */
function checkVerify(control: ReturnType<typeof readRunControl>, requested: string | undefined, operation: Operation | undefined, scope: string | undefined, fail: Fail): void {
  const { verify, verifyTimeoutSeconds, timeoutSeconds } = control
  if (!verify) return
  if (scope === 'legacy') {
    fail("verify needs the Platform API's test endpoint, which the legacy API (whatsapp-config-id) does not have: use phone-number-id, or set verify to false.")
  }
  if ((operation === 'delete' || operation === 'sweep') && requested !== 'auto') fail(`verify is for operations upsert, create and auto; operation is ${operation}.`)
  if (verifyTimeoutSeconds !== undefined && timeoutSeconds !== undefined && verifyTimeoutSeconds >= timeoutSeconds) {
    fail(`verify-timeout-seconds (${verifyTimeoutSeconds}) must be less than timeout-seconds (${timeoutSeconds}), which bounds the whole step, verification included.`)
  }
}

function warnAboutIgnored(operation: Operation, cleanup: boolean, bufferEnabled: boolean, url: string | undefined): void {
  if (cleanup && (operation === 'delete' || operation === 'sweep')) log.warning(`cleanup has no effect with operation ${operation}: there is nothing provisioned to remove.`)
  if (!bufferEnabled) {
    for (const name of ['buffer-window-seconds', 'max-buffer-size', 'buffer-events']) {
      if (core.getInput(name)) log.warning(`${name} is ignored while buffer-enabled is false.`)
    }
  }
  if (url && hasEmptySegment(url)) {
    log.warning(
      `url has an empty path segment (//): ${url}. Kapso keeps it as written, and it is another URL than the one with a single slash. ` +
        'A URL built as ${{ steps.deploy.outputs.url }}/path gets one when the deploy URL ends with "/".'
    )
  }
}
