/**
 * Runs the Kapso emulator until stopped: `npm run emulator -- --port 8787`.
 * Options: --port N (default 8787; 0 picks a free one), --host H (default 127.0.0.1), --api-key K,
 * --config-id UUID and --phone-number-id DIGITS (both may repeat), --project-events-plan (the plan
 * includes project events, so project.event can be subscribed to), --delivery-ca FILE (a PEM CA or
 * certificate to trust when delivering test events to HTTPS webhooks), --receiver-timeout-ms N.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID, KapsoEmulator, type EmulatorOptions } from './server.js'

function readOptions(): EmulatorOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', default: EMULATOR_DEFAULTS.apiKey },
      'config-id': { type: 'string', multiple: true, default: [EMULATOR_DEFAULTS.configId] },
      'phone-number-id': { type: 'string', multiple: true, default: [EMULATOR_DEFAULTS.phoneNumberId] },
      'project-events-plan': { type: 'boolean', default: false },
      'delivery-ca': { type: 'string' },
      'receiver-timeout-ms': { type: 'string' }
    }
  })
  const number = (name: string, text: string): number => {
    if (!/^[0-9]+$/.test(text)) throw new Error(`--${name} must be a whole number, not "${text}"`)
    return Number(text)
  }
  const ca = values['delivery-ca']
  const timeout = values['receiver-timeout-ms']
  return {
    port: number('port', values.port),
    host: values.host,
    apiKey: values['api-key'],
    configIds: values['config-id'],
    phoneNumberIds: values['phone-number-id'],
    projectEventsPlan: values['project-events-plan'],
    ...(timeout !== undefined && { receiverTimeoutMs: number('receiver-timeout-ms', timeout) }),
    ...(ca !== undefined && { deliveryCa: readFileSync(ca, 'utf8') })
  }
}

async function main(): Promise<void> {
  const options = readOptions()
  let emulator: KapsoEmulator
  try {
    emulator = await KapsoEmulator.start(options)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new Error(`port ${options.port} is in use: stop the other process or pass --port N`)
    if (code === 'EADDRNOTAVAIL') throw new Error(`host ${options.host} is not an address of this machine: pass --host with one that is`)
    throw error
  }
  const configIds = (options.configIds ?? []).join(', ')
  const phoneNumberIds = (options.phoneNumberIds ?? []).join(', ')
  console.log(`Kapso emulator listening on ${emulator.origin}`)
  console.log(`  api-key:          ${emulator.apiKey}   (send it as X-API-Key)`)
  console.log(`  legacy api-url:   ${emulator.apiUrl('legacy')}   whatsapp-config-id: ${configIds}`)
  console.log(`  platform api-url: ${emulator.apiUrl('platform')}   phone-number-id: ${phoneNumberIds}   project: ${EMULATOR_PROJECT_ID}`)
  console.log(`  project events on the plan: ${options.projectEventsPlan ? 'yes' : 'no (project.event answers 402)'}`)
  console.log(`  state: ${emulator.origin}/_emulator/webhooks, /_emulator/deliveries, /_emulator/requests`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void emulator.close().then(() => process.exit(0)))
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
