/**
 * Runs the Kapso emulator until stopped: `npm run emulator -- --port 8787`.
 * Options: --port N (default 8787), --host H (default 127.0.0.1), --api-key K, --config-id UUID,
 * --phone-number-id DIGITS (the last two may repeat).
 */
import { parseArgs } from 'node:util'
import { EMULATOR_DEFAULTS, KapsoEmulator } from './server.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string', default: EMULATOR_DEFAULTS.apiKey },
    'config-id': { type: 'string', multiple: true, default: [EMULATOR_DEFAULTS.configId] },
    'phone-number-id': { type: 'string', multiple: true, default: [EMULATOR_DEFAULTS.phoneNumberId] }
  }
})

const emulator = await KapsoEmulator.start({
  port: Number(values.port),
  host: values.host,
  apiKey: values['api-key'],
  configIds: values['config-id'],
  phoneNumberIds: values['phone-number-id']
})
console.log(`Kapso emulator listening on ${emulator.origin}`)
console.log(`  legacy api-url:   ${emulator.apiUrl('legacy')}   whatsapp-config-id: ${values['config-id'].join(', ')}`)
console.log(`  platform api-url: ${emulator.apiUrl('platform')}   phone-number-id: ${values['phone-number-id'].join(', ')}`)
console.log(`  state: ${emulator.origin}/_emulator/webhooks`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)))
}
