/**
 * Part 2: a sweep, as examples/nightly-sweep.yml runs it on a schedule. Three pull requests each get a
 * webhook from a pull_request opened run; GitHub (the stand-in) then says two of them are closed, one of
 * them merged. A dry run says what would go; the sweep deletes those two and leaves the open one's.
 */
import { EMULATOR_DEFAULTS, type StoredWebhook } from '../../emulator/server.js'
import { pullRequestEvent, scheduleEvent } from '../github-events.js'
import { emulatorInputs } from '../run-action.js'
import type { Stage } from './pull-request.js'

const RECORD = 'x-provisioned-by'
const PULL_REQUESTS = [41, 42, 43]

export async function sweep(stage: Stage): Promise<void> {
  const { demo, kapso, github } = stage
  demo.part(
    2,
    `A sweep (operation: sweep, on a schedule), Platform API (phone-number-id ${EMULATOR_DEFAULTS.phoneNumberId})`,
    `Shows the nightly clean-up: the webhooks recorded for this repository's pull requests that are closed now are deleted; the open one's stays.`
  )
  const base = emulatorInputs(kapso, 'platform')
  github.setPullRequests(PULL_REQUESTS.map((number) => ({ number, state: 'open' as const })))
  // Three pull requests' runs, side by side as GitHub would run them.
  await demo.sequences(
    PULL_REQUESTS.map((number) => ({
      note: '',
      steps: [
        {
          title: `pull request #${number} opened`,
          inputs: {
            ...base,
            operation: 'auto',
            url: `https://pr-${number}.preview.example.com/api/whatsapp`,
            events: 'whatsapp.message.received'
          },
          event: pullRequestEvent('opened', number, { apiUrl: github.apiUrl }),
          expect: { result: 'created' }
        }
      ]
    }))
  )

  github.setPullRequests([
    { number: 41, state: 'closed' },
    { number: 42, state: 'open' },
    { number: 43, state: 'merged' }
  ])
  demo.note(
    'Later, on GitHub: #41 is closed without merging, #43 is merged, #42 is still open. Their close runs did not happen (say the workflow was off).'
  )
  const nightly = scheduleEvent({ apiUrl: github.apiUrl })
  await demo.step({
    title: 'sweep, dry run',
    inputs: { ...base, operation: 'sweep', 'dry-run': 'true' },
    event: nightly,
    expect: { result: 'deleted', 'deleted-count': '2', 'dry-run': 'true' }
  })
  if (kapso.webhooks('platform').length !== 3)
    demo.fail(`the dry run changed Kapso: ${kapso.webhooks('platform').length} webhooks left, not 3`)
  await demo.step({
    title: 'sweep',
    inputs: { ...base, operation: 'sweep' },
    event: nightly,
    expect: { result: 'deleted', 'deleted-count': '2' }
  })
  demo.note(`What the two sweep runs asked GitHub: ${github.requests.join('; ')}`)

  const left = kapso.webhooks('platform')
  for (const webhook of left) demo.note(`Stayed: webhook ${webhook.id} for ${webhook.url}, ${recordOf(webhook)}`)
  if (left.length !== 1 || !recordOf(left[0]).endsWith('pull-request=42"'))
    demo.fail(`expected only #42's webhook to stay, found ${left.length}`)
}

function recordOf(webhook: StoredWebhook | undefined): string {
  const entry = Object.entries(webhook?.headers ?? {}).find(([name]) => name.toLowerCase() === RECORD)
  return entry ? `recorded as "${entry[1]}"` : 'with no ownership record'
}
