import * as core from '@actions/core'
import { GitHubApi } from './github.js'
import { InputError, readInputs, type ActionInputs } from './inputs.js'
import { KapsoClient, KapsoError } from './kapso/client.js'
import { Transport } from './kapso/transport.js'
import { applyOperation, type Outcome } from './operations.js'
import { writeSummary, writeSummaryLine } from './summary.js'

const USER_AGENT = 'kapso-webhook-action/1'
/** The first retry waits about this long, each further one twice as long. Tests shorten it. */
const BACKOFF_MS = Number(process.env.KAPSO_ACTION_BACKOFF_MS) || 1000
/** The webhook the post step deletes when cleanup is on. */
const CLEANUP_STATE = 'cleanup-webhook-id'

/** Inputs, then the operation against Kapso, then outputs and summary; every failure goes through one funnel. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    if (inputs.skip) {
      core.warning(inputs.skip)
      core.setOutput('result', 'skipped')
      await writeSummaryLine(`Skipped: ${inputs.skip}`)
      return
    }
    const outcome = await applyOperation(inputs, kapsoClient(inputs), inputs.githubToken ? gitHubApi(inputs) : undefined)
    report(outcome, inputs)
    if (inputs.cleanup && !inputs.dryRun && outcome.webhookId && (inputs.operation === 'upsert' || inputs.operation === 'create')) {
      core.saveState(CLEANUP_STATE, outcome.webhookId)
      core.info(`cleanup is on: webhook ${outcome.webhookId} will be deleted when the job ends.`)
    }
    await writeSummary(outcome, inputs)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

/** The post step: with cleanup on, deletes the webhook the main step provisioned. Already gone is fine. */
export async function cleanup(): Promise<void> {
  const webhookId = core.getState(CLEANUP_STATE)
  if (!webhookId) {
    core.debug('Nothing to clean up.')
    return
  }
  try {
    const inputs = readInputs()
    const removed = await kapsoClient(inputs).remove(webhookId)
    const line = removed ? `Cleanup: deleted webhook ${webhookId}.` : `Cleanup: webhook ${webhookId} was already gone.`
    core.info(line)
    await writeSummaryLine(line)
  } catch (error) {
    core.setFailed(`Cleanup of webhook ${webhookId} failed: ${failureMessage(error)}`)
  }
}

function transport(inputs: ActionInputs, service: string, headers: Record<string, string>): Transport {
  return new Transport({
    service,
    headers,
    userAgent: USER_AGENT,
    maxAttempts: inputs.maxAttempts,
    timeoutMs: inputs.requestTimeoutSeconds * 1000,
    backoffMs: BACKOFF_MS
  })
}

function kapsoClient(inputs: ActionInputs): KapsoClient {
  return new KapsoClient({ apiUrl: inputs.apiUrl, scope: inputs.scope }, transport(inputs, 'Kapso', { 'X-API-Key': inputs.apiKey }))
}

function gitHubApi(inputs: ActionInputs): GitHubApi {
  const headers = { Authorization: `Bearer ${inputs.githubToken}`, 'X-GitHub-Api-Version': '2022-11-28' }
  return new GitHubApi(transport(inputs, 'GitHub', headers), inputs.context)
}

function report(outcome: Outcome, inputs: ActionInputs): void {
  const { result, webhookId, url, changes } = outcome
  const { dryRun } = inputs
  const where = `${inputs.scope.input} ${inputs.scope.id}`
  if (inputs.requested === 'auto') core.info(`operation auto: ${inputs.operation}, for a ${inputs.context.eventName || 'workflow'} event.`)
  if (outcome.swept) {
    core.info(`${dryRun ? 'Dry run, nothing written: would delete' : 'Deleted'} ${outcome.swept.length} webhook(s) in ${where}.`)
    for (const entry of outcome.swept) core.info(`  ${entry.id} ${entry.url}: ${entry.reason}`)
  } else {
    const several = outcome.deletedIds.length > 1
    const subject = several
      ? `${outcome.deletedIds.length} webhooks (${outcome.deletedIds.join(', ')}) in ${where}`
      : `${webhookId ? `webhook ${webhookId}` : 'a new webhook'} for ${url || '(no url)'} in ${where}`
    const headline =
      result === 'absent'
        ? `No webhook ${inputs.webhookId ?? (url ? `for ${url}` : `recorded for pull request #${inputs.pullRequest}`)} in ${where}: nothing to delete.`
        : `${dryRun ? `Dry run, nothing written: would ${verbs[result]}` : capitalise(result)} ${subject}.`
    core.info(headline)
  }
  for (const change of changes) {
    core.info(change.from === '(new)' ? `  ${change.input}: ${change.to}` : `  ${change.input}: ${change.from} -> ${change.to}`)
  }

  core.setOutput('webhook-id', webhookId)
  core.setOutput('result', result)
  core.setOutput('secret-key', outcome.secretKey)
  core.setOutput('url', url)
  core.setOutput('webhook', outcome.webhook ? JSON.stringify(outcome.webhook) : '')
  core.setOutput('deleted-count', String(outcome.deletedIds.length))
  core.setOutput('deleted-ids', outcome.deletedIds.join(','))
}

const verbs: Record<Exclude<Outcome['result'], 'absent'>, string> = {
  created: 'create',
  updated: 'update',
  unchanged: 'leave unchanged',
  deleted: 'delete',
  skipped: 'skip'
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** A message a user can act on; never a stack trace. */
function failureMessage(error: unknown): string {
  if (error instanceof InputError || error instanceof KapsoError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `${message} Nothing after this point was done; a re-run picks up from Kapso's current state.`
}
