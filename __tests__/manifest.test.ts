/**
 * Manifest mode end to end: the built bundle, run as a runner runs it, against the emulator. What each run
 * changes in Kapso, what it leaves alone (prune never touches a webhook it does not own), its outputs and
 * exit code. The reader's rules are in manifest-read.test.ts, the step inputs' in manifest-inputs.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID } from '../emulator/server.js'
import { pullRequestEvent, pushEvent } from '../scripts/github-events.js'
import { runAction, runnerView, type ActionRun } from '../scripts/run-action.js'
import { useEmulator } from './support/emulator.js'
import { useManifestWorkspaces } from './support/manifest.js'

const NUMBER = EMULATOR_DEFAULTS.phoneNumberId
const OTHER_NUMBER = '222000111'
const kapso = useEmulator({ phoneNumberIds: [NUMBER, OTHER_NUMBER] })
const REPO = 'octo-org/shop'
const PATH = '.kapso/webhooks.yml'
const ORDERS = 'https://api.acme.dev/kapso/orders'
const STATUS = 'https://api.acme.dev/kapso/status'
const SECRET = 'orders-secret-0123456789abcdef'
const record = (rest: string): Record<string, string> => ({
  'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; ${rest}`
})

const workspaceWith = useManifestWorkspaces()

function entry(name: string, url: string, more = '', scope = `phone-number-id: "${NUMBER}"`): string {
  return `  ${name}:\n    ${scope}\n    url: ${url}\n    events: [whatsapp.message.received]\n${more}`
}

const BOTH = `webhooks:\n${entry('orders', ORDERS, '    secret-key-env: ORDERS_SECRET\n')}${entry('status', STATUS)}`

/** Runs the bundle on a push with the manifest text in a workspace of its own. */
async function reconcile(
  manifest: string,
  inputs: Record<string, string> = {},
  event = pushEvent()
): Promise<ActionRun> {
  const workspace = workspaceWith(PATH, manifest)
  return runAction(
    { 'api-key': EMULATOR_DEFAULTS.apiKey, 'api-url': kapso.apiUrl('platform'), manifest: PATH, ...inputs },
    { GITHUB_WORKSPACE: workspace, ORDERS_SECRET: SECRET, KAPSO_ACTION_BACKOFF_MS: '20' },
    { event }
  )
}

const plan = (run: ActionRun): Record<string, unknown>[] => JSON.parse(run.outputs.plan ?? '[]')
const actions = (run: ActionRun): Record<string, string> =>
  Object.fromEntries(plan(run).map((row) => [row.name, row.action]))
const webhookAt = (url: string): string[] =>
  kapso
    .webhooks('platform')
    .filter((w) => w.url === url)
    .map((w) => w.id)

