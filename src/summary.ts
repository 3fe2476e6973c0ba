import * as core from '@actions/core'
import type { ActionInputs } from './inputs/index.js'
import { describeScope } from './kapso/scope.js'
import * as log from './log.js'
import type { Outcome } from './operations/index.js'
import { endpointAnswer } from './operations/verify.js'
import { redact } from './secrets.js'
import type { GitHubContext } from './github/context.js'
import type { PullRequestOwner } from './ownership.js'
import { escapeControl, listIds } from './text.js'

/**
 * The job summary: what the step did, at a glance, or what failed and what to do. Built from the same
 * safe forms as the log, so it never holds a secret or a header value; every cell is escaped.
 */
export async function writeSummary(outcome: Outcome, inputs: ActionInputs): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const { result, webhookId, url, changes, swept } = outcome
  const operation = inputs.requested === 'auto' ? `auto → ${inputs.operation}` : inputs.operation
  const summary = core.summary.addHeading(
    cell(`Kapso webhook: ${operation}${inputs.dryRun ? ' (dry run, nothing written)' : ''}`),
    3
  )
  const owner = outcome.owner
  summary.addTable([
    [th('Scope'), ...(owner ? [th('Pull request')] : []), th('Webhook'), th('URL'), th('Events'), th('Result')],
    [
      cell(describeScope(inputs.scope)),
      ...(owner ? [pullRequestLink(owner, inputs.context)] : []),
      cell(webhookId || (result === 'created' ? '(new)' : '—')),
      url ? link(url) : '—',
      cell(inputs.operation === 'upsert' || inputs.operation === 'create' ? inputs.desired.events.join(', ') : '—'),
      cell(inputs.dryRun && result !== 'unchanged' && result !== 'absent' ? `would be ${result}` : result)
    ]
  ])
  if (result !== 'deleted' && outcome.deletedIds.length > 0) {
    const whose = owner ? 'of the same pull request' : 'of this step at the same url'
    summary.addRaw(
      `<p>${inputs.dryRun ? 'Would also delete' : 'Also deleted'}, as older webhooks ${whose}: ` +
        `${cell(listIds(outcome.deletedIds))}.</p>`
    )
  }
  if (changes.length > 0) {
    summary.addRaw(inputs.dryRun ? '<p>Planned changes:</p>' : '<p>Changes:</p>')
    summary.addTable([
      [th('Input'), th('Before'), th('After')],
      ...changes.map((c) => [c.input, c.from, c.to].map(cell))
    ])
  }
  if (outcome.verification) {
    const v = outcome.verification
    summary.addRaw(
      `<p>Delivery check${v.event ? ` (${cell(v.event)})` : ''}: <strong>${cell(v.status)}</strong>, the endpoint ` +
        `answered ${cell(endpointAnswer(v))}.</p>`
    )
  }
  if (swept) {
    if (swept.length === 0)
      summary.addRaw('<p>No webhook of a closed (or, with max-age, old) pull request of this repository.</p>')
    else {
      summary.addRaw(
        `<p>${inputs.dryRun ? 'Would delete' : 'Deleted'} ${swept.length} webhook${swept.length === 1 ? '' : 's'}:</p>`
      )
      summary.addTable([
        [th('Webhook'), th('URL'), th('Pull request'), th('Why')],
        ...swept.map((s) => [s.id, s.url, `#${s.pullRequest}`, s.reason].map(cell))
      ])
    }
  }
  await flush()
}

/** The summary of a skipped step or a cleanup: one line. */
export async function writeSummaryLine(text: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  core.summary.addHeading('Kapso webhook', 3).addRaw(`<p>${cell(text)}</p>`)
  await flush()
}

/** A failed step's summary: the same message as the error, which says what failed and what to do. */
export async function writeFailureSummary(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const lines = message.split('\n').map(cell)
  core.summary.addHeading('Kapso webhook: failed', 3).addRaw(`<p>${lines.join('<br>')}</p>`)
  await flush()
}

/** A section of the job summary: a heading (its <, > and & dropped) and Markdown, escaped by its maker. */
export async function writeSummarySection(heading: string, markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  core.summary.addHeading(heading.replace(/[<>&]/g, ''), 3).addRaw(`\n${markdown}\n`)
  await flush()
}

async function flush(): Promise<void> {
  try {
    await core.summary.write()
  } catch (error) {
    log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** A URL as a link; the text and the address both escaped (the URL was parsed where it was read). */
function link(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${cell(url)}">${cell(url)}</a>` : cell(url)
}

/** "#42", or "#42 (name api)", linked to the pull request on the server the run is on. */
function pullRequestLink(owner: PullRequestOwner, { serverUrl, repository }: GitHubContext): string {
  const text = cell(`#${owner.pullRequest}${owner.name ? ` (name ${owner.name})` : ''}`)
  return serverUrl && repository
    ? `<a href="${cell(`${serverUrl}/${repository}/pull/${owner.pullRequest}`)}">${text}</a>`
    : text
}

function th(text: string): { data: string; header: true } {
  return { data: text, header: true }
}

/** Text for the summary's HTML: no secret nor fragment of one, control characters escaped, HTML escaped. */
function cell(text: string): string {
  return escapeControl(redact(text)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
