/**
 * `npm run bench`: how long the built action takes, as figures to compare across changes (start-up
 * cost of a dependency, say). No target is asserted; it prints medians and 90th percentiles.
 *   start-up   the bundle with no inputs: loads, validates, exits (no request)
 *   unchanged  an upsert that finds its webhook unchanged against the local emulator (one request)
 */
import { KapsoEmulator } from '../emulator/server.js'
import { emulatorInputs, runAction } from './run-action.js'

const RUNS = Number(process.env.BENCH_RUNS) || 20

async function time(label: string, once: () => Promise<unknown>): Promise<void> {
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint()
    await once()
    samples.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number): string => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(0)
  console.log(`${label.padEnd(10)} median ${at(0.5)} ms, p90 ${at(0.9)} ms (${RUNS} runs)`)
}

const emulator = await KapsoEmulator.start()
try {
  const inputs = { ...emulatorInputs(emulator, 'legacy'), url: 'https://bench.example.com/hook', events: 'whatsapp.message.received' }
  await runAction(inputs)
  await time('start-up', () => runAction({ 'api-key': '' }))
  await time('unchanged', () => runAction(inputs))
} finally {
  await emulator.close()
}
