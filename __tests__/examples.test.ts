/**
 * The README's first snippet and every example, run as GitHub runs them: each workflow file is evaluated
 * by GitHub's own expression evaluator (scripts/workflow-sim.ts, @actions/expressions) for the events its
 * `on:` lists, with the payloads GitHub and the platforms send (scripts/github-events.ts); every step of
 * this action runs the built bundle against the emulator, with exactly the inputs the file gives it (plus
 * api-url, to reach the emulator). A preview's whole life must leave one webhook while it lives and none
 * after it closes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GitHubEmulator, type PullRequestFixture } from '../emulator/github.js'
import { EMULATOR_DEFAULTS, KapsoEmulator } from '../emulator/server.js'
import {
  commitSha,
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  REPOSITORY,
  scheduleEvent,
  workflowDispatchEvent
} from '../scripts/github-events.js'
import { Receiver } from '../scripts/receiver.js'
import { FAKE_GITHUB_TOKEN, ROOT, type ActionRun, type GitHubEvent } from '../scripts/run-action.js'
import { haveOpenssl } from '../scripts/tls.js'
import { simulateWorkflow, type Simulation, type StepResult } from '../scripts/workflow-sim.js'
import { runChecked } from './support/bundle.js'

const SECRETS = {
  KAPSO_API_KEY: EMULATOR_DEFAULTS.apiKey,
  KAPSO_WEBHOOK_SECRET: 'example-webhook-secret-0123456789',
  KAPSO_STAGING_WEBHOOK_SECRET: 'example-staging-secret-0123456789',
  KAPSO_PROJECT_WEBHOOK_SECRET: 'example-project-secret-0123456789',
  VERCEL_AUTOMATION_BYPASS_SECRET: 'example-vercel-bypass-0123456789',
  NETLIFY_AUTH_TOKEN: 'example-netlify-token-0123456789',
  CLOUDFLARE_API_TOKEN: 'example-cloudflare-token-0123456789',
  ORDERS_WEBHOOK_SECRET: 'example-orders-secret-0123456789',
  STAGING_WEBHOOK_SECRET: 'example-stage-secret-0123456789abc'
}
/** The staging number of examples/.kapso/webhooks.yml (the production one is the emulator's default). */
const STAGING_NUMBER = '106540352242933'
const VARS = {
  KAPSO_CONFIG_ID: EMULATOR_DEFAULTS.configId,
  KAPSO_PHONE_NUMBER_ID: EMULATOR_DEFAULTS.phoneNumberId,
  KAPSO_STAGING_PHONE_NUMBER_ID: EMULATOR_DEFAULTS.phoneNumberId,
  NETLIFY_SITE_ID: 'example-site',
  CLOUDFLARE_ACCOUNT_ID: 'example-account'
}

const tls = haveOpenssl()
const FIXED_HOSTS = ['staging.example.com']
let kapso: KapsoEmulator
let github: GitHubEmulator
let receiver: Receiver | undefined
beforeAll(async () => {
  // The examples' fixed URLs (staging's is verified) reach the local receiver, as a hosts file would send them.
  receiver = tls ? await Receiver.start(FIXED_HOSTS) : undefined
  const deliveryHosts = receiver
    ? Object.fromEntries(FIXED_HOSTS.map((host) => [host, receiver?.address ?? '']))
    : undefined
  kapso = await KapsoEmulator.start({
    phoneNumberIds: [EMULATOR_DEFAULTS.phoneNumberId, STAGING_NUMBER],
    deliveryCa: receiver?.cert,
    deliveryHosts,
    deliveryTimeScale: 0.001,
    receiverTimeoutMs: 2000
  })
  github = await GitHubEmulator.start({ repository: REPOSITORY, token: FAKE_GITHUB_TOKEN })
})
afterAll(async () => {
  await kapso?.close()
  await github?.close()
  await receiver?.close()
})
beforeEach(() => {
  kapso.reset()
  github.setPullRequests([])
  github.setComments([])
  receiver?.reset()
})

/** A preview's address: the local HTTPS receiver's when there is one (verify then reaches it), else a made-up one. */
const previewUrl = (name: string): string =>
  receiver ? receiver.url(`/${name}`) : `https://${name}.preview.example.com`

/** One event of a workflow's life, with what the other steps produce and what GitHub's API knows then. */
interface Stage {
  event: GitHubEvent
  steps?: Record<string, StepResult>
  pulls?: PullRequestFixture[]
}

