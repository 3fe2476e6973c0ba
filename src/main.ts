import * as core from '@actions/core'
import { InputError, readInputs, type ActionInputs } from './inputs.js'
import { KapsoClient, KapsoError } from './kapso/client.js'
import { Transport } from './kapso/transport.js'
import { applyOperation, type Outcome } from './operations.js'

const USER_AGENT = 'kapso-webhook-action/1'
/** The first retry waits about this long, each further one twice as long. Tests shorten it. */
const BACKOFF_MS = Number(process.env.KAPSO_ACTION_BACKOFF_MS) || 1000

/** Inputs, then the operation against Kapso, then outputs; every failure goes through one funnel. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const transport = new Transport({
      apiKey: inputs.apiKey,
      userAgent: USER_AGENT,
      maxAttempts: inputs.maxAttempts,
      timeoutMs: inputs.requestTimeoutSeconds * 1000,
      backoffMs: BACKOFF_MS
    })
    const client = new KapsoClient({ apiUrl: inputs.apiUrl, scope: inputs.scope }, transport)
    const outcome = await applyOperation(inputs, client)
    report(outcome, inputs)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

function report(outcome: Outcome, inputs: ActionInputs): void {
  const { result, webhookId, url, changes } = outcome
  const { dryRun } = inputs
  const where = `${inputs.scope.input} ${inputs.scope.id}`
  const subject = `${webhookId ? `webhook ${webhookId}` : 'a new webhook'} for ${url || '(no url)'} in ${where}`
  const headline =
    result === 'absent'
      ? `No webhook ${inputs.webhookId ?? `for ${url}`} in ${where}: nothing to delete.`
      : `${dryRun ? `Dry run, nothing written: would ${verbs[result]}` : capitalise(result)} ${subject}.`
  core.info(headline)
  for (const change of changes) {
    core.info(change.from === '(new)' ? `  ${change.input}: ${change.to}` : `  ${change.input}: ${change.from} -> ${change.to}`)
  }

  core.setOutput('webhook-id', webhookId)
  core.setOutput('result', result)
  core.setOutput('secret-key', outcome.secretKey)
  core.setOutput('url', url)
  core.setOutput('webhook', outcome.webhook ? JSON.stringify(outcome.webhook) : '')
}

const verbs: Record<Exclude<Outcome['result'], 'absent'>, string> = {
  created: 'create',
  updated: 'update',
  unchanged: 'leave unchanged',
  deleted: 'delete'
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
