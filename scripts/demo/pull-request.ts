/**
 * Part 1: a pull request's whole life on the Platform API, as examples/vercel-preview.yml runs it. Vercel
 * reports each deployment with a deployment_status event carrying that deployment's own URL; the action
 * asks GitHub (the stand-in) which open pull request holds the commit, and keeps one webhook per pull
 * request, found by its ownership record: created, moved to each new URL, left alone by a late event for an
 * older commit, deleted when the pull request closes.
 */
import { createHmac } from 'node:crypto'
import type { GitHubEmulator } from '../../emulator/github.js'
import { EMULATOR_DEFAULTS, type KapsoEmulator } from '../../emulator/server.js'
import { commitSha, deploymentStatusEvent, pullRequestEvent, REPOSITORY } from '../github-events.js'
import type { Receiver } from '../receiver.js'
import { emulatorInputs, type GitHubEvent } from '../run-action.js'
import type { Check, Demo } from './show.js'

const NUMBER = 7
const HEAD_REF = `feature/preview-${NUMBER}`
const EVENTS = 'whatsapp.message.received, whatsapp.message.sent'

export interface Stage {
  demo: Demo
  kapso: KapsoEmulator
  github: GitHubEmulator
  /** The local HTTPS receiver the previews' URLs point at; undefined without openssl. */
  receiver?: Receiver
}

/** A deployment of one commit: its sha and the URL Vercel gives it. */
interface Deployment {
  label: string
  sha: string
  url: string
  /** How the narration names it. */
  shown: string
}

/**
 * The deployment's own URL. Vercel's is https://shop-<9 characters>-octo-org.vercel.app; with the receiver,
 * a path on it named after that host's first label, so that Kapso's test delivery really reaches it.
 */
function deploymentOf(label: string, stage: Stage): Deployment {
  const sha = commitSha(`${REPOSITORY}#${NUMBER}: ${label}`)
  const status = deploymentStatusEvent('vercel', { environment: 'preview', sha }).payload.deployment_status as {
    environment_url: string
  }
  const vercel = status.environment_url
  const host = new URL(vercel).hostname
  const url = stage.receiver ? stage.receiver.url(`/ok/${host.split('.')[0]}`) : vercel
  return {
    label,
    sha,
    url,
    shown: stage.receiver ? `its own URL, ${host} (served here by the local receiver: ${url})` : `its own URL, ${url}`
  }
}

