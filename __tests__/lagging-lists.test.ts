/**
 * Kapso's lists may show a new webhook only seconds after its create (issue 15). A create whose answer
 * is lost, then a list that does not show what it made yet, made a second webhook. Through the built
 * bundle, on a push (the url is the webhook's identity): a run looks again for a while before it creates again.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId } from '../emulator/server.js'
import { pushEvent, REPOSITORY } from '../scripts/github-events.js'
import { emulatorInputs, type ActionRun } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator } from './support/emulator.js'

const emulator = useEmulator()
const URL_A = 'https://staging.example.com/api/whatsapp'
const LAG_MS = 2000
/** A 502 from a gateway after Kapso made the webhook: the answer is lost, the webhook is there. */
const lostAnswer = { method: 'POST', fault: { kind: 'status-after', status: 502 } } as const

/**
 * A push run of the bundle, at the action's own pace (retries back off from 1 s, as they do on a runner),
 * so that its looking again spans the seconds a lagging list takes.
 */
function push(inputs: Record<string, string> = {}, backoffMs = '1000'): Promise<ActionRun> {
  return runChecked(
    { ...emulatorInputs(emulator, 'platform'), url: URL_A, events: 'whatsapp.message.received', 'max-attempts': '2', 'request-timeout-seconds': '5', ...inputs },
    { secrets: emulator.webhooks().map((w) => w.secret_key), env: { KAPSO_ACTION_BACKOFF_MS: backoffMs }, options: { event: pushEvent() } }
  )
}

const posts = (): number => emulator.requests.filter((r) => r.method === 'POST').length

describe('a create whose answer is lost, on a list that lags', () => {
  it('looks again until the list shows the webhook it made, and makes no second one', { timeout: 60_000 }, async () => {
    emulator.configure({ listLagMs: LAG_MS })
    emulator.inject(lostAnswer)
    const run = await push()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(emulator.webhooks()).toHaveLength(1)
    expect(posts()).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'created', 'webhook-id': emulator.webhooks()[0]?.id })
    expect(run.stdout).toContain(
      `No webhook that the earlier attempt at creating a webhook for ${URL_A} could have made is listed yet. ` +
        "Kapso's lists may show a new webhook only seconds after its create: looking again for up to 10 s before sending it again."
    )
    expect(run.stdout).toContain(`The earlier attempt at creating a webhook for ${URL_A} did reach Kapso: using what it made instead of sending it again.`)
  })

  it('looks again for the webhook an unreadable answer stands for, and uses it', { timeout: 60_000 }, async () => {
    emulator.configure({ listLagMs: LAG_MS })
    emulator.inject({ method: 'POST', fault: { kind: 'rewrite', body: (body) => ({ data: { ...(body as { data: object }).data, id: 'not-a-uuid' } }) } })
    const run = await push()
    const [made] = emulator.webhooks()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'created', 'webhook-id': made?.id })
    expect(emulator.webhooks()).toHaveLength(1)
    const unreadable = `Kapso's answer while creating a webhook for ${URL_A} has data.id that is not a UUID.`
    expect(run.stdout).toContain(
      `${unreadable} No webhook the create made is listed yet. ` +
        "Kapso's lists may show a new webhook only seconds after its create: looking again for up to 10 s before failing the step."
    )
    expect(run.stdout).toContain(`::warning::${unreadable} The webhook it made was found by listing the scope: using ${made?.id}.`)
  })

  it('never adopts a webhook recorded for someone else that appears at the url meanwhile', async () => {
    const foreign = 'kapso-webhook-action; repository=octo-org/other'
    // Once the step has listed the url, another repository's workflow makes its webhook there.
    emulator.inject({
      method: 'GET',
      fault: { kind: 'rewrite', body: (body) => (emulator.seed('platform', defaultScopeId('platform'), { url: URL_A, headers: { 'X-Provisioned-By': foreign } }), body) }
    })
    emulator.inject({ method: 'POST', fault: { kind: 'status', status: 503 } })
    const run = await push({}, '20')
    expect(run.exitCode, run.stdout).toBe(0)
    const mine = emulator.webhooks().find((w) => w.id === run.outputs['webhook-id'])
    expect(mine?.headers['X-Provisioned-By']).toBe(`kapso-webhook-action; repository=${REPOSITORY}`)
    expect(emulator.webhooks().map((w) => w.headers['X-Provisioned-By'])).toEqual([foreign, mine?.headers['X-Provisioned-By']])
    expect(posts()).toBe(2)
  })

  it('looks again for 10 s at most, then sends the create again, saying so', { timeout: 60_000 }, async () => {
    emulator.configure({ listLagMs: 60_000 })
    emulator.inject(lostAnswer)
    const started = Date.now()
    const run = await push()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000)
    expect(run.stdout).toContain('Still none listed after 10 s: taking it that there is none, and sending it again.')
    // A list lagging more than that still makes two: the next run deletes one (see below).
    expect(posts()).toBe(2)
  })

  it('never looks past the step\'s deadline', { timeout: 60_000 }, async () => {
    emulator.configure({ listLagMs: 60_000 })
    emulator.inject(lostAnswer)
    const started = Date.now()
    const run = await push({ 'timeout-seconds': '4', 'request-timeout-seconds': '2' })
    expect(Date.now() - started).toBeLessThan(6_000)
    expect(run.stdout).toMatch(/^Stopped looking after \d+(\.\d)? s, as the step's time \(timeout-seconds: 4\) is nearly up, and sending it again\.$/m)
    expect(run.stdout).not.toContain('Still none listed')
  })
})