describe('reconciling a manifest', () => {
  it('creates each entry with its record, then a re-run changes nothing and makes no writing request', async () => {
    const first = await reconcile(BOTH)
    expect(first.exitCode).toBe(0)
    expect(actions(first)).toEqual({ orders: 'create', status: 'create' })
    const orders = kapso.webhooks('platform').find((w) => w.url === ORDERS)
    expect(orders?.headers['X-Provisioned-By']).toBe(
      `kapso-webhook-action; repository=${REPO}; manifest=${PATH}; name=orders`
    )
    expect(orders?.secret_key).toBe(SECRET)
    expect(JSON.parse(first.outputs['webhook-ids'] ?? '')).toEqual({
      orders: orders?.id,
      status: webhookAt(STATUS)[0]
    })
    expect(first.outputs).toMatchObject({ result: 'changed', drift: 'true', 'dry-run': 'false' })

    const writes = kapso.writes().length
    const again = await reconcile(BOTH)
    expect(again.exitCode).toBe(0)
    expect(kapso.writes().length).toBe(writes)
    expect(actions(again)).toEqual({ orders: 'unchanged', status: 'unchanged' })
    expect(again.outputs).toMatchObject({ result: 'unchanged', drift: 'false' })
  })

  it('gives the plan output its contract shape, and the plan table in the job summary', async () => {
    const run = await reconcile(BOTH)
    for (const row of plan(run)) {
      expect(Object.keys(row).sort()).toEqual(['action', 'changes', 'name', 'url', 'webhook-id'])
      expect(Array.isArray(row.changes)).toBe(true)
    }
    expect(run.summary).toContain('| Entry | Action | Scope | Webhook | URL | Changes |')
    expect(run.summary).toMatch(/\| orders \| create \| phone-number-id 106540352242922 \| [0-9a-f-]{36} \|/)
  })

  it('updates only the fields that differ, naming them in the plan', async () => {
    await reconcile(BOTH)
    const changed = BOTH.replace(
      'url: https://api.acme.dev/kapso/status\n    events: [whatsapp.message.received]',
      'url: https://api.acme.dev/kapso/status\n    events: [whatsapp.message.received, whatsapp.message.failed]'
    )
    const run = await reconcile(changed)
    expect(actions(run)).toEqual({ orders: 'unchanged', status: 'update' })
    expect(plan(run).find((row) => row.name === 'status')?.changes).toEqual(['events'])
    expect(kapso.writes().filter((w) => w.method === 'PATCH')).toHaveLength(1)
  })

  it('adopts a webhook at the URL without a record, or made by this repository’s single-webhook step', async () => {
    const handMade = kapso.seed('platform', NUMBER, { url: ORDERS })
    const stepMade = kapso.seed('platform', NUMBER, { url: STATUS, headers: record('name=status') })
    const run = await reconcile(BOTH)
    expect(run.exitCode).toBe(0)
    expect(plan(run).map((row) => [row.name, row.action, row['webhook-id'], row.adopted])).toEqual([
      ['orders', 'update', handMade.id, true],
      ['status', 'update', stepMade.id, true]
    ])
    expect(plan(run)[0]?.changes).toContain('ownership-record')
    expect(kapso.webhooks('platform')).toHaveLength(2)
    const again = await reconcile(BOTH)
    expect(actions(again)).toEqual({ orders: 'unchanged', status: 'unchanged' })
  })

  it('creates its own beside a webhook at the URL that is someone else’s, and leaves that one alone', async () => {
    const others = [
      kapso.seed('platform', NUMBER, { url: ORDERS, headers: record('pull-request=7') }),
      kapso.seed('platform', NUMBER, { url: ORDERS, headers: record('manifest=other/webhooks.yml; name=orders') })
    ]
    const run = await reconcile(BOTH)
    expect(actions(run).orders).toBe('create')
    expect(run.stdout).toContain('recorded for someone else')
    for (const other of others) expect(kapso.webhooks().find((w) => w.id === other.id)).toEqual(other)
  })
})

describe('the single-webhook boundary, retries and deadline', () => {
  it('retries a create whose answer was lost without making a second webhook, and a 503 on a list', async () => {
    kapso.inject({ method: 'GET', fault: { kind: 'status', status: 503 } })
    kapso.inject({ method: 'POST', fault: { kind: 'reset-after' } })
    const run = await reconcile(BOTH)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(kapso.faultsInjected).toBe(2)
    expect(webhookAt(ORDERS)).toHaveLength(1)
    expect(webhookAt(STATUS)).toHaveLength(1)
    expect(actions(await reconcile(BOTH))).toEqual({ orders: 'unchanged', status: 'unchanged' })
  })

  it('fails on a refusal halfway, saying what was done; a re-run carries on from Kapso’s state', async () => {
    // orders (a phone number's) is created; status (the project's) is refused.
    const manifest = `webhooks:\n${entry('orders', ORDERS)}${entry('status', STATUS, '', 'scope: project').replace(
      'whatsapp.message.received',
      'whatsapp.phone_number.created'
    )}`
    kapso.inject({ method: 'POST', path: /^\/whatsapp\/webhooks$/, fault: { kind: 'status', status: 503 } })
    const failed = await reconcile(manifest, { 'max-attempts': '1' })
    expect(failed.exitCode).toBe(1)
    const orders = webhookAt(ORDERS)[0]
    expect(runnerView(failed.stdout).join('\n')).toMatch(
      new RegExp(`HTTP 503.*Done before that: created webhook ${orders}\\. A re-run picks up from Kapso's state`)
    )
    const run = await reconcile(manifest)
    expect(actions(run)).toEqual({ orders: 'unchanged', status: 'create' })
    expect(webhookAt(ORDERS)).toEqual([orders])
    expect(webhookAt(STATUS)).toHaveLength(1)
  })
})

