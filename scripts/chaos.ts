/**
 * The chaos run: the built action, many times, against emulators that inject random faults into random
 * requests. After each run: no URL may have two webhooks, nothing secret may have leaked, and the state
 * must be the one asked for — or the run failed cleanly and a re-run without faults converges.
 *
 * `npm run chaos` prints one line; CHAOS_RUNS and CHAOS_SEED replay a run. The test suite runs the same.
 */
import { pathToFileURL } from 'node:url'
import {
  defaultScopeId,
  EMULATOR_DEFAULTS,
  KapsoEmulator,
  seededRandom,
  type Api,
  type Fault
} from '../emulator/server.js'
import { findLeaks } from './leaks.js'
import { emulatorInputs, FAKE_GITHUB_TOKEN, runAction, type ActionRun } from './run-action.js'

export interface ChaosOptions {
  runs: number
  seed: number
  /** Chance that any one request gets a fault. */
  rate?: number
  /** Runs at once (one emulator each). */
  workers?: number
}

export interface ChaosReport {
  runs: number
  seed: number
  faultsInjected: number
  duplicates: number
  leaks: number
  notConverged: number
  /** Runs that failed cleanly (every attempt of a request hit a fault) and converged on a re-run. */
  failedThenConverged: number
  /** One line for each problem, for a failing test to show. */
  problems: string[]
}

const FAULTS: Fault[] = [
  { kind: 'status', status: 500, body: { error: 'Internal server error' } },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 429, headers: { 'Retry-After': '0' }, body: { error: 'Rate limit exceeded' } },
  { kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
  { kind: 'html' },
  { kind: 'malformed' },
  { kind: 'reset-before' },
  { kind: 'reset-after' },
  { kind: 'delay', ms: 1500 }
]
const OPERATIONS = ['create', 'update', 'delete'] as const

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const report: ChaosReport = {
    runs: 0,
    seed: options.seed,
    faultsInjected: 0,
    duplicates: 0,
    leaks: 0,
    notConverged: 0,
    failedThenConverged: 0,
    problems: []
  }
  const workers = options.workers ?? 2
  let next = 0
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const emulator = await KapsoEmulator.start()
      try {
        while (next < options.runs) await chaosRun(emulator, next++, options, report)
      } finally {
        await emulator.close()
      }
    })
  )
  return report
}

async function chaosRun(
  emulator: KapsoEmulator,
  index: number,
  options: ChaosOptions,
  report: ChaosReport
): Promise<void> {
  const random = seededRandom(options.seed + index * 7919)
  const api: Api = random() < 0.5 ? 'legacy' : 'platform'
  const operation = OPERATIONS[Math.floor(random() * OPERATIONS.length)] ?? 'create'
  const url = `https://chaos-${options.seed}-${index}.preview.example.com/api/whatsapp`
  const scopeId = defaultScopeId(api)
  const label = `run ${index} (${operation} on ${api})`

  emulator.reset()
  // Someone else's webhook, which must come through every run untouched.
  const bystander = emulator.seed(api, scopeId, { url: 'https://someone-else.example.com/hook' })
  if (operation !== 'create') emulator.seed(api, scopeId, { url, events: ['whatsapp.message.sent'] })
  const secrets = emulator.webhooks().map((w) => w.secret_key)

  const inputs = {
    ...emulatorInputs(emulator, api),
    url,
    events: 'whatsapp.message.received',
    operation: operation === 'delete' ? 'delete' : 'upsert',
    'request-timeout-seconds': '1'
  }
  const env = { RUNNER_DEBUG: '1', KAPSO_ACTION_BACKOFF_MS: '20' }
  emulator.chaos({ rate: options.rate ?? 0.5, seed: options.seed + index, faults: FAULTS })
  const run = await runAction(inputs, env)
  emulator.chaos(undefined)
  report.runs++
  report.faultsInjected += emulator.faultsInjected

  const check = (attempt: ActionRun, when: string): boolean => {
    const all = [
      EMULATOR_DEFAULTS.apiKey,
      FAKE_GITHUB_TOKEN,
      ...secrets,
      ...emulator.webhooks().map((w) => w.secret_key)
    ]
    const leaks = findLeaks(`${attempt.stdout}\n${attempt.stderr}`, [...new Set(all)])
    if (leaks.length) {
      report.leaks += leaks.length
      report.problems.push(`${label} ${when}: ${leaks.join('; ')}`)
    }
    const urls = emulator.webhooks().map((w) => w.url)
    const dupes = urls.filter((u, i) => urls.indexOf(u) !== i).length
    if (dupes) {
      report.duplicates += dupes
      report.problems.push(`${label} ${when}: ${dupes} duplicate webhook(s)`)
    }
    if (!emulator.webhooks().some((w) => w.id === bystander.id && w.url === bystander.url)) {
      report.problems.push(`${label} ${when}: someone else's webhook was touched`)
      return false
    }
    const mine = emulator.webhooks().filter((w) => w.url === url)
    return operation === 'delete'
      ? mine.length === 0
      : mine.length === 1 && mine[0]?.events.join() === 'whatsapp.message.received'
  }

  const expected = { create: 'created', update: 'updated', delete: 'deleted' }[operation]
  if (run.exitCode === 0) {
    if (check(run, 'after the run') && run.outputs.result === expected) return
    report.notConverged++
    report.problems.push(`${label}: exit 0 with result ${run.outputs.result} but the state is not the one asked for`)
    return
  }
  // A failure must be clean — one ::error:: line, no stack trace — and a re-run must repair it.
  const clean = /^::error::/m.test(run.stdout) && !/\n\s+at /.test(run.stdout + run.stderr)
  if (!clean) report.problems.push(`${label}: failed without a clean message`)
  check(run, 'after the failed run')
  const again = await runAction(inputs, env)
  if (again.exitCode === 0 && check(again, 'after the re-run') && clean) report.failedThenConverged++
  else {
    report.notConverged++
    report.problems.push(`${label}: did not converge on a re-run (exit ${again.exitCode})`)
  }
}

export function chaosLine(report: ChaosReport): string {
  return (
    `chaos: ${report.runs} runs, ${report.faultsInjected} faults injected, ${report.duplicates} duplicates, ` +
    `${report.leaks} leaks, ${report.notConverged} runs not converged ` +
    `(seed ${report.seed}; ${report.failedThenConverged} runs failed cleanly and converged on re-run)`
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seed = Number(process.env.CHAOS_SEED) || Math.floor(Math.random() * 2 ** 31)
  const report = await runChaos({ runs: Number(process.env.CHAOS_RUNS) || 50, seed })
  for (const problem of report.problems) console.error(problem)
  console.log(chaosLine(report))
  process.exitCode = report.duplicates + report.leaks + report.notConverged + report.problems.length === 0 ? 0 : 1
}
