/**
 * The sample event bodies a test delivery sends, per payload version (shared/kapso-api/NOTES.md §5,
 * DOCS-EVT, DOCS-PRJ, DOCS-LEG1): v2 puts `phone_number_id` at the top and a Meta-style `message`
 * with a `kapso` part; v1 nests a `whatsapp_config`; a meta webhook gets Meta's own envelope.
 * Plausible shapes, not Kapso's exact bytes: a receiver should verify the signature, not the layout.
 */
import { isProjectScoped, type StoredWebhook } from './store.js'

const TEXT = 'This is a test webhook from Kapso'
const CUSTOMER_NUMBER = '15551234567'
const SAMPLE_PHONE_NUMBER_ID = '123456789012345'

export interface SampleIds {
  projectId: string
  /** The Kapso config behind the webhook's phone number (null for a project-scoped webhook). */
  configId: string | null
  /** An id unique to this delivery, for the sample's own ids. */
  uniqueId: string
  now: Date
}

/** The phone number of the conversation an event is about, or null for events with none. */
export function conversationNumberOf(event: string, webhook: StoredWebhook): string | null {
  return webhook.kind === 'meta' || event.startsWith('whatsapp.message.') || event.startsWith('whatsapp.conversation.') ? `+${CUSTOMER_NUMBER}` : null
}

export function samplePayload(event: string, webhook: StoredWebhook, ids: SampleIds): unknown {
  if (webhook.kind === 'meta') return metaPayload(webhook.scopeId, ids)
  if (isProjectScoped(webhook)) return projectPayload(event, webhook.payload_version, ids)
  const conversation = { id: `conv-${ids.uniqueId}`, phone_number: `+${CUSTOMER_NUMBER}`, status: 'active' }
  const message = event.startsWith('whatsapp.message.') ? ids : undefined
  if (webhook.payload_version === 'v1') {
    return {
      ...(message && { message: { id: `msg-${ids.uniqueId}`, message_type: 'text', content: TEXT, direction: direction(event), status: status(event), origin: 'cloud_api' } }),
      conversation: { ...conversation, whatsapp_config_id: ids.configId },
      whatsapp_config: { id: ids.configId, phone_number_id: webhook.scopeId },
      is_new_conversation: event === 'whatsapp.conversation.created',
      test: true
    }
  }
  return {
    ...(message && { message: v2Message(event, ids) }),
    conversation: { ...conversation, phone_number_id: webhook.scopeId },
    is_new_conversation: event === 'whatsapp.conversation.created',
    phone_number_id: webhook.scopeId,
    test: true
  }
}

const direction = (event: string): string => (event === 'whatsapp.message.received' ? 'inbound' : 'outbound')
const status = (event: string): string => event.replace('whatsapp.message.', '')

function v2Message(event: string, ids: SampleIds): unknown {
  const inbound = direction(event) === 'inbound'
  return {
    id: `wamid.TEST${ids.uniqueId.replace(/-/g, '')}`,
    timestamp: String(Math.floor(ids.now.getTime() / 1000)),
    type: 'text',
    text: { body: TEXT },
    ...(inbound ? { from: CUSTOMER_NUMBER } : { to: CUSTOMER_NUMBER }),
    kapso: { direction: direction(event), status: status(event), processing_status: 'completed', origin: 'cloud_api', has_media: false, content: TEXT }
  }
}

function projectPayload(event: string, version: string, ids: SampleIds): unknown {
  const occurred = ids.now.toISOString()
  if (event.startsWith('whatsapp.phone_number.')) {
    const base = { project: { id: ids.projectId }, customer: { id: ids.uniqueId } }
    return version === 'v1' ? { whatsapp_config: { id: ids.uniqueId, phone_number_id: SAMPLE_PHONE_NUMBER_ID }, ...base } : { phone_number_id: SAMPLE_PHONE_NUMBER_ID, ...base }
  }
  if (event.startsWith('workflow.execution.')) {
    const handoff = event === 'workflow.execution.handoff'
    return {
      event,
      occurred_at: occurred,
      project_id: ids.projectId,
      workflow_id: ids.uniqueId,
      workflow_execution_id: ids.uniqueId,
      status: handoff ? 'handoff' : 'failed',
      channel: 'whatsapp',
      ...(handoff ? { handoff: { reason: 'Test handoff', source: 'agent_tool' } } : { error: { message: 'Test failure' } })
    }
  }
  return { event, occurred_at: occurred, project_id: ids.projectId, name: 'emulator.test', properties: { test: true } }
}

/** Meta's own webhook envelope, forwarded as is to a meta-kind webhook. */
function metaPayload(phoneNumberId: string, ids: SampleIds): unknown {
  const message = { from: CUSTOMER_NUMBER, id: `wamid.TEST${ids.uniqueId.replace(/-/g, '')}`, timestamp: String(Math.floor(ids.now.getTime() / 1000)), type: 'text', text: { body: TEXT } }
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId },
    contacts: [{ profile: { name: 'Test' }, wa_id: CUSTOMER_NUMBER }],
    messages: [message]
  }
  return { object: 'whatsapp_business_account', entry: [{ id: 'WHATSAPP_BUSINESS_ACCOUNT_ID', changes: [{ field: 'messages', value }] }] }
}
