import type { ActionInputs } from '../inputs/index.js'
import { describeScope } from '../kapso/scope.js'
import { redact } from '../secrets.js'
import { count, escapeControl, listIds } from '../text.js'
import { commentMarker, commentOnPullRequest, stepLine } from './comment.js'
import type { Effects, Outcome } from './types.js'
import { endpointAnswer } from './verify.js'

/**
 * The single-webhook mode's comment: after the step's work in Kapso, on the pull request it acted for (its
 * own events, or the one a deployment's commit is the head of). A skipped step leaves the comment as it was.
 */
export async function commentOnOutcome(outcome: Outcome, inputs: ActionInputs, effects: Effects): Promise<void> {
  if (outcome.result === 'skipped') return
  const { scope, desired, name, context } = inputs
  await commentOnPullRequest(
    {
      marker: commentMarker(context, ['webhook', describeScope(scope), desired.kind, name ?? '']),
      body: singleWebhookComment(outcome, inputs)
    },
    {
      pullRequest: outcome.owner?.pullRequest ?? outcome.record?.pullRequest ?? inputs.pullRequest,
      eventName: context.eventName,
      comments: effects.comments
    }
  )
}

/**
 * What the step did (or, in a dry run, would do) to its webhook, in Markdown: a headline, the webhook's
 * table, its changes field by field, the delivery check. Built from the same safe forms as the job summary:
 * no secret (the secret reads "(hidden)"), no header value, every cell escaped.
 */
export function singleWebhookComment(outcome: Outcome, inputs: ActionInputs): string {
  const { result, webhookId, url, changes, deletedIds, swept, verification } = outcome
  const { dryRun, operation, name } = inputs
  const lines = [
    `### Kapso webhook${name ? ` ${md(name)}` : ''}: ${md(headline(outcome, inputs))}`,
    '',
    '| Scope | Webhook | URL | Result |',
    '| --- | --- | --- | --- |',
    `| ${md(describeScope(inputs.scope))} | ${md(webhookId || (result === 'created' ? '(new)' : '—'))} | ${
      url ? link(url) : '—'
    } | ${md(dryRun && result !== 'unchanged' && result !== 'absent' ? `would be ${result}` : result)} |`
  ]
  if (result !== 'deleted' && deletedIds.length > 0)
    lines.push('', `${dryRun ? 'Would also delete' : 'Also deleted'}, as older webhooks: ${md(listIds(deletedIds))}.`)
  if (changes.length > 0) {
    lines.push('', dryRun ? '**Planned changes**' : '**Changes**', '')
    lines.push('| Input | Before | After |', '| --- | --- | --- |')
    for (const c of changes.slice(0, 50)) lines.push(`| ${md(c.input)} | ${md(c.from)} | ${md(c.to)} |`)
  }
  if (swept && swept.length > 0) {
    lines.push('', '| Webhook | URL | Why |', '| --- | --- | --- |')
    for (const s of swept.slice(0, 100)) lines.push(`| ${md(s.id)} | ${link(s.url)} | ${md(s.reason)} |`)
    if (swept.length > 100) lines.push('', `And ${md(count(swept.length - 100, 'more webhook'))}: see the job summary.`)
  }
  if (verification) {
    lines.push(
      '',
      `Delivery check${verification.event ? ` (${md(verification.event)})` : ''}: **${md(verification.status)}**, ` +
        `the endpoint answered ${md(endpointAnswer(verification))}.`
    )
  }
  if (inputs.cleanup && outcome.webhookId && !dryRun && operation !== 'delete')
    lines.push('', 'cleanup is on: this webhook is deleted when the job ends.')
  lines.push('', `<sub>${md(stepLine(inputs.context))}</sub>`)
  return lines.join('\n')
}

/** "upsert: created webhook …", "auto → delete: deleted 2 webhooks", "dry run: would update …". */
function headline(outcome: Outcome, inputs: ActionInputs): string {
  const { result, deletedIds, swept } = outcome
  const operation = inputs.requested === 'auto' ? `auto → ${inputs.operation}` : inputs.operation
  const owner = outcome.owner ? ` of pull request #${outcome.owner.pullRequest}` : ''
  const dry = inputs.dryRun ? ' (dry run, nothing written)' : ''
  const deleting = inputs.dryRun ? 'would delete' : 'deleted'
  if (swept) return `${operation}${dry}, ${deleting} ${count(swept.length, 'webhook')}`
  if (result === 'absent') return `${operation}${dry}, no webhook${owner} to delete`
  if (result === 'deleted' && deletedIds.length > 1)
    return `${operation}${dry}, ${deleting} ${count(deletedIds.length, 'webhook')}`
  return `${operation}${dry}, ${inputs.dryRun ? `would be ${result}` : result}`
}

/**
 * Text for the comment's Markdown: no secret nor fragment of one, control characters escaped, and every
 * character Markdown or HTML would read here (a table's |, a mention's @, a link's brackets, emphasis, a
 * tag) as an entity.
 */
export function md(text: string): string {
  return escapeControl(redact(text)).replace(/[\\`*_{}[\]<>|&@~"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A URL as a link: the address and the text both escaped (the URL was parsed where it was read). */
function link(url: string): string {
  const href = escapeControl(redact(url)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return /^https?:\/\//i.test(url) ? `<a href="${href}">${md(url)}</a>` : md(url)
}
