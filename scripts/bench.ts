/**
 * `npm run bench`: what the built action costs a workflow run, under the Node that runs npm (20 on these
 * machines) and under Node 24, the runtime action.yml names. Two parts:
 * - start-up and memory (below), on loopback HTTP, next to two yardsticks;
 * - round trips (bench/rtt.ts, bench/cases.ts): what a user waits for over TLS with a round-trip time,
 *   direct and through a CONNECT proxy, against the minimal time, the floor (where it applies) and
 *   concurrency 1.
 * Every program is started and timed by a small stopwatch process (bench/stopwatch.ts), whose spawn cost
 * (starting `true`) is subtracted: `node -e 0` reads what it costs. The programs of the first part:
 *   node     `node -e 0`: starting the runtime at all
 *   floor    scripts/bench/floor.mjs: a hand-written client making the same requests, the least any could do
 *   bundle   dist/index.js, started as the runner starts it (INPUT_* variables, GITHUB_OUTPUT file)
 * The cases:
 *   start-up   no inputs: loads, validates, exits 1 (the floor likewise exits at once); no request
 *   unchanged  an upsert that finds its webhook unchanged (one GET of the list, filtered by URL)
 *   create     an upsert that finds nothing and creates (that GET, then a POST); the emulator is reset first
 * Each round runs every program of every runtime once per case, in an order rotated from round to round, so
 * that machine noise falls on all alike; ratios are taken within a round. A first round is a discarded
 * warm-up. Peak memory comes from separate runs of each program (see bench/memory.ts), so no wrapper is
 * inside a timed run. Requests and TCP connections are counted by the emulator.
 * Prints Markdown tables; asserts nothing, exits 0; not part of npm test or CI.
 *
 *   npm run bench -- --quick          1 round of each part, round trips at 0 and 50 ms (a few minutes)
 *   npm run bench -- --part=rtt       only the round trips (--part=startup: only start-up and memory)
 *   npm run bench -- --rtt=0,50,150   the round-trip times (default 0,50)
 *   npm run bench -- --case=sweep     only the round-trip cases whose name contains this (comma-separated)
 *   BENCH_RUNS=10     rounds measured in the start-up part (default 10; 3 in the round-trip part, BENCH_RTT_RUNS)
 *   BENCH_NODE=both   20 (the node running this), 24 (scripts/node24.ts) or both
 *   BENCH_MEMORY      time (GNU time) or preload; default: GNU time when it works here
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { KapsoEmulator, EMULATOR_DEFAULTS } from '../emulator/server.js'
import { memoryProbe } from './bench/memory.js'
import { benchLatency } from './bench/rtt.js'
import { Stopwatch } from './bench/stopwatch.js'
import { markdownTable, median, pairedDifferences, pairedRatios, quantile, range } from './bench/stats.js'
import { node24, Node24Error, NODE24_VERSION } from './node24.js'
import { actionEnv, emulatorInputs, parseOutputFile, readActionYml, ROOT } from './run-action.js'

const flags = new Map(
  process.argv.slice(2).map((arg) => {
    const [name = '', value = 'true'] = arg.replace(/^--/, '').split('=')
    return [name, value]
  })
)
const unknownFlags = [...flags.keys()].filter((name) => !['quick', 'part', 'rtt', 'case'].includes(name))
if (unknownFlags.length) {
  console.error(
    `Unknown flag ${unknownFlags.join(', ')}: the flags are --quick, --part=startup|rtt, --rtt=0,50,150, --case=…`
  )
  process.exit(1)
}
const QUICK = flags.has('quick')
const PART = flags.get('part') ?? 'both'
const rounds = (name: string, normal: number): number =>
  Number(process.env[name]) > 0 ? Math.floor(Number(process.env[name])) : QUICK ? 1 : normal
const ROUNDS = rounds('BENCH_RUNS', 10)
const RTT_ROUNDS = rounds('BENCH_RTT_RUNS', 3)
const RTTS = (flags.get('rtt') ?? '0,50').split(',').map(Number)
if (!['both', 'startup', 'rtt'].includes(PART) || RTTS.some((rtt) => !(rtt >= 0))) {
  console.error('--part is startup or rtt; --rtt a list of round-trip times in ms, like 0,50,150.')
  process.exit(1)
}
const BENCH_NODE = process.env.BENCH_NODE || 'both'
const FLOOR = join(ROOT, 'scripts', 'bench', 'floor.mjs')
const BUNDLE = join(ROOT, readActionYml().runs.main)
const HOOK_URL = 'https://bench.example.com/hook'
const EVENTS = 'whatsapp.message.received'

interface Runtime {
  label: string
  bin: string
  version: string
}

const PROGRAMS = ['node', 'floor', 'bundle'] as const
type Program = (typeof PROGRAMS)[number]

interface Case {
  name: string
  inputs: Record<string, string>
  /** Puts the emulator in the state the case starts from. */
  prepare(): void
  /** Why this run did not end as the case expects; undefined when it did. */
  unexpected(program: Program, run: Run): string | undefined
}

