/**
 * Figures for the concurrency work (issue 16), printed, asserting nothing: how many list requests an
 * unchanged upsert makes among 10,000 webhooks that share its path, and a sweep's wall time over a 100-page
 * list with a delay on every request, at KAPSO_ACTION_CONCURRENCY=1 and at the default. Not a timed test.
 * Run: npx tsx scripts/concurrency-figures.ts [delay-ms]
 */
import { GitHubEmulator } from '../emulator/github.js'
import { defaultScopeId, KapsoEmulator } from '../emulator/server.js'
import { REPOSITORY, scheduleEvent } from './github-events.js'
import { emulatorInputs, FAKE_GITHUB_TOKEN, runAction } from './run-action.js'

const delayMs = Number(process.argv[2] ?? 50)
const kapso = await KapsoEmulator.start()
const github = await GitHubEmulator.start({ repository: REPOSITORY, token: FAKE_GITHUB_TOKEN })
const lists = (): number => kapso.requests.filter((r) => r.method === 'GET' && r.path.endsWith('webhooks')).length
try {
  for (const api of ['legacy', 'platform'] as const) {
    kapso.reset()
    const scope = defaultScopeId(api)
    for (let pr = 1; pr <= 10_001; pr++)
      if (pr !== 7) kapso.seed(api, scope, { url: `https://pr-${pr}.preview.acme.dev/api/whatsapp` })
    const inputs = {
      ...emulatorInputs(kapso, api),
      url: 'https://pr-7.preview.acme.dev/api/whatsapp',
      events: 'whatsapp.message.received',
      'secret-key': 'figures-secret-0000000001'
    }
    await runAction(inputs)
    kapso.requests.length = 0
    const again = await runAction(inputs)
    console.log(
      `${api}: unchanged upsert among 10,000 same-path webhooks: ${again.outputs.result}, ${lists()} list requests`
    )
  }
  kapso.reset()
  for (let pr = 1; pr <= 10_000; pr++)
    kapso.seed('legacy', defaultScopeId('legacy'), { url: `https://pr-${pr}.preview.example.com/api/whatsapp` })
  kapso.configure({ lies: { latencyMs: delayMs } })
  for (const concurrency of ['1', '']) {
    kapso.requests.length = 0
    const started = Date.now()
    const run = await runAction(
      { ...emulatorInputs(kapso, 'legacy'), operation: 'sweep', url: '', events: '' },
      { KAPSO_ACTION_CONCURRENCY: concurrency },
      { event: scheduleEvent({ repository: REPOSITORY, apiUrl: github.apiUrl }) }
    )
    console.log(
      `sweep over 100 pages, ${delayMs} ms per request, KAPSO_ACTION_CONCURRENCY=${concurrency || '(default 4)'}: ` +
        `exit ${run.exitCode}, ${lists()} list requests, ${Date.now() - started} ms wall time (process start included)`
    )
  }
} finally {
  await kapso.close()
  await github.close()
}
