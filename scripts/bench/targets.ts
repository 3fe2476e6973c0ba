/**
 * The targets of issue 16, read from the round-trip part's figures: each met, not met, or not measured in
 * this run (a case left out by --case, or a round-trip time not in --rtt). Printed after the tables.
 */
import { markdownTable, median, pairedRatios } from './stats.js'

const mid = (values: number[]): number => median(values.filter(Number.isFinite))

export interface Figures {
  /** Wall times (spawn cost subtracted) of a variant, one per round; [] when not run. */
  ms(caseName: string, route: 'direct' | 'proxy', concurrency: 'default' | '1', rtt: number): number[]
  /** Wall times of bench/floor.mjs on the case, direct, one per round (paired with ms's); [] when not run. */
  floor(caseName: string, rtt: number): number[]
  /** The connections of each run: "kapso+github" (direct) or tunnels (proxy). */
  connections(caseName: string, route: 'direct' | 'proxy', rtt: number): string[]
  requests(caseName: string, route: 'direct' | 'proxy', rtt: number): number[]
  /** The minimal time of a variant (node -e 0 plus the round trips), ms. */
  minimal(caseName: string, route: 'direct' | 'proxy', rtt: number): number
  /** How many connections the case may open at once per host. */
  bound: number
}

type Check = [target: string, measured: string | undefined, met: boolean]

const SINGLE = ['unchanged', 'create', 'update', 'delete by id (legacy)', 'delete by id (platform)']
const SAME_PATH = 'unchanged among 10000 same-path'
const SWEEP = 'sweep 10000 (250 PRs, 25 closed)'
const SMALL_SWEEP = 'sweep 10 recorded'

export function targetTable(f: Figures): string {
  const ratio = (a: number[], b: number[]): number | undefined =>
    a.length && b.length ? mid(pairedRatios(a, b)) : undefined
  const minimalRatio = (c: string, route: 'direct' | 'proxy', rtt: number): number | undefined => {
    const ms = f.ms(c, route, 'default', rtt)
    return ms.length ? mid(ms) / f.minimal(c, route, rtt) : undefined
  }
  const tunnels = (c: string): number[] => f.connections(c, 'proxy', 50).flatMap((pair) => pair.split('+').map(Number))
  const checks: Check[] = []
  const check = (target: string, figure: number | undefined, limit: number, unit = '×'): void => {
    // NaN: every run of the variant failed, so nothing was measured.
    const value = figure !== undefined && Number.isFinite(figure) ? figure : undefined
    const shown = value === undefined ? undefined : unit ? `${value.toFixed(2)}${unit}` : String(value)
    checks.push([target, shown, value !== undefined && value <= limit])
  }
  const updateTunnels = f.connections('update', 'proxy', 50)
  checks.push([
    'through the proxy, an update opens 1 tunnel',
    updateTunnels.length ? [...new Set(updateTunnels)].join(', ') : undefined,
    updateTunnels.length > 0 && updateTunnels.every((t) => t === '1+0')
  ])
  const sweepTunnels = tunnels(SWEEP)
  checks.push([
    `through the proxy, a sweep opens ≤ ${f.bound} tunnels per host`,
    sweepTunnels.length ? `at most ${Math.max(...sweepTunnels)}` : undefined,
    sweepTunnels.length > 0 && Math.max(...sweepTunnels) <= f.bound
  ])
  check(
    'through the proxy, an update ≤ 1.1× direct (50 ms)',
    ratio(f.ms('update', 'proxy', 'default', 50), f.ms('update', 'direct', 'default', 50)),
    1.1
  )
  check(
    'through the proxy, a sweep ≤ 1.2× direct (50 ms)',
    ratio(f.ms(SWEEP, 'proxy', 'default', 50), f.ms(SWEEP, 'direct', 'default', 50)),
    1.2
  )
  const requests = f.requests(SAME_PATH, 'direct', 50)
  check(
    'unchanged among 10,000 same-path webhooks: ≤ 2 requests',
    requests.length ? Math.max(...requests) : undefined,
    2,
    ''
  )
  // Against the floor, as issue 16 words it: the floor filters on the whole URL and reads 1 page.
  check(
    'unchanged among 10,000 same-path webhooks: ≤ 1.2× the floor (50 ms)',
    ratio(f.ms(SAME_PATH, 'direct', 'default', 50), f.floor(SAME_PATH, 50)),
    1.2
  )
  check(
    'sweep of 10,000 at 50 ms ≤ 0.35× concurrency 1',
    ratio(f.ms(SWEEP, 'direct', 'default', 50), f.ms(SWEEP, 'direct', '1', 50)),
    0.35
  )
  check('sweep of 10 recorded at 150 ms ≤ 1.3× minimal', minimalRatio(SMALL_SWEEP, 'direct', 150), 1.3)
  for (const c of SINGLE) check(`${c} ≤ 1.3× minimal (50 ms)`, minimalRatio(c, 'direct', 50), 1.3)
  return markdownTable(
    ['target', 'measured', 'met'],
    checks.map(([target, measured, met]) => [
      target,
      measured ?? 'not measured',
      measured === undefined ? '–' : met ? 'met' : 'NOT MET'
    ]),
    [false, true, false]
  )
}
