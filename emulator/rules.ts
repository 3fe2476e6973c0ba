/**
 * Every rule by which the emulator is stricter than Kapso's published schemas, in one table: each is a
 * rule Kapso's own prose states (a description inside the spec, or a docs page), with its source key
 * from shared/kapso-api/NOTES.md. The emulator refuses nothing else beyond what the schemas say
 * (fields.ts); a rule that no source states does not belong here.
 */
import { KAPSO_EVENTS, PHONE_NUMBER_EVENTS, PROJECT_EVENTS, unsupportedEventsMessage } from './events.js'
import type { WebhookInput } from './fields.js'
import { ApiError, type Api, type StoredWebhook } from './store.js'

const BUFFERABLE_EVENTS = ['whatsapp.message.received']
const PAYLOAD_VERSIONS = ['v1', 'v2']

/** Where a webhook lives: a legacy WhatsApp config, one phone number, or the whole project. */
export type Scope = 'config' | 'phone_number' | 'project'

/** One create or update, as the rules see it. */
export interface SaveContext {
  api: Api
  scope: Scope
  /** The fields the request sent, schema-checked (a meta webhook's events already normalised away). */
  sent: WebhookInput
  /** The webhook as it would be stored if the request succeeds. */
  result: StoredWebhook
  /** The webhook before an update; absent on a create. */
  before?: StoredWebhook
  /** The other webhooks of the same phone number. */
  siblings: StoredWebhook[]
  /** Whether the project's plan includes project events (EmulatorOptions.projectEventsPlan). */
  projectEventsPlan: boolean
}

/** One test request (POST /whatsapp/webhooks/{webhook_id}/test), as the rules see it. */
export interface TestContext {
  webhook: StoredWebhook
  /** The `event_type` asked for; undefined when the default event was asked for. */
  eventType: string | undefined
}

export interface StricterRule<Context = SaveContext> {
  id: string
  rule: string
  /** Why: the source that states it, by its NOTES.md key and section. */
  reason: string
  status: 402 | 422
  /** The error message when the request breaks the rule, else undefined. */
  violation: (context: Context) => string | undefined
}

const outside = (value: number | undefined, min: number, max: number): boolean =>
  value !== undefined && (value < min || value > max)
/** A legacy config's webhook takes what a phone number's does. */
const eventsOf = (scope: Scope): readonly string[] => (scope === 'project' ? PROJECT_EVENTS : PHONE_NUMBER_EVENTS)