describe('prune', () => {
  it('deletes the webhook of an entry gone from the file, wherever the project lists it', async () => {
    const moved = `webhooks:\n${entry('orders', ORDERS)}${entry('status', STATUS, '', `phone-number-id: "${OTHER_NUMBER}"`)}`
    await reconcile(moved)
    const status = webhookAt(STATUS)[0]
    // The file no longer names OTHER_NUMBER at all: prune still finds its webhook, through the project's list.
    const run = await reconcile(`webhooks:\n${entry('orders', ORDERS)}`)
    expect(run.exitCode).toBe(0)
    expect(plan(run)).toContainEqual({
      name: 'status',
      action: 'delete',
      'webhook-id': status,
      url: STATUS,
      changes: []
    })
    expect(webhookAt(STATUS)).toEqual([])
  })

  it('never touches what it does not own: another manifest, another repository, a preview, a step’s, a hand-made one', async () => {
    const untouchable = [
      kapso.seed('platform', NUMBER, { url: 'https://x.dev/a', headers: record('manifest=other.yml; name=status') }),
      kapso.seed('platform', NUMBER, {
        url: 'https://x.dev/b',
        headers: {
          'X-Provisioned-By': `kapso-webhook-action; repository=octo-org/other; manifest=${PATH}; name=status`
        }
      }),
      kapso.seed('platform', NUMBER, { url: 'https://x.dev/c', headers: record('pull-request=12') }),
      kapso.seed('platform', NUMBER, { url: 'https://x.dev/d', headers: record('name=status') }),
      kapso.seed('platform', NUMBER, { url: 'https://x.dev/e' }),
      kapso.seed('platform', EMULATOR_PROJECT_ID, {
        url: 'https://x.dev/f',
        headers: record('manifest=.kapso/other.yml; name=orders')
      })
    ]
    await reconcile(BOTH)
    const run = await reconcile('webhooks: {}\n')
    expect(run.exitCode).toBe(0)
    expect(
      plan(run)
        .map((row) => row.name)
        .sort()
    ).toEqual(['orders', 'status'])
    expect(kapso.webhooks()).toEqual(untouchable)
  })

  it('with prune false, leaves the webhook of an entry gone from the file', async () => {
    await reconcile(BOTH)
    const run = await reconcile(`webhooks:\n${entry('orders', ORDERS)}`, { prune: 'false' })
    expect(actions(run)).toEqual({ orders: 'unchanged' })
    expect(webhookAt(STATUS)).toHaveLength(1)
  })
})

describe('dry run and drift', () => {
  it('writes nothing, and with fail-on-drift exits 1 when the plan changes anything, 0 when it does not', async () => {
    const dry = await reconcile(BOTH, { 'dry-run': 'true', 'fail-on-drift': 'true' })
    expect(dry.exitCode).toBe(1)
    expect(kapso.writes()).toEqual([])
    expect(dry.outputs).toMatchObject({ result: 'changed', drift: 'true', 'dry-run': 'true' })
    expect(actions(dry)).toEqual({ orders: 'create', status: 'create' })
    expect(runnerView(dry.stdout).join('\n')).toContain('Drift: 2 webhooks in Kapso differ from .kapso/webhooks.yml')

    await reconcile(BOTH)
    const clean = await reconcile(BOTH, { 'dry-run': 'true', 'fail-on-drift': 'true' })
    expect(clean.exitCode).toBe(0)
    expect(clean.outputs.drift).toBe('false')
  })
})

describe('operation delete', () => {
  it('deletes every webhook this manifest owns and nothing else', async () => {
    const other = kapso.seed('platform', NUMBER, { url: ORDERS, headers: record('manifest=other.yml; name=orders') })
    await reconcile(BOTH)
    const run = await reconcile(BOTH, { operation: 'delete' })
    expect(run.exitCode).toBe(0)
    expect(actions(run)).toEqual({ orders: 'delete', status: 'delete' })
    expect(JSON.parse(run.outputs['webhook-ids'] ?? '')).toEqual({})
    expect(kapso.webhooks()).toEqual([other])
  })
})

describe('secrets and errors', () => {
  it('masks secret-key-env’s secret before anything else, and never puts it in an output or the summary', async () => {
    const run = await reconcile(BOTH)
    const lines = run.stdout.split('\n')
    const mask = lines.indexOf(`::add-mask::${SECRET}`)
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(lines.slice(0, mask).some((line) => line.includes(SECRET))).toBe(false)
    expect(JSON.stringify(run.outputs)).not.toContain(SECRET)
    expect(run.summary).not.toContain(SECRET)
    expect(run.stderr).not.toContain(SECRET)
  })

  it('skips a fork’s pull request, which gets no secrets, with a warning and no request', async () => {
    const run = await reconcile(BOTH, { 'api-key': '' }, pullRequestEvent('opened', 3, { fork: true }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('skipped')
    expect(run.stdout).toContain('::warning::api-key is empty: this run is for a pull request from a fork')
    expect(kapso.requests).toEqual([])
  })

  it('reports every problem of the file and makes no request', async () => {
    const run = await reconcile(`webhooks:\n  orders:\n    evnts: [x]\n    url: http://x.dev\n`)
    expect(run.exitCode).toBe(1)
    expect(kapso.requests).toEqual([])
    const text = runnerView(run.stdout).join('\n')
    expect(text).toContain('.kapso/webhooks.yml:3: orders.evnts is not a field of an entry: did you mean')
    expect(text).toContain('.kapso/webhooks.yml:4: orders.url must be an absolute https:// URL')
  })
})
