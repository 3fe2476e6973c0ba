import { randomBytes } from 'node:crypto'
import type { Webhook } from '../boundary/kapso.js'
import { ActionError } from '../errors.js'
import type { ActionInputs, DesiredWebhook } from '../inputs/index.js'
import { describeScope, inScope } from '../kapso/scope.js'
import * as log from '../log.js'
import { formatRecord, readRecord, RECORD_HEADER, recordEntry } from '../ownership.js'
import { describeCreate, planCreate, planUpdate, publicView } from '../plan.js'
import { hideInServerText, maskSecret, maskWebhookSecret, MIN_MASKED_SECRET } from '../secrets.js'
import { count } from '../text.js'
import { sameUrl } from '../urls.js'
import type { Identity } from './identity.js'
import { emptyOutcomeParts, type Effects, type Outcome } from './types.js'

/** Makes the webhook found what the inputs describe: an update of the fields that differ, or nothing. */
export async function updateExisting(existing: Webhook, inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  // The webhook this step provisions: its secret is the one kept, and masked before anything else.
  // A secret-key given replaces it, so a short one needs no warning then.
  const held = secretInForce(existing, inputs.desired.secretKey !== undefined)
  for (const value of Object.values(existing.headers)) hideInServerText(value)

  const { desired } = inputs
  // The ownership record stays as it is: who created the webhook does not change with an update.
  const record = recordEntry(existing.headers)
  const wanted: DesiredWebhook = record
    ? { ...desired, headers: { ...desired.headers, [record[0]]: record[1] } }
    : desired
  const { changes, patch } = planUpdate(wanted, existing)
  const secretKey = desired.secretKey ?? held ?? ''
  if (changes.length === 0) {
    return {
      ...emptyOutcomeParts,
      result: 'unchanged',
      webhookId: existing.id,
      url: existing.url,
      secretKey,
      webhook: publicView(existing),
      record: readRecord(existing.headers)
    }
  }
  if (existing.active === false && desired.active) {
    log.warning(
      `Webhook ${existing.id} was inactive: Kapso may have paused it after its deliveries kept failing. It is made ` +
        `active again; ` +
        'check that the endpoint answers 2xx (verify: true asks Kapso for a test delivery).'
    )
  }
  if (inputs.dryRun) {
    const after = { ...existing, ...patch, headers: patch.headers ?? existing.headers }
    return {
      ...emptyOutcomeParts,
      result: 'updated',
      webhookId: existing.id,
      url: after.url,
      secretKey,
      webhook: publicView(after),
      changes
    }
  }
  const updated = await effects.api.update(existing.id, patch)
  const inForce = secretAfterWrite(updated, secretKey)
  return {
    ...emptyOutcomeParts,
    result: 'updated',
    webhookId: updated.id,
    url: updated.url,
    secretKey: inForce,
    webhook: publicView(updated),
    changes,
    record: readRecord(updated.headers)
  }
}

/** The webhook webhook-id names, when it is one this step may change: of its scope and kind. */
export async function findById(inputs: ActionInputs, api: Effects['api'], webhookId: string): Promise<Webhook> {
  const { desired, scope } = inputs
  const found = await api.get(webhookId)
  if (!found) {
    throw new ActionError(
      `webhook-id ${webhookId} matches no webhook of ${describeScope(scope)}. Check webhook-id, or leave it empty to ` +
        `find the webhook by url.`
    )
  }
  if (found.kind !== desired.kind) {
    throw new ActionError(
      `webhook-id ${webhookId} is a ${found.kind}-kind webhook; this step manages ${desired.kind}-kind webhooks (the ` +
        `kind input). A webhook's kind cannot change.`
    )
  }
  if (!inScope(scope, found)) {
    throw new ActionError(
      scope.kind === 'project'
        ? `webhook-id ${webhookId} is a webhook of phone number ${found.phone_number_id}, not a project webhook: ` +
            `give phone-number-id ${found.phone_number_id} instead of scope: project.`
        : `webhook-id ${webhookId} is a webhook of ${
            found.phone_number_id ? `phone number ${found.phone_number_id}` : 'the project'
          }, not of ${describeScope(scope)}. Check webhook-id; nothing was changed.`
    )
  }
  return found
}

/**
 * Creates the webhook the inputs describe, with the ownership record. `existingIds`: webhooks with the URL
 * before, so that a create whose answer is lost finds its own webhook and no other.
 */
export async function create(
  inputs: ActionInputs,
  effects: Effects,
  existingIds: string[],
  identity: Identity
): Promise<Outcome> {
  const { desired } = inputs
  const generated = desired.secretKey === undefined
  let secretKey = desired.secretKey ?? ''
  if (generated && !inputs.dryRun) {
    // 256 bits from the CSPRNG, hex like Kapso's signatures; masked before anything else sees it.
    secretKey = randomBytes(32).toString('hex')
    maskSecret(secretKey)
  }
  const headers = { ...desired.headers }
  if (identity.record) headers[RECORD_HEADER] = formatRecord(identity.record)
  const body = planCreate({ ...desired, headers }, secretKey)
  const changes = describeCreate(body, generated)
  const url = desired.url ?? ''
  if (inputs.dryRun)
    return {
      ...emptyOutcomeParts,
      result: 'created',
      webhookId: '',
      url,
      secretKey,
      webhook: publicView(body),
      changes
    }

  effects.beforeCreate?.(url, existingIds, secretKey, identity.record)
  const created = await effects.api.create(body, existingIds)
  // Kapso's copy is the one in force (an adopted webhook may come from another run at the same moment).
  const inForce = secretAfterWrite(created, secretKey)
  if (created.url !== url) {
    log.warning(
      `Kapso holds the new webhook ${created.id} with url ${created.url}, not ${url} as sent.` +
        (sameUrl(created.url, url)
          ? ' Both are the same URL in normal form, so re-runs find it.'
          : ' Re-runs with this url will not find it: check what Kapso did with the URL.')
    )
  }
  return {
    ...emptyOutcomeParts,
    result: 'created',
    webhookId: created.id,
    url: created.url,
    secretKey: inForce,
    webhook: publicView(created),
    changes,
    record: readRecord(created.headers)
  }
}

/**
 * The secret in force after a write that sent `sent`: that one, unless Kapso's answer holds another (an
 * adopted webhook may come from another run), which is then the one, masked or, when too short, withheld.
 */
function secretAfterWrite(webhook: Webhook, sent: string): string {
  return webhook.secret_key === undefined || webhook.secret_key === sent ? sent : (secretInForce(webhook) ?? '')
}

/**
 * The signing secret Kapso holds for the step's webhook, masked, for the secret-key output. Undefined when
 * Kapso did not send it, or when it is too short to mask (Kapso allows one character, and older versions
 * made such): that one is never printed nor given as an output, and the user is told to rotate it.
 */
function secretInForce(webhook: Webhook, replaced = false): string | undefined {
  const secret = webhook.secret_key
  if (secret === undefined || maskWebhookSecret(secret)) return secret
  if (!replaced)
    log.warning(
      `Webhook ${webhook.id} has a signing secret of ${count(secret.length, 'character')} in Kapso, fewer than ` +
        `${MIN_MASKED_SECRET}: ` +
        'short enough to guess, so a signature made with it proves little, and too short to mask in the log, so this ' +
        'step neither prints it ' +
        'nor gives it as the secret-key output. Rotate it: give secret-key a new secret of 16 characters or more ' +
        '(openssl rand -hex 32 makes one), ' +
        'and give the same to your endpoint.'
    )
  return undefined
}
