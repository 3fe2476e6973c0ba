/**
 * The round-trip cases of `npm run bench`: what a user waits for, over TLS, with a round-trip time. Each case
 * says how to put the emulators in its starting state, the inputs, how the run must end, and its unavoidable
 * round trips (the "minimal" column): a new connection costs 2 (TCP, then TLS 1.3), a CONNECT through the
 * proxy 1 more, each request 1; requests that need not wait for each other share a round trip, at most
 * CONCURRENCY_BOUND of them (the action's default of KAPSO_ACTION_CONCURRENCY), and GitHub's connection
 * opens while Kapso's list is read.
 */
import { EMULATOR_DEFAULTS, type KapsoEmulator } from '../../emulator/server.js'
import type { GitHubEmulator } from '../../emulator/github.js'

export const CONCURRENCY_BOUND = 4
export const REPO = 'octo-org/shop'
const EVENTS = 'whatsapp.message.received'
const RECORD = 'X-Provisioned-By'

export interface Emulators {
  kapso: KapsoEmulator
  github: GitHubEmulator
}

export interface LatencyCase {
  name: string
  api: 'legacy' | 'platform'
  /** The step's inputs, besides api-key, api-url and the scope. */
  inputs: Record<string, string>
  /** A sweep needs GitHub: a schedule event, GITHUB_API_URL. */
  github?: boolean
  /** Whether it has phases that run in parallel: then it is also run with KAPSO_ACTION_CONCURRENCY=1. */
  parallel: boolean
  /**
   * Whether bench/floor.mjs can do it (an upsert that finds its webhook unchanged, or creates it): then the
   * floor runs it too, direct only (the floor knows no proxy).
   */
  floor?: boolean
  /** Round trips for requests, after the connection is open (see above). */
  requestRtts: number
  /** What the round trips are, for the table's legend. */
  why: string
  /** Puts the emulators in the case's state; returns the expected outputs. */
  prepare(emulators: Emulators): Record<string, string>
}

const pages = (webhooks: number): number => Math.ceil(webhooks / 100)
/** Round trips for n requests that need not wait for each other, CONCURRENCY_BOUND at a time. */
const bounded = (n: number): number => Math.ceil(n / CONCURRENCY_BOUND)

function seedPullRequests(
  { kapso, github }: Emulators,
  total: number,
  pulls: number,
  closedEvery: number
): Record<string, string> {
  kapso.reset()
  const states = Array.from({ length: pulls }, (_, i) => ({
    number: i + 1,
    state: (i % closedEvery === 0 ? 'closed' : 'open') as 'open' | 'closed'
  }))
  github.setPullRequests(states)
  for (let i = 0; i < total; i++) {
    const pull = i < pulls ? i + 1 : undefined
    kapso.seed('legacy', EMULATOR_DEFAULTS.configId, {
      url: pull ? `https://pr-${pull}.preview.acme.dev/api/whatsapp` : `https://shop-${i}.example.com/hooks/whatsapp`,
      headers: pull ? { [RECORD]: `kapso-webhook-action; repository=${REPO}; pull-request=${pull}` } : {}
    })
  }
  return { result: 'deleted', 'deleted-count': String(states.filter((s) => s.state === 'closed').length) }
}

function sweep(name: string, total: number, pulls: number, closedEvery: number): LatencyCase {
  const closed = Math.ceil(pulls / closedEvery)
  const listing = 1 + bounded(pages(total) - 1)
  const batches = Math.ceil(pulls / 100)
  return {
    name,
    api: 'legacy',
    inputs: { operation: 'sweep', url: '', events: '' },
    github: true,
    parallel: true,
    requestRtts: listing + bounded(batches) + bounded(closed),
    why: `${pages(total)} list pages (1, then ${CONCURRENCY_BOUND} at a time: ${listing}), ${batches} GraphQL quer${batches === 1 ? 'y' : 'ies'} (${bounded(batches)}), ${closed} deletes (${bounded(closed)})`,
    prepare: (emulators) => seedPullRequests(emulators, total, pulls, closedEvery)
  }
}

const HOOK = 'https://bench.preview.acme.dev/api/whatsapp'

export const LATENCY_CASES: LatencyCase[] = [
  {
    name: 'unchanged',
    api: 'legacy',
    inputs: { url: HOOK, events: EVENTS },
    parallel: false,
    floor: true,
    requestRtts: 1,
    why: 'the list, filtered by URL',
    prepare: ({ kapso }) => {
      kapso.reset()
      const { id } = kapso.seed('legacy', EMULATOR_DEFAULTS.configId, { url: HOOK, events: [EVENTS] })
      return { result: 'unchanged', 'webhook-id': id }
    }
  },
  {
    name: 'create',
    api: 'legacy',
    inputs: { url: HOOK, events: EVENTS },
    parallel: false,
    floor: true,
    requestRtts: 2,
    why: 'the list, the POST',
    prepare: ({ kapso }) => {
      kapso.reset()
      return { result: 'created' }
    }
  },
  {
    name: 'update',
    api: 'legacy',
    inputs: { url: HOOK, events: EVENTS },
    parallel: false,
    requestRtts: 2,
    why: 'the list, the PATCH',
    prepare: ({ kapso }) => {
      kapso.reset()
      const { id } = kapso.seed('legacy', EMULATOR_DEFAULTS.configId, { url: HOOK, events: ['whatsapp.message.sent'] })
      return { result: 'updated', 'webhook-id': id }
    }
  },
  ...(['legacy', 'platform'] as const).map((api): LatencyCase => ({
    name: `delete by id (${api})`,
    api,
    inputs: { operation: 'delete', 'webhook-id': '', url: '', events: '' },
    parallel: false,
    requestRtts: api === 'legacy' ? 1 : 2,
    why: api === 'legacy' ? 'the DELETE' : 'the GET of the webhook (whose is it?), the DELETE',
    prepare: ({ kapso }) => {
      kapso.reset()
      const scope = api === 'legacy' ? EMULATOR_DEFAULTS.configId : EMULATOR_DEFAULTS.phoneNumberId
      const { id } = kapso.seed(api, scope, { url: HOOK, events: [EVENTS] })
      return { result: 'deleted', 'webhook-id': id }
    }
  })),
  {
    name: 'unchanged among 10000 same-path',
    api: 'legacy',
    inputs: { url: HOOK, events: EVENTS },
    parallel: true,
    floor: true,
    requestRtts: 1,
    why: "the list, filtered by the URL's host and path (1 page)",
    prepare: ({ kapso }) => {
      kapso.reset()
      for (let i = 0; i < 10_000; i++)
        kapso.seed('legacy', EMULATOR_DEFAULTS.configId, { url: `https://pr-${i}.preview.acme.dev/api/whatsapp` })
      const { id } = kapso.seed('legacy', EMULATOR_DEFAULTS.configId, { url: HOOK, events: [EVENTS] })
      return { result: 'unchanged', 'webhook-id': id }
    }
  },
  sweep('sweep 10 recorded', 10, 10, 10),
  sweep('sweep 10000 (250 PRs, 25 closed)', 10_000, 250, 10)
]

/** The case's inputs with the webhook id it was prepared with, where it deletes by id. */
export function inputsFor(c: LatencyCase, expected: Record<string, string>): Record<string, string> {
  return 'webhook-id' in c.inputs ? { ...c.inputs, 'webhook-id': expected['webhook-id'] ?? '' } : c.inputs
}