/** Runs the workflow for one event, this action's steps (and post steps) through the bundle. */
async function play(file: string, text: string, { event, steps = {}, pulls }: Stage): Promise<Simulation<ActionRun>> {
  if (pulls) github.setPullRequests(pulls)
  const api = (inputs: Record<string, string>): string =>
    kapso.apiUrl(inputs['whatsapp-config-id'] ? 'legacy' : 'platform')
  const run = (
    inputs: Record<string, string>,
    env: Record<string, string>,
    postState?: Record<string, string>
  ): Promise<ActionRun> =>
    runChecked(
      { ...inputs, 'api-url': api(inputs) },
      {
        secrets: [...Object.values(SECRETS), ...kapso.webhooks().map((w) => w.secret_key)],
        // The checked-out repository: examples/ stands for its root (.kapso/webhooks.yml is there).
        env: { GITHUB_WORKSPACE: join(ROOT, 'examples'), ...env },
        options: { event: { ...event, apiUrl: github.apiUrl }, postState }
      }
    )
  return simulateWorkflow<ActionRun>(text, {
    file,
    event: { eventName: event.eventName, payload: event.payload, actor: event.actor },
    secrets: SECRETS,
    vars: VARS,
    steps,
    settings: { repository: REPOSITORY },
    runOurStep: (inputs, env) => run(inputs, env),
    runOurPost: (main) => run(main.inputs, main.env, main.result?.state)
  })
}

