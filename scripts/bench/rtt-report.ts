/**
 * The round-trip part's tables, from what bench/rtt.ts gathered: one per runtime and round-trip time, each
 * variant set against the minimal time, the floor, concurrency 1 and the direct route; then issue 16's targets.
 */
import { CONCURRENCY_BOUND, type LatencyCase } from './cases.js'
import { markdownTable, median, pairedRatios, range } from './stats.js'
import { targetTable } from './targets.js'

export interface Runtime {
  label: string
  bin: string
  version: string
}

export type Route = 'direct' | 'proxy'
type Concurrency = 'default' | '1'
/** The built bundle, or bench/floor.mjs (cases it can do, direct, default concurrency). */
export type Program = 'bundle' | 'floor'

export interface Variant {
  c: LatencyCase
  route: Route
  concurrency: Concurrency
  program: Program
}

export interface Sample {
  ms: number
  requests: number
  connections: string
  unexpected?: string
}

export const sampleKey = (v: Variant, runtime: Runtime, rtt: number): string =>
  `${v.c.name}\0${v.route}\0${v.concurrency}\0${v.program}\0${runtime.bin}\0${rtt}`

export const nodeKey = (runtime: Runtime, rtt: number): string => `${runtime.bin}\0${rtt}`

export interface Gathered {
  runtimes: Runtime[]
  rtts: number[]
  cases: LatencyCase[]
  /** Per sampleKey, one sample per measured round, in round order. */
  samples: Map<string, Sample[]>
  /** Per nodeKey, `node -e 0`'s time in each measured round. */
  nodeMs: Map<string, number[]>
}

/** Each run's time in round order, NaN for a run that failed (paired ratios stay within a round). */
const timed = (samples: Sample[]): number[] => samples.map((x) => (x.unexpected ? NaN : x.ms))
/** The median of the figures that are numbers. */
const mid = (values: number[]): number => median(values.filter(Number.isFinite))

/**
 * Handshake round trips: TCP and TLS 1.3. Through the proxy too: its CONNECT costs the same TCP handshake,
 * made by the proxy (the runner to the proxy is a local hop).
 */
const HANDSHAKE_RTTS = 2

const LEGEND = [
  '- TLS to the emulators through a latency link (each chunk held RTT/2 each way, a new connection 1 RTT more),',
  '  direct or through a CONNECT proxy beside the runner (it dials the same links); wall time from spawn to',
  '  exit in a separate stopwatch process, its spawn cost (`true`) subtracted; medians',
  "- minimal = `node -e 0` (timed alike, with the bench's CA as the bundle has it: Node 20 reads it at start)",
  '  + round trips × RTT; round trips = 2 to connect (TCP, TLS 1.3; through the proxy the TCP handshake is the',
  "  proxy's), + the requests:"
]
const LEGEND_END = [
  '- floor: scripts/bench/floor.mjs, the hand-written least client (upsert and create only, the whole URL in',
  "  Kapso's filter, one kept-alive connection, no proxy), with the bundle's environment, in the same rounds;",
  '  × floor: the median of the within-round ratios (direct route of the cases it can do; – elsewhere)',
  '- × conc 1: against the same run with KAPSO_ACTION_CONCURRENCY=1 (cases with parallel phases only);',
  '  × direct: the proxy run against the direct one',
  '- connections: Kapso+GitHub TCP connections (direct) or tunnels (proxy)'
]

export function report(g: Gathered): void {
  console.log('\n## Round trips: what a user waits for\n')
  console.log(LEGEND.join('\n'))
  for (const c of g.cases) console.log(`  - ${c.name}: ${c.requestRtts} (${c.why})`)
  console.log(LEGEND_END.join('\n'))
  for (const runtime of g.runtimes) {
    for (const rtt of g.rtts) printTable(g, runtime, rtt)
    printTargets(g, runtime)
  }
}

