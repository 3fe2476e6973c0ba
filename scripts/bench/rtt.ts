/**
 * The round-trip part of `npm run bench`: each case of bench/cases.ts, run by the built bundle against the
 * emulators over TLS, behind bench/latency.ts's links at each round-trip time, direct and through the CONNECT
 * proxy of scripts/connect-proxy.ts; cases with parallel phases again with KAPSO_ACTION_CONCURRENCY=1; the
 * cases bench/floor.mjs can do run by it too, direct, in the same rounds (bench/rtt-report.ts prints the tables).
 * Timed by the stopwatch (bench/stopwatch.ts), its spawn cost subtracted, and set against the minimal time:
 * `node -e 0` (timed alike, with the bench's CA in NODE_EXTRA_CA_CERTS as the bundle has it) plus the case's
 * unavoidable round trips.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubEmulator } from '../../emulator/github.js'
import { EMULATOR_DEFAULTS, KapsoEmulator } from '../../emulator/server.js'
import { startConnectProxy, type ConnectProxy } from '../connect-proxy.js'
import { scheduleEvent } from '../github-events.js'
import { actionEnv, FAKE_GITHUB_TOKEN, parseOutputFile } from '../run-action.js'
import { throwawayCertificate } from '../tls.js'
import { inputsFor, LATENCY_CASES, REPO } from './cases.js'
import { startLatencyLink, type LatencyLink } from './latency.js'
import { nodeKey, report, sampleKey, type Runtime, type Sample, type Variant } from './rtt-report.js'
import type { Stopwatch } from './stopwatch.js'

export type { Runtime } from './rtt-report.js'

export interface LatencyOptions {
  runtimes: Runtime[]
  rtts: number[]
  rounds: number
  bundle: string
  /** bench/floor.mjs, run on the cases it can do. */
  floor: string
  /** Only the cases whose name contains one of these (all when empty). */
  only: string[]
  stopwatch: Stopwatch
  progress(text: string): void
}

/** Runs every variant `rounds` times (after a warm-up) and prints a table per runtime and round-trip time. */
export async function benchLatency(options: LatencyOptions): Promise<void> {
  const cases = LATENCY_CASES.filter((c) => options.only.length === 0 || options.only.some((o) => c.name.includes(o)))
  const net = await startNetwork()
  const samples = new Map<string, Sample[]>()
  const nodeMs = new Map<string, number[]>()
  const variants: Variant[] = cases.flatMap((c) => [
    ...(['direct', 'proxy'] as const).flatMap((route) =>
      (c.parallel ? (['default', '1'] as const) : (['default'] as const)).map((concurrency): Variant => ({
        c,
        route,
        concurrency,
        program: 'bundle'
      }))
    ),
    // The floor in the same rounds and rotation, so that its ratio pairs runs made side by side.
    ...(c.floor ? [{ c, route: 'direct', concurrency: 'default', program: 'floor' } as const] : [])
  ])
  try {
    for (let round = 0; round <= options.rounds; round++) {
      for (const rtt of options.rtts) {
        for (const link of net.links) link.rttMs = rtt
        for (const runtime of options.runtimes) {
          options.progress(
            `round-trip cases: ${round === 0 ? 'warm-up' : `round ${round} of ${options.rounds}`}, ${rtt} ms, ${runtime.version}`
          )
          // With the bench's CA, as the bundle has it: Node 20 reads NODE_EXTRA_CA_CERTS at start (some 20 ms
          // here), a cost of the rig, not of the action; nothing else of the shell (its own extra CAs) comes in.
          const nodeEnv = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: net.ca }
          const node = await options.stopwatch.run([runtime.bin, '-e', '0'], nodeEnv, net.dir)
          if (round > 0) push(nodeMs, nodeKey(runtime, rtt), node.ms - options.stopwatch.spawnMs)
          const order = variants.map((_, i) => variants[(i + round) % variants.length] as Variant)
          for (const variant of order) {
            const sample = await runVariant(net, variant, runtime, options)
            if (round > 0) push(samples, sampleKey(variant, runtime, rtt), sample)
          }
        }
      }
    }
  } finally {
    await net.close()
  }
  report({ runtimes: options.runtimes, rtts: options.rtts, cases, samples, nodeMs })
}

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k) ?? []
  list.push(value)
  map.set(k, list)
}

interface Network {
  dir: string
  /** The throwaway certificate the emulators serve, for NODE_EXTRA_CA_CERTS. */
  ca: string
  kapso: KapsoEmulator
  github: GitHubEmulator
  proxy: ConnectProxy
  kapsoLink: LatencyLink
  githubLink: LatencyLink
  links: LatencyLink[]
  close(): Promise<void>
}