/** This action's main step in a simulation: whether it ran, and what it gave. */
function hook(simulation: Simulation<ActionRun>): { ran: boolean; result?: string; run?: ActionRun } {
  const trace = simulation.steps.find((s) => s.ours && !s.post)
  if (!trace) return { ran: false }
  if (trace.ran && trace.result) expect(trace.result.exitCode, trace.result.stdout).toBe(0)
  return { ran: trace.ran, result: trace.result?.outputs.result, run: trace.result }
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const prEvent = (action: 'opened' | 'synchronize' | 'reopened' | 'closed', number: number, sha?: string): GitHubEvent =>
  pullRequestEvent(action, number, sha ? { headSha: sha } : {})

/**
 * A pull request's life in a workflow whose deploy step (`deployStep`, output `output`) gives each deploy
 * its own URL: opened, a push with a new URL, a re-run of it, closed, reopened, closed again.
 */
async function previewLife(file: string, text: string, deployStep: string, output: string): Promise<void> {
  const deploy = (name: string): Record<string, StepResult> => ({
    [deployStep]: { outputs: { [output]: previewUrl(name) } }
  })
  const opened = hook(await play(file, text, { event: prEvent('opened', 7), steps: deploy('deploy-1') }))
  expect(opened.result).toBe('created')
  expect(kapso.webhooks()).toHaveLength(1)
  const id = opened.run?.outputs['webhook-id']

  const pushed = hook(await play(file, text, { event: prEvent('synchronize', 7), steps: deploy('deploy-2') }))
  expect(pushed.result).toBe('updated')
  expect(pushed.run?.outputs).toMatchObject({ 'webhook-id': id, url: `${previewUrl('deploy-2')}/api/whatsapp` })
  expect(hook(await play(file, text, { event: prEvent('synchronize', 7), steps: deploy('deploy-2') })).result).toBe(
    'unchanged'
  )
  expect(kapso.webhooks()).toHaveLength(1)

  // Closed: the deploy step does not run, so the url expression has nothing to build from.
  const closed = await play(file, text, { event: prEvent('closed', 7) })
  expect(closed.steps.find((s) => s.id === deployStep)?.ran).toBe(false)
  expect(hook(closed)).toMatchObject({ ran: true, result: 'deleted' })
  expect(kapso.webhooks()).toEqual([])

  // Reopened, it comes back; closed again, it goes again.
  expect(hook(await play(file, text, { event: prEvent('reopened', 7), steps: deploy('deploy-3') })).result).toBe(
    'created'
  )
  expect(hook(await play(file, text, { event: prEvent('closed', 7) })).result).toBe('deleted')
  expect(kapso.webhooks()).toEqual([])
  // With comment: true, one comment through it all, that says at the end what was deleted.
  const comments = github.comments()
  expect(comments).toHaveLength(/^\s+comment: true/m.test(text) ? 1 : 0)
  if (comments.length) expect(comments[0]?.body).toContain('auto → delete, deleted')
}

describe("the README's first snippet", () => {
  const readme = read('README.md')
  const snippet = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''

  it('is a whole workflow, on the first screen, that uses operation auto', () => {
    expect(readme.indexOf(snippet)).toBeLessThan(readme.indexOf('## Before you start'))
    expect(snippet).toMatch(/^on:/m)
    expect(snippet).toContain('operation: auto')
  })

  it('creates the webhook on opened, moves it on a push, and deletes it on close, copied as it is', async () => {
    await previewLife('README.md', snippet, 'deploy', 'url')
  })
})

describe.each([
  ['examples/preview-per-pull-request.yml', 'deploy', 'url'],
  ['examples/verified-preview.yml', 'deploy', 'url'],
  ['examples/netlify-preview.yml', 'netlify', 'deploy-url'],
  ['examples/cloudflare-pages-preview.yml', 'pages', 'deployment-url']
])('%s', (file, deployStep, output) => {
  it("keeps one webhook through a pull request's life, each deploy with its own URL", async () => {
    await previewLife(file, read(file), deployStep, output)
  })
})

describe('examples/vercel-preview.yml', () => {
  const file = 'examples/vercel-preview.yml'
  const [one, two] = [commitSha('vercel-1'), commitSha('vercel-2')]
  const deployed = (sha: string, name: string, environment: 'preview' | 'production' = 'preview'): GitHubEvent =>
    deploymentStatusEvent('vercel', { environment, sha, url: previewUrl(name) })

  it("follows each deployment with the pull request's one webhook, verified, and deletes it on close", async () => {
    const text = read(file)
    const first = hook(
      await play(file, text, { event: deployed(one, 'shop-one'), pulls: [{ number: 9, state: 'open', shas: [one] }] })
    )
    expect(first.result).toBe('created')
    if (receiver) expect(first.run?.outputs['delivery-status']).toBe('delivered')
    const second = hook(
      await play(file, text, {
        event: deployed(two, 'shop-two'),
        pulls: [{ number: 9, state: 'open', shas: [one, two] }]
      })
    )
    expect(second.result).toBe('updated')
    expect(second.run?.outputs['webhook-id']).toBe(first.run?.outputs['webhook-id'])
    if (receiver)
      expect(receiver.received.at(-1)?.headers['x-vercel-protection-bypass']).toBe(
        SECRETS.VERCEL_AUTOMATION_BYPASS_SECRET
      )
    expect(hook(await play(file, text, { event: deployed(two, 'shop-prod', 'production') })).ran).toBe(false)
    expect(hook(await play(file, text, { event: prEvent('closed', 9) })).result).toBe('deleted')
    expect(kapso.webhooks()).toEqual([])
  })
})

describe('examples/e2e-ephemeral-webhook.yml', () => {
  const file = 'examples/e2e-ephemeral-webhook.yml'
  it.each<[string, GitHubEvent]>([
    ['a push', pushEvent()],
    ['a pull request', prEvent('synchronize', 11)]
  ])(
    "on %s, makes the job's webhook and its post step deletes it, leaving the pull request's own alone",
    async (_on, event) => {
      const preview = kapso.seed('legacy', EMULATOR_DEFAULTS.configId, {
        url: 'https://pr-11.preview.example.com/api/whatsapp',
        headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPOSITORY}; pull-request=11` }
      })
      const simulation = await play(file, read(file), { event })
      expect(hook(simulation).result).toBe('created')
      const post = simulation.steps.find((s) => s.ours && s.post)
      expect(post?.result?.stdout).toMatch(/Cleanup: deleted webhook/)
      expect(kapso.webhooks().map((w) => w.id)).toEqual([preview.id])
    }
  )
})

describe('examples/staging-on-push.yml and examples/project-webhook.yml', () => {
  it('make the webhook on the first push, and leave it alone on the next', async () => {
    for (const file of ['examples/staging-on-push.yml', 'examples/project-webhook.yml'] as const) {
      kapso.reset()
      const text = read(file)
      const first = hook(await play(file, text, { event: pushEvent() }))
      expect(first.result, file).toBe('created')
      if (receiver && file === 'examples/staging-on-push.yml')
        expect(first.run?.outputs['delivery-status']).toBe('delivered')
      expect(hook(await play(file, text, { event: pushEvent() })).result, file).toBe('unchanged')
    }
    expect(
      hook(
        await play('examples/project-webhook.yml', read('examples/project-webhook.yml'), {
          event: workflowDispatchEvent()
        })
      ).result
    ).toBe('unchanged')
  })
})

describe('examples/nightly-sweep.yml', () => {
  const file = 'examples/nightly-sweep.yml'
  it('sweeps on schedule, and only plans when dispatched by hand (dry-run defaults to true)', async () => {
    const record = (pr: number): Record<string, string> => ({
      'X-Provisioned-By': `kapso-webhook-action; repository=${REPOSITORY}; pull-request=${pr}`
    })
    kapso.seed('legacy', EMULATOR_DEFAULTS.configId, {
      url: 'https://pr-1.preview.example.com/api/whatsapp',
      headers: record(1)
    })
    kapso.seed('legacy', EMULATOR_DEFAULTS.configId, {
      url: 'https://pr-2.preview.example.com/api/whatsapp',
      headers: record(2)
    })
    const pulls: PullRequestFixture[] = [
      { number: 1, state: 'merged' },
      { number: 2, state: 'open' }
    ]
    const planned = hook(await play(file, read(file), { event: workflowDispatchEvent(), pulls }))
    expect(planned.run?.outputs).toMatchObject({ result: 'deleted', 'dry-run': 'true', 'deleted-count': '1' })
    expect(kapso.webhooks()).toHaveLength(2)
    const swept = hook(await play(file, read(file), { event: scheduleEvent(), pulls }))
    expect(swept.run?.outputs).toMatchObject({ result: 'deleted', 'dry-run': 'false', 'deleted-count': '1' })
    expect(kapso.webhooks()).toHaveLength(1)
  })
})

// 'examples/.kapso' holds the manifest the two workflows below read, as a repository would hold it.
describe('examples/webhooks-as-code.yml, with examples/.kapso/webhooks.yml', () => {
  const file = 'examples/webhooks-as-code.yml'
  it('plans on a pull request, applies on push to main, and a re-run changes nothing', async () => {
    const planned = hook(await play(file, read(file), { event: prEvent('opened', 9) }))
    expect(planned.run?.outputs).toMatchObject({ result: 'changed', drift: 'true', 'dry-run': 'true' })
    // Every entry of the file the workflow names (.kapso/webhooks.yml in the repository) is in the plan.
    const entries = [...read('examples/.kapso/webhooks.yml').matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1])
    for (const name of entries) expect(planned.run?.summary).toContain(`| ${name} | would create |`)
    expect(kapso.webhooks()).toEqual([])

    const applied = hook(await play(file, read(file), { event: pushEvent() }))
    expect(applied.run?.outputs).toMatchObject({ result: 'changed', 'dry-run': 'false' })
    expect(Object.keys(JSON.parse(applied.run?.outputs['webhook-ids'] ?? '{}'))).toEqual([
      'orders',
      'orders-staging',
      'numbers'
    ])
    expect(kapso.webhooks().map((w) => w.secret_key)).toEqual([
      SECRETS.ORDERS_WEBHOOK_SECRET,
      SECRETS.STAGING_WEBHOOK_SECRET,
      expect.any(String)
    ])
    const writes = kapso.writes().length
    expect(hook(await play(file, read(file), { event: pushEvent() })).run?.outputs.result).toBe('unchanged')
    expect(hook(await play(file, read(file), { event: prEvent('synchronize', 9) })).run?.outputs.drift).toBe('false')
    expect(kapso.writes()).toHaveLength(writes)
  })
})

describe('examples/webhooks-drift-check.yml', () => {
  const file = 'examples/webhooks-drift-check.yml'
  it('passes while Kapso holds what the file says, and fails once a webhook is changed by hand', async () => {
    await play('examples/webhooks-as-code.yml', read('examples/webhooks-as-code.yml'), { event: pushEvent() })
    expect(hook(await play(file, read(file), { event: scheduleEvent() })).run?.outputs.drift).toBe('false')
    // Someone deletes the staging webhook in Kapso's dashboard.
    const staging = kapso.webhooks('platform', STAGING_NUMBER)[0]?.id ?? ''
    const gone = await fetch(`${kapso.apiUrl('platform')}/whatsapp/webhooks/${staging}`, {
      method: 'DELETE',
      headers: { 'X-API-Key': SECRETS.KAPSO_API_KEY }
    })
    expect(gone.status).toBe(204)
    kapso.requests.length = 0
    const drifted = (await play(file, read(file), { event: scheduleEvent() })).steps.find((s) => s.ours)
    expect(drifted?.result?.exitCode).toBe(1)
    expect(drifted?.result?.outputs).toMatchObject({ drift: 'true', result: 'changed' })
    expect(kapso.writes()).toEqual([])
  })
})

it('runs every example there is', () => {
  const tested = readFileSync(new URL(import.meta.url), 'utf8')
  for (const example of readdirSync(join(ROOT, 'examples'))) expect(tested, example).toContain(`'examples/${example}'`)
})
