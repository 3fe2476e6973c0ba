/** `npm run emulator`: what a user sees when starting the emulator, and the GitHub stand-in beside it, by hand. */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID } from '../emulator/server.js'
import { ROOT } from '../scripts/run-action.js'

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
/** The last line printed on start. */
const READY = /node dist\/index\.js\n/
const SHA = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'

interface Started {
  stdout: string
  stderr: string
  exitCode: number | null
}

/**
 * Runs the CLI until `until` shows in its output, then runs `use` on that output while the CLI still
 * serves, then stops it; or until it exits by itself.
 */
function runCli(
  args: string[],
  until?: RegExp,
  use: (stdout: string) => Promise<void> = async () => {}
): Promise<Started & { used?: Promise<void> }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['emulator/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Started & { used?: Promise<void> } = { stdout: '', stderr: '', exitCode: null }
    child.stdout.on('data', (chunk: Buffer) => {
      out.stdout += chunk.toString()
      if (out.used || !until?.test(out.stdout)) return
      out.used = use(out.stdout).finally(() => child.kill('SIGTERM'))
      out.used.catch(() => {}) // awaited by the test
    })
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
    child.on('exit', (code) => resolve({ ...out, exitCode: code }))
  })
}

/** `--port 0 --github-port 0`: free ports, so that tests never meet a user's running emulator. */
const FREE = ['--port', '0', '--github-port', '0']

async function busyPort(): Promise<[Server, number]> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return [server, typeof address === 'object' && address ? address.port : 0]
}

/** A server a test holds a port with, closed after each test. */
let blocker: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)))
  blocker = undefined
})

describe('npm run emulator', () => {
  it('prints the API key it accepts, each api-url with its scope ids, and the project', async () => {
    const run = await runCli(
      [...FREE, '--api-key', 'local-key-123', '--phone-number-id', '111', '--phone-number-id', '222'],
      /state:/
    )
    expect(run.stdout).toMatch(/api-key: +local-key-123/)
    expect(run.stdout).toMatch(/legacy api-url: +http:\/\/127\.0\.0\.1:\d+\/api\/v1 +whatsapp-config-id: 3f1c2b8e-/)
    expect(run.stdout).toMatch(
      /platform api-url: +http:\/\/127\.0\.0\.1:\d+\/platform\/v1 +phone-number-id: 111, 222 +project: /
    )
    expect(run.stdout).toContain(EMULATOR_PROJECT_ID)
    expect(run.stdout).toContain('project.event answers 402')
  })

  it('prints the default key when none is given, since a user cannot guess it', async () => {
    const run = await runCli([...FREE, '--project-events-plan'], /state:/)
    expect(run.stdout).toMatch(new RegExp(`api-key: +${EMULATOR_DEFAULTS.apiKey}`))
    expect(run.stdout).toContain('project events on the plan: yes')
  })

  it("prints Kapso's retry schedule, scaled by --time-scale, and refuses a scale that is not a number", async () => {
    expect((await runCli(FREE, /state:/)).stdout).toContain(
      'retried after 10 s, 40 s, 90 s (time scale 1), then failed'
    )
    expect((await runCli([...FREE, '--time-scale', '0.001'], /state:/)).stdout).toContain(
      'retried after 10 ms, 40 ms, 90 ms (time scale 0.001), then failed'
    )
    const bad = await runCli([...FREE, '--time-scale', 'fast'])
    expect(bad).toMatchObject({
      exitCode: 1,
      stderr: '--time-scale must be a number ≥ 0, such as 1 or 0.001, not "fast"\n',
      stdout: ''
    })
  })

  it('prints how long a new webhook stays out of lists, set by --list-lag-ms, and refuses one that is not a whole number', async () => {
    expect((await runCli(FREE, /state:/)).stdout).toContain(
      "lists:            a new webhook is listed at once (--list-lag-ms N delays it, as Kapso's lists may lag)"
    )
    expect((await runCli([...FREE, '--list-lag-ms', '2500'], /state:/)).stdout).toContain(
      'lists:            a new webhook is listed 2.5 s after its create (a read by id sees it at once)'
    )
    const bad = await runCli([...FREE, '--list-lag-ms', '2s'])
    expect(bad).toMatchObject({ exitCode: 1, stderr: '--list-lag-ms must be a whole number, not "2s"\n', stdout: '' })
  })

  it('ends with one clear line, and exit code 1, when the port is in use', async () => {
    let port: number
    ;[blocker, port] = await busyPort()
    const run = await runCli(['--port', String(port), '--github-port', '0'])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(`port ${port} is in use: stop the other process or pass --port N\n`)
    expect(run.stdout).toBe('')
  })

  it('says which option is wrong instead of a stack trace', async () => {
    const run = await runCli(['--port', 'eighty'])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe('--port must be a whole number, not "eighty"\n')
  })
})

