/** The chaos run in the suite: 50 runs of the bundle under random faults (npm run chaos runs it alone). */
import { expect, it } from 'vitest'
import { chaosLine, runChaos } from '../scripts/chaos.js'

it('leaves no duplicate, leaks nothing and converges under random faults', { timeout: 300_000 }, async () => {
  const seed = Number(process.env.CHAOS_SEED) || Math.floor(Math.random() * 2 ** 31)
  const report = await runChaos({ runs: 50, seed })
  console.log(chaosLine(report))
  expect(report.problems, `replay with CHAOS_SEED=${seed} npm run chaos`).toEqual([])
  expect(report).toMatchObject({ runs: 50, duplicates: 0, leaks: 0, notConverged: 0 })
  expect(report.faultsInjected).toBeGreaterThan(0)
})
