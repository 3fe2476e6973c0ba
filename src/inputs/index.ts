import type { WebhookKind } from '../boundary/kapso.js'
import {
  eventPullRequest,
  isPullRequestClosed,
  readGitHubContext,
  unfinishedDeployment,
  type GitHubContext
} from '../github/context.js'
import { describeScope, type Scope } from '../kapso/scope.js'
import * as log from '../log.js'
import { hideInServerText } from '../secrets.js'
import { checkApiKey, readSecrets, type Secrets } from './access.js'
import { checkManifestOnly } from './manifest.js'
import { readRunControl, type RunControl } from './control.js'
import { checkOperationNeeds, checkVerify } from './rules.js'
import { readApiUrl, readKind, readScope } from './scope.js'
import { InputError, type ActionInputs, type DesiredWebhook, type Operation } from './types.js'
import { Problems, readInput, type Fail } from './values.js'
import { warnAboutEvent, warnAboutIgnored } from './warnings.js'
import { readDesiredWebhook } from './webhook.js'

export { InputError, OPERATIONS, type ActionInputs, type DesiredWebhook, type Operation } from './types.js'

/**
 * Reads and validates every input: the only place that does. Masks the API key, the secret and the token
 * before anything else can print them. Throws InputError naming each bad input and what it accepts, each
 * problem once and only the true one; makes no request. An empty input means "not given": its default.
 */
export function readInputs(context: GitHubContext = readGitHubContext()): ActionInputs {
  const secrets = readSecrets()
  const problems = new Problems()
  const noSecrets = checkApiKey(secrets.apiKey, context, problems.fail)
  const read = readEach(context, problems.fail)
  checkAcross(read, secrets.githubToken, problems.fail)
  const valid = validOrThrow(read, problems)
  warnAboutInputs(valid)
  logInputs(valid, context)
  return toActionInputs(valid, secrets, context, noSecrets)
}

/** Each input read on its own: undefined where one could not be read, its problem recorded. */
interface ReadInputs {
  control: RunControl
  requested: ActionInputs['requested'] | undefined
  /** What `requested` does on this event (auto: upsert, or delete when the pull request closes). */
  operation: Operation | undefined
  /** For auto on a deployment that is not (yet) a success: its state. */
  unfinished: string | undefined
  closing: boolean
  pullRequest: number | undefined
  scope: Scope | undefined
  kind: WebhookKind | undefined
  apiUrl: { url: string; isDefault: boolean } | undefined
  desired: DesiredWebhook
}

/** The inputs once every one is valid, and the rules across them hold. */
interface ValidInputs extends ReadInputs {
  requested: ActionInputs['requested']
  operation: Operation
  scope: Scope
  apiUrl: { url: string; isDefault: boolean }
  maxAttempts: number
  requestTimeoutSeconds: number
  timeoutSeconds: number
}

/** Reads every input but the secrets, in the order their problems are reported; hides header values. */
function readEach(context: GitHubContext, fail: Fail): ReadInputs {
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
  return { control, requested, operation, unfinished, closing, pullRequest, scope, kind, apiUrl, desired }
}

/** Records what the inputs break together: what the operation needs, and what verify goes with. */
function checkAcross(read: ReadInputs, githubToken: string, fail: Fail): void {
  const { control, operation } = read
  // A deployment that is not (yet) a success gives auto nothing to do: its URL may well be empty.
  if (!read.unfinished)
    checkOperationNeeds({
      control,
      operation,
      kind: read.kind,
      scope: read.scope,
      events: read.desired.events,
      urlGiven: readInput('url') !== '',
      pullRequest: read.pullRequest,
      githubToken,
      fail
    })
  checkVerify(control, read.requested, operation, read.scope?.kind, fail)
  checkManifestOnly(fail)
}

/** The inputs, when no problem was recorded and every required one was read; else throws InputError. */
function validOrThrow(read: ReadInputs, problems: Problems): ValidInputs {
  const { requested, operation, scope, apiUrl } = read
  const { maxAttempts, requestTimeoutSeconds, timeoutSeconds } = read.control
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
  return { ...read, requested, operation, scope, apiUrl, maxAttempts, requestTimeoutSeconds, timeoutSeconds }
}

/** Warns of valid inputs that will not do what they seem to, and says why verify is skipped when it is. */
function warnAboutInputs(valid: ValidInputs): void {
  const { control, operation, desired } = valid
  warnAboutIgnored(operation, control.cleanup, desired.bufferEnabled, desired.url)
  warnAboutEvent(operation, valid.requested, valid.closing, valid.scope, desired.events)
  if (control.verify && control.dryRun)
    log.info('verify is skipped in a dry run: nothing is written, not even a test delivery.')
  if (control.verify && operation === 'delete')
    log.info('verify is skipped: operation auto deletes the webhook on this event.')
}

/** What the step will do, as read from the inputs, in the debug log. */
function logInputs(valid: ValidInputs, context: GitHubContext): void {
  const { control, requested, operation, desired } = valid
  log.debug(
    `scope: ${describeScope(valid.scope)}; api-url: ${valid.apiUrl.url}; operation: ${requested}${
      requested === 'auto' ? ` -> ${operation}` : ''
    }; dry-run: ${control.dryRun}`
  )
  log.debug(
    `event: ${context.eventName || '(none)'}; repository: ${context.repository || '(none)'}; pull request: ` +
      `${valid.pullRequest ?? '(none)'}; name: ${control.name ?? '(none)'}`
  )
  log.debug(
    `url: ${desired.url ?? '(none)'}; webhook-id: ${control.webhookId ?? '(none)'}; events: ` +
      `${desired.events.join(', ')}; timeout-seconds: ${valid.timeoutSeconds}`
  )
}

/** The inputs as the step takes them; `skip` says why it does nothing, when it does nothing. */
function toActionInputs(
  valid: ValidInputs,
  { apiKey, githubToken }: Secrets,
  context: GitHubContext,
  noSecrets: string | undefined
): ActionInputs {
  const { control, operation, unfinished } = valid
  return {
    apiKey,
    apiUrl: valid.apiUrl.url,
    defaultApiUrl: valid.apiUrl.isDefault,
    scope: valid.scope,
    requested: valid.requested,
    operation,
    webhookId: control.webhookId,
    name: control.name,
    dryRun: control.dryRun,
    maxAttempts: valid.maxAttempts,
    requestTimeoutSeconds: valid.requestTimeoutSeconds,
    timeoutSeconds: valid.timeoutSeconds,
    verifyTimeoutSeconds:
      control.verify && (operation === 'upsert' || operation === 'create') && !control.dryRun
        ? control.verifyTimeoutSeconds
        : undefined,
    desired: valid.desired,
    cleanup: control.cleanup,
    comment: control.comment,
    githubToken,
    maxAgeMs: control.maxAgeMs,
    context,
    pullRequest: valid.pullRequest,
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
