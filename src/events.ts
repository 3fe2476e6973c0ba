import { distance } from 'fastest-levenshtein'

/**
 * Events a phone-number (WhatsApp configuration) webhook can subscribe to: the eight that Kapso's docs
 * confirm (shared/kapso-api/NOTES.md §4). Neither OpenAPI enumerates them, so this list is ours to keep.
 */
export const KNOWN_EVENTS = [
  'whatsapp.message.received',
  'whatsapp.message.sent',
  'whatsapp.message.delivered',
  'whatsapp.message.read',
  'whatsapp.message.failed',
  'whatsapp.conversation.created',
  'whatsapp.conversation.ended',
  'whatsapp.conversation.inactive'
] as const

/**
 * Events a project-wide webhook (scope: project) can subscribe to: the five Kapso's project webhook docs
 * confirm (NOTES.md §4, DOCS-PRJ). project.event needs a plan that includes project events (else 402).
 * Project webhooks never receive message or conversation events.
 */
export const PROJECT_EVENTS = [
  'whatsapp.phone_number.created',
  'whatsapp.phone_number.deleted',
  'workflow.execution.handoff',
  'workflow.execution.failed',
  'project.event'
] as const

/** Kapso can batch only this event. */
export const BUFFERABLE_EVENTS = ['whatsapp.message.received'] as const

/** Splits a list input on commas and new lines, trims, drops empties and repeats, keeps the order. */
export function splitList(raw: string): string[] {
  const items = raw
    .split(/[,\r\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
  return [...new Set(items)]
}

/** The allowed name closest to `name`, when it is close enough to be a likely typo. */
export function suggest(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of allowed) {
    const d = distance(lower, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  // Up to a third of the name may differ: catches case, a dropped letter or a swapped word part.
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined
}