const SAVE_RULES: readonly StricterRule[] = [
  {
    id: 'kind-immutable',
    rule: "A webhook's kind cannot be changed after creation",
    reason: 'V1SPEC WhatsappWebhookUpdateRequest.kind: "cannot be changed after creation" (NOTES §2.4, §9.2)',
    status: 422,
    violation: ({ sent, before }) =>
      before && sent.kind !== undefined && sent.kind !== before.kind
        ? 'Kind cannot be changed after creation'
        : undefined
  },
  {
    id: 'meta-needs-phone-number',
    rule: 'A meta webhook belongs to a phone number: a project-scoped one must be kapso',
    reason: 'V1SPEC WhatsappProjectWebhookRequest.kind: meta "Requires phone_number_id" (NOTES §2.5)',
    status: 422,
    violation: ({ scope, result }) =>
      scope === 'project' && result.kind === 'meta' ? 'Phone number is required for meta webhooks' : undefined
  },
  {
    id: 'https-url',
    rule: 'The webhook URL must use https',
    reason: 'DOCS-OVR: "All webhooks use HTTPS"; DOCS-GUIDE: enter the HTTPS endpoint URL (NOTES §1.2, Sources)',
    status: 422,
    violation: ({ sent }) =>
      sent.url !== undefined && new URL(sent.url).protocol !== 'https:' ? 'Url must use https' : undefined
  },
  {
    id: 'events-known',
    rule: "Only the event names of Kapso's catalog are accepted; any other name is refused, every one of them listed, and nothing is saved",
    reason:
      'SKILLS webhooks-reference.md @90dadcba: "Only the names below are accepted. Creating or updating a Kapso webhook with any other event name returns 422 and saves nothing — on update the existing subscriptions are kept", with the body {"error": "Events contains unsupported events: \\"whatsapp.message.status_updated\\""} (NOTES §4 lists the same names)',
    status: 422,
    violation: ({ sent }) => {
      const unknown = sent.events?.filter((event) => !KAPSO_EVENTS.includes(event)) ?? []
      return unknown.length === 0 ? undefined : unsupportedEventsMessage(unknown)
    }
  },
  {
    id: 'events-of-scope',
    rule: 'Phone-number (and legacy) webhooks take the message, conversation and contact events; project-scoped webhooks take the lifecycle, account, workflow, project and agent run events',
    reason:
      'SKILLS webhooks-reference.md @90dadcba ("Use config-level for any whatsapp.message.* and whatsapp.conversation.* events", "project-level only" groups) and DOCS-PRJ ("never receive message or conversation events") (NOTES §4). No source gives this refusal\'s wording: it is Kapso\'s one documented wording for refused event names',
    status: 422,
    violation: ({ scope, sent }) => {
      const outside = sent.events?.filter((event) => !eventsOf(scope).includes(event)) ?? []
      return outside.length === 0 ? undefined : unsupportedEventsMessage(outside)
    }
  },
  {
    id: 'kapso-needs-events',
    rule: 'A kapso webhook needs at least one event (on create and after an update)',
    reason:
      'V1SPEC: events "Required and non-empty when kind is \'kapso\'" (the schema says so only for POST …/phone_numbers/{id}/webhooks) (NOTES §2.3)',
    status: 422,
    violation: ({ result }) =>
      result.kind === 'kapso' && result.events.length === 0 ? "Events can't be blank" : undefined
  },
  {
    id: 'secret-not-blank',
    rule: "A legacy webhook's secret_key may not be empty",
    reason:
      'V1SPEC gives the same field minLength 1, "never generated for you"; the legacy schema only marks it required (NOTES §1.2, §2.3)',
    status: 422,
    violation: ({ api, sent }) => (api === 'legacy' && sent.secret_key === '' ? "Secret key can't be blank" : undefined)
  },
  {
    id: 'buffer-events',
    rule: 'Only whatsapp.message.received can be buffered',
    reason: 'LSPEC buffer_events: "currently only supports whatsapp.message.received"; DOCS-EVT (NOTES §1.2, §4)',
    status: 422,
    violation: ({ sent }) => {
      const other = sent.buffer_events?.find((event) => !BUFFERABLE_EVENTS.includes(event))
      return other === undefined ? undefined : `Buffer events includes an unsupported event: ${other}`
    }
  },
  {
    id: 'buffer-window-range',
    rule: 'buffer_window_seconds is 1 to 60',
    reason: 'V1SPEC description "1-60, default 5" and DOCS-ADV (the legacy schema has it as min/max) (NOTES §2.3)',
    status: 422,
    violation: ({ sent }) =>
      outside(sent.buffer_window_seconds, 1, 60) ? 'Buffer window seconds must be between 1 and 60' : undefined
  },
  {
    id: 'max-buffer-size-range',
    rule: 'max_buffer_size is 1 to 100',
    reason: 'V1SPEC description "1-100" (the legacy schema has it as min/max) (NOTES §2.3)',
    status: 422,
    violation: ({ sent }) =>
      outside(sent.max_buffer_size, 1, 100) ? 'Max buffer size must be between 1 and 100' : undefined
  },
  {
    id: 'inactivity-range',
    rule: 'inactivity_minutes is 1 to 1440',
    reason: 'DOCS-EVT "1-1440, default 60" (the legacy schema has it as min/max; V1SPEC gives no range) (NOTES §2.3)',
    status: 422,
    violation: ({ sent }) =>
      outside(sent.inactivity_minutes, 1, 1440) ? 'Inactivity minutes must be between 1 and 1440' : undefined
  },
  {
    id: 'payload-version-values',
    rule: 'payload_version is v1 or v2',
    reason:
      'V1SPEC description "defaults to \'v2\'"; DOCS-LEG1: v1 is legacy, v2 current, the only two (NOTES §2.3, §5)',
    status: 422,
    violation: ({ sent }) =>
      sent.payload_version !== undefined && !PAYLOAD_VERSIONS.includes(sent.payload_version)
        ? 'Payload version must be v1 or v2'
        : undefined
  },
  {
    id: 'meta-no-buffering',
    rule: 'A meta webhook cannot buffer',
    reason:
      'V1SPEC buffer_enabled/buffer_events: "not supported for \'meta\' webhooks"; DOCS-OVR: "no buffering" (NOTES §2.3)',
    status: 422,
    violation: ({ sent, result }) =>
      result.kind === 'meta' && (sent.buffer_enabled === true || (sent.buffer_events?.length ?? 0) > 0)
        ? 'Buffering is not supported for meta webhooks'
        : undefined
  },
  {
    id: 'meta-no-payload-version',
    rule: 'A meta webhook takes no payload_version',
    reason: 'V1SPEC WhatsappWebhookRequest.payload_version: "not applicable for \'meta\' webhooks" (NOTES §2.3)',
    status: 422,
    violation: ({ sent, result }) =>
      result.kind === 'meta' && sent.payload_version !== undefined
        ? 'Payload version is not applicable to meta webhooks'
        : undefined
  },
  {
    id: 'one-meta-per-number',
    rule: 'Only one meta webhook per phone number',
    reason: 'DOCS-OVR: "Only one meta webhook is allowed per phone number"; SKILLS (NOTES §2.3, §9.3)',
    status: 422,
    violation: ({ result, siblings }) =>
      result.kind === 'meta' && siblings.some((w) => w.kind === 'meta')
        ? 'Phone number already has a meta webhook'
        : undefined
  },
  {
    id: 'project-event-plan',
    rule: 'Subscribing to project.event needs a plan with project events (402 otherwise)',
    reason:
      'V1SPEC create/update project webhook: "requires project events to be available on your plan", 402; DOCS-PRJ (NOTES §2.5, §4)',
    status: 402,
    violation: ({ sent, projectEventsPlan }) =>
      !projectEventsPlan && sent.events?.includes('project.event')
        ? 'Project events are not available on your plan'
        : undefined
  }
]