/** One runtime's samples of a variant at a round-trip time, and its minimal time. */
function seriesOf(g: Gathered, runtime: Runtime) {
  return {
    get: (c: LatencyCase, route: Route, concurrency: Concurrency, program: Program, rtt: number): Sample[] =>
      g.samples.get(sampleKey({ c, route, concurrency, program }, runtime, rtt)) ?? [],
    minimal: (c: LatencyCase, rtt: number): number =>
      median(g.nodeMs.get(nodeKey(runtime, rtt)) ?? []) + (HANDSHAKE_RTTS + c.requestRtts) * rtt
  }
}

const HEADER = [
  'case',
  'route',
  'requests',
  'connections',
  'median ms',
  'minimal ms',
  '× minimal',
  'floor ms',
  '× floor',
  '× conc 1',
  '× direct'
]

function printTable(g: Gathered, runtime: Runtime, rtt: number): void {
  const { get, minimal } = seriesOf(g, runtime)
  const node = median(g.nodeMs.get(nodeKey(runtime, rtt)) ?? [])
  console.log(`\n### ${runtime.label}, RTT ${rtt} ms (node -e 0: ${node.toFixed(1)} ms)\n`)
  const rows: string[][] = []
  const notes: string[] = []
  const warn = (what: string, all: Sample[]): void => {
    // A run that failed measures nothing the case says: it is counted in a warning, not in the figures.
    const bad = all.filter((x) => x.unexpected)
    if (bad.length) notes.push(`${what}: ${bad.length} of ${all.length} runs failed (first: ${bad[0]?.unexpected})`)
  }
  for (const c of g.cases) {
    const floor = get(c, 'direct', 'default', 'floor', rtt)
    warn(`${c.name} / floor`, floor)
    const direct = timed(get(c, 'direct', 'default', 'bundle', rtt))
    for (const route of ['direct', 'proxy'] as const) {
      const all = get(c, route, 'default', 'bundle', rtt)
      warn(`${c.name} / ${route}`, all)
      const s = all.filter((x) => !x.unexpected)
      const ms = timed(all)
      const one = timed(get(c, route, '1', 'bundle', rtt))
      const withFloor = route === 'direct' && floor.length > 0
      rows.push([
        c.name,
        route,
        range(s.map((x) => x.requests)),
        [...new Set(s.map((x) => x.connections))].join(', '),
        mid(ms).toFixed(0),
        minimal(c, rtt).toFixed(0),
        (mid(ms) / minimal(c, rtt)).toFixed(2),
        withFloor ? mid(timed(floor)).toFixed(0) : '–',
        withFloor ? mid(pairedRatios(ms, timed(floor))).toFixed(2) : '–',
        one.length ? mid(pairedRatios(ms, one)).toFixed(2) : '–',
        route === 'proxy' ? mid(pairedRatios(ms, direct)).toFixed(2) : '–'
      ])
    }
  }
  console.log(markdownTable(HEADER, rows, [false, false, ...HEADER.slice(2).map(() => true)]))
  for (const note of notes) console.log(`\nWARNING ${note}`)
}

function printTargets(g: Gathered, runtime: Runtime): void {
  const { get, minimal } = seriesOf(g, runtime)
  const series = (name: string, route: Route, concurrency: Concurrency, program: Program, rtt: number): Sample[] => {
    const c = g.cases.find((x) => x.name === name)
    return c ? get(c, route, concurrency, program, rtt) : []
  }
  const succeeded = (name: string, route: Route, rtt: number): Sample[] =>
    series(name, route, 'default', 'bundle', rtt).filter((x) => !x.unexpected)
  console.log(`\n### ${runtime.label}: the targets of issue 16\n`)
  console.log(
    targetTable({
      ms: (name, route, concurrency, rtt) => timed(series(name, route, concurrency, 'bundle', rtt)),
      floor: (name, rtt) => timed(series(name, 'direct', 'default', 'floor', rtt)),
      connections: (name, route, rtt) => succeeded(name, route, rtt).map((x) => x.connections),
      requests: (name, route, rtt) => succeeded(name, route, rtt).map((x) => x.requests),
      minimal: (name, _route, rtt) => {
        const c = g.cases.find((x) => x.name === name)
        return c ? minimal(c, rtt) : NaN
      },
      bound: CONCURRENCY_BOUND
    })
  )
}
