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
  /** Delays before each retry of a delivery that did not get a 2xx (Kapso: 10/40/90 s). Default []: failed after one attempt. */
  deliveryRetryDelaysMs: number[]
  /** Extra CA or self-signed certificates (PEM) to trust when delivering, besides Node's own; TLS stays verified. */
  deliveryCa?: string | string[]
  lies: Lies
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  projectEventsPlan: false,
  receiverTimeoutMs: 10_000,
  deliveryRetryDelaysMs: [],
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