interface Run {
  ms: number
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
}

/** What one (case, runtime, program) gathered over the measured rounds; index i is round i. */
interface Series {
  ms: number[]
  rssKib: number[]
  requests: number[]
  connections: number[]
  unexpected: string[]
}

if (!['20', '24', 'both'].includes(BENCH_NODE)) {
  console.error(`BENCH_NODE must be 20, 24 or both; got "${BENCH_NODE}".`)
  process.exit(1)
}
const runtimes = chooseRuntimes()
const memory = memoryProbe()
const stopwatch = new Stopwatch()
const spawnMs = await stopwatch.calibrate()

const emulator = await KapsoEmulator.start()
const dir = mkdtempSync(join(tmpdir(), 'kapso-bench-'))
const files = {
  GITHUB_OUTPUT: join(dir, 'output'),
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  GITHUB_STATE: join(dir, 'state')
}
const rssFile = join(dir, 'rss')

try {
  if (PART !== 'rtt') await benchStartup()
  if (PART !== 'startup')
    await benchLatency({
      runtimes,
      rtts: RTTS,
      rounds: RTT_ROUNDS,
      bundle: BUNDLE,
      floor: FLOOR,
      only: (flags.get('case') ?? '').split(',').filter(Boolean),
      stopwatch,
      progress
    })
  progress('')
} finally {
  stopwatch.close()
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
}

