/**
 * The GitHub side of `npm run emulator`: the stand-in's defaults, the event file a runner would name in
 * GITHUB_EVENT_PATH, and the lines that tell a user how to point the action at both emulators.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { PullRequestFixture } from './github-pulls.js'
import type { GitHubEmulator } from './github.js'
import type { KapsoEmulator } from './server.js'
import { EMULATOR_DEFAULTS } from './store.js'

export const GITHUB_DEFAULTS: { port: number; repository: string; token: string; pull: Readonly<PullRequestFixture> } =
  {
    port: 8788,
    repository: 'octo-org/shop',
    /** Plainly fake, so that no scanner takes it for a real token. */
    token: 'github-emulator-token',
    /** The pull request served when no --pull-request is given. */
    pull: { number: 42, state: 'open', shas: ['a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'], ref: 'feature-x' }
  }

/** The pull request a sample event is about: the first open one, else the first one, else the default. */
export function eventPullRequest(pulls: PullRequestFixture[]): PullRequestFixture {
  return pulls.find((p) => p.state === 'open') ?? pulls[0] ?? GITHUB_DEFAULTS.pull
}

/** Writes a `pull_request` `opened` event, as a runner does for GITHUB_EVENT_PATH; returns the file and its directory. */
export function writePullRequestEvent(repository: string, pull: PullRequestFixture): { file: string; dir: string } {
  const [owner = '', name = ''] = repository.split('/')
  const repo = { full_name: repository, name, owner: { login: owner } }
  const event = {
    action: 'opened',
    number: pull.number,
    pull_request: {
      number: pull.number,
      state: 'open',
      head: { ref: pull.ref ?? `pr-${pull.number}`, sha: pull.shas?.at(-1) ?? null, repo },
      base: { ref: 'main', repo }
    },
    repository: repo
  }
  const dir = mkdtempSync(join(tmpdir(), 'kapso-emulator-'))
  const file = join(dir, 'pull_request.json')
  writeFileSync(file, `${JSON.stringify(event, null, 2)}\n`)
  // Where a runner has the step write its outputs, state and summary: without them @actions/core prints the
  // outputs into the log as ::set-output lines, the secret-key output among them.
  for (const name of RUNNER_FILES) writeFileSync(join(dir, name), '')
  return { file, dir }
}

const RUNNER_FILES = ['output', 'state', 'summary'] as const

/** A word for a POSIX shell: as is when plain, else in single quotes. */
const shell = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)

/** What `npm run emulator` prints about the GitHub stand-in, and how to run the action against both. */
export function githubLines(kapso: KapsoEmulator, github: GitHubEmulator, eventFile: string): string[] {
  const pulls = github.pullRequests()
  const pull = eventPullRequest(pulls)
  const described =
    pulls
      .map((p) => `#${p.number} ${p.state}${p.ref ? ` ${p.ref}` : ''}${p.shas?.length ? ` @ ${p.shas.join(',')}` : ''}`)
      .join('; ') || 'none'
  const example = {
    number: pull.number,
    state: pull.state,
    shas: pull.shas ?? [],
    ref: pull.ref ?? `pr-${pull.number}`
  }
  const env: [string, string][] = [
    ['GITHUB_API_URL', github.apiUrl],
    ['GITHUB_REPOSITORY', github.repository],
    ['GITHUB_EVENT_NAME', 'pull_request'],
    ['GITHUB_EVENT_PATH', eventFile],
    ['GITHUB_OUTPUT', join(dirname(eventFile), 'output')],
    ['GITHUB_STATE', join(dirname(eventFile), 'state')],
    ['GITHUB_STEP_SUMMARY', join(dirname(eventFile), 'summary')],
    ['INPUT_GITHUB-TOKEN', github.token],
    ['INPUT_API-KEY', kapso.apiKey],
    ['INPUT_API-URL', kapso.apiUrl('platform')],
    ['INPUT_PHONE-NUMBER-ID', EMULATOR_DEFAULTS.phoneNumberId],
    ['INPUT_URL', `https://pr-${pull.number}.preview.example.com/api/kapso`],
    ['INPUT_EVENTS', 'whatsapp.message.received'],
    ['INPUT_SECRET-KEY', 'emulator-preview-secret-0001'],
    ['INPUT_OPERATION', 'auto'],
    ['INPUT_COMMENT', 'true']
  ]
  return [
    `GitHub stand-in listening on ${github.apiUrl}   repository: ${github.repository}`,
    `  github-token:     ${github.token}   (send it as Authorization: token …)`,
    `  pull requests:    ${described}`,
    `  set them:         curl -X PUT ${github.apiUrl}/_github/pulls -d ${shell(JSON.stringify([example]))}   (GET lists them)`,
    `  event file:       ${eventFile}   (pull_request opened, #${pull.number})`,
    `  comments:         curl ${github.apiUrl}/_github/comments   (the action's comment lands here; ` +
      `PUT /_github/permissions -d '{"pull-requests":"read"}' takes away the right to write it)`,
    "Run the action against both, with the environment a runner sets (inputs left out take action.yml's defaults; outputs, state and summary go to files beside the event file):",
    ...env.map(([name, value], index) => `${index === 0 ? '  env ' : '    '}${shell(`${name}=${value}`)} \\`),
    '    node dist/index.js'
  ]
}
