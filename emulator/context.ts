/**
 * What the route modules share: the state, the settings in force, and the shape of a request and its
 * answer. The server builds one RouteContext and hands it to legacy.ts, platform.ts and deliveries.ts.
 */
import type { DeliveryService } from './deliveries.js'
import type { Api, WebhookStore } from './store.js'

/** Untruthful behaviour on demand, for tests of a client that must trust nothing Kapso says. */
export interface Lies {
  /** Store a created or updated webhook's URL in another form than sent (e.g. the host lower-cased, a trailing slash). */
  storeUrl?: (url: string) => string
  /** Answer list requests as if no `kind` filter had been given (meta webhooks come back although kapso was asked for). */
  ignoreKindFilter?: boolean
  /** Hold every API request this long before handling it; dropped unhandled if the client gives up first. */
  latencyMs?: number
}

/** What can change while the emulator runs (see KapsoEmulator.configure); reset() restores the start values. */
export interface EmulatorSettings {
  /** The project's plan includes project events, so `project.event` can be subscribed to (else 402). Default false. */
  projectEventsPlan: boolean
  /** How long a webhook endpoint has to answer a delivery before the attempt counts as failed (Kapso: 10 s). */
  receiverTimeoutMs: number
  /**
   * Delays before each retry of a delivery that did not get a 2xx. Default Kapso's: 10 s, 40 s and 90 s
   * ("Anything else is retried after 10 s, 40 s and 90 s", DOCS-OVR, NOTES §5), so a delivery stays
   * pending for 140 s before it is failed. [] fails it after one attempt.
   */
  deliveryRetryDelaysMs: number[]
  /**
   * How fast the retry delays pass: 1 is real time, 0.001 makes 10/40/90 s take 10/40/90 ms, 0 retries at
   * once. Only the retry delays: receiverTimeoutMs is not scaled. A finite number ≥ 0; default 1.
   */
  deliveryTimeScale: number
  /** Extra CA or self-signed certificates (PEM) to trust when delivering, besides Node's own; TLS stays verified. */
  deliveryCa?: string | string[]
  /**
   * A hosts file for deliveries: a webhook URL's host (as URL.host gives it) → the address:port to connect to
   * instead, e.g. { 'staging.example.com': '127.0.0.1:8443' }. The request still names the host, and TLS
   * checks the certificate against it, so a test receiver can stand for a workflow's fixed URL.
   */
  deliveryHosts?: Record<string, string>
  /**
   * How long a webhook created through the API stays out of list answers: Kapso's lists may lag seconds
   * behind a create, as an index updated after the write would. A read by id sees it at once, and an
   * update or a delete shows in lists at once; a seeded webhook is listed at once. Default 0.
   */
  listLagMs: number
  lies: Lies
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  projectEventsPlan: false,
  receiverTimeoutMs: 10_000,
  deliveryRetryDelaysMs: [10_000, 40_000, 90_000],
  deliveryTimeScale: 1,
  listLagMs: 0,
  lies: {}
}

export interface RouteContext {
  store: WebhookStore
  settings: EmulatorSettings
  /** The WhatsApp config UUIDs (legacy) and phone number ids (Platform API) that exist. */
  scopes: Record<Api, Set<string>>
  deliveries: DeliveryService
  /** The base URL of an API generation, for Link headers and paging links. */
  apiUrl: (api: Api) => string
}

/** One API request, its path relative to the generation's base URL and its JSON body parsed. */
export interface ApiRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}
