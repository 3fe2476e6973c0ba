import { AnswerError } from './boundary/parse.js'
import { cleanup as cleanupStep, savePendingCreate, saveProvisioned } from './cleanup.js'
import { connect } from './connect.js'
import { Deadline, StepTimeout } from './deadline.js'
import { closeEarly } from './early.js'
import { ActionError } from './errors.js'
import { InputError, readInputs } from './inputs/index.js'
import { manifestGiven } from './inputs/manifest.js'
import type { Connections } from './kapso/connections.js'
import * as log from './log.js'
import { applyOperation, verifyIfAsked, type Outcome } from './operations/index.js'
import { describeVerification } from './operations/verify.js'
import { Progress } from './progress.js'
import { logOutcome, outputsOf, VERBATIM_OUTPUTS } from './report.js'
import { outsideText } from './secrets.js'
import { writeFailureSummary, writeSummary, writeSummaryLine } from './summary.js'

/**
 * Inputs, then the operation against Kapso, then outputs and summary; every failure goes through one funnel.
 * `early`: Kapso's connection, opened as the step started (early.ts).
 */
export async function run(early?: Promise<Connections>): Promise<void> {
  const progress = new Progress()
  const closers: (() => void)[] = early ? [closeEarly(early)] : []
  try {
    // Manifest mode loads on its own (a chunk of ncc's): a single-webhook step never parses its code nor YAML's.
    if (manifestGiven()) return await (await import('./manifest/run.js')).runManifest(progress, closers)
    const inputs = readInputs()
    if (inputs.skip) {
      if (inputs.skip.warn) log.warning(inputs.skip.reason)
      else log.notice(inputs.skip.reason)
      log.setOutputs({ result: 'skipped', 'dry-run': String(inputs.dryRun) }, VERBATIM_OUTPUTS)
      await writeSummaryLine(`Skipped: ${inputs.skip.reason}`)
      return
    }
    const effects = connect(inputs, new Deadline(inputs.timeoutSeconds), progress, closers, early)
    const cleanupOn =
      inputs.cleanup && !inputs.dryRun && (inputs.operation === 'upsert' || inputs.operation === 'create')
    if (cleanupOn) effects.beforeCreate = savePendingCreate
    if (inputs.requested === 'auto')
      log.info(`operation auto: ${inputs.operation}, for a ${inputs.context.eventName || 'workflow'} event.`)
    const done = await applyOperation(inputs, effects)
    logOutcome(done, inputs)
    const outcome = await verifyIfAsked(inputs, effects, done)
    log.setOutputs(outputsOf(outcome, inputs.dryRun), VERBATIM_OUTPUTS)
    if (cleanupOn && outcome.webhookId) {
      saveProvisioned(outcome.webhookId, outcome.url, outcome.record, outcome.secretKey)
      log.info(`cleanup is on: webhook ${outcome.webhookId} will be deleted when the job ends.`)
    }
    await writeSummary(outcome, inputs)
    // After the work in Kapso, and never its undoing: a comment that fails is a warning. Its code loads only
    // then (a chunk of ncc's), as GitHub's client does.
    if (inputs.comment) await (await import('./operations/comment-body.js')).commentOnOutcome(outcome, inputs, effects)
    reportVerification(outcome.verification)
  } catch (error) {
    const message = failureMessage(error, progress)
    log.fail(message)
    await writeFailureSummary(message)
  } finally {
    for (const close of closers) close()
  }
}

/** The post step the runner adds for every use of the action: it acts only with cleanup on. */
export function cleanup(): Promise<void> {
  return cleanupStep(failureMessage)
}

/** A failed test delivery fails the step (its outputs written: the webhook is in place); an unconfirmed one warns. */
function reportVerification(verification: Outcome['verification']): void {
  if (!verification) return
  const text = describeVerification(verification)
  if (verification.status === 'failed') log.fail(text)
  else if (verification.status === 'unconfirmed') log.warning(text)
  else log.info(text)
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
  const tail = progress.changedAnything ? ` ${progress.describe()} A re-run picks up from Kapso's state.` : ''
  if (error instanceof ActionError || error instanceof AnswerError) return `${error.message}${tail}`
  log.debug(
    `Unexpected error: ${outsideText(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 500)}`
  )
  return (
    `The step stopped on an unexpected error ` +
    `(${error instanceof Error ? outsideText(error.name, 40) : typeof error}), a fault of this action: please report ` +
    `it.${tail || ' Nothing was changed in Kapso before it.'}`
  )
}
