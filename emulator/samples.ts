/**
 * The sample event bodies a test delivery sends, per payload version (shared/kapso-api/NOTES.md §5,
 * DOCS-EVT, DOCS-PRJ, DOCS-LEG1, SKILLS webhooks-event-types.md): v2 puts `phone_number_id` at the top
 * and a Meta-style `message` with a `kapso` part; v1 nests a `whatsapp_config`; a meta webhook gets
 * Meta's own envelope. There is one for every event of Kapso's catalog (events.ts); project events are
 * samples-project.ts's. Plausible shapes, not Kapso's exact bytes: a receiver should verify the
 * signature, not the layout. Where no source shows an event's payload (the handover), the shape is a guess.
 */
import { projectPayload } from './samples-project.js'
import { isProjectScoped, type StoredWebhook } from './store.js'

const TEXT = 'This is a test webhook from Kapso'
export const CUSTOMER_NUMBER = '15551234567'

export interface SampleIds {
  projectId: string
  /** The Kapso config behind the webhook's phone number (null for a project-scoped webhook). */
  configId: string | null
  /** An id unique to this delivery, for the sample's own ids. */
  uniqueId: string
  now: Date
}

/** The events about one conversation: their deliveries name its phone number. */
const aboutConversation = (event: string): boolean =>
  event.startsWith('whatsapp.message.') ||
  event.startsWith('whatsapp.conversation.') ||
  event === 'whatsapp.meta_business_agent.handover'

/** The phone number of the conversation an event is about, or null for events with none. */
export function conversationNumberOf(event: string, webhook: StoredWebhook): string | null {
  return webhook.kind === 'meta' || (!isProjectScoped(webhook) && aboutConversation(event))
    ? `+${CUSTOMER_NUMBER}`
    : null
}

export function samplePayload(event: string, webhook: StoredWebhook, ids: SampleIds): unknown {
  if (webhook.kind === 'meta') return metaPayload(webhook.scopeId, ids)
  if (isProjectScoped(webhook)) return projectPayload(event, webhook.payload_version, ids)
  const v1 = webhook.payload_version === 'v1'
  const routing = v1
    ? { whatsapp_config: { id: ids.configId, phone_number_id: webhook.scopeId } }
    : { phone_number_id: webhook.scopeId }
  const conversation = {
    id: `conv-${ids.uniqueId}`,
    phone_number: `+${CUSTOMER_NUMBER}`,
    status: event === 'whatsapp.conversation.ended' ? 'ended' : 'active',
    ...(v1 ? { whatsapp_config_id: ids.configId } : { phone_number_id: webhook.scopeId })
  }
  return { ...eventBody(event, webhook, conversation, ids), ...routing, test: true }
}

/** What an event of a phone number's is about, without the routing part. */
function eventBody(
  event: string,
  webhook: StoredWebhook,
  conversation: Record<string, unknown>,
  ids: SampleIds
): Record<string, unknown> {
  const at = ids.now.toISOString()
  if (event.startsWith('whatsapp.message.')) {
    const message = webhook.payload_version === 'v1' ? v1Message(event, ids) : v2Message(event, ids)
    return { message, conversation, is_new_conversation: false }
  }
  if (event === 'whatsapp.conversation.inactive') {
    const since = { id: `msg-${ids.uniqueId}`, whatsapp_message_id: wamid(ids), direction: 'inbound', created_at: at }
    return { conversation, since_message: since, inactivity: { minutes: webhook.inactivity_minutes } }
  }
  if (event === 'whatsapp.contact.identity_changed') {
    return {
      contact: contact(ids),
      previous: { business_scoped_user_id: 'US.TEST.PREVIOUS', parent_business_scoped_user_id: null }
    }
  }
  if (event === 'whatsapp.contact.marketing_preference_changed') {
    return {
      contact: contact(ids),
      marketing_preference: {
        status: 'stopped',
        previous_status: 'resumed',
        detail: null,
        occurred_at: at,
        sequence: 1
      }
    }
  }
  if (event === 'whatsapp.meta_business_agent.handover') {
    return { conversation, handover: { reason: 'Test handover', source: 'meta_business_agent', occurred_at: at } }
  }
  return { conversation, ...(event === 'whatsapp.conversation.created' && { is_new_conversation: true }) }
}

const direction = (event: string): string => (event === 'whatsapp.message.received' ? 'inbound' : 'outbound')
const status = (event: string): string => event.replace('whatsapp.message.', '')
const wamid = (ids: SampleIds): string => `wamid.TEST${ids.uniqueId.replace(/-/g, '')}`
const unixTime = (ids: SampleIds): string => String(Math.floor(ids.now.getTime() / 1000))

function contact(ids: SampleIds): Record<string, unknown> {
  const at = ids.now.toISOString()
  return {
    id: `contact-${ids.uniqueId}`,
    wa_id: CUSTOMER_NUMBER,
    profile_name: 'Test',
    display_name: 'Test',
    created_at: at,
    updated_at: at
  }
}

function v1Message(event: string, ids: SampleIds): unknown {
  return {
    id: `msg-${ids.uniqueId}`,
    message_type: 'text',
    content: TEXT,
    direction: direction(event),
    status: status(event),
    origin: 'cloud_api'
  }
}

function v2Message(event: string, ids: SampleIds): unknown {
  const inbound = direction(event) === 'inbound'
  return {
    id: wamid(ids),
    timestamp: unixTime(ids),
    type: 'text',
    text: { body: TEXT },
    ...(inbound ? { from: CUSTOMER_NUMBER } : { to: CUSTOMER_NUMBER }),
    kapso: {
      direction: direction(event),
      status: status(event),
      processing_status: 'completed',
      origin: 'cloud_api',
      has_media: false,
      content: TEXT
    }
  }
}

/** Meta's own webhook envelope, forwarded as is to a meta-kind webhook. */
function metaPayload(phoneNumberId: string, ids: SampleIds): unknown {
  const message = {
    from: CUSTOMER_NUMBER,
    id: wamid(ids),
    timestamp: unixTime(ids),
    type: 'text',
    text: { body: TEXT }
  }
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId },
    contacts: [{ profile: { name: 'Test' }, wa_id: CUSTOMER_NUMBER }],
    messages: [message]
  }
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: 'WHATSAPP_BUSINESS_ACCOUNT_ID', changes: [{ field: 'messages', value }] }]
  }
}