/**
 * The emulators (TLS as kapso.test, github.test and 127.0.0.1), each behind a latency link, and the CONNECT
 * proxy beside the runner (as on a self-hosted runner in a company network): the far side of the path is
 * the same whether the action goes direct or through the proxy, which dials the links.
 */
async function startNetwork(): Promise<Network> {
  const dir = mkdtempSync(join(tmpdir(), 'kapso-bench-rtt-'))
  const tls = throwawayCertificate(['DNS:kapso.test', 'DNS:github.test', 'IP:127.0.0.1'])
  const ca = join(dir, 'cert.pem')
  writeFileSync(ca, tls.cert)
  const kapso = await KapsoEmulator.start({ tls })
  const github = await GitHubEmulator.start({ repository: REPO, token: FAKE_GITHUB_TOKEN, tls })
  const proxy = await startConnectProxy(['kapso.test', 'github.test'])
  const kapsoLink = await startLatencyLink(kapso.port)
  const githubLink = await startLatencyLink(github.port)
  const links = [kapsoLink, githubLink]
  return {
    dir,
    ca,
    kapso,
    github,
    proxy,
    kapsoLink,
    githubLink,
    links,
    close: async () => {
      for (const link of links) await link.close()
      await proxy.close()
      await kapso.close()
      await github.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function runVariant(net: Network, v: Variant, runtime: Runtime, options: LatencyOptions): Promise<Sample> {
  const expected = v.c.prepare(net)
  for (const link of net.links) link.reset()
  net.proxy.reset()
  const githubBefore = net.github.requests.length
  const direct = v.route === 'direct'
  // Through the proxy, the names only the proxy resolves; it dials the same links.
  const kapsoHost = `${direct ? '127.0.0.1' : 'kapso.test'}:${net.kapsoLink.port}`
  const githubUrl = `https://${direct ? '127.0.0.1' : 'github.test'}:${net.githubLink.port}`
  const apiUrl = net.kapso.apiUrl(v.c.api).replace(/^https:\/\/[^/]+/, `https://${kapsoHost}`)
  const scope: Record<string, string> =
    v.c.api === 'legacy'
      ? { 'whatsapp-config-id': EMULATOR_DEFAULTS.configId }
      : { 'phone-number-id': EMULATOR_DEFAULTS.phoneNumberId }
  const files = { output: join(net.dir, 'output'), summary: join(net.dir, 'summary'), state: join(net.dir, 'state') }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const event = scheduleEvent({ repository: REPO, apiUrl: githubUrl })
  writeFileSync(join(net.dir, 'event.json'), JSON.stringify(event.payload))
  const env = actionEnv(
    { 'api-key': EMULATOR_DEFAULTS.apiKey, 'api-url': apiUrl, ...scope, ...inputsFor(v.c, expected) },
    {
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_EVENT_NAME: event.eventName,
      GITHUB_EVENT_PATH: join(net.dir, 'event.json'),
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: githubUrl,
      // Replaces the shell's own, which actionEnv copied with the rest of process.env.
      NODE_EXTRA_CA_CERTS: net.ca,
      ...(direct ? {} : { HTTPS_PROXY: net.proxy.url }),
      ...(v.concurrency === '1' ? { KAPSO_ACTION_CONCURRENCY: '1' } : {})
    }
  )
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'])
    if (!(direct === false && name === 'HTTPS_PROXY')) delete env[name]
  const program = v.program === 'floor' ? options.floor : options.bundle
  const run = await options.stopwatch.run([runtime.bin, program], env, net.dir)
  const outputs = parseOutputFile(readFileSync(files.output, 'utf8'))
  const wrong = Object.entries(expected).filter(([name, value]) => outputs[name] !== value)
  const said = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? run.stderr.split('\n')[0] ?? ''
  const tunnels = net.proxy.tunnelsTo()
  return {
    ms: run.ms - options.stopwatch.spawnMs,
    requests: net.kapso.requests.length + net.github.requests.length - githubBefore,
    connections: direct
      ? `${net.kapsoLink.connections}+${net.githubLink.connections}`
      : `${tunnels['kapso.test'] ?? 0}+${tunnels['github.test'] ?? 0}`,
    unexpected:
      run.exitCode !== 0 || wrong.length
        ? `exit ${run.exitCode}, ${wrong.map(([n, v]) => `${n} "${outputs[n] ?? ''}" not "${v}"`).join(', ')} ${said.slice(0, 160)}`
        : undefined
  }
}
