import type { ActionInputs } from './inputs/index.js'
import { describeScope } from './kapso/scope.js'
import * as log from './log.js'
import { describeOwner } from './operations/identity.js'
import type { Outcome } from './operations/index.js'
import { count, listIds } from './text.js'

/** The log lines of an outcome: what was done (or, in a dry run, would be), field by field. */
export function logOutcome(outcome: Outcome, inputs: ActionInputs): void {
  const { result, webhookId, url, changes } = outcome
  const { dryRun } = inputs
  const where = describeScope(inputs.scope)
  // The step said why it did nothing when it decided so.
  if (result === 'skipped') return
  if (outcome.swept) {
    log.info(
      `${dryRun ? 'Dry run, nothing written: would delete' : 'Deleted'} ${count(outcome.swept.length, 'webhook')} in ` +
        `${where}.`
    )
    for (const entry of outcome.swept) log.info(`  ${entry.id} ${entry.url}: ${entry.reason}`)
  } else {
    const several = result === 'deleted' && outcome.deletedIds.length > 1
    const whose = outcome.owner ? `, ${describeOwner(outcome.owner)}'s` : ''
    const subject = several
      ? `${outcome.deletedIds.length} webhooks (${listIds(outcome.deletedIds)}) in ${where}${whose}`
      : `${webhookId ? `webhook ${webhookId}` : 'a new webhook'}${url ? ` for ${url}` : ''} in ${where}${whose}`
    const headline =
      result === 'absent'
        ? `No webhook ${
            inputs.webhookId ??
            (outcome.owner ? `recorded for ${describeOwner(outcome.owner)}` : `for ${inputs.desired.url}`)
          } in ${where}: nothing to delete.`
        : `${dryRun ? `Dry run, nothing written: would ${verbs[result]}` : capitalise(result)} ${subject}.`
    log.info(headline)
  }
  for (const change of changes) {
    log.info(
      change.from === '(new)' ? `  ${change.input}: ${change.to}` : `  ${change.input}: ${change.from} -> ${change.to}`
    )
  }
}

/**
 * The outputs written as they are: values the boundary parsed (ids, results, URLs, counts) and the secret
 * (masked on purpose). Only `webhook`, JSON text, is guarded like a log line (see log.setOutputs).
 */
export const VERBATIM_OUTPUTS = [
  'webhook-id',
  'result',
  'secret-key',
  'url',
  'deleted-count',
  'deleted-ids',
  'dry-run',
  'delivery-status',
  'delivery-response-status'
]

/** The step's outputs, as the runner will hold them. Written only once the operation has succeeded. */
export function outputsOf(outcome: Outcome, dryRun: boolean): Record<string, string> {
  return {
    'webhook-id': outcome.webhookId,
    result: outcome.result,
    'secret-key': outcome.secretKey,
    url: outcome.url,
    webhook: outcome.webhook ? jsonOutput(outcome.webhook) : '',
    'deleted-count': String(outcome.deletedIds.length),
    'deleted-ids': outcome.deletedIds.join(','),
    'dry-run': String(dryRun),
    'delivery-status': outcome.verification?.status ?? '',
    'delivery-response-status':
      outcome.verification?.responseStatus === undefined ? '' : String(outcome.verification.responseStatus)
  }
}

/** JSON with every control character a \u escape: still valid JSON, and nothing the log sink would rewrite. */
export function jsonOutput(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
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
