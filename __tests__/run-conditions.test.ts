/**
 * How the step takes the run it is in, through the built bundle: inputs left empty or left out (as a
 * workflow expression that is not set, or @github/local-action, gives them), runs that get no secrets
 * (forks, Dependabot), and events named as Kapso names them today, a new one included.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { KapsoEmulator } from '../emulator/server.js'
import {
  emulatorInputs,
  readActionYml,
  type ActionRun,
  type GitHubEvent,
  type RunOptions
} from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import {
  dependabotPullRequestEvent,
  pullRequestEvent,
  pushEvent,
  REPOSITORY,
  scheduleEvent
} from '../scripts/github-events.js'

let kapso: KapsoEmulator
beforeAll(async () => {
  kapso = await KapsoEmulator.start()
})
afterAll(() => kapso.close())
beforeEach(() => kapso.reset())

const url = 'https://pr-3.preview.example.com/api/whatsapp'
const needed = (): Record<string, string> => ({
  ...emulatorInputs(kapso, 'platform'),
  url,
  events: 'whatsapp.message.received'
})

function step(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  return runChecked(inputs, { secrets: kapso.webhooks().map((w) => w.secret_key), options })
}

describe('an input left empty or left out takes its default', () => {
  const withDefaults = Object.entries(readActionYml().inputs)
    .filter(([, spec]) => spec.default !== undefined && !spec.default.includes('${{'))
    .map(([name]) => name)

  it('covers every input action.yml gives a default', () => {
    expect(withDefaults.sort()).toEqual([
      'active',
      'buffer-enabled',
      'cleanup',
      'comment',
      'dry-run',
      'fail-on-drift',
      'kind',
      'max-attempts',
      'operation',
      'prune',
      'request-timeout-seconds',
      'timeout-seconds',
      'verify',
      'verify-timeout-seconds'
    ])
  })

  it('runs with only the needed inputs given, the others left out, as @github/local-action runs an action', async () => {
    const run = await step(needed(), { fillDefaults: false, event: pushEvent() })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'created', 'dry-run': 'false' })
    expect(kapso.webhooks()[0]).toMatchObject({ kind: 'kapso', active: true, buffer_enabled: false })
  })

  it('runs with every defaulted input given as "", as `${{ inputs.dry-run }}` gives it on a push', async () => {
    const empty = Object.fromEntries(withDefaults.map((name) => [name, '']))
    const run = await step({ ...needed(), ...empty }, { event: pushEvent() })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).not.toContain('::error::')
    expect(run.outputs).toMatchObject({ result: 'created', 'dry-run': 'false' })
    // Not a dry run: the webhook is there, active, found again unchanged.
    expect(kapso.webhooks()).toHaveLength(1)
    expect((await step({ ...needed(), ...empty }, { event: pushEvent() })).outputs.result).toBe('unchanged')
  })

  it('still refuses a value that is given and wrong', async () => {
    const run = await step({ ...needed(), 'dry-run': 'yes' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Invalid input: dry-run must be true or false; got "yes".')
  })
})

describe('runs that get no secrets', () => {
  const noKey = (): Record<string, string> => ({ ...needed(), 'api-key': '', operation: 'auto' })

  it.each<[string, GitHubEvent]>([
    ['a pull request Dependabot opened', dependabotPullRequestEvent('opened', 21)],
    ['a push Dependabot made', { ...pushEvent(), actor: 'dependabot[bot]' }],
    [
      "pull_request_target for Dependabot's pull request, re-run by a person",
      {
        ...dependabotPullRequestEvent('synchronize', 21, { eventName: 'pull_request_target' }),
        actor: 'octo-maintainer'
      }
    ]
  ])("skip green with a warning on %s, saying where Dependabot's key goes", async (_what, event) => {
    const run = await step(noKey(), { event })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('skipped')
    expect(run.stdout).toContain(
      "::warning::api-key is empty: Dependabot started this run, and GitHub gives Dependabot's runs only Dependabot secrets. Nothing was done."
    )
    expect(run.stdout).toContain('Settings → Secrets and variables → Dependabot')
    expect(kapso.requests).toHaveLength(0)
  })

  it("skip a fork's pull request as before, and fail anyone else's, naming api-key", async () => {
    expect((await step(noKey(), { event: pullRequestEvent('opened', 22, { fork: true }) })).outputs.result).toBe(
      'skipped'
    )
    const own = await step(noKey(), { event: pullRequestEvent('opened', 22) })
    expect(own.exitCode).toBe(1)
    expect(own.stdout).toContain('::error::Invalid input: api-key is required')
  })
})

describe('events as Kapso has them', () => {
  it('takes the events Kapso added: contact events on a phone number, account and agent-run events on the project', async () => {
    const number = await step({
      ...needed(),
      events:
        'whatsapp.contact.identity_changed, whatsapp.contact.marketing_preference_changed, whatsapp.meta_business_agent.handover'
    })
    expect(number.outputs.result, number.stdout).toBe('created')
    const project = {
      'api-key': needed()['api-key'] ?? '',
      'api-url': kapso.apiUrl('platform'),
      scope: 'project',
      url: 'https://ops.example.com/kapso'
    }
    const made = await step({
      ...project,
      events:
        'whatsapp.account.restricted, whatsapp.phone_number.disconnected, kapso_agent.run.approval_required, whatsapp.config.created'
    })
    expect(made.outputs.result, made.stdout).toBe('created')
    expect(made.stdout).not.toContain('::warning::')
  })

  it("sends a well-formed name it does not know, with a warning; Kapso's 422 then fails the step in one line naming events", async () => {
    const run = await step({ ...needed(), events: 'whatsapp.message.received, whatsapp.message.reaction_added' })
    expect(run.stdout).toContain(
      "::warning::events has whatsapp.message.reaction_added, which is not in Kapso's event catalog as this action knows it"
    )
    expect(run.exitCode).toBe(1)
    const error = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(error).toEqual([
      `::error::Kapso refused the events input (HTTP 422) while creating a webhook for ${url}: Events contains unsupported events: "whatsapp.message.reaction_added". Remove those events, or correct them: Kapso accepts only the events it lists.`
    ])
    expect(kapso.webhooks()).toHaveLength(0)
    expect(run.outputs).toEqual({})
  })

  it('refuses a name a typo away from a known one before any request, with "did you mean"', async () => {
    const run = await step({ ...needed(), events: 'whatsapp.account.restrcted' }, { event: pushEvent() })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Invalid input: events has an unknown event "whatsapp.account.restrcted": did you mean "whatsapp.account.restricted"?'
    )
    expect(kapso.requests).toHaveLength(0)
  })
})

describe('small words', () => {
  it('a sweep counts one webhook as one', async () => {
    kapso.seed('platform', emulatorInputs(kapso, 'platform')['phone-number-id'] ?? '', { url })
    const run = await step(
      { ...emulatorInputs(kapso, 'platform'), operation: 'sweep' },
      { event: scheduleEvent({ repository: REPOSITORY, apiUrl: 'http://127.0.0.1:1' }) }
    )
    expect(run.stdout).toContain(
      `1 webhook in phone-number-id ${emulatorInputs(kapso, 'platform')['phone-number-id']}; 0 recorded for pull requests of ${REPOSITORY}; the other is left alone.`
    )
  })

  it('auto with an empty url on an open pull request says auto upserts there', async () => {
    const run = await step({ ...needed(), url: '', operation: 'auto' }, { event: pullRequestEvent('opened', 4) })
    expect(run.stdout).toContain(
      '::error::Invalid input: url is required for operation auto, which upserts on this event (or give webhook-id).'
    )
  })

  it('an empty header value, as a secret that is not set gives, is sent with a warning', async () => {
    const run = await step({ ...needed(), headers: 'x-vercel-protection-bypass: ' })
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toContain(
      '::warning::headers value of x-vercel-protection-bypass is empty: if it comes from a secret, is that secret set for this run?'
    )
  })

  it('a url that is only a path says its expression gave nothing', async () => {
    const run = await step({ ...needed(), url: '/api/whatsapp' }, { event: pullRequestEvent('opened', 4) })
    expect(run.stdout).toContain('a path without scheme or host: the expression before it gave nothing')
  })
})
