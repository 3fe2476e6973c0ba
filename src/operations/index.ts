import { Deadline } from '../deadline.js'
import type { ActionInputs } from '../inputs/index.js'
import { create, upsert } from './provision.js'
import { remove, sweep } from './remove.js'
import type { Effects, Outcome } from './types.js'
import { verifyDelivery } from './verify.js'

export type { Effects, Outcome, PullRequestApi, Result, SweepEntry, WebhookApi } from './types.js'

/** Carries out the operation the inputs ask for, then with verify on, the test delivery. In a dry run, reads only. */
export async function applyOperation(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  const outcome = await provisionOrRemove(inputs, effects)
  const { verifyTimeoutSeconds, desired } = inputs
  if (verifyTimeoutSeconds === undefined || !effects.deliveries || !outcome.webhookId) return outcome
  const event = desired.kind === 'meta' ? undefined : desired.events[0]
  const deadline = effects.deadline ?? new Deadline(inputs.timeoutSeconds)
  const options = { timeoutSeconds: verifyTimeoutSeconds, pollMs: effects.pollMs ?? 1000, deadline }
  return { ...outcome, verification: await verifyDelivery({ id: outcome.webhookId, url: outcome.url }, event, effects.deliveries, options) }
}

function provisionOrRemove(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  switch (inputs.operation) {
    case 'create':
      // What has this URL already: a create retried after a lost answer must not mistake it for its own.
      return effects.api.findByUrl(inputs.desired.url as string).then((before) => create(inputs, effects, before.map((w) => w.id)))
    case 'delete':
      return remove(inputs, effects.api)
    case 'upsert':
      return upsert(inputs, effects)
    case 'sweep':
      return sweep(inputs, effects)
  }
}
