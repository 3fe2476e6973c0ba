/**
 * A manifest's plan: one row per entry and per webhook deleted, as the plan output gives it and as a
 * Markdown table (the job summary, and a pull request's comment). Pure text: in the lowest layer, so that
 * whatever shows a plan can import it.
 */
import { redact } from '../secrets.js'
import { escapeControl } from '../text.js'

export const PLAN_ACTIONS = ['create', 'update', 'delete', 'unchanged'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

export interface PlanRow {
  /** The entry's name; for a webhook deleted, the name it was recorded under. */
  name: string
  /** What was done (in a dry run, what would be). */
  action: PlanAction
  /** Empty for a webhook a dry run would create. */
  webhookId: string
  url: string
  /** The inputs (field names) that differ; for a create, those it sets. */
  changes: string[]
  /** An update that takes over an existing webhook at the entry's URL and records it as this manifest's. */
  adopted?: boolean
  /** Where the webhook is, in words ("phone-number-id 106540352242922"). */
  scope: string
}

/** The plan output: the contract's field names, one object per row. */
export function planJson(plan: readonly PlanRow[]): object[] {
  return plan.map((row) => ({
    name: row.name,
    action: row.action,
    'webhook-id': row.webhookId,
    url: row.url,
    changes: row.changes,
    ...(row.adopted && { adopted: true })
  }))
}

/** Whether the plan changes anything: what drift means. */
export function planChanges(plan: readonly PlanRow[]): boolean {
  return plan.some((row) => row.action !== 'unchanged')
}

/**
 * The plan as a Markdown table: entry, action, scope, webhook, URL, changes. `dryRun` words the actions as
 * what would be done. Every cell escaped (no secret, no control character, no Markdown or HTML of its own).
 */
export function manifestPlanMarkdown(plan: readonly PlanRow[], dryRun = false): string {
  if (plan.length === 0) return '_No webhooks: the manifest has no entries, and none of its webhooks is left._\n'
  const rows = plan.map((row) =>
    [
      row.name,
      actionText(row, dryRun),
      row.scope,
      row.webhookId || '(new)',
      row.url,
      row.changes.length > 0 ? row.changes.join(', ') : '—'
    ].map(cell)
  )
  return [
    '| Entry | Action | Scope | Webhook | URL | Changes |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ''
  ].join('\n')
}

function actionText(row: PlanRow, dryRun: boolean): string {
  const action = row.adopted ? 'update (adopt)' : row.action
  if (!dryRun || row.action === 'unchanged') return action
  return `would ${action}`
}

/** A table cell: secrets redacted, control characters escaped, and nothing Markdown or HTML would read. */
function cell(text: string): string {
  return escapeControl(redact(text)).replace(/[|\\`*_[\]<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
}
