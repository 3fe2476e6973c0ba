/** Warnings about valid inputs that will not do what they seem to: each only logs. */
import { CATALOG_READ } from '../events.js'
import type { Scope } from '../kapso/scope.js'
import * as log from '../log.js'
import { hasEmptySegment } from '../urls.js'
import type { Operation } from './types.js'
import { readInput } from './values.js'
import { unknownEvents } from './webhook.js'

/**
 * What the event says about the operation asked for: an unknown event name, or an upsert on a closed pull
 * request. `subject` goes before the input's name: "orders." for a manifest's entry orders.
 */
export function warnAboutEvent(
  operation: Operation,
  requested: string,
  closing: boolean,
  scope: Scope,
  events: readonly string[],
  subject = ''
): void {
  if (closing && operation === 'upsert' && requested === 'upsert') {
    log.warning(
      'The pull request is closed, and operation upsert keeps its webhook. Use operation auto to delete it when the ' +
        'pull request closes.'
    )
  }
  if (operation !== 'upsert' && operation !== 'create') return
  for (const event of unknownEvents(events, scope)) {
    log.warning(
      `${subject}events has ${event}, which is not in Kapso's event catalog as this action knows it ` +
        `(read ${CATALOG_READ}): it is sent as given. ` +
        'If Kapso does not know it either, Kapso refuses it (HTTP 422) and the step fails, naming it.'
    )
  }
}

/** Inputs that the operation, or buffer-enabled false, leaves unused; a url with an empty path segment. */
export function warnAboutIgnored(
  operation: Operation,
  cleanup: boolean,
  bufferEnabled: boolean,
  url: string | undefined,
  subject = ''
): void {
  if (cleanup && (operation === 'delete' || operation === 'sweep'))
    log.warning(`cleanup has no effect with operation ${operation}: there is nothing provisioned to remove.`)
  if (!bufferEnabled) {
    for (const name of ['buffer-window-seconds', 'max-buffer-size', 'buffer-events']) {
      if (readInput(name)) log.warning(`${subject}${name} is ignored while buffer-enabled is false.`)
    }
  }
  if (url && hasEmptySegment(url)) {
    log.warning(
      `${subject}url has an empty path segment (//): ${url}. Kapso keeps it as written, and it is another URL than ` +
        `the one with a single slash. ` +
        'A URL built as ${{ steps.deploy.outputs.url }}/path gets one when the deploy URL ends with "/".'
    )
  }
}
