import type { Delivery } from '../boundary/deliveries.js'
import type { Deadline } from '../deadline.js'
import * as log from '../log.js'

/** The outcome of a test delivery: what the endpoint answered, when Kapso knows. */
export interface Verification {
  status: 'delivered' | 'failed' | 'unconfirmed'
  /** The endpoint's HTTP status; undefined when it did not answer (or not yet). */
  responseStatus?: number
  /** Kapso's attempts so far; 0 or undefined when it had made none when the step stopped waiting. */
  attempts?: number
  /** The test event; undefined for a meta webhook (Kapso's default test event). */
  event?: string
  url: string
}

/** The calls verify makes; DeliveriesClient is the real one. */
export interface DeliveryApi {
  list(webhookId: string, event: string | undefined): Promise<Delivery[]>
  test(webhookId: string, event: string | undefined, isNew: (delivery: Delivery) => boolean): Promise<void>
}

export interface VerifyOptions {
  timeoutSeconds: number
  /** Between two reads of the deliveries. */
  pollMs: number
  deadline: Deadline
}

/**
 * Asks Kapso for a test delivery to the webhook and reads its deliveries until the one that was not
 * there before is delivered or failed, or the time is up. A first attempt the endpoint answered with
 * anything but 2xx counts as failed at once: Kapso retries it 10, 40 and 90 s later, but the same
 * endpoint would answer the same.
 */
export async function verifyDelivery(
  webhook: { id: string; url: string },
  event: string | undefined,
  api: DeliveryApi,
  options: VerifyOptions
): Promise<Verification> {
  const before = new Set((await api.list(webhook.id, event)).map((d) => d.id))
  const isNew = (d: Delivery): boolean => !before.has(d.id) && (event === undefined || d.event === event)
  await api.test(webhook.id, event, isNew)
  log.info(
    `Asked Kapso for a test delivery${event ? ` of ${event}` : ''} to ${webhook.url}; waiting up to ` +
      `${options.timeoutSeconds} s for the endpoint's answer.`
  )
  // Leave the step's deadline a second to report, whatever verify-timeout-seconds says.
  const ends = Date.now() + Math.min(options.timeoutSeconds * 1000, options.deadline.remainingMs() - 1000)
  let last: Delivery | undefined
  while (Date.now() + options.pollMs < ends) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs))
    last = (await api.list(webhook.id, event)).find(isNew) ?? last
    if (!last) continue
    const answered = last.response_status !== undefined
    const seen = { responseStatus: last.response_status, attempts: last.attempt_count, event, url: webhook.url }
    if (last.status === 'delivered') return { status: 'delivered', ...seen }
    if (last.status === 'failed' || (last.attempt_count > 0 && answered && !isSuccess(last.response_status)))
      return { status: 'failed', ...seen }
  }
  return {
    status: 'unconfirmed',
    responseStatus: last?.response_status,
    attempts: last?.attempt_count,
    event,
    url: webhook.url
  }
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300
}

/** Why an endpoint refuses a delivery, by what it answered. */
export function likelyCauses(status: number | undefined): string {
  if (status === undefined)
    return (
      'the endpoint gave no answer within the 10 s Kapso waits: is the preview up, reachable from the internet, ' +
      'and quick to answer?'
    )
  if (status === 401 || status === 403) {
    return (
      'the preview is protected by its host (a Vercel preview with Deployment Protection answers 401 until its ' +
      'bypass header, ' +
      'x-vercel-protection-bypass, is sent: add it through headers), or the receiver rejects the signature ' +
      '(X-Webhook-Signature is the hex HMAC-SHA256 of the raw body, keyed with the secret-key output).'
    )
  }
  if (status === 404 || status === 405 || status === 410)
    return "url's path is wrong: nothing there takes a POST. Check the route the preview serves."
  if (status >= 300 && status < 400)
    return 'the endpoint redirects, and Kapso does not follow redirects: give the final URL.'
  if (status === 400 || status === 422)
    return (
      'the receiver refused the body: check that it reads the payload version the webhook sends ' +
      '(payload-version) and verifies the signature on the raw body.'
    )
  if (status === 429) return 'the receiver is rate-limiting.'
  if (status >= 500) return 'the receiver failed while handling the event: look at its logs.'
  return "look at the receiver's logs for this request."
}

/** What the endpoint answered, in words: "HTTP 401", or "no answer". */
export function endpointAnswer(v: Verification): string {
  return v.responseStatus === undefined ? 'no answer' : `HTTP ${v.responseStatus}`
}

/** The log and error text of a verification. */
export function describeVerification(v: Verification): string {
  const what = `Kapso's test delivery${v.event ? ` of ${v.event}` : ''} to ${v.url}`
  const answer = endpointAnswer(v)
  switch (v.status) {
    case 'delivered':
      return `${what} was delivered: the endpoint answered ${answer}.`
    case 'failed':
      if (v.responseStatus === undefined) {
        return (
          `${what} failed: the endpoint never answered${v.attempts ? ` Kapso's ${attempts(v.attempts)}` : ''}. ` +
          `Likely cause: ${likelyCauses(undefined)}`
        )
      }
      return `${what} failed: the endpoint answered ${answer}. Likely cause: ${likelyCauses(v.responseStatus)}`
    case 'unconfirmed':
      if (v.attempts && v.responseStatus === undefined) {
        return (
          `${what} is not confirmed yet: the endpoint has not answered Kapso's ${attempts(v.attempts)} so far. Kapso ` +
          `waits 10 s for an answer, ` +
          `retries 10, 40 and 90 s after a failed attempt, and only then marks the delivery failed. Likely cause: ` +
          `${likelyCauses(undefined)}`
        )
      }
      return (
        `${what} is not confirmed yet (last seen: ${answer}): Kapso had not recorded its outcome within ` +
        `verify-timeout-seconds. Raise it, or look at the webhook's deliveries in Kapso.`
      )
  }
}

/** "attempt", "3 attempts". */
function attempts(n: number): string {
  return n === 1 ? 'attempt' : `${n} attempts`
}
