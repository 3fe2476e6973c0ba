import { Deadline } from '../deadline.js'
import type { ActionInputs } from '../inputs/index.js'
import { identify } from './identity.js'
import { create } from './provision.js'
import { remove, sweep } from './remove.js'
import { upsert } from './upsert.js'
import type { Effects, Outcome } from './types.js'
import { verifyDelivery } from './verify.js'

export type { Effects, Outcome, PullRequestApi, Result, SweepEntry, WebhookApi } from './types.js'

/** With verify on, once the webhook is in place: Kapso's test delivery to it, and how it ended. */
export async function verifyIfAsked(inputs: ActionInputs, effects: Effects, outcome: Outcome): Promise<Outcome> {
  const { verifyTimeoutSeconds, desired } = inputs
  if (verifyTimeoutSeconds === undefined || !effects.deliveries || !outcome.webhookId || outcome.result === 'skipped')
    return outcome
  const event = desired.kind === 'meta' ? undefined : desired.events[0]
  const deadline = effects.deadline ?? new Deadline(inputs.timeoutSeconds)
  const options = { timeoutSeconds: verifyTimeoutSeconds, pollMs: effects.pollMs ?? 1000, deadline }
  return {
    ...outcome,
    verification: await verifyDelivery({ id: outcome.webhookId, url: outcome.url }, event, effects.deliveries, options)
  }
}

/** Carries out the operation the inputs ask for. In a dry run, reads only. */
export async function applyOperation(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  switch (inputs.operation) {
    case 'create': {
      const identity = await identify(inputs, effects)
      // What has this URL already: a create retried after a lost answer must not mistake it for its own.
      const before = await effects.api.findByUrl(inputs.desired.url as string)
      return create(
        inputs,
        effects,
        before.map((w) => w.id),
        identity
      )
    }
    case 'delete':
      return remove(inputs, effects)
    case 'upsert':
      return upsert(inputs, effects)
    case 'sweep':
      return sweep(inputs, effects)
  }
}