const TEST_RULES: readonly StricterRule<TestContext>[] = [
  {
    id: 'test-event-subscribed',
    rule: "A test delivery's event_type must be one the webhook subscribes to",
    // Every subscription is a name of Kapso's catalog (events-known), so an event_type Kapso does not know is refused here too.
    reason:
      'V1SPEC testWhatsappProjectWebhook: "The event type must be one of the events the webhook is configured to receive" (NOTES §2.6)',
    status: 422,
    violation: ({ webhook, eventType }) =>
      eventType !== undefined && !webhook.events.includes(eventType)
        ? `Event type ${eventType} is not configured on this webhook`
        : undefined
  }
]

/** Every stricter rule, for listing: those checked on a create or update, then those checked on a test request. */
export const STRICTER_RULES: readonly Omit<StricterRule<never>, 'violation'>[] = [...SAVE_RULES, ...TEST_RULES]

/** Refuses the create or update with the first stricter rule it breaks. */
export function enforceRules(context: SaveContext): void {
  enforce(SAVE_RULES, context)
}

/** Refuses the test request with the first stricter rule it breaks. */
export function enforceTestRules(context: TestContext): void {
  enforce(TEST_RULES, context)
}

function enforce<Context>(rules: readonly StricterRule<Context>[], context: Context): void {
  for (const rule of rules) {
    const message = rule.violation(context)
    if (message !== undefined) throw new ApiError(rule.status, message)
  }
}
