/**
 * Runs the built action (dist/index.js) the way a GitHub runner does: each input as an INPUT_<NAME>
 * variable (hyphens kept), defaults filled in from action.yml, outputs collected from a GITHUB_OUTPUT
 * file and the job summary from GITHUB_STEP_SUMMARY. Used by the demo and the spawned-bundle tests.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { Readable } from 'node:stream'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { EMULATOR_DEFAULTS, type Api, type KapsoEmulator } from '../emulator/server.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** What the step saved for its post step (GITHUB_STATE). */
  state: Record<string, string>
}

/** What a workflow run's event looks like to the step: written to a file, named in GITHUB_EVENT_PATH. */
export interface GitHubEvent {
  eventName: string
  payload: Record<string, unknown>
  repository: string
  apiUrl?: string
  /** Who started the run, as GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR (the two differ only on a re-run by someone else). */
  actor?: string
}

/**
 * GITHUB_HEAD_REF and GITHUB_BASE_REF: the runner sets them, from pull_request.head.ref and .base.ref, only
 * on pull_request and pull_request_target events (GitHub's variables reference).
 */
function pullRequestRefs(event: GitHubEvent): Record<string, string> {
  if (event.eventName !== 'pull_request' && event.eventName !== 'pull_request_target') return {}
  const pull = event.payload.pull_request as
    { head?: { ref?: unknown } | null; base?: { ref?: unknown } | null } | null | undefined
  const head = pull?.head?.ref
  const base = pull?.base?.ref
  return typeof head === 'string' && typeof base === 'string' ? { GITHUB_HEAD_REF: head, GITHUB_BASE_REF: base } : {}
}

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}

export function readActionYml(): ActionYml {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
}

/** What `${{ github.token }}` evaluates to in these runs: a made-up token, long enough to scan for leaks. */
export const FAKE_GITHUB_TOKEN = 'ghs_FakeTokenForTheEmulatedRunner000000'

/**
 * The environment a runner gives the step: inputs named as the runner names them, with action.yml's
 * defaults (the one expression among them, `${{ github.token }}`, evaluated to FAKE_GITHUB_TOKEN). With
 * `fillDefaults` false, only the inputs given, as a local runner that leaves the rest out does.
 */
export function actionEnv(
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
  fillDefaults = true
): Record<string, string> {
  const declared = readActionYml().inputs
  const unknown = Object.keys(inputs).filter((name) => !(name in declared))
  if (unknown.length) throw new Error(`not inputs of action.yml: ${unknown.join(', ')}`)
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('INPUT_') && !key.startsWith('GITHUB_') && key !== 'RUNNER_DEBUG')
      env[key] = value
  }
  for (const [name, spec] of Object.entries(declared)) {
    if (!fillDefaults && inputs[name] === undefined) continue
    const value = inputs[name] ?? (spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, FAKE_GITHUB_TOKEN)
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return { ...env, ...extra }
}

/** The inputs that point the action at the emulator's default scope on one API generation. */
export function emulatorInputs(emulator: KapsoEmulator, api: Api): Record<string, string> {
  return {
    'api-key': EMULATOR_DEFAULTS.apiKey,
    'api-url': emulator.apiUrl(api),
    ...(api === 'legacy'
      ? { 'whatsapp-config-id': EMULATOR_DEFAULTS.configId }
      : { 'phone-number-id': EMULATOR_DEFAULTS.phoneNumberId })
  }
}

export interface RunOptions {
  /** More environment, e.g. RUNNER_DEBUG or proxy variables. */
  env?: Record<string, string>
  event?: GitHubEvent
  /** Run as the post step, with the state the main step saved. */
  postState?: Record<string, string>
  /** false: set only the inputs given, leaving out action.yml's defaults (as @github/local-action does). Default true. */
  fillDefaults?: boolean
}

/** Runs dist/index.js with these inputs and returns what the runner would see. */
export async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  options: RunOptions = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'kapso-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const stateFile = join(dir, 'state')
  for (const file of [outputFile, summaryFile, stateFile]) writeFileSync(file, '')
  const event: Record<string, string> = {}
  if (options.event) {
    writeFileSync(join(dir, 'event.json'), JSON.stringify(options.event.payload))
    Object.assign(event, {
      GITHUB_EVENT_NAME: options.event.eventName,
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: options.event.repository,
      ...(options.event.apiUrl ? { GITHUB_API_URL: options.event.apiUrl } : {}),
      ...(options.event.actor
        ? { GITHUB_ACTOR: options.event.actor, GITHUB_TRIGGERING_ACTOR: options.event.actor }
        : {}),
      ...pullRequestRefs(options.event)
    })
  }
  const state = Object.fromEntries(Object.entries(options.postState ?? {}).map(([k, v]) => [`STATE_${k}`, v]))
  const env = actionEnv(
    inputs,
    {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_STATE: stateFile,
      ...event,
      ...state,
      ...extraEnv
    },
    options.fillDefaults ?? true
  )
  try {
    const main = join(ROOT, readActionYml().runs.main)
    // KAPSO_ACTION_NODE: the path of another node binary to run the bundle with (CI: Node 24, as action.yml says).
    const child = spawn(process.env.KAPSO_ACTION_NODE || process.execPath, [main], {
      env,
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const { exitCode, stdout, stderr } = await finished(child)
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      state: parseOutputFile(readFileSync(stateFile, 'utf8'))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What a child process printed, and its exit code, once it has ended. */
export async function finished(
  child: ChildProcessByStdio<null, Readable, Readable>
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code ?? -1))
  })
  return { exitCode, stdout, stderr }
}

/** Reads the `name<<DELIMITER … DELIMITER` records that @actions/core writes to GITHUB_OUTPUT and GITHUB_STATE. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match as unknown as [string, string, string]
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}

/** The log as the runner shows it without debug logging: mask and debug commands hidden, masked values as ***. */
export function runnerView(stdout: string): string[] {
  const masks: string[] = []
  const shown: string[] = []
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::add-mask::')) {
      masks.push(line.slice('::add-mask::'.length))
      continue
    }
    if (line === '' || line.startsWith('::debug::')) continue
    shown.push(masks.reduce((text, secret) => (secret ? text.split(secret).join('***') : text), line))
  }
  return shown
}
