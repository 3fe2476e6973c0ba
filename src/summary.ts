import * as core from '@actions/core'
import type { ActionInputs } from './inputs.js'
import type { Outcome } from './operations.js'

/**
 * The job summary: what the step did, at a glance. Built from the same safe forms as the log, so it
 * never holds a secret or a header value.
 */
export async function writeSummary(outcome: Outcome, inputs: ActionInputs): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const { result, webhookId, url, changes, swept } = outcome
  const summary = core.summary.addHeading(`Kapso webhook: ${inputs.requested === 'auto' ? `auto → ${inputs.operation}` : inputs.operation}${inputs.dryRun ? ' (dry run, nothing written)' : ''}`, 3)
  summary.addTable([
    [th('Scope'), th('Webhook'), th('URL'), th('Events'), th('Result')],
    [
      `${inputs.scope.input} ${inputs.scope.id}`,
      webhookId || (result === 'created' ? '(new)' : '—'),
      url || '—',
      inputs.operation === 'upsert' || inputs.operation === 'create' ? inputs.desired.events.join(', ') : '—',
      inputs.dryRun && result !== 'unchanged' && result !== 'absent' ? `would be ${result}` : result
    ].map(escape)
  ])
  if (changes.length > 0) {
    summary.addRaw(inputs.dryRun ? '<p>Planned changes:</p>' : '<p>Changes:</p>')
    summary.addTable([[th('Input'), th('Before'), th('After')], ...changes.map((c) => [c.input, c.from, c.to].map(escape))])
  }
  if (swept) {
    if (swept.length === 0) summary.addRaw('<p>No webhook of a closed (or, with max-age, old) pull request of this repository.</p>')
    else {
      summary.addRaw(`<p>${inputs.dryRun ? 'Would delete' : 'Deleted'} ${swept.length} webhook${swept.length === 1 ? '' : 's'}:</p>`)
      summary.addTable([[th('Webhook'), th('URL'), th('Pull request'), th('Why')], ...swept.map((s) => [s.id, s.url, `#${s.pullRequest}`, s.reason].map(escape))])
    }
  }
  await flush()
}

/** The summary of a skipped step or a cleanup: one line. */
export async function writeSummaryLine(text: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  core.summary.addHeading('Kapso webhook', 3).addRaw(`<p>${escape(text)}</p>`)
  await flush()
}

async function flush(): Promise<void> {
  try {
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

function th(text: string): { data: string; header: true } {
  return { data: text, header: true }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
