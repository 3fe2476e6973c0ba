import { distance } from 'fastest-levenshtein'

/*
 * Kapso's event catalog, the one list of events in this action. Read on 2026-12-06 from Kapso's own webhooks
 * reference (repository gokapso/agent-skills, skills/integrate-whatsapp/references/webhooks-reference.md at
 * commit 90dadcba11c8417adda78610b5b2b95672f34809): "Only the names below are accepted"; any other name is
 * answered 422 "Events contains unsupported events: …" and nothing is saved. Message, conversation and
 * contact events go to a phone number's webhooks (a legacy WhatsApp configuration is one phone number);
 * lifecycle, account, workflow, custom project and agent-run events to project webhooks only, which "never
 * receive message or conversation events". A name Kapso adds later is still sent, with a warning.
 */

/** When the catalog below was read from Kapso's sources. */
export const CATALOG_READ = '2026-12-06'

/** What a phone-number webhook (phone-number-id, or whatsapp-config-id on the legacy API) takes. */
export const PHONE_NUMBER_EVENTS = [
  'whatsapp.message.received',
  'whatsapp.message.sent',
  'whatsapp.message.delivered',
  'whatsapp.message.read',
  'whatsapp.message.failed',
  'whatsapp.conversation.created',
  'whatsapp.conversation.ended',
  'whatsapp.conversation.inactive',
  'whatsapp.contact.identity_changed',
  'whatsapp.contact.marketing_preference_changed',
  'whatsapp.meta_business_agent.handover'
] as const

/** What a project webhook (scope: project) takes. project.event needs a plan with project events (else 402). */
export const PROJECT_EVENTS = [
  'whatsapp.config.created',
  'whatsapp.phone_number.created',
  'whatsapp.phone_number.deleted',
  'whatsapp.phone_number.offboarded',
  'whatsapp.phone_number.disconnected',
  'whatsapp.phone_number.reconnected',
  'whatsapp.account.disabled',
  'whatsapp.account.restricted',
  'whatsapp.account.reinstated',
  'whatsapp.account.violation',
  'workflow.execution.handoff',
  'workflow.execution.failed',
  'project.event',
  'kapso_agent.run.approval_required',
  'kapso_agent.run.completed',
  'kapso_agent.run.failed',
  'kapso_agent.run.cancelled'
] as const

/** Kapso can batch only this event (its reference: "Buffering (message.received)"). */
export const BUFFERABLE_EVENTS = ['whatsapp.message.received'] as const

/** How an event name reads as Kapso writes them: lower-case words joined by dots. */
const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/
/** A name this close to a known one (or equal to it but for case) is a typo, not a new event: refused. */
const TYPO_DISTANCE = 2

/** What an event name given for a scope is. */
export type EventVerdict =
  | { verdict: 'known' }
  /** Known, but taken by the other kind of webhook (phone number or project). */
  | { verdict: 'other-scope' }
  | { verdict: 'typo'; near: string }
  /** Not an event name at all. */
  | { verdict: 'malformed'; near?: string }
  /** Well-formed and unknown here: perhaps an event Kapso added since; sent, with a warning. */
  | { verdict: 'unknown' }

export function classifyEvent(name: string, allowed: readonly string[], other: readonly string[]): EventVerdict {
  if (allowed.includes(name)) return { verdict: 'known' }
  if (other.includes(name)) return { verdict: 'other-scope' }
  const near = typoOf(name, [...allowed, ...other])
  if (!EVENT_NAME.test(name)) return { verdict: 'malformed', near: near ?? suggest(name, allowed) }
  return near ? { verdict: 'typo', near } : { verdict: 'unknown' }
}

/** Splits a list input on commas and new lines, trims, drops empties and repeats, keeps the order. */
export function splitList(raw: string): string[] {
  const items = raw
    .split(/[,\r\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
  return [...new Set(items)]
}

/** The candidate `name` is a typo of: at most two edits away, case aside. */
export function typoOf(name: string, candidates: readonly string[]): string | undefined {
  return nearest(name.toLowerCase(), candidates, TYPO_DISTANCE)
}

/** The allowed name closest to `name`, when it is close enough to be a likely typo (a third of it may differ). */
export function suggest(name: string, allowed: readonly string[]): string | undefined {
  return nearest(name.toLowerCase(), allowed, Math.max(2, Math.floor(name.length / 3)))
}

/** The candidate closest to `name`, when at most `maxDistance` edits away. */
function nearest(name: string, candidates: readonly string[], maxDistance: number): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(name, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= maxDistance ? best : undefined
}