export async function pullRequestLife(stage: Stage): Promise<void> {
  const { demo, kapso, github } = stage
  const verify = stage.receiver !== undefined
  demo.part(
    1,
    `A pull request's whole life: Platform API (phone-number-id ${EMULATOR_DEFAULTS.phoneNumberId}), Vercel-style deployments`,
    `Shows one webhook per pull request, found by its ownership record: each new deployment URL moves it, a late event changes nothing, closing deletes it.`
  )
  if (!verify)
    demo.note(
      'openssl is not available, so there is no local HTTPS receiver: the deployments run without verify, and no test delivery is made.'
    )
  const first = deploymentOf('commit 1', stage)
  const second = deploymentOf('commit 2', stage)
  // What the workflow's `with:` gives, as in examples/vercel-preview.yml: url is environment_url + /api/whatsapp,
  // verify is `github.event_name == 'deployment_status'`.
  const inputs = (event: GitHubEvent, environmentUrl: string): Record<string, string> => ({
    ...emulatorInputs(kapso, 'platform'),
    operation: 'auto',
    url: `${environmentUrl}/api/whatsapp`,
    events: EVENTS,
    verify: String(verify && event.eventName === 'deployment_status')
  })
  const deployed = (deployment: Deployment): GitHubEvent =>
    deploymentStatusEvent('vercel', {
      environment: 'preview',
      sha: deployment.sha,
      url: deployment.url,
      apiUrl: github.apiUrl
    })
  const delivered: Record<string, string> = verify ? { 'delivery-status': 'delivered' } : {}
  const signed = (deployment: Deployment): Check[] =>
    stage.receiver ? [signedDelivery(stage.receiver, deployment, kapso)] : []

  github.setPullRequests([{ number: NUMBER, state: 'open', shas: [first.sha], ref: HEAD_REF }])
  demo.note(
    `Pull request #${NUMBER} (${HEAD_REF}) is opened with commit 1 (${short(first.sha)}): the workflow runs on pull_request closed only, so nothing yet.`
  )
  demo.note(`Vercel deploys commit 1 to ${first.shown}, and reports it to GitHub.`)
  const event1 = deployed(first)
  const created = await demo.step({
    title: 'deployment_status success for commit 1',
    inputs: inputs(event1, first.url),
    event: event1,
    expect: { result: 'created', ...delivered },
    checks: signed(first)
  })
  const id = created.outputs['webhook-id'] ?? ''

  github.setPullRequests([{ number: NUMBER, state: 'open', shas: [first.sha, second.sha], ref: HEAD_REF }])
  demo.note(`A push adds commit 2 (${short(second.sha)}) to the pull request; Vercel deploys it to ${second.shown}.`)
  const event2 = deployed(second)
  await demo.step({
    title: 'deployment_status success for commit 2, new URL',
    inputs: inputs(event2, second.url),
    event: event2,
    expect: { result: 'updated', ...delivered },
    checks: [sameWebhook(id, kapso), ...signed(second)]
  })
  await demo.step({
    title: 'the same deployment_status again (a re-run)',
    inputs: inputs(event2, second.url),
    event: event2,
    expect: { result: 'unchanged', ...delivered },
    checks: [sameWebhook(id, kapso), ...signed(second)]
  })

  demo.note(`Vercel's event for commit 1 arrives late, after commit 2's.`)
  await demo.step({
    title: 'late deployment_status for commit 1',
    inputs: inputs(event1, first.url),
    event: event1,
    expect: { result: 'skipped' },
    checks: [staysAt(`${second.url}/api/whatsapp`, kapso)]
  })

  github.setPullRequests([{ number: NUMBER, state: 'merged', shas: [first.sha, second.sha], ref: HEAD_REF }])
  demo.note(
    `Pull request #${NUMBER} is merged. On pull_request closed there is no deployment: the url expression gives just "/api/whatsapp".`
  )
  const closed = pullRequestEvent('closed', NUMBER, {
    merged: true,
    headRef: HEAD_REF,
    headSha: second.sha,
    apiUrl: github.apiUrl
  })
  await demo.step({
    title: 'pull request closed',
    inputs: inputs(closed, ''),
    event: closed,
    expect: { result: 'deleted', 'webhook-id': id }
  })
  await demo.step({
    title: 'pull request closed, the job re-run',
    inputs: inputs(closed, ''),
    event: closed,
    expect: { result: 'absent' }
  })
  if (kapso.webhooks('platform').length !== 0)
    demo.fail(`${kapso.webhooks('platform').length} webhook(s) left on the Platform API after the pull request closed`)
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

/**
 * The preview got Kapso's test delivery during the step, signed with the webhook's secret: the receiver's
 * last request at this deployment's path carries X-Webhook-Signature, the HMAC-SHA256 of the body.
 */
function signedDelivery(receiver: Receiver, deployment: Deployment, kapso: KapsoEmulator): Check {
  const path = `${new URL(deployment.url).pathname}/api/whatsapp`
  const before = receiver.received.length
  return () => {
    const got = receiver.received.slice(before).filter((r) => r.path === path)
    const last = got.at(-1)
    const secret = kapso.webhooks('platform')[0]?.secret_key ?? ''
    const ok =
      last !== undefined &&
      secret !== '' &&
      last.headers['x-webhook-signature'] === createHmac('sha256', secret).update(last.raw).digest('hex')
    return {
      ok,
      note: `the preview at ${path} received ${got.length} test delivery (${String(last?.headers['x-webhook-event'] ?? 'none')}), its X-Webhook-Signature ${ok ? "valid for the webhook's secret" : 'NOT valid'}`
    }
  }
}

/** The step kept the webhook created for deployment 1: same id, and still the only one. */
function sameWebhook(id: string, kapso: KapsoEmulator): Check {
  return (run) => {
    const count = kapso.webhooks('platform').length
    const ok = run.outputs['webhook-id'] === id && count === 1
    return {
      ok,
      note: `webhook id ${ok ? `unchanged (${id}), still the only webhook` : `${run.outputs['webhook-id']} (first was ${id}), ${count} webhook(s) in Kapso`}`
    }
  }
}

/** The webhook was left at this URL. */
function staysAt(url: string, kapso: KapsoEmulator): Check {
  return () => {
    const urls = kapso.webhooks('platform').map((w) => w.url)
    const ok = urls.length === 1 && urls[0] === url
    return {
      ok,
      note: ok
        ? `the webhook still points at commit 2's deployment (${url})`
        : `webhooks now at: ${urls.join(', ') || '(none)'}`
    }
  }
}
