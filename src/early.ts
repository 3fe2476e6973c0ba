import { readConcurrency } from './concurrency.js'
import { ACTION_DEFAULTS } from './inputs/defaults.js'
import { readApiUrl, readScope } from './inputs/scope.js'
import { givenInput, readInput, readRequestTimeoutSeconds } from './inputs/values.js'
import { openConnections, type Connections } from './kapso/connections.js'

/**
 * Kapso's first connection, opened as the step starts (index.ts, before the rest of the action loads): its
 * TCP and TLS handshakes (two round trips; through a proxy, its CONNECT too) then happen while the step
 * loads its code and checks its inputs, not after.
 *
 * Opened only when the step will ask Kapso something: no manifest, and an API key, a scope and an api-url
 * that read without fault (the inputs' own readers; their errors are readInputs' to report). Nothing is sent
 * on it but the TLS handshake until every input has passed: a step whose inputs fail closes it unused, and a
 * Dependabot run (no API key) opens none. The first request to Kapso's host takes it; if it failed or closed
 * meanwhile, that request opens another and meets the error itself. Resolves once the connection is under
 * way (its handshakes are not waited for).
 */
export function openEarly(): Promise<Connections> | undefined {
  if (givenInput('manifest') || !readInput('api-key')) return undefined
  const scope = readScope(() => undefined)
  const api = readApiUrl(scope, () => undefined)
  if (!scope || !api) return undefined
  let concurrency: number
  try {
    concurrency = readConcurrency(process.env.KAPSO_ACTION_CONCURRENCY)
  } catch {
    return undefined
  }
  // The agents' chunk (node:https, TLS) loads beside http-client's, not after it.
  void import('./kapso/agents.js').catch(() => undefined)
  // A proxy's CONNECT is bounded by the request-timeout-seconds given, as a request's own is (a bad value fails
  // the step before any request, and the default stands meanwhile).
  const timeoutSeconds =
    readRequestTimeoutSeconds(() => undefined) ?? Number(ACTION_DEFAULTS['request-timeout-seconds'])
  return openConnections(concurrency, timeoutSeconds * 1000).then(async (connections) => {
    await connections.routes.warm(api.url).catch(() => undefined)
    return connections
  })
}

/** Closes what openEarly opened, when no transport took it (a step whose inputs failed). */
export function closeEarly(early: Promise<Connections>): () => void {
  return () =>
    void early.then(
      ({ routes }) => routes.close(),
      () => undefined
    )
}
