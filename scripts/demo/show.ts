/**
 * How the demo shows a step: its title, exit code and expected outputs, the log as GitHub shows it
 * (runnerView) and the outputs, secret-key masked. Every line is checked before it is printed: one that
 * holds the API key, the GitHub token or a webhook's signing secret (or 10 characters of one) is withheld
 * and counted as a failure, so that the demo itself never prints a secret.
 */
import type { KapsoEmulator } from '../../emulator/server.js'
import { longestFragment } from '../leaks.js'
import { FAKE_GITHUB_TOKEN, runAction, runnerView, type ActionRun, type GitHubEvent } from '../run-action.js'

export interface Step {
  title: string
  inputs: Record<string, string>
  event: GitHubEvent
  /** The outputs expected, e.g. { result: 'created', 'delivery-status': 'delivered' }; exit code 0 is always expected. */
  expect: Record<string, string>
  /** More to check on the run: what to print about each, and whether it holds. */
  checks?: Check[]
  /** More environment for the step: its env: block, and GITHUB_WORKSPACE for a checked-out file. */
  env?: Record<string, string>
}

export type Check = (run: ActionRun) => { ok: boolean; note: string }

/** Outputs whose values are long: shown cut short. */
const LONGEST_VALUE = 100

export class Demo {
  private failures = 0
  private readonly secrets = new Set<string>()

  constructor(private readonly kapso: KapsoEmulator) {
    this.secrets.add(kapso.apiKey)
    this.secrets.add(FAKE_GITHUB_TOKEN)
  }

  /** A part's heading and the one line that says what it shows. */
  part(number: number, title: string, shows: string): void {
    this.print(['', `=== ${number}. ${title}`, shows])
  }

  /** A line of narration: what happens between steps. */
  note(text: string): void {
    this.print([`  ~ ${text}`])
  }

  /** Counts a failure the caller found (e.g. webhooks left that should not be), and says so. */
  fail(text: string): void {
    this.failures++
    this.print([`  !! ${text}`])
  }

  /** Runs the built action as a runner would, prints what GitHub would show, and checks the outcome. */
  async step(step: Step): Promise<ActionRun> {
    const run = await this.run(step)
    this.report(step, run)
    return run
  }

  /**
   * Independent runs (other pull requests, other API generations) at the same time, as a runner would run
   * separate workflows: each sequence's steps one after another, the sequences side by side. Printed in
   * order once all are done, each sequence after its note.
   */
  async sequences(sequences: { note: string; steps: Step[] }[]): Promise<void> {
    const runs = await Promise.all(
      sequences.map(async ({ steps }) => {
        const done: ActionRun[] = []
        for (const step of steps) done.push(await this.run(step))
        return done
      })
    )
    sequences.forEach(({ note, steps }, i) => {
      if (note) this.note(note)
      steps.forEach((step, j) => this.report(step, runs[i]?.[j] as ActionRun))
    })
  }

  /** Runs the bundle, and learns the secrets now in Kapso and in the outputs, before any is printed. */
  private async run(step: Step): Promise<ActionRun> {
    const run = await runAction(step.inputs, step.env ?? {}, { event: step.event })
    this.learnSecrets(run)
    return run
  }

  private report(step: Step, run: ActionRun): void {
    const verdicts = Object.entries(step.expect).map(([name, expected]) => {
      const actual = run.outputs[name]
      return {
        ok: actual === expected,
        text: `${name} ${actual || '(none)'} ${actual === expected ? '(as expected)' : `(EXPECTED ${expected})`}`
      }
    })
    const extra = (step.checks ?? []).map((check) => check(run))
    const ok = run.exitCode === 0 && verdicts.every((v) => v.ok) && extra.every((e) => e.ok)
    if (!ok) this.failures++
    this.print([
      '',
      `--- ${step.title} [${step.event.eventName}]: exit ${run.exitCode}${run.exitCode === 0 ? '' : ' (EXPECTED 0)'}, ${verdicts.map((v) => v.text).join(', ')}`,
      ...runnerView(run.stdout).map((line) => `  | ${line}`),
      ...run.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => `  | (stderr) ${line}`),
      ...outputLines(run.outputs),
      ...extra.map((e) => `  => ${e.note}${e.ok ? '' : ' (NOT AS EXPECTED)'}`)
    ])
  }

  /** The one-line verdict; returns the exit code the demo should end with. */
  verdict(): number {
    console.log(
      this.failures === 0
        ? '\nDemo finished: every step gave the expected result.'
        : `\nDemo finished with ${this.failures} unexpected result(s).`
    )
    return this.failures === 0 ? 0 : 1
  }

  /** Every signing secret in Kapso now, and the one the step output: none of them may be printed. */
  private learnSecrets(run: ActionRun): void {
    for (const webhook of this.kapso.webhooks()) if (webhook.secret_key) this.secrets.add(webhook.secret_key)
    if (run.outputs['secret-key']) this.secrets.add(run.outputs['secret-key'])
  }

  private print(lines: string[]): void {
    for (const line of lines) {
      const leaks = [...this.secrets].some((secret) => line.includes(secret) || longestFragment(line, secret) > 0)
      if (leaks) this.failures++
      console.log(leaks ? '  !! (line withheld: it held a secret)' : line)
    }
  }
}

/** The outputs as a runner would list them: the secret masked, long values cut, empty ones named on one line. */
function outputLines(outputs: Record<string, string>): string[] {
  const entries = Object.entries(outputs)
  const empty = entries.filter(([, value]) => value === '').map(([name]) => name)
  const lines = entries
    .filter(([, value]) => value !== '')
    .map(([name, value]) => {
      const shown =
        name === 'secret-key'
          ? '*** (masked)'
          : value.length > LONGEST_VALUE
            ? `${value.slice(0, LONGEST_VALUE - 3)}...`
            : value
      return `  ${name} = ${shown}`
    })
  if (empty.length) lines.push(`  (empty: ${empty.join(', ')})`)
  return lines
}
