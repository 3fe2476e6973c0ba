/**
 * `npm start`: the built action (dist/) against the bundled Kapso emulator, as a runner would run it.
 * On each API generation: create, re-run (unchanged), change a field (updated), delete, delete again
 * (absent). Prints each step's log as GitHub shows it and its outputs. No Kapso account needed.
 */
import { KapsoEmulator, type Api } from '../emulator/server.js'
import { emulatorInputs, runAction, runnerView } from './run-action.js'

const emulator = await KapsoEmulator.start()
let failures = 0
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
    for (const [title, inputs, expected] of steps) {
      const run = await runAction(inputs)
      const ok = run.exitCode === 0 && run.outputs.result === expected
      if (!ok) failures++
      console.log(`\n--- ${title}: exit ${run.exitCode}, result ${run.outputs.result ?? '(none)'} ${ok ? '(as expected)' : `(EXPECTED ${expected})`}`)
      for (const line of runnerView(run.stdout)) console.log(`  | ${line}`)
      for (const [name, value] of Object.entries(run.outputs)) {
        const shown = name === 'secret-key' && value ? '*** (masked)' : value.length > 110 ? `${value.slice(0, 107)}...` : value
        console.log(`  ${name} = ${shown}`)
      }
    }
    console.log(`\nWebhooks left in the emulator for this scope: ${emulator.webhooks(api).length}`)
  }
} finally {
  await emulator.close()
}
console.log(failures === 0 ? '\nDemo finished: every step gave the expected result.' : `\nDemo finished with ${failures} unexpected result(s).`)
process.exitCode = failures === 0 ? 0 : 1
