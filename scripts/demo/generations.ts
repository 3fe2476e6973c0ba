/**
 * Part 3: both of Kapso's API generations, on a push (no pull request: the URL is the webhook's identity):
 * create, re-run unchanged, change a field (updated), delete, delete again (absent).
 */
import type { Api } from '../../emulator/server.js'
import { pushEvent } from '../github-events.js'
import { emulatorInputs } from '../run-action.js'
import type { Stage } from './pull-request.js'
import type { Step } from './show.js'

const APIS: Api[] = ['legacy', 'platform']
const LABELS: Record<Api, string> = {
  legacy: 'legacy API (whatsapp-config-id)',
  platform: 'Platform API (phone-number-id)'
}

export async function bothGenerations(stage: Stage): Promise<void> {
  const { demo, kapso } = stage
  demo.part(
    3,
    'Both API generations, on a push',
    'Shows the same five steps on the legacy API and the Platform API: with no pull request, the URL is what identifies the webhook.'
  )
  const urlOf = (api: Api): string => `https://staging.example.com/api/whatsapp/${api}`
  // The two generations side by side: they share nothing.
  await demo.sequences(
    APIS.map((api) => ({
      note: `On the ${LABELS[api]}, at ${kapso.apiUrl(api)}:`,
      steps: fiveSteps(stage, api, urlOf(api))
    }))
  )
  for (const api of APIS) {
    const left = kapso.webhooks(api).filter((w) => w.url === urlOf(api)).length
    if (left !== 0) demo.fail(`${left} webhook(s) for ${urlOf(api)} left on the ${LABELS[api]}`)
  }
}

/** Create, re-run, change the events, delete, delete again: on a push, found by url. */
function fiveSteps(stage: Stage, api: Api, url: string): Step[] {
  const base = { ...emulatorInputs(stage.kapso, api), url, events: 'whatsapp.message.received, whatsapp.message.sent' }
  const steps: [string, Record<string, string>, string][] = [
    ['first run', base, 'created'],
    ['same inputs again', base, 'unchanged'],
    ['events changed', { ...base, events: `${base.events}, whatsapp.message.failed` }, 'updated'],
    ['delete', { ...base, operation: 'delete' }, 'deleted'],
    ['delete again', { ...base, operation: 'delete' }, 'absent']
  ]
  const push = pushEvent()
  return steps.map(([title, inputs, result]) => ({
    title: `${api}: ${title}`,
    inputs,
    event: push,
    expect: { result }
  }))
}
