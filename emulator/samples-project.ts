/**
 * The sample bodies of project events (the project-level groups of events.ts). The phone number
 * lifecycle and workflow shapes follow SKILLS webhooks-event-types.md and DOCS-PRJ (NOTES §4, §5);
 * `whatsapp.config.created` is the v1 name of a connected number (DOCS-LEG1). No source shows the
 * account enforcement, agent run or project.event payloads: those are plausible guesses, each with
 * `event`, `occurred_at` and `project_id` as the workflow events have.
 */
import type { SampleIds } from './samples.js'

const SAMPLE_PHONE_NUMBER_ID = '123456789012345'

export function projectPayload(event: string, version: string, ids: SampleIds): unknown {
  if (event === 'whatsapp.config.created' || event.startsWith('whatsapp.phone_number.'))
    return lifecycle(event, version, ids)
  const common = { event, occurred_at: ids.now.toISOString(), project_id: ids.projectId }
  if (event.startsWith('workflow.execution.')) return { ...common, ...workflow(event, ids) }
  if (event.startsWith('whatsapp.account.')) return { ...common, ...account(event) }
  if (event.startsWith('kapso_agent.run.')) return { ...common, ...agentRun(event, ids) }
  return { ...common, name: 'emulator.test', properties: { test: true } }
}

/** A phone number connected, removed, offboarded, disconnected or reconnected. */
function lifecycle(event: string, version: string, ids: SampleIds): unknown {
  const base = { project: { id: ids.projectId }, customer: { id: ids.uniqueId } }
  const change = event.replace(/^whatsapp\.(phone_number|config)\./, '')
  const extra = ['offboarded', 'disconnected', 'reconnected'].includes(change)
    ? { status: change, occurred_at: ids.now.toISOString() }
    : {}
  const v1 = version === 'v1' || event === 'whatsapp.config.created'
  const where = v1
    ? { whatsapp_config: { id: ids.uniqueId, phone_number_id: SAMPLE_PHONE_NUMBER_ID } }
    : { phone_number_id: SAMPLE_PHONE_NUMBER_ID }
  return { ...where, ...base, ...extra }
}

function workflow(event: string, ids: SampleIds): Record<string, unknown> {
  const handoff = event === 'workflow.execution.handoff'
  return {
    workflow_id: ids.uniqueId,
    workflow_execution_id: ids.uniqueId,
    status: handoff ? 'handoff' : 'failed',
    channel: 'whatsapp',
    ...(handoff
      ? { handoff: { reason: 'Test handoff', source: 'agent_tool' } }
      : { error: { message: 'Test failure' } })
  }
}

function account(event: string): Record<string, unknown> {
  const change = event.replace('whatsapp.account.', '')
  return {
    phone_number_id: SAMPLE_PHONE_NUMBER_ID,
    business_account_id: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
    account: { status: change === 'violation' ? 'active' : change },
    ...(change === 'violation' || change === 'restricted'
      ? { violation: { type: 'TEST_VIOLATION', description: 'Test enforcement' } }
      : {})
  }
}

function agentRun(event: string, ids: SampleIds): Record<string, unknown> {
  const status = event.replace('kapso_agent.run.', '')
  return {
    agent_id: ids.uniqueId,
    run: { id: ids.uniqueId, status },
    ...(status === 'approval_required' && { approval: { tool: 'test_tool', arguments: {} } }),
    ...(status === 'failed' && { error: { message: 'Test failure' } })
  }
}
