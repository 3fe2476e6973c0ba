/**
 * Kapso's event catalog, as Kapso's own current webhooks reference lists it (SKILLS
 * `skills/integrate-whatsapp/references/webhooks-reference.md` at commit 90dadcba11c8417adda78610b5b2b95672f34809):
 * "Only the names below are accepted. Creating or updating a Kapso webhook with any other event name
 * returns `422` and saves nothing". shared/kapso-api/NOTES.md §4 has the same names, some of them as
 * unverified; this later page confirms them all.
 *
 * Kept apart from src/ on purpose: the emulator stands for Kapso, and must not learn its rules from the
 * code it tests.
 */

/** Where an event can be subscribed to: a phone number's webhook (or a legacy config's), or the project's. */
export type EventScope = 'phone_number' | 'project'

export interface EventGroup {
  /** The group's heading on Kapso's page. */
  group: string
  scope: EventScope
  events: readonly string[]
}

export const EVENT_CATALOG: readonly EventGroup[] = [
  {
    group: 'Message events (config-level)',
    scope: 'phone_number',
    events: [
      'whatsapp.message.received',
      'whatsapp.message.sent',
      'whatsapp.message.delivered',
      'whatsapp.message.read',
      'whatsapp.message.failed'
    ]
  },
  {
    group: 'Conversation events',
    scope: 'phone_number',
    events: ['whatsapp.conversation.created', 'whatsapp.conversation.ended', 'whatsapp.conversation.inactive']
  },
  {
    group: 'Contact events',
    scope: 'phone_number',
    events: [
      'whatsapp.contact.identity_changed',
      'whatsapp.contact.marketing_preference_changed',
      'whatsapp.meta_business_agent.handover'
    ]
  },
  {
    group: 'Lifecycle events (project-level only)',
    scope: 'project',
    events: [
      'whatsapp.config.created',
      'whatsapp.phone_number.created',
      'whatsapp.phone_number.deleted',
      'whatsapp.phone_number.offboarded',
      'whatsapp.phone_number.disconnected',
      'whatsapp.phone_number.reconnected'
    ]
  },
  {
    group: 'Account enforcement events (project-level only)',
    scope: 'project',
    events: [
      'whatsapp.account.disabled',
      'whatsapp.account.restricted',
      'whatsapp.account.reinstated',
      'whatsapp.account.violation'
    ]
  },
  { group: 'Workflow events', scope: 'project', events: ['workflow.execution.handoff', 'workflow.execution.failed'] },
  { group: 'Custom project events', scope: 'project', events: ['project.event'] },
  {
    group: 'Agent run events',
    scope: 'project',
    events: [
      'kapso_agent.run.approval_required',
      'kapso_agent.run.completed',
      'kapso_agent.run.failed',
      'kapso_agent.run.cancelled'
    ]
  }
]

const eventsOf = (scope: EventScope): readonly string[] =>
  EVENT_CATALOG.filter((g) => g.scope === scope).flatMap((g) => g.events)

/** What a phone-number webhook (and a legacy config's) takes: the message, conversation and contact events. */
export const PHONE_NUMBER_EVENTS: readonly string[] = eventsOf('phone_number')
/** What a project-scoped webhook takes: lifecycle, account, workflow, custom project and agent run events. */
export const PROJECT_EVENTS: readonly string[] = eventsOf('project')
/** Every event name Kapso accepts, in the page's order. */
export const KAPSO_EVENTS: readonly string[] = [...PHONE_NUMBER_EVENTS, ...PROJECT_EVENTS]

/**
 * Kapso's 422 message for event names it refuses, every name listed once, in the order sent, each in
 * double quotes, comma-separated: `Events contains unsupported events: "a.b", "c.d"`.
 */
export function unsupportedEventsMessage(names: readonly string[]): string {
  return `Events contains unsupported events: ${[...new Set(names)].map((name) => JSON.stringify(name)).join(', ')}`
}