/** Start-up and memory: node, floor and bundle on loopback HTTP, in rotated rounds. */
async function benchStartup(): Promise<void> {
  const inputs = { ...emulatorInputs(emulator, 'legacy'), url: HOOK_URL, events: EVENTS }
  let seededId = ''
  const failed = (program: Program, run: Run): string | undefined =>
    program === 'node'
      ? run.exitCode === 0
        ? undefined
        : `exit ${run.exitCode}`
      : run.exitCode === 1 && run.stdout.includes('::error::')
        ? undefined
        : `exit ${run.exitCode}, expected 1 with ::error::`
  const succeeded =
    (result: string, id?: () => string) =>
    (program: Program, run: Run): string | undefined => {
      if (program === 'node') return run.exitCode === 0 ? undefined : `exit ${run.exitCode}`
      if (run.exitCode !== 0 || run.outputs.result !== result) {
        const said = firstLine(run)
        return `exit ${run.exitCode}, result "${run.outputs.result ?? ''}", expected ${result}${said ? `: ${said}` : ''}`
      }
      if (id && run.outputs['webhook-id'] !== id()) return `webhook-id ${run.outputs['webhook-id']}, expected ${id()}`
      return undefined
    }
  const cases: Case[] = [
    { name: 'start-up', inputs: { 'api-key': '' }, prepare: () => emulator.reset(), unexpected: failed },
    {
      name: 'unchanged',
      inputs,
      prepare: () => {
        emulator.reset()
        seededId = emulator.seed('legacy', EMULATOR_DEFAULTS.configId, { url: HOOK_URL, events: [EVENTS] }).id
      },
      unexpected: succeeded('unchanged', () => seededId)
    },
    { name: 'create', inputs, prepare: () => emulator.reset(), unexpected: succeeded('created') }
  ]
  const envs = new Map(cases.map((c) => [c.name, actionEnv(c.inputs, files)]))
  // Loopback HTTP needs no extra CA, and a runner sets none: one inherited from the shell (this machine's names
  // the whole system store) would have Node 20 parse it at start in every program, some 50 ms each here.
  for (const env of envs.values()) delete env.NODE_EXTRA_CA_CERTS
  const series = new Map<string, Series>()
  const key = (c: string, r: Runtime, p: Program): string => `${c}\0${r.bin}\0${p}`
  const variants = runtimes.flatMap((runtime) => PROGRAMS.map((program) => ({ runtime, program })))
  const started = Date.now()
  const loadBefore = loadavg()[0] ?? 0

  for (let round = 0; round <= ROUNDS; round++) {
    const warmUp = round === 0
    progress(warmUp ? 'warm-up round' : `round ${round} of ${ROUNDS}`)
    for (const benchCase of cases) {
      const env = envs.get(benchCase.name) as Record<string, string>
      const order = variants.map((_, i) => variants[(i + round) % variants.length] as (typeof variants)[number])
      for (const { runtime, program } of order) {
        benchCase.prepare()
        const run = await execute(command(runtime, program), env)
        if (warmUp) continue
        const s = seriesOf(series, key(benchCase.name, runtime, program))
        s.ms.push(run.ms)
        s.requests.push(emulator.requests.length)
        s.connections.push(emulator.connections)
        const why = benchCase.unexpected(program, run)
        if (why) s.unexpected.push(why)
      }
      if (warmUp) continue
      for (const { runtime, program } of order) {
        benchCase.prepare()
        const wrapped = memory.wrap(command(runtime, program), rssFile)
        rmSync(rssFile, { force: true })
        const run = await execute(wrapped.argv, { ...env, ...wrapped.env })
        const s = seriesOf(series, key(benchCase.name, runtime, program))
        const why = benchCase.unexpected(program, run)
        const kib = memory.read(rssFile)
        if (why || kib === undefined) s.unexpected.push(`memory run: ${why ?? 'no peak RSS reported'}`)
        else s.rssKib.push(kib)
      }
    }
  }
  progress('')

  console.log(header(((Date.now() - started) / 1000).toFixed(0), [loadBefore, loadavg()[0] ?? 0]))
  for (const runtime of runtimes) {
    console.log(`\n### ${runtime.label}\n`)
    const rows: string[][] = []
    const notes: string[] = []
    for (const benchCase of cases) {
      const get = (p: Program): Series => seriesOf(series, key(benchCase.name, runtime, p))
      for (const program of PROGRAMS) {
        const s = get(program)
        const over = median(pairedDifferences(s.ms, get('floor').ms))
        rows.push([
          benchCase.name,
          program,
          s.ms.length ? median(s.ms).toFixed(1) : '-',
          s.ms.length ? quantile(s.ms, 0.9).toFixed(1) : '-',
          median(pairedRatios(s.ms, get('node').ms)).toFixed(2),
          median(pairedRatios(s.ms, get('floor').ms)).toFixed(2),
          `${over >= 0 ? '+' : ''}${over.toFixed(1)}`,
          s.rssKib.length ? (median(s.rssKib) / 1024).toFixed(1) : '-',
          range(s.requests),
          range(s.connections)
        ])
        if (s.unexpected.length)
          notes.push(
            `${benchCase.name} / ${program}: ${s.unexpected.length} of ${2 * s.ms.length} runs (timed and memory) did not end as expected (first: ${s.unexpected[0]})`
          )
      }
    }
    console.log(
      markdownTable(
        [
          'case',
          'program',
          'median ms',
          'p90 ms',
          '× node',
          '× floor',
          'over floor ms',
          'peak RSS MiB',
          'requests',
          'connections'
        ],
        rows,
        [false, false, true, true, true, true, true, true, true, true]
      )
    )
    for (const note of notes) console.log(`\nWARNING ${note}: these figures do not measure what the case says.`)
    // The guards kept from before: peak memory ≤ the floor's + 6 MiB, start-up ≤ the floor's + 20 ms.
    const guard = (c: string, p: Program): Series => seriesOf(series, key(c, runtime, p))
    const guards = cases.map((c) => {
      const extra = (median(guard(c.name, 'bundle').rssKib) - median(guard(c.name, 'floor').rssKib)) / 1024
      return [`${c.name}: peak memory ≤ floor + 6 MiB`, `+${extra.toFixed(1)} MiB`, extra <= 6 ? 'met' : 'NOT MET']
    })
    const over = median(pairedDifferences(guard('start-up', 'bundle').ms, guard('start-up', 'floor').ms))
    guards.push([
      'start-up ≤ floor + 20 ms',
      `${over >= 0 ? '+' : ''}${over.toFixed(1)} ms`,
      over <= 20 ? 'met' : 'NOT MET'
    ])
    console.log(`\n${markdownTable(['guard', 'measured', 'met'], guards, [false, true, false])}`)
  }
  if (runtimes.length === 2) {
    const [a, b] = runtimes as [Runtime, Runtime]
    console.log(`\n### Node ${b.version} against Node ${a.version}: ratio = median of the within-round ratios\n`)
    const rows = cases.flatMap((c) =>
      PROGRAMS.map((p) => {
        const x = seriesOf(series, key(c.name, a, p))
        const y = seriesOf(series, key(c.name, b, p))
        return [
          c.name,
          p,
          median(x.ms).toFixed(1),
          median(y.ms).toFixed(1),
          median(pairedRatios(y.ms, x.ms)).toFixed(2),
          (median(x.rssKib) / 1024).toFixed(1),
          (median(y.rssKib) / 1024).toFixed(1)
        ]
      })
    )
    const [va, vb] = [a.version.split('.')[0], b.version.split('.')[0]]
    console.log(
      markdownTable(
        ['case', 'program', `${va} median ms`, `${vb} median ms`, `${vb} ÷ ${va}`, `${va} RSS MiB`, `${vb} RSS MiB`],
        rows,
        [false, false, true, true, true, true, true]
      )
    )
  }
}

