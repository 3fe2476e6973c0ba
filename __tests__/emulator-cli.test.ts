/** `npm run emulator`: what a user sees when starting the emulator by hand. */
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID } from '../emulator/server.js'
import { ROOT } from '../scripts/run-action.js'

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

interface Started {
  stdout: string
  stderr: string
  exitCode: number | null
}

/** Runs the CLI until `until` shows in its output (then stops it) or it exits by itself. */
function runCli(args: string[], until?: RegExp): Promise<Started> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['emulator/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = { stdout: '', stderr: '' }
    child.stdout.on('data', (chunk: Buffer) => {
      out.stdout += chunk.toString()
      if (until?.test(out.stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
    child.on('exit', (code) => resolve({ ...out, exitCode: code }))
  })
}

describe('npm run emulator', () => {
  let blocker: Server | undefined
  afterEach(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)))
    blocker = undefined
  })

  it('prints the API key it accepts, each api-url with its scope ids, and the project', async () => {
    const run = await runCli(['--port', '0', '--api-key', 'local-key-123', '--phone-number-id', '111', '--phone-number-id', '222'], /state:/)
    expect(run.stdout).toMatch(/api-key: +local-key-123/)
    expect(run.stdout).toMatch(/legacy api-url: +http:\/\/127\.0\.0\.1:\d+\/api\/v1 +whatsapp-config-id: 3f1c2b8e-/)
    expect(run.stdout).toMatch(/platform api-url: +http:\/\/127\.0\.0\.1:\d+\/platform\/v1 +phone-number-id: 111, 222 +project: /)
    expect(run.stdout).toContain(EMULATOR_PROJECT_ID)
    expect(run.stdout).toContain('project.event answers 402')
  })

  it('prints the default key when none is given, since a user cannot guess it', async () => {
    const run = await runCli(['--port', '0', '--project-events-plan'], /state:/)
    expect(run.stdout).toMatch(new RegExp(`api-key: +${EMULATOR_DEFAULTS.apiKey}`))
    expect(run.stdout).toContain('project events on the plan: yes')
  })

  it('ends with one clear line, and exit code 1, when the port is in use', async () => {
    blocker = createServer()
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const run = await runCli(['--port', String(port)])
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
