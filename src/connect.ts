import type { Deadline } from './deadline.js'
import { lazyPullRequestApi } from './github/lazy.js'
import type { ActionInputs } from './inputs/index.js'
import { KapsoClient } from './kapso/client.js'
import { DeliveriesClient } from './kapso/deliveries.js'
import { Transport } from './kapso/transport.js'
import type { Effects } from './operations/index.js'
import type { Progress } from './progress.js'

const USER_AGENT = 'kapso-webhook-action/1'
/**
 * The first retry waits about this long, each further one twice as long; verify reads this often, and a
 * create whose outcome is unknown is looked for again at this pace (10 paces in all). Tests shorten it.
 */
export const BACKOFF_MS = Number(process.env.KAPSO_ACTION_BACKOFF_MS) || 1000

/**
 * Requests in flight at once to one service, and so the connections (through a proxy, the tunnels) open to
 * each host: KAPSO_ACTION_CONCURRENCY, a whole number from 1; 4 when unset or anything else.
 */
export const CONCURRENCY = /^[1-9]\d*$/.test(process.env.KAPSO_ACTION_CONCURRENCY ?? '')
  ? Number(process.env.KAPSO_ACTION_CONCURRENCY)
  : 4

/**
 * Kapso (kept-alive connections for the step) and, loaded only when called, GitHub. `closers` collects
 * what must be closed when the step ends, so that no socket holds the process.
 */
export function connect(
  inputs: ActionInputs,
  deadline: Deadline,
  progress: Progress,
  closers: (() => void)[]
): Effects {
  const retry = {
    maxAttempts: inputs.maxAttempts,
    timeoutMs: inputs.requestTimeoutSeconds * 1000,
    backoffMs: BACKOFF_MS,
    deadline
  }
  const transport = new Transport({
    ...retry,
    service: 'Kapso',
    headers: { 'X-API-Key': inputs.apiKey },
    userAgent: USER_AGENT,
    connections: CONCURRENCY
  })
  closers.push(() => transport.close())
  const lookAgain = { paceMs: BACKOFF_MS, deadline }
  const client = new KapsoClient(
    {
      apiUrl: inputs.apiUrl,
      defaultApiUrl: inputs.defaultApiUrl,
      scope: inputs.scope,
      kind: inputs.desired.kind,
      deadline,
      lookAgain
    },
    transport,
    progress
  )
  const github = inputs.githubToken
    ? lazyPullRequestApi({ ...retry, token: inputs.githubToken, userAgent: USER_AGENT, connections: CONCURRENCY })
    : undefined
  if (github) closers.push(() => github.close())
  const deliveries = inputs.scope.kind === 'legacy' ? undefined : new DeliveriesClient(inputs.apiUrl, transport)
  return { api: client, github, deliveries, pollMs: BACKOFF_MS, deadline }
}
