/**
 * `npm run bounds`: what the built action costs when a server sends the most it can, each case against a
 * loopback server that answers every list with what the case says. The figures behind SECURITY.md's
 * "Bounded" list: peak memory (max RSS of the process) and wall time, under Node 20 (the node running this)
 * and Node 24 (action.yml's runtime), with the step's exit code and the first words of its error.
 * Prints a Markdown table; asserts nothing; not part of npm test or CI.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { memoryProbe } from './bench/memory.js'
import { markdownTable } from './bench/stats.js'
import { node24 } from './node24.js'
import { actionEnv, readActionYml, ROOT } from './run-action.js'

const BUNDLE = join(ROOT, readActionYml().runs.main)
const URL_A = 'https://pr-7.example.com/api/whatsapp'

const id = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
const webhook = (n: number, more: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: id(n),
  url: URL_A,
  events: ['whatsapp.message.received'],
  secret_key: `secret-${n}-0123456789abcdef`,
  ...more
})
const bigHeaders = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`X-H${i}`, 'v'.repeat(1500)]))

/** Each case: a page's JSON for page n (the same text every time it is asked for, built once). */
const CASES: [string, (page: number) => unknown][] = [
  [
    'an ordinary scope: 1 page of 100 webhooks',
    () => ({ data: Array.from({ length: 100 }, (_, i) => webhook(i)), meta: { total_pages: 1 } })
  ],
  [
    '150,000 webhooks on one page (14 MiB)',
    () => ({ data: Array.from({ length: 150_000 }, (_, i) => ({ id: id(i), url: URL_A })) })
  ],
  [
    "pages of 100 webhooks at the step's URL, each its own secret, never ending",
    (n) => ({ data: Array.from({ length: 100 }, (_, i) => webhook(n * 100 + i)) })
  ],
  [
    'pages of 15 MiB (100 webhooks of 100 headers), never ending',
    (n) => ({ data: Array.from({ length: 100 }, (_, i) => webhook(n * 100 + i, { headers: bigHeaders })) })
  ]
]

async function serve(page: (n: number) => unknown): Promise<Server> {
  const cache = new Map<number, string>()
  const server = createServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page')) || 1
    if (!cache.has(n)) cache.set(n, JSON.stringify(page(n)))
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(cache.get(n))
    if (cache.size > 2) cache.delete(n - 2)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

async function measure(
  node: string,
  server: Server
): Promise<{ kib?: number; seconds: number; code: number; error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kapso-bounds-'))
  try {
    writeFileSync(join(dir, 'output'), '')
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`
    const inputs = {
      'api-key': EMULATOR_DEFAULTS.apiKey,
      'api-url': api,
      'whatsapp-config-id': EMULATOR_DEFAULTS.configId,
      url: URL_A,
      events: 'whatsapp.message.received',
      'timeout-seconds': '120'
    }
    const probe = memoryProbe()
    const { argv, env } = probe.wrap([node, BUNDLE], join(dir, 'rss'))
    const started = process.hrtime.bigint()
    const child = spawn(argv[0] as string, argv.slice(1), {
      env: { ...actionEnv(inputs, { GITHUB_OUTPUT: join(dir, 'output') }), ...env },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)))
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const error = /^::error::(.*)$/m.exec(stdout)?.[1] ?? ''
    return {
      kib: probe.read(join(dir, 'rss')),
      seconds,
      code,
      error: error.length > 90 ? `${error.slice(0, 90)}…` : error
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const runtimes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]]
  try {
    runtimes.push(['Node 24', node24()])
  } catch (error) {
    console.log(`(Node 24 not measured: ${error instanceof Error ? error.message : String(error)})`)
  }
  const rows: string[][] = []
  for (const [name, page] of CASES) {
    const server = await serve(page)
    try {
      for (const [label, node] of runtimes) {
        const { kib, seconds, code, error } = await measure(node, server)
        rows.push([
          name,
          label,
          kib === undefined ? '?' : `${Math.round(kib / 1024)} MiB`,
          `${seconds.toFixed(2)} s`,
          String(code),
          error || '(none)'
        ])
      }
    } finally {
      server.closeAllConnections()
      server.close()
    }
  }
  console.log(
    `Peak memory: ${memoryProbe().how}. ${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? ''}\n`
  )
  console.log(
    markdownTable(['case', 'runtime', 'peak RSS', 'wall time', 'exit', 'error'], rows, [
      false,
      false,
      true,
      true,
      true,
      false
    ])
  )
}

await main()