function chooseRuntimes(): Runtime[] {
  const current: Runtime = {
    label: `Node ${process.version} (the node running npm)`,
    bin: process.execPath,
    version: process.version
  }
  if (BENCH_NODE === '20') return [current]
  try {
    const bin = node24()
    const version = `v${NODE24_VERSION}`
    return [...(BENCH_NODE === 'both' ? [current] : []), { label: `Node ${version} (scripts/node24.ts)`, bin, version }]
  } catch (error) {
    if (!(error instanceof Node24Error) || BENCH_NODE === '24') throw error
    console.error(`Node 24 left out: ${error.message}`)
    return [current]
  }
}

function command(runtime: Runtime, program: Program): string[] {
  switch (program) {
    case 'node':
      return [runtime.bin, '-e', '0']
    case 'floor':
      return [runtime.bin, FLOOR]
    case 'bundle':
      return [runtime.bin, BUNDLE]
  }
}

/** Runs one program with fresh runner files, in the stopwatch; the time is spawn to exit, less the spawn cost. */
async function execute(argv: string[], env: Record<string, string>): Promise<Run> {
  for (const file of Object.values(files)) writeFileSync(file, '')
  const { ms, exitCode, stdout, stderr } = await stopwatch.run(argv, env, dir)
  return {
    ms: ms - spawnMs,
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'))
  }
}

function seriesOf(all: Map<string, Series>, key: string): Series {
  let s = all.get(key)
  if (!s) all.set(key, (s = { ms: [], rssKib: [], requests: [], connections: [], unexpected: [] }))
  return s
}

function firstLine(run: Run): string {
  return (run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? run.stderr.split('\n')[0] ?? '').slice(
    0,
    200
  )
}

/** Where and how the figures were made, to paste above the tables. */
function header(seconds: string, load: [number, number]): string {
  const bundle = readFileSync(BUNDLE)
  const sha = createHash('sha256').update(bundle).digest('hex').slice(0, 12)
  const cpu = cpus()
  const models = [...new Set(cpu.map((c) => c.model.trim()))].join(', ')
  return [
    `## npm run bench, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    '',
    `- machine: ${models}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform}-${process.arch}, kernel ${release()}`,
    `- load average (1 min): ${load[0].toFixed(2)} at the start, ${load[1].toFixed(2)} at the end: other work on the machine inflates every figure, ratios less so`,
    `- runtimes: ${runtimes.map((r) => `${r.label.split(' (')[0]} (${relative(ROOT, r.bin).startsWith('..') ? r.bin : relative(ROOT, r.bin)})`).join('; ')}`,
    `- bundle: ${relative(ROOT, BUNDLE)}, ${(bundle.length / 1024).toFixed(0)} KiB, sha256 ${sha}…`,
    `- ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} (+1 warm-up discarded) in ${seconds} s; in each round every program of every runtime runs once per case, order rotated per round`,
    `- wall time: spawn to exit, timed in a separate stopwatch process less its spawn cost (\`true\`: ${spawnMs.toFixed(1)} ms), no wrapper in timed runs; × node, × floor and over floor are medians of within-round ratios and differences`,
    `- peak memory: median ${memory.how}, in separate runs of each program`,
    '- requests: counted by the emulator; connections: TCP connections the emulator accepted (loopback HTTP, legacy API)'
  ].join('\n')
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(40)}${text ? '' : '\r'}`)
}