describe('npm run emulator: the GitHub stand-in', () => {
  it('serves the pull requests given, takes new ones by PUT /_github/pulls, and removes its event file on stop', async () => {
    let eventFile = ''
    const args = [
      ...FREE,
      '--repository',
      'acme/web',
      '--github-token',
      'tok-123',
      '--pull-request',
      `7:open:${SHA}:feature-y`,
      '--pull-request',
      '8:merged'
    ]
    const run = await runCli(args, READY, async (stdout) => {
      const api =
        /GitHub stand-in listening on (http:\/\/127\.0\.0\.1:\d+) +repository: acme\/web/.exec(stdout)?.[1] ?? ''
      const pulls = async (): Promise<unknown> =>
        (
          await fetch(`${api}/repos/acme/web/commits/${SHA}/pulls`, { headers: { Authorization: 'token tok-123' } })
        ).json()
      expect(await pulls()).toMatchObject([
        { number: 7, state: 'open', head: { ref: 'feature-y', sha: SHA }, base: { ref: 'main' } }
      ])
      const put = await fetch(`${api}/_github/pulls`, {
        method: 'PUT',
        body: JSON.stringify([{ number: 42, state: 'open', shas: [SHA], ref: 'feature-x' }])
      })
      expect(put.status).toBe(200)
      expect(await pulls()).toMatchObject([{ number: 42, head: { ref: 'feature-x', sha: SHA } }])
      eventFile = /event file: +(\S+)/.exec(stdout)?.[1] ?? ''
      expect(JSON.parse(readFileSync(eventFile, 'utf8'))).toMatchObject({
        action: 'opened',
        number: 7,
        pull_request: { number: 7, head: { ref: 'feature-y', sha: SHA } },
        repository: { full_name: 'acme/web' }
      })
    })
    await run.used
    expect(run.stdout).toContain('github-token:     tok-123')
    expect(run.stdout).toContain(`pull requests:    #7 open feature-y @ ${SHA}; #8 merged`)
    expect(existsSync(eventFile)).toBe(false)
  })

  it('prints the environment a runner would set, to run the action against both emulators on a pull_request opened event', async () => {
    const run = await runCli(FREE, READY)
    const kapso = /platform api-url: +(\S+)/.exec(run.stdout)?.[1]
    const github = /GitHub stand-in listening on (\S+)/.exec(run.stdout)?.[1]
    const eventFile = /event file: +(\S+) +\(pull_request opened, #42\)/.exec(run.stdout)?.[1]
    expect([kapso, github, eventFile]).not.toContain(undefined)
    const command = run.stdout
      .slice(run.stdout.indexOf('  env '))
      .replace(/ \\\n\s*/g, ' ')
      .trim()
    expect(command.startsWith('env ')).toBe(true)
    expect(command.endsWith(' node dist/index.js')).toBe(true)
    for (const word of [
      `GITHUB_API_URL=${github}`,
      'GITHUB_REPOSITORY=octo-org/shop',
      'GITHUB_EVENT_NAME=pull_request',
      `GITHUB_EVENT_PATH=${eventFile}`,
      'INPUT_GITHUB-TOKEN=github-emulator-token',
      `INPUT_API-KEY=${EMULATOR_DEFAULTS.apiKey}`,
      `INPUT_API-URL=${kapso}`,
      `INPUT_PHONE-NUMBER-ID=${EMULATOR_DEFAULTS.phoneNumberId}`,
      'INPUT_OPERATION=auto',
      'INPUT_COMMENT=true'
    ]) {
      expect(command.split(' ')).toContain(word)
    }
    // The inputs it leaves out take action.yml's defaults, in the action itself.
    expect(command).not.toContain('INPUT_DRY-RUN')
    expect(run.stdout).toContain('github-token:     github-emulator-token')
    expect(run.stdout).toContain(`pull requests:    #42 open feature-x @ ${SHA}`)
    expect(run.stdout).toContain(`comments:         curl ${github}/_github/comments`)
    expect(run.stdout).toContain(
      `curl -X PUT ${github}/_github/pulls -d '[{"number":42,"state":"open","shas":["${SHA}"],"ref":"feature-x"}]'`
    )
  })

  it('ends with one clear line, and exit code 1, when the github port is in use', async () => {
    let port: number
    ;[blocker, port] = await busyPort()
    const run = await runCli(['--port', '0', '--github-port', String(port)])
    expect(run).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: `github port ${port} is in use: stop the other process or pass --github-port N\n`
    })
  })

  it.each([
    [['--repository', 'shop'], '--repository must be owner/name, not "shop"\n'],
    [['--github-port', 'x'], '--github-port must be a whole number, not "x"\n'],
    [
      ['--pull-request', '42:draft'],
      '--pull-request must be NUMBER:STATE[:SHA,…[:REF]], not "42:draft": state must be one of open, closed, merged\n'
    ]
  ])('refuses %j with one line', async (args, message) => {
    const run = await runCli([...FREE, ...args])
    expect(run).toMatchObject({ exitCode: 1, stdout: '', stderr: message })
  })
})
