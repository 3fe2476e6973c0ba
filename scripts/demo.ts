/**
 * `npm start`: the built action (dist/) as a runner runs it, against the bundled Kapso emulator and a
 * GitHub API stand-in, with no Kapso account. In five parts (scripts/demo/):
 *   1. a pull request's whole life with Vercel-style deployments (pull-request.ts),
 *   2. a sweep of the webhooks of closed pull requests (sweep.ts),
 *   3. both API generations on a push (generations.ts),
 *   4. a project webhook whose test delivery is verified (project.ts),
 *   5. webhooks as code: a manifest planned, applied, applied again unchanged, and pruned (manifest.ts).
 * Each step prints its log as GitHub shows it and its outputs; the demo exits 1 when a result is unexpected.
 */
import { GitHubEmulator } from '../emulator/github.js'
import { KapsoEmulator } from '../emulator/server.js'
import { bothGenerations } from './demo/generations.js'
import { manifest } from './demo/manifest.js'
import { projectWebhook } from './demo/project.js'
import { pullRequestLife, type Stage } from './demo/pull-request.js'
import { Demo } from './demo/show.js'
import { sweep } from './demo/sweep.js'
import { REPOSITORY } from './github-events.js'
import { Receiver } from './receiver.js'
import { FAKE_GITHUB_TOKEN } from './run-action.js'
import { haveOpenssl } from './tls.js'

const receiver = haveOpenssl() ? await Receiver.start() : undefined
// deliveryTimeScale: Kapso's 10/40/90 s delivery retries take 10/40/90 ms, so that none holds the demo up.
const kapso = await KapsoEmulator.start({
  deliveryCa: receiver?.cert,
  projectEventsPlan: true,
  deliveryTimeScale: 0.001
})
const github = await GitHubEmulator.start({ repository: REPOSITORY, token: FAKE_GITHUB_TOKEN })
const demo = new Demo(kapso)
const stage: Stage = { demo, kapso, github, receiver }

console.log(
  `Kapso emulator at ${kapso.origin}, GitHub API stand-in at ${github.apiUrl} (repository ${REPOSITORY}), ` +
    `${receiver ? `preview receiver at ${receiver.url('/')}` : 'no preview receiver (openssl is missing)'}.`
)
try {
  await pullRequestLife(stage)
  await sweep(stage)
  await bothGenerations(stage)
  await projectWebhook(stage)
  await manifest(stage)
} finally {
  await kapso.close()
  await github.close()
  await receiver?.close()
}
process.exitCode = demo.verdict()
