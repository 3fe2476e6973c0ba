import { RateGate, readConcurrency } from './concurrency.js'
import type { Deadline } from './deadline.js'
import { lazyGitHub, type LazyGitHub } from './github/lazy.js'
import type { ActionInputs } from './inputs/index.js'
import { KapsoClient } from './kapso/client.js'
import { DeliveriesClient } from './kapso/deliveries.js'
import type { Connections } from './kapso/connections.js'
import { Transport } from './kapso/transport.js'
import type { Effects } from './operations/index.js'
import type { Progress } from './progress.js'

const USER_AGENT = 'kapso-webhook-action/1'
/**
 * The first retry waits about this long, each further one twice as long; verify reads this often, and a
 * create whose outcome is unknown is looked for again at this pace (10 paces in all). Tests shorten it.
 */
export const BACKOFF_MS = Number(process.env.KAPSO_ACTION_BACKOFF_MS) || 1000

/** The bounds every request of the step keeps: attempts, each one's timeout, the backoff, the step's deadline. */
export interface Bounds {
  apiKey: string
  maxAttempts: number
  requestTimeoutSeconds: number
}

/**
 * Kapso's transport: kept-alive connections (through a proxy, tunnels), at most `concurrency` at once, closed
 * (through `closers`) when the step ends; `early`, the connections early.ts opened as the step started.
 */
export function kapsoTransport(
  inputs: Bounds,
  deadline: Deadline,
  closers: (() => void)[],
  concurrency: number,
  early?: Promise<Connections>
): Transport {
  const transport = new Transport({
    ...retryPolicy(inputs, deadline),
    service: 'Kapso',
    gate: new RateGate(),
    headers: { 'X-API-Key': inputs.apiKey },
    userAgent: USER_AGENT,
    connections: concurrency,
    early
  })
  closers.push(() => transport.close())
  return transport
}

/**
 * GitHub's API (loaded on first use), with its own rate gate and at most `concurrency` connections, closed
 * (through `closers`) when the step ends; undefined when github-token is empty.
 */
export function gitHub(
  inputs: Bounds & { githubToken: string },
  deadline: Deadline,
  closers: (() => void)[],
  concurrency: number
): LazyGitHub | undefined {
  if (!inputs.githubToken) return undefined
  const github = lazyGitHub({
    ...retryPolicy(inputs, deadline),
    gate: new RateGate(),
    concurrency,
    connections: concurrency,
    token: inputs.githubToken,
    userAgent: USER_AGENT
  })
  closers.push(() => github.close())
  return github
}

function retryPolicy(
  inputs: Bounds,
  deadline: Deadline
): { maxAttempts: number; timeoutMs: number; backoffMs: number; deadline: Deadline } {
  return {
    maxAttempts: inputs.maxAttempts,
    timeoutMs: inputs.requestTimeoutSeconds * 1000,
    backoffMs: BACKOFF_MS,
    deadline
  }
}

/**
 * Kapso (kept-alive connections for the step) and, loaded only when called, GitHub. `closers` collects
 * what must be closed when the step ends, so that no socket holds the process. Where order does not matter,
 * up to KAPSO_ACTION_CONCURRENCY requests go at once; each service has one rate gate, so that a rate limit
 * told to one request holds back the others.
 */
export function connect(
  inputs: ActionInputs,
  deadline: Deadline,
  progress: Progress,
  closers: (() => void)[],
  early?: Promise<Connections>
): Effects {
  const concurrency = readConcurrency(process.env.KAPSO_ACTION_CONCURRENCY)
  const transport = kapsoTransport(inputs, deadline, closers, concurrency, early)
  const lookAgain = { paceMs: BACKOFF_MS, deadline }
  const client = new KapsoClient(
    {
      apiUrl: inputs.apiUrl,
      defaultApiUrl: inputs.defaultApiUrl,
      scope: inputs.scope,
      kind: inputs.desired.kind,
      deadline,
      lookAgain,
      concurrency
    },
    transport,
    progress
  )
  const github = gitHub(inputs, deadline, closers, concurrency)
  const deliveries = inputs.scope.kind === 'legacy' ? undefined : new DeliveriesClient(inputs.apiUrl, transport)
  return {
    api: client,
    github: github?.pulls,
    ...(inputs.comment && github && { comments: github.comments }),
    deliveries,
    pollMs: BACKOFF_MS,
    deadline,
    concurrency
  }
}
