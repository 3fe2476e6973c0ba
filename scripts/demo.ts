/**
 * `npm start`: the built action (dist/) against the bundled Kapso emulator, as a runner would run it.
 * On each API generation: create, re-run (unchanged), change a field (updated), delete, delete again
 * (absent); then a project webhook whose test delivery to a local HTTPS receiver is verified. Prints each
 * step's log as GitHub shows it and its outputs. No Kapso account needed.
 */
import { EMULATOR_DEFAULTS, KapsoEmulator, type Api } from '../emulator/server.js'
import { Receiver } from './receiver.js'
import { emulatorInputs, runAction, runnerView } from './run-action.js'
import { haveOpenssl } from './tls.js'

const receiver = haveOpenssl() ? await Receiver.start() : undefined
const emulator = await KapsoEmulator.start({ deliveryCa: receiver?.cert, projectEventsPlan: true })
let failures = 0

/** Runs one step and prints what a runner would show of it. */
async function show(title: string, inputs: Record<string, string>, expected: string, output = 'result'): Promise<void> {
  const run = await runAction(inputs)
  const ok = run.exitCode === 0 && run.outputs[output] === expected
  if (!ok) failures++
  console.log(`\n--- ${title}: exit ${run.exitCode}, ${output} ${run.outputs[output] ?? '(none)'} ${ok ? '(as expected)' : `(EXPECTED ${expected})`}`)
  for (const line of runnerView(run.stdout)) console.log(`  | ${line}`)
  for (const [name, value] of Object.entries(run.outputs)) {
    const shown = name === 'secret-key' && value ? '*** (masked)' : value.length > 110 ? `${value.slice(0, 107)}...` : value
    console.log(`  ${name} = ${shown}`)
  }
}

try {
  for (const api of ['legacy', 'platform'] as Api[]) {
    const base = {
      ...emulatorInputs(emulator, api),
      url: `https://preview-42.example.com/api/whatsapp/${api}`,
      events: 'whatsapp.message.received, whatsapp.message.sent'
    }
    console.log(`\n=== ${api === 'legacy' ? 'Legacy API (whatsapp-config-id)' : 'Platform API (phone-number-id)'} at ${emulator.apiUrl(api)}`)
    const steps: [string, Record<string, string>, string][] = [
      ['first run', base, 'created'],
      ['same inputs again', base, 'unchanged'],
      ['events changed', { ...base, events: 'whatsapp.message.received, whatsapp.message.sent, whatsapp.message.failed' }, 'updated'],
      ['dry run of a delete', { ...base, operation: 'delete', 'dry-run': 'true' }, 'deleted'],
      ['delete', { ...base, operation: 'delete' }, 'deleted'],
      ['delete again', { ...base, operation: 'delete' }, 'absent']
    ]
    for (const [title, inputs, expected] of steps) await show(title, inputs, expected)
    console.log(`\nWebhooks left in the emulator for this scope: ${emulator.webhooks(api).length}`)
  }

  console.log(`\n=== Platform API, scope: project, with verify: Kapso delivers a signed test event to a local receiver`)
  if (!receiver) {
    console.log('  (skipped: the local HTTPS receiver needs the openssl command to make its certificate)')
  } else {
    const project = { 'api-key': EMULATOR_DEFAULTS.apiKey, 'api-url': emulator.apiUrl('platform'), scope: 'project', url: receiver.url('/ok'), events: 'workflow.execution.failed' }
    await show('project webhook, verified', { ...project, verify: 'true' }, 'delivered', 'delivery-status')
    await show('delete it', { ...project, operation: 'delete' }, 'deleted')
  }
} finally {
  await emulator.close()
  await receiver?.close()
}
console.log(failures === 0 ? '\nDemo finished: every step gave the expected result.' : `\nDemo finished with ${failures} unexpected result(s).`)
process.exitCode = failures === 0 ? 0 : 1
