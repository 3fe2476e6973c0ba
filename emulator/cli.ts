/**
 * Runs the Kapso emulator, and the GitHub stand-in beside it, until stopped: `npm run emulator -- --port 8787`.
 *
 * Kapso: --port N (default 8787; 0 picks a free one), --host H (default 127.0.0.1, for both servers),
 * --api-key K, --config-id UUID and --phone-number-id DIGITS (both may repeat), --project-events-plan
 * (the plan includes project events, so project.event can be subscribed to), --delivery-ca FILE (a PEM CA
 * or certificate to trust when delivering test events to HTTPS webhooks), --receiver-timeout-ms N,
 * --time-scale N (how fast the retry delays of a failed delivery pass: 1 is real time, Kapso's 10/40/90 s;
 * 0.001 makes them 10/40/90 ms), --list-lag-ms N (a webhook created through the API shows in list answers
 * only N ms later, as Kapso's lists may lag; a read by id sees it at once).
 *
 * GitHub: --github-port N (default 8788; 0 picks a free one), --repository owner/name (default
 * octo-org/shop), --github-token T (default a fixed fake one, printed), --pull-request
 * NUMBER:STATE[:SHA,…[:REF]] (may repeat; default #42 open on feature-x). PUT /_github/pulls changes them
 * while it runs. It prints the environment that points the action at both, and writes a pull_request event
 * file for it.
 */
import { readFileSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { eventPullRequest, GITHUB_DEFAULTS, githubLines, writePullRequestEvent } from './cli-github.js'
import { GitHubEmulator, parsePullRequestFlag, type GitHubEmulatorOptions } from './github.js'
import {
  DEFAULT_SETTINGS,
  EMULATOR_DEFAULTS,
  EMULATOR_PROJECT_ID,
  KapsoEmulator,
  type EmulatorOptions
} from './server.js'

interface CliOptions {
  kapso: EmulatorOptions
  github: GitHubEmulatorOptions
}

const wholeNumber = (name: string, text: string): number => {
  if (!/^[0-9]+$/.test(text)) throw new Error(`--${name} must be a whole number, not "${text}"`)
  return Number(text)
}

function readOptions(): CliOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', default: EMULATOR_DEFAULTS.apiKey },
      'config-id': { type: 'string', multiple: true, default: [EMULATOR_DEFAULTS.configId] },
      'phone-number-id': { type: 'string', multiple: true, default: [EMULATOR_DEFAULTS.phoneNumberId] },
      'project-events-plan': { type: 'boolean', default: false },
      'delivery-ca': { type: 'string' },
      'receiver-timeout-ms': { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      'list-lag-ms': { type: 'string', default: '0' },
      'github-port': { type: 'string', default: String(GITHUB_DEFAULTS.port) },
      repository: { type: 'string', default: GITHUB_DEFAULTS.repository },
      'github-token': { type: 'string', default: GITHUB_DEFAULTS.token },
      'pull-request': { type: 'string', multiple: true }
    }
  })
  const ca = values['delivery-ca']
  const timeout = values['receiver-timeout-ms']
  const scale = values['time-scale']
  if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(scale))
    throw new Error(`--time-scale must be a number ≥ 0, such as 1 or 0.001, not "${scale}"`)
  if (!/^[\w.-]+\/[\w.-]+$/.test(values.repository))
    throw new Error(`--repository must be owner/name, not "${values.repository}"`)
  if (!/^[\x21-\x7e]+$/.test(values['github-token']))
    throw new Error('--github-token must be printable characters without spaces')
  const kapso: EmulatorOptions = {
    port: wholeNumber('port', values.port),
    host: values.host,
    apiKey: values['api-key'],
    configIds: values['config-id'],
    phoneNumberIds: values['phone-number-id'],
    projectEventsPlan: values['project-events-plan'],
    deliveryTimeScale: Number(scale),
    listLagMs: wholeNumber('list-lag-ms', values['list-lag-ms']),
    ...(timeout !== undefined && { receiverTimeoutMs: wholeNumber('receiver-timeout-ms', timeout) }),
    ...(ca !== undefined && { deliveryCa: readFileSync(ca, 'utf8') })
  }
  const pulls = values['pull-request']?.map(parsePullRequestFlag) ?? [GITHUB_DEFAULTS.pull]
  const github = {
    port: wholeNumber('github-port', values['github-port']),
    host: values.host,
    repository: values.repository,
    token: values['github-token'],
    pulls
  }
  return { kapso, github }
}

/** Starts a server, turning the usual reasons it cannot listen into one line that says what to do. */
async function listen<T>(start: () => Promise<T>, host: string | undefined, busy: string): Promise<T> {
  try {
    return await start()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new Error(busy)
    if (code === 'EADDRNOTAVAIL')
      throw new Error(`host ${host} is not an address of this machine: pass --host with one that is`)
    throw error
  }
}

function kapsoLines(emulator: KapsoEmulator, options: EmulatorOptions): string[] {
  const scale = options.deliveryTimeScale ?? 1
  const duration = (ms: number): string =>
    ms >= 1000 ? `${Number((ms / 1000).toPrecision(6))} s` : `${Number(ms.toPrecision(6))} ms`
  const delays = DEFAULT_SETTINGS.deliveryRetryDelaysMs.map((ms) => duration(ms * scale)).join(', ')
  const timeout = duration(options.receiverTimeoutMs ?? DEFAULT_SETTINGS.receiverTimeoutMs)
  return [
    `Kapso emulator listening on ${emulator.origin}`,
    `  api-key:          ${emulator.apiKey}   (send it as X-API-Key)`,
    `  legacy api-url:   ${emulator.apiUrl('legacy')}   whatsapp-config-id: ${(options.configIds ?? []).join(', ')}`,
    `  platform api-url: ${emulator.apiUrl('platform')}   phone-number-id: ${(options.phoneNumberIds ?? []).join(', ')}   project: ${EMULATOR_PROJECT_ID}`,
    `  project events on the plan: ${options.projectEventsPlan ? 'yes' : 'no (project.event answers 402)'}`,
    `  deliveries:       a receiver has ${timeout} to answer; one that does not answer 2xx is retried after ${delays} (time scale ${scale}), then failed`,
    `  lists:            ${options.listLagMs ? `a new webhook is listed ${duration(options.listLagMs)} after its create (a read by id sees it at once)` : "a new webhook is listed at once (--list-lag-ms N delays it, as Kapso's lists may lag)"}`,
    `  state: ${emulator.origin}/_emulator/webhooks, /_emulator/deliveries, /_emulator/requests`
  ]
}

async function main(): Promise<void> {
  const options = readOptions()
  const { kapso: kapsoOptions, github: githubOptions } = options
  const kapso = await listen(
    () => KapsoEmulator.start(kapsoOptions),
    kapsoOptions.host,
    `port ${kapsoOptions.port} is in use: stop the other process or pass --port N`
  )
  let github: GitHubEmulator
  try {
    github = await listen(
      () => GitHubEmulator.start(githubOptions),
      githubOptions.host,
      `github port ${githubOptions.port} is in use: stop the other process or pass --github-port N`
    )
  } catch (error) {
    await kapso.close()
    throw error
  }
  const event = writePullRequestEvent(github.repository, eventPullRequest(github.pullRequests()))
  console.log([...kapsoLines(kapso, kapsoOptions), ...githubLines(kapso, github, event.file)].join('\n'))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      rmSync(event.dir, { recursive: true, force: true })
      void Promise.all([kapso.close(), github.close()]).then(() => process.exit(0))
    })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
