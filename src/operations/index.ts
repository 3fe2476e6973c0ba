import type { ActionInputs } from '../inputs/index.js'
import { create, upsert } from './provision.js'
import { remove, sweep } from './remove.js'
import type { Effects, Outcome } from './types.js'

export type { Effects, Outcome, PullRequestApi, Result, SweepEntry, WebhookApi } from './types.js'

/** Carries out the operation the inputs ask for. In a dry run, reads only. */
export async function applyOperation(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  switch (inputs.operation) {
    case 'create': {
      // What has this URL already: a create retried after a lost answer must not mistake it for its own.
      const before = await effects.api.findByUrl(inputs.desired.url as string)
      return create(inputs, effects, before.map((w) => w.id))
    }
    case 'delete':
      return remove(inputs, effects.api)
    case 'upsert':
      return upsert(inputs, effects)
    case 'sweep':
      return sweep(inputs, effects)
  }
}
