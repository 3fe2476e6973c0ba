/**
 * Faults on demand: what a network, Kapso's front end, or a Kapso that cannot be trusted might do to one
 * API request. Rules apply once each, in order; chaos applies random faults, reproducible from a seed.
 */

/** What can go wrong with one request, as a network or Kapso's front end might make it go wrong. */
export type Fault =
  /** This answer instead of the real one; nothing is handled. Any status, any body (use it for wrong shapes). */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** An HTML error page from a proxy (502 unless given); nothing is handled. */
  | { kind: 'html'; status?: number }
  /** Handled, then answered with the real status and a truncated JSON body. */
  | { kind: 'malformed' }
  /** The connection is dropped before the request is handled. */
  | { kind: 'reset-before' }
  /** Handled (the change is committed), then the connection is dropped before any answer. */
  | { kind: 'reset-after' }
  /**
   * Handled (the change is committed), then answered with this status and body (default {"error":
   * "Bad Gateway"}) instead of the real answer: a gateway that gave up on an upstream that went on.
   */
  | { kind: 'status-after'; status: number; body?: unknown }
  /** Held for `ms` before handling; dropped unhandled if the client gives up first, as a hung upstream would. */
  | { kind: 'delay'; ms: number }
  /**
   * A lie: handled for real (the change is committed), then the JSON answer is passed through `body` before
   * it is sent, with the real status (e.g. a created webhook with another url, a number secret_key, an id
   * holding a line break). A 204 stays empty.
   */
  | { kind: 'rewrite'; body: (body: unknown) => unknown }

/** A fault for the next API request that matches. */
export interface FaultRule {
  /** Only requests with this method (default: any). */
  method?: string
  /** Only requests whose API-relative path matches (default: any). */
  path?: RegExp
  fault: Fault
}

/** Random faults on random requests, reproducible from the seed. */
export interface ChaosOptions {
  /** Chance that a request gets a fault, 0 to 1. */
  rate: number
  seed: number
  faults: Fault[]
}

export class FaultPlan {
  private readonly rules: FaultRule[] = []
  private chaosState?: { options: ChaosOptions; random: () => number }

  add(rule: FaultRule): void {
    this.rules.push(rule)
  }

  chaos(options: ChaosOptions | undefined): void {
    this.chaosState = options && { options, random: seededRandom(options.seed) }
  }

  clear(): void {
    this.rules.length = 0
    this.chaosState = undefined
  }

  /** The fault for this request, if any: the first matching rule (used up), else maybe a chaos fault. */
  take(method: string, path: string): Fault | undefined {
    const index = this.rules.findIndex(
      (rule) => (!rule.method || rule.method === method) && (!rule.path || rule.path.test(path))
    )
    if (index !== -1) return this.rules.splice(index, 1)[0]?.fault
    const chaos = this.chaosState
    if (!chaos || chaos.random() >= chaos.options.rate) return undefined
    return chaos.options.faults[Math.floor(chaos.random() * chaos.options.faults.length)]
  }
}

/** mulberry32: a small seeded generator, so that a chaos run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
