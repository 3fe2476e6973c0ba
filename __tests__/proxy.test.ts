/**
 * Proxies, as self-hosted runners set them: the bundle must reach Kapso and GitHub through HTTPS_PROXY
 * (or https_proxy) and go direct for hosts in NO_PROXY. @actions/http-client never proxies loopback
 * targets, so the emulators serve TLS as "kapso.test" and "github.test", names only the proxy resolves
 * (to 127.0.0.1). Kapso's requests go through http-client with kapso/tunnel.ts's kept-alive tunnels, GitHub's
 * through Octokit's fetch with undici's ProxyAgent: both paths are proven here. The proxy counts its tunnels
 * (each CONNECT): requests one after another share one per host, and parallel ones no more than the
 * concurrency bound.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GitHubEmulator } from '../emulator/github.js'
import { EMULATOR_DEFAULTS, KapsoEmulator } from '../emulator/server.js'
import { startConnectProxy, type ConnectProxy } from '../scripts/connect-proxy.js'
import { findLeaks } from '../scripts/leaks.js'
import { FAKE_GITHUB_TOKEN, runAction } from '../scripts/run-action.js'
import { haveOpenssl, throwawayCertificate } from '../scripts/tls.js'
import { scheduleEvent } from '../scripts/github-events.js'

const canRun = haveOpenssl()
if (!canRun)
  console.warn('Proxy test skipped: it needs the openssl command to make a certificate for kapso.test and github.test.')
const KNOWN_HOSTS = ['kapso.test', 'github.test']
const REPO = 'octo-org/shop'

describe.skipIf(!canRun)('through a proxy', () => {
  let dir: string
  let emulator: KapsoEmulator
  let github: GitHubEmulator
  let proxy: ConnectProxy
  let proxyUrl: string
  let tunnels: string[]
  let proxyAuth: (string | undefined)[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kapso-proxy-'))
    const tls = throwawayCertificate(KNOWN_HOSTS.map((host) => `DNS:${host}`))
    writeFileSync(join(dir, 'cert.pem'), tls.cert)
    emulator = await KapsoEmulator.start({ tls })
    github = await GitHubEmulator.start({ repository: REPO, token: FAKE_GITHUB_TOKEN, tls })

    // A CONNECT proxy that knows two host names, kapso.test and github.test, both on this machine.
    proxy = await startConnectProxy(KNOWN_HOSTS)
    proxyUrl = proxy.url
    tunnels = proxy.tunnels
    proxyAuth = proxy.authorizations
  })
  afterAll(async () => {
    await proxy.close()
    await emulator.close()
    await github.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(() => {
    emulator.reset()
    proxy.reset()
  })

  const inputs = (): Record<string, string> => ({
    'api-key': EMULATOR_DEFAULTS.apiKey,
    'api-url': `https://kapso.test:${emulator.port}/api/v1`,
    'whatsapp-config-id': EMULATOR_DEFAULTS.configId,
    url: 'https://pr-3.preview.example.com/api/whatsapp',
    events: 'whatsapp.message.received',
    'max-attempts': '1'
  })
  const trust = (): Record<string, string> => ({ NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'), RUNNER_DEBUG: '1' })

  it.each(['HTTPS_PROXY', 'https_proxy'])('creates and re-runs through %s', async (variable) => {
    const created = await runAction(inputs(), { ...trust(), [variable]: proxyUrl })
    expect(created.exitCode, created.stdout).toBe(0)
    expect(created.outputs.result).toBe('created')
    // The list, then the create: two requests, one after the other, through one tunnel.
    expect(emulator.requests.length).toBeGreaterThanOrEqual(2)
    expect(tunnels).toEqual([`kapso.test:${emulator.port}`])
    const again = await runAction(inputs(), { ...trust(), [variable]: proxyUrl })
    expect(again.outputs.result).toBe('unchanged')
    expect(tunnels).toEqual([`kapso.test:${emulator.port}`, `kapso.test:${emulator.port}`])
    expect(emulator.webhooks()).toHaveLength(1)
    expect(
      findLeaks(created.stdout + again.stdout, [EMULATOR_DEFAULTS.apiKey, created.outputs['secret-key'] ?? ''])
    ).toEqual([])
  })

  it('asks GitHub through the proxy too (sweep, with Octokit and GHES URLs)', async () => {
    github.setPullRequests([{ number: 4, state: 'closed' }])
    emulator.seed('legacy', EMULATOR_DEFAULTS.configId, {
      url: 'https://pr-4.preview.example.com/hook',
      headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=4` }
    })
    const event = scheduleEvent({ repository: REPO, apiUrl: `https://github.test:${github.port}` })
    const run = await runAction(
      { ...inputs(), url: '', operation: 'sweep' },
      { ...trust(), HTTPS_PROXY: proxyUrl },
      { event }
    )
    expect(run.exitCode, run.stdout + run.stderr).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '1' })
    expect(github.requests).toEqual(['GET /rate_limit', 'POST /graphql (pull requests 4)'])
    expect(tunnels).toContain(`github.test:${github.port}`)
    expect(findLeaks(run.stdout, [EMULATOR_DEFAULTS.apiKey, FAKE_GITHUB_TOKEN])).toEqual([])
  })

  it('updates through one tunnel, and sends the proxy its credentials', async () => {
    const seeded = emulator.seed('legacy', EMULATOR_DEFAULTS.configId, {
      url: 'https://pr-3.preview.example.com/api/whatsapp',
      events: ['whatsapp.message.sent']
    })
    const withUser = new URL(proxyUrl)
    withUser.username = 'runner'
    withUser.password = 'hunter2'
    const run = await runAction(inputs(), { ...trust(), HTTPS_PROXY: withUser.href })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'updated', 'webhook-id': seeded.id })
    expect(emulator.requests.length).toBeGreaterThanOrEqual(2)
    expect(tunnels).toEqual([`kapso.test:${emulator.port}`])
    expect(proxyAuth).toEqual([`Basic ${Buffer.from('runner:hunter2').toString('base64')}`])
  })

  // 250 pull requests' webhooks (3 pages), 25 of them closed: 3 GraphQL batches and 25 deletes.
  it.each([
    ['the default bound', {}, 4],
    // One at a time: one tunnel per host, carrying every request to it.
    ['KAPSO_ACTION_CONCURRENCY=1', { KAPSO_ACTION_CONCURRENCY: '1' }, 1]
  ])('sweeps with no more tunnels per host than %s', async (_name, env: Record<string, string>, bound) => {
    const pulls = Array.from({ length: 250 }, (_, i) => ({ number: i + 1, state: i % 10 === 0 ? 'closed' : 'open' }))
    github.setPullRequests(pulls as { number: number; state: 'open' | 'closed' }[])
    for (const { number } of pulls)
      emulator.seed('legacy', EMULATOR_DEFAULTS.configId, {
        url: `https://pr-${number}.preview.example.com/hook`,
        headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=${number}` }
      })
    const event = scheduleEvent({ repository: REPO, apiUrl: `https://github.test:${github.port}` })
    const run = await runAction(
      { ...inputs(), url: '', operation: 'sweep' },
      { ...trust(), HTTPS_PROXY: proxyUrl.replace('//', '//runner:hunter2@'), ...env },
      { event }
    )
    expect(run.exitCode, run.stdout + run.stderr).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-count': '25' })
    // Kapso's tunnels and GitHub's alike carry the proxy's credentials.
    expect(new Set(proxyAuth)).toEqual(new Set([`Basic ${Buffer.from('runner:hunter2').toString('base64')}`]))
    expect(emulator.webhooks()).toHaveLength(225)
    expect(github.requests.filter((r) => r.startsWith('POST /graphql'))).toHaveLength(3)
    const counts = proxy.tunnelsTo()
    expect(Object.keys(counts).sort()).toEqual(['github.test', 'kapso.test'])
    for (const host of ['github.test', 'kapso.test']) expect(counts[host]).toBeLessThanOrEqual(bound)
    // The requests far outnumber the tunnels: each tunnel carried many.
    expect(emulator.requests.length).toBeGreaterThanOrEqual(28)
  })

  it('goes direct, bypassing the proxy, for a host in NO_PROXY', async () => {
    const run = await runAction(inputs(), { ...trust(), HTTPS_PROXY: proxyUrl, NO_PROXY: 'example.org,kapso.test' })
    expect(tunnels).toEqual([])
    // kapso.test resolves only through the proxy: going direct, the name is unknown.
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Gave up listing webhooks .* after 1 attempt; the last one ended with could not connect to kapso\.test:\d+ \((ENOTFOUND|EAI_AGAIN)\)\./
    )
  })
})
