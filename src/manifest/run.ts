/**
 * Manifest mode, end to end: the step's inputs, the file (every problem before any request), the entries
 * reconciled and what the manifest owns pruned (or, with operation delete, all of it deleted), then the
 * outputs, the log and the summary's plan table. Failures go to main's one funnel.
 */
import { readConcurrency } from '../concurrency.js'
import { gitHub, kapsoTransport } from '../connect.js'
import { Deadline } from '../deadline.js'
import { readManifestInputs, type ManifestInputs } from '../inputs/manifest.js'
import * as log from '../log.js'
import type { Progress } from '../progress.js'
import { jsonOutput } from '../report.js'
import { writeSummaryLine, writeSummarySection } from '../summary.js'
import { count } from '../text.js'
import { ManifestClients } from './clients.js'
import { commentOnPlan } from './comment.js'
import { deleteOwned } from './prune.js'
import { readManifest } from './read.js'
import { reconcileEntries } from './reconcile.js'
import { manifestPlanMarkdown, planChanges, planJson, type PlanRow } from './table.js'
import type { Manifest } from './types.js'

export async function runManifest(progress: Progress, closers: (() => void)[]): Promise<void> {
  const inputs = readManifestInputs()
  if (inputs.skip) {
    log.warning(inputs.skip.reason)
    log.setOutputs({ result: 'skipped', 'dry-run': String(inputs.dryRun) }, ['result', 'dry-run'])
    await writeSummaryLine(`Skipped: ${inputs.skip.reason}`)
    return
  }
  const manifest = await readManifest({
    file: inputs.file,
    manifest: inputs.path,
    repository: inputs.repository,
    apiUrl: inputs.apiUrl,
    env: process.env
  })
  log.info(
    `Manifest ${manifest.path}: ${manifest.entries.length} ${manifest.entries.length === 1 ? 'entry' : 'entries'}; ` +
      `operation ${inputs.operation}` +
      `${inputs.operation === 'upsert' ? `, prune ${inputs.prune}` : ''}${inputs.dryRun ? '; dry run' : ''}.`
  )
  const deadline = new Deadline(inputs.timeoutSeconds)
  const concurrency = readConcurrency(process.env.KAPSO_ACTION_CONCURRENCY)
  const transport = kapsoTransport(inputs, deadline, closers, concurrency)
  const clients = new ManifestClients(transport, progress, deadline, inputs.apiUrl, concurrency)
  const { plan, webhookIds } = await apply(manifest, inputs, clients, deadline)
  const drift = planChanges(plan)
  logPlan(plan, inputs.dryRun)
  log.setOutputs(
    {
      result: drift ? 'changed' : 'unchanged',
      plan: jsonOutput(planJson(plan)),
      'webhook-ids': jsonOutput(webhookIds),
      drift: String(drift),
      'dry-run': String(inputs.dryRun)
    },
    ['result', 'drift', 'dry-run']
  )
  await writeManifestSummary(manifest.path, plan, inputs)
  // After the work in Kapso, and never its undoing: a comment that fails is a warning.
  if (inputs.comment)
    await commentOnPlan(manifest.path, plan, inputs, gitHub(inputs, deadline, closers, concurrency)?.comments)
  if (drift && inputs.failOnDrift) {
    const changed = plan.filter((row) => row.action !== 'unchanged').length
    log.fail(
      `Drift: ${count(changed, 'webhook')} in Kapso ${changed === 1 ? 'differs' : 'differ'} from ${manifest.path} ` +
        '(see the plan). A run without dry-run applies the file.'
    )
  }
}

async function apply(
  manifest: Manifest,
  inputs: ManifestInputs,
  clients: ManifestClients,
  deadline: Deadline
): Promise<{ plan: PlanRow[]; webhookIds: Record<string, string> }> {
  if (inputs.operation === 'delete')
    return { plan: await deleteOwned(manifest, inputs, clients, new Set()), webhookIds: {} }
  const done = await reconcileEntries(manifest, inputs, clients, { deadline })
  const pruned = inputs.prune ? await deleteOwned(manifest, inputs, clients, done.kept, done.listed) : []
  const webhookIds = Object.fromEntries(done.rows.map((row) => [row.name, row.webhookId]))
  return { plan: [...done.rows, ...pruned], webhookIds }
}

/** One line per row, what was (or would be) done, and the fields that differ. */
function logPlan(plan: PlanRow[], dryRun: boolean): void {
  if (dryRun) log.info('Dry run, nothing written: the plan says what would be done.')
  for (const row of plan) {
    const action = dryRun && row.action !== 'unchanged' ? `would ${row.action}` : DONE[row.action]
    log.info(
      `${row.name || '(no name)'}: ${action}${row.adopted ? ' (adopted)' : ''} ` +
        `${row.webhookId ? `webhook ${row.webhookId}` : 'a new webhook'} for ${row.url} in ${row.scope}` +
        (row.changes.length > 0 ? ` (${row.changes.join(', ')})` : '')
    )
  }
}

const DONE = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'unchanged' } as const

async function writeManifestSummary(path: string, plan: PlanRow[], inputs: ManifestInputs): Promise<void> {
  const heading = `Kapso webhooks: ${path}, ${inputs.operation}${inputs.dryRun ? ' (dry run, nothing written)' : ''}`
  await writeSummarySection(heading, manifestPlanMarkdown(plan, inputs.dryRun))
}
