/**
 * Part 5: webhooks as code. A manifest (a YAML file in the repository) holds a phone number's webhook and a
 * project webhook: planned on a pull request (dry run), applied on a push, applied again (nothing to do, no
 * request that writes), then an entry removed from the file and its webhook pruned, while a preview's
 * webhook in the same project is left alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMULATOR_DEFAULTS } from '../../emulator/server.js'
import { pullRequestEvent, pushEvent, REPOSITORY } from '../github-events.js'
import type { Stage } from './pull-request.js'
import type { Check } from './show.js'

const PATH = '.kapso/webhooks.yml'
const SECRET = 'demo-orders-signing-secret-0123456789'

const ORDERS = `  orders:
    phone-number-id: '${EMULATOR_DEFAULTS.phoneNumberId}'
    url: https://api.acme.dev/kapso/orders
    events: [whatsapp.message.received, whatsapp.message.sent]
    headers: { X-Env: prod }
    secret-key-env: ORDERS_WEBHOOK_SECRET
`
const NUMBERS = `  numbers:
    scope: project
    url: https://api.acme.dev/kapso/numbers
    events: [whatsapp.phone_number.created]
`

export async function manifest(stage: Stage): Promise<void> {
  const { demo, kapso } = stage
  demo.part(
    5,
    'Webhooks as code',
    `Shows manifest: ${PATH} is reconciled in one step, planned on a pull request, applied on push, and pruned when an entry is removed.`
  )
  const workspace = mkdtempSync(join(tmpdir(), 'kapso-demo-'))
  mkdirSync(join(workspace, '.kapso'))
  const write = (entries: string): void => writeFileSync(join(workspace, PATH), `webhooks:\n${entries}`)
  const step = { env: { GITHUB_WORKSPACE: workspace, ORDERS_WEBHOOK_SECRET: SECRET } }
  const inputs = { 'api-key': kapso.apiKey, 'api-url': kapso.apiUrl('platform'), manifest: PATH }
  const preview = kapso.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, {
    url: 'https://pr-12.preview.example.com/api/whatsapp',
    headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPOSITORY}; pull-request=12` }
  })
  const noWrites = (): Check => {
    const before = kapso.writes().length
    return () => ({
      ok: kapso.writes().length === before,
      note: `requests that write: ${kapso.writes().length - before}`
    })
  }
  try {
    write(ORDERS + NUMBERS)
    demo.note(`${PATH} has two entries, orders (a phone number) and numbers (the project).`)
    await demo.step({
      ...step,
      title: 'plan on a pull request (dry run)',
      inputs: { ...inputs, 'dry-run': 'true' },
      event: pullRequestEvent('opened', 12),
      expect: { result: 'changed', drift: 'true', 'dry-run': 'true' },
      checks: [noWrites()]
    })
    await demo.step({
      ...step,
      title: 'apply on push to main',
      inputs,
      event: pushEvent(),
      expect: { result: 'changed' }
    })
    await demo.step({
      ...step,
      title: 'apply again',
      inputs,
      event: pushEvent(),
      expect: { result: 'unchanged', drift: 'false' },
      checks: [noWrites()]
    })
    write(ORDERS)
    demo.note('numbers is removed from the file: prune deletes its webhook, and nothing it does not own.')
    await demo.step({
      ...step,
      title: 'apply after removing an entry',
      inputs,
      event: pushEvent(),
      expect: { result: 'changed' },
      checks: [
        () => {
          const kept = kapso.webhooks().some((w) => w.id === preview.id)
          return { ok: kept, note: `the preview's webhook of pull request #12 is ${kept ? 'still there' : 'GONE'}` }
        }
      ]
    })
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}
