import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { AnswerError } from './boundary/parse.js'
import { Deadline, StepTimeout } from './deadline.js'
import { ActionError } from './errors.js'
import { lazyPullRequestApi } from './github/lazy.js'
import { InputError, readInputs, type ActionInputs } from './inputs/index.js'
import { KapsoClient } from './kapso/client.js'
import { Transport } from './kapso/transport.js'
import * as log from './log.js'
import { applyOperation, type Effects, type Outcome } from './operations/index.js'
import { describeVerification } from './operations/verify.js'
import { DeliveriesClient } from './kapso/deliveries.js'
import { Progress } from './progress.js'
import { logOutcome, outputsOf } from './report.js'
import { outsideText } from './secrets.js'
import { writeFailureSummary, writeSummary, writeSummaryLine } from './summary.js'
import { sameUrl } from './urls.js'

const USER_AGENT = 'kapso-webhook-action/1'
/** The first retry waits about this long, each further one twice as long. Tests shorten it. */
const BACKOFF_MS = Number(process.env.KAPSO_ACTION_BACKOFF_MS) || 1000
/** What the post step deletes when cleanup is on: the webhook provisioned, or what a create may have made. */
const CLEANUP_ID = 'cleanup-webhook-id'
const CLEANUP_PENDING = 'cleanup-pending-create'

/** Inputs, then the operation against Kapso, then outputs and summary; every failure goes through one funnel. */
export async function run(): Promise<void> {
  const progress = new Progress()
  const closers: (() => void)[] = []
  try {
    const inputs = readInputs()
    if (inputs.skip) {
      log.warning(inputs.skip)
      log.setOutputs({ result: 'skipped', 'dry-run': String(inputs.dryRun) })
      await writeSummaryLine(`Skipped: ${inputs.skip}`)
      return
    }
    const deadline = new Deadline(inputs.timeoutSeconds)
    const effects = connect(inputs, deadline, progress, closers)
    const cleanupOn = inputs.cleanup && !inputs.dryRun && (inputs.operation === 'upsert' || inputs.operation === 'create')
    if (cleanupOn) effects.beforeCreate = savePendingCreate
    const outcome = await applyOperation(inputs, effects)
    logOutcome(outcome, inputs)
    log.setOutputs(outputsOf(outcome, inputs.dryRun), ['secret-key'])
    if (cleanupOn && outcome.webhookId) {
      core.saveState(CLEANUP_ID, outcome.webhookId)
      log.info(`cleanup is on: webhook ${outcome.webhookId} will be deleted when the job ends.`)
    }
    await writeSummary(outcome, inputs)
    reportVerification(outcome.verification)
  } catch (error) {
    const message = failureMessage(error, progress)
    log.fail(message)
    await writeFailureSummary(message)
  } finally {
    for (const close of closers) close()
  }
}

/** A failed test delivery fails the step (its outputs written: the webhook is in place); an unconfirmed one warns. */
function reportVerification(verification: Outcome['verification']): void {
  if (!verification) return
  const text = describeVerification(verification)
  if (verification.status === 'failed') log.fail(text)
  else if (verification.status === 'unconfirmed') log.warning(text)
  else log.info(text)
}

/** The post step: with cleanup on, deletes what the main step provisioned, or what its create may have made. */
export async function cleanup(): Promise<void> {
  const webhookId = core.getState(CLEANUP_ID)
  const pending = core.getState(CLEANUP_PENDING)
  if (!webhookId && !pending) {
    log.debug('Nothing to clean up.')
    return
  }
  const progress = new Progress()
  const closers: (() => void)[] = []
  try {
    const inputs = readInputs()
    const { api } = connect(inputs, new Deadline(inputs.timeoutSeconds), progress, closers)
    const ids = webhookId ? [webhookId] : await madeByCreate(api, pending)
    if (ids.length === 0) log.info('Cleanup: the create the main step sent made no webhook; nothing to delete.')
    for (const id of ids) {
      const line = (await api.remove(id)) ? `Cleanup: deleted webhook ${id}.` : `Cleanup: webhook ${id} was already gone.`
      log.info(line)
      await writeSummaryLine(line)
    }
  } catch (error) {
    log.fail(`Cleanup failed: ${failureMessage(error, progress)}`)
  } finally {
    for (const close of closers) close()
  }
}

/** Kapso and, loaded only when called, GitHub, for this step. */
function connect(inputs: ActionInputs, deadline: Deadline, progress: Progress, closers: (() => void)[]): Effects {
  const retry = { maxAttempts: inputs.maxAttempts, timeoutMs: inputs.requestTimeoutSeconds * 1000, backoffMs: BACKOFF_MS, deadline }
  const transport = new Transport({ ...retry, service: 'Kapso', headers: { 'X-API-Key': inputs.apiKey }, userAgent: USER_AGENT })
  closers.push(() => transport.close())
  const client = new KapsoClient({ apiUrl: inputs.apiUrl, defaultApiUrl: inputs.defaultApiUrl, scope: inputs.scope, kind: inputs.desired.kind }, transport, progress)
  const github = inputs.githubToken ? lazyPullRequestApi({ ...retry, token: inputs.githubToken, userAgent: USER_AGENT }) : undefined
  const deliveries = inputs.scope.kind === 'legacy' ? undefined : new DeliveriesClient(inputs.apiUrl, transport)
  return { api: client, github, deliveries, pollMs: BACKOFF_MS, deadline }
}

/**
 * Saved before a create is sent, so that the post step can find what it made even when the main step
 * fails before it learns the id: the URL, the ids already there, and a fingerprint of the secret sent.
 */
function savePendingCreate(url: string, existing: readonly string[], secretKey: string): void {
  core.saveState(CLEANUP_PENDING, JSON.stringify({ url, existing, secret: secretKey ? fingerprint(secretKey) : '' }))
}

async function madeByCreate(api: Effects['api'], pending: string): Promise<string[]> {
  let saved: { url?: unknown; existing?: unknown; secret?: unknown }
  try {
    saved = JSON.parse(pending) as typeof saved
  } catch {
    return []
  }
  if (typeof saved.url !== 'string' || !Array.isArray(saved.existing)) return []
  const existing = saved.existing.filter((id): id is string => typeof id === 'string')
  const url = saved.url
  const secret = typeof saved.secret === 'string' ? saved.secret : ''
  return (await api.findByUrl(url))
    .filter((webhook) => sameUrl(webhook.url, url) && !existing.includes(webhook.id))
    .filter((webhook) => !secret || webhook.secret_key === undefined || fingerprint(webhook.secret_key) === secret)
    .map((webhook) => webhook.id)
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** A message a user can act on; never a stack trace, nor a raw JavaScript error. */
function failureMessage(error: unknown, progress: Progress): string {
  if (error instanceof InputError) return error.message
  if (error instanceof StepTimeout) {
    return (
      `${error.message} ${progress.describe()} ` +
      (error.mayHaveApplied ? `Kapso may have carried out that last request; ` : 'That request was not carried out; ') +
      `nothing after it was started. A re-run picks up from Kapso's state.`
    )
  }
  const done = progress.describe()
  const tail = done.startsWith('Nothing') ? '' : ` ${done} A re-run picks up from Kapso's state.`
  if (error instanceof ActionError || error instanceof AnswerError) return `${error.message}${tail}`
  log.debug(`Unexpected error: ${outsideText(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 500)}`)
  return `The step stopped on an unexpected error (${error instanceof Error ? outsideText(error.name, 40) : typeof error}), a fault of this action: please report it.${tail || ' Nothing was changed in Kapso before it.'}`
}
