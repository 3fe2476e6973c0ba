/**
 * The workflow simulator (scripts/workflow-sim.ts) against GitHub's documented semantics, on small inline
 * workflows, and over the shipped examples: every expression evaluates and every step of the action is found.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FAKE_GITHUB_TOKEN, ROOT, type ActionRun, type runAction } from '../scripts/run-action.js'
import {
  examplePayload,
  formatNumber,
  ourSteps,
  simulateWorkflow,
  triggers,
  WorkflowExpressionError,
  workflowEvents,
  type OurStepResult,
  type SimulateOptions,
  type Simulation
} from '../scripts/workflow-sim.js'

/** A YAML text written indented in the test, with the common indentation removed. */
function yml(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0))
  return lines.map((l) => l.slice(indent)).join('\n')
}

/** The text dedented, then indented by `by`. */
function indent(text: string, by: string): string {
  return yml(text)
    .split('\n')
    .map((l) => (l.trim() ? by + l : l))
    .join('\n')
}

/** A workflow with one job on `on` (push by default) with these steps. */
function workflow(steps: string, on = 'push'): string {
  return `on:\n${indent(on, '  ')}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${indent(steps, '      ')}\n`
}

const push = { eventName: 'push', payload: examplePayload('push') }
const pr = (action: string) => ({ eventName: 'pull_request', payload: examplePayload('pull_request', { action }) })

async function simulate(text: string, options: Partial<SimulateOptions> = {}): Promise<Simulation> {
  return simulateWorkflow(text, { file: 'test.yml', event: push, ...options })
}

/** The inputs the step `hook` gives the action. */
async function hookInputs(
  text: string,
  options: Partial<SimulateOptions> = {}
): Promise<Record<string, string> | undefined> {
  return (await simulate(text, options)).steps.find((s) => s.id === 'hook')?.inputs
}

const ran = (s: Simulation) => Object.fromEntries(s.steps.map((step) => [step.id ?? step.name, step.ran]))

describe('if:', () => {
  it('is an expression with or without ${{ }}; text around ${{ }} makes a non-empty string, always true', async () => {
    const sim = await simulate(
      workflow(`
      - { id: bare, run: x, if: "github.event_name == 'pull_request'" }
      - { id: wrapped, run: x, if: "\${{ github.event_name == 'pull_request' }}" }
      - { id: text, run: x, if: "\${{ github.event_name == 'pull_request' }} && true" }
      - { id: literal, run: x, if: false }
    `)
    )
    expect(ran(sim)).toEqual({ bare: false, wrapped: false, text: true, literal: false })
    expect(sim.steps.map((s) => s.condition)).toEqual([
      "success() && (github.event_name == 'pull_request')",
      "success() && (github.event_name == 'pull_request')",
      "success() && (format('{0} && true', github.event_name == 'pull_request'))",
      'success() && (false)'
    ])
  })

  it("github.event.action != 'closed' runs on opened, skips on closed", async () => {
    const text = workflow(
      `- { id: deploy, run: x, if: "github.event.action != 'closed'" }`,
      'pull_request: { types: [opened, closed] }'
    )
    expect(ran(await simulate(text, { event: pr('opened') }))).toEqual({ deploy: true })
    expect(ran(await simulate(text, { event: pr('closed') }))).toEqual({ deploy: false })
  })

  it('a failed step skips later steps with the default success(); always() and failure() still run', async () => {
    const sim = await simulate(
      workflow(`
      - { id: tests, run: npm test }
      - { id: next, run: x }
      - { id: report, run: x, if: "always() && github.event_name == 'push'" }
      - { id: alert, run: x, if: failure() }
      - { id: happy, run: x, if: success() }
    `),
      { steps: { tests: { outcome: 'failure' } } }
    )
    expect(ran(sim)).toEqual({ tests: true, next: false, report: true, alert: true, happy: false })
    expect(sim.jobs).toEqual([{ id: 'test', result: 'failure', outputs: {} }])
  })

  it('continue-on-error keeps the job successful; steps.<id> gives outcome failure, conclusion success', async () => {
    const sim = await simulate(
      workflow(`
      - { id: flaky, run: x, continue-on-error: true }
      - { id: after, run: x, if: "steps.flaky.outcome == 'failure' && steps.flaky.conclusion == 'success'" }
    `),
      { steps: { flaky: { outcome: 'failure' } } }
    )
    expect(ran(sim)).toEqual({ flaky: true, after: true })
  })

  it('a step can test its own env (evaluated before the condition), not secrets directly', async () => {
    const text = workflow(`- { id: s, run: x, if: "env.TOKEN != ''", env: { TOKEN: "\${{ secrets.T }}" } }`)
    expect(ran(await simulate(text, { secrets: { T: 'x' } }))).toEqual({ s: true })
    expect(ran(await simulate(text))).toEqual({ s: false })
    await expect(simulate(workflow(`- { run: x, if: "secrets.T != ''" }`))).rejects.toThrow(
      /Unrecognized named-value: 'secrets'/
    )
  })
})

describe('jobs', () => {
  it("a job's if: sees github but not env or steps; a skipped or failed job skips the jobs that need it", async () => {
    const text = yml(`
      on: [push, pull_request]
      jobs:
        build: { runs-on: x, if: "github.event_name == 'push'", steps: [{ id: b, run: x }], outputs: { url: "\${{ steps.b.outputs.url }}" } }
        deploy: { runs-on: x, needs: build, steps: [{ id: d, run: "echo \${{ needs.build.outputs.url }}" }] }
        cleanup: { runs-on: x, needs: deploy, if: failure(), steps: [{ id: c, run: x }] }
    `)
    const onPush = await simulate(text, { steps: { b: { outputs: { url: 'https://x' } } } })
    expect(onPush.jobs.map((j) => j.result)).toEqual(['success', 'success', 'skipped'])
    expect(onPush.steps.find((s) => s.id === 'd')?.run).toBe('echo https://x')
    const onPr = await simulate(text, { event: pr('opened') })
    expect(onPr.jobs.map((j) => j.result)).toEqual(['skipped', 'skipped', 'skipped'])
    await expect(simulate(text.replace("github.event_name == 'push'", "env.X == ''"))).rejects.toThrow(
      /test\.yml: jobs\.build\.if: Unrecognized named-value: 'env'/
    )
  })

  it('refuses what it does not simulate: matrix jobs', async () => {
    await expect(
      simulate(
        yml(`
      on: push
      jobs: { t: { runs-on: x, strategy: { matrix: { n: [1, 2] } }, steps: [{ run: x }] } }
    `)
      )
    ).rejects.toThrow(/matrix jobs are not simulated/)
  })
})

describe('on:', () => {
  it('pull_request runs on opened, synchronize and reopened unless types: says otherwise', async () => {
    const plain = workflow('- run: x', 'pull_request')
    const typed = workflow('- run: x', 'pull_request: { types: [opened, closed] }')
    for (const action of ['opened', 'synchronize', 'reopened'])
      expect((await simulate(plain, { event: pr(action) })).triggered).toBe(true)
    expect((await simulate(plain, { event: pr('closed') })).triggered).toBe(false)
    expect((await simulate(typed, { event: pr('closed') })).triggered).toBe(true)
    expect((await simulate(typed, { event: pr('synchronize') })).triggered).toBe(false)
    expect((await simulate(plain, { event: push })).triggered).toBe(false)
  })

  it('reads on: as a name, a list or a map', () => {
    expect(workflowEvents('on: push')).toEqual(['push'])
    expect(workflowEvents('on: [push, pull_request]')).toEqual(['push', 'pull_request'])
    expect(workflowEvents('on:\n  schedule: [{ cron: x }]\n  workflow_dispatch:\n')).toEqual([
      'schedule',
      'workflow_dispatch'
    ])
  })

  it('push branch and tag filters', async () => {
    const text = workflow('- run: x', "push: { branches: [main, 'release/**', '!release/old'] }")
    const at = (ref: string) =>
      simulate(text, { event: { eventName: 'push', payload: { ...examplePayload('push'), ref } } }).then(
        (s) => s.triggered
      )
    expect([
      await at('refs/heads/main'),
      await at('refs/heads/release/v1/x'),
      await at('refs/heads/release/old'),
      await at('refs/heads/dev'),
      await at('refs/tags/v1')
    ]).toEqual([true, true, false, false, false])
  })
})

describe('with: as the runner passes it', () => {
  const hook = (inputs: string) =>
    workflow(
      [
        `- { id: deploy, run: x, if: "github.event.action != 'closed'" }`,
        '- id: hook',
        '  uses: your-org/kapso-webhook-action@v1',
        '  with:',
        indent(inputs, '    ')
      ].join('\n'),
      'pull_request: { types: [opened, closed] }'
    )

  it("steps.deploy.outputs.url is '' when deploy was skipped; the && || idiom and ${{ }}/text interpolation", async () => {
    const text = hook(`
      url: \${{ steps.deploy.outputs.url && format('{0}/api/whatsapp', steps.deploy.outputs.url) || '' }}
      appended: \${{ steps.deploy.outputs.url }}/api/whatsapp
      formatted: \${{ format('{0}/api', steps.deploy.outputs.url) }}
    `)
    const steps = { deploy: { outputs: { url: 'https://pr-7.example.com' } } }
    expect(await hookInputs(text, { event: pr('opened'), steps })).toEqual({
      url: 'https://pr-7.example.com/api/whatsapp',
      appended: 'https://pr-7.example.com/api/whatsapp',
      formatted: 'https://pr-7.example.com/api'
    })
    expect(await hookInputs(text, { event: pr('closed'), steps })).toEqual({
      url: '',
      appended: '/api/whatsapp',
      formatted: '/api'
    })
  })

  it('gives the inputs the step names, even empty ones, and no defaults of action.yml', async () => {
    const inputs = await hookInputs(
      hook(`
      api-key: \${{ secrets.KAPSO_API_KEY }}
      phone-number-id: \${{ vars.MISSING }}
    `),
      { event: pr('opened'), secrets: { KAPSO_API_KEY: 'key-123' } }
    )
    expect(inputs).toEqual({ 'api-key': 'key-123', 'phone-number-id': '' })
  })

  it('converts values as the runner does: null, booleans, numbers in G15, YAML numbers, block scalars kept', async () => {
    const inputs = await hookInputs(
      hook(`
      a: \${{ null }}
      b: \${{ true }}
      c: \${{ 1e20 }}
      d: \${{ fromJSON('1234567890123456789') }}
      e: \${{ format('{0}', 0.1) }}
      f: 3.10
      g: 30
      h: \${{ github.event.number }}
      i: |
        one
        \${{ github.event.action }}
      j: "\${{ toJSON(fromJSON('[1]')) }}"
      k: \${{ format('{{{0}}}', 'quoted }} do not close') }}
    `),
      { event: pr('opened') }
    )
    expect(inputs).toEqual({
      a: '',
      b: 'true',
      c: '1E+20',
      d: '1.23456789012346E+18',
      e: '0.1',
      f: '3.1',
      g: '30',
      h: '7',
      i: 'one\nopened\n',
      j: '[\n  1\n]',
      k: '{quoted }} do not close}'
    })
  })

  it('refuses an object where a string is expected, and prints one inside text as Object', async () => {
    await expect(hookInputs(hook('x: ${{ github.event }}'), { event: pr('opened') })).rejects.toThrow(
      /A mapping was not expected/
    )
    const sim = await simulate(workflow('- { id: s, run: "echo ${{ github.event.repository }}" }'))
    expect(sim.steps[0]?.run).toBe('echo Object')
  })

  it('workflow_dispatch: inputs typed with their defaults; github.event.inputs as strings; none on a schedule', async () => {
    const text = workflow(
      `
      - id: hook
        uses: ./
        with:
          dry-run: \${{ github.event_name == 'workflow_dispatch' && inputs.dry-run || false }}
          typed: \${{ inputs.dry-run == true }}
          event: \${{ github.event.inputs.dry-run == 'true' }}
    `,
      `
      schedule: [{ cron: '17 3 * * *' }]
      workflow_dispatch:
        inputs:
          dry-run: { type: boolean, default: true }
    `
    )
    const dispatch = (inputs?: Record<string, string>) => ({
      eventName: 'workflow_dispatch',
      payload: examplePayload('workflow_dispatch', { inputs })
    })
    expect(await hookInputs(text, { event: dispatch() })).toEqual({ 'dry-run': 'true', typed: 'true', event: 'true' })
    expect(await hookInputs(text, { event: dispatch({ 'dry-run': 'false' }) })).toEqual({
      'dry-run': 'false',
      typed: 'false',
      event: 'false'
    })
    expect(await hookInputs(text, { event: { eventName: 'schedule', payload: examplePayload('schedule') } })).toEqual({
      'dry-run': 'false',
      typed: 'false',
      event: 'false'
    })
    await expect(hookInputs(text, { event: dispatch({ dryrun: 'true' }) })).rejects.toThrow(/unexpected inputs dryrun/)
  })
})

describe('contexts', () => {
  it('github as GitHub fills it per event; secrets.GITHUB_TOKEN is github.token; env at three levels', async () => {
    const text = yml(`
      on: [push, pull_request]
      env: { LEVEL: workflow, W: w }
      jobs:
        t:
          runs-on: x
          env: { LEVEL: job, J: "\${{ github.event_name }}" }
          steps:
            - { id: s, run: "\${{ github.ref }} \${{ github.head_ref }} \${{ github.base_ref }} \${{ github.repository_owner }} \${{ secrets.GITHUB_TOKEN == github.token }} \${{ github.token }}", env: { LEVEL: "step-\${{ env.LEVEL }}" } }
    `)
    const onPush = (await simulate(text)).steps[0]
    expect(onPush?.run).toBe(`refs/heads/main   octo-org true ${FAKE_GITHUB_TOKEN}`)
    expect(onPush?.env).toEqual({ LEVEL: 'step-job', W: 'w', J: 'push' })
    await expect(simulate(text.replace('github.event_name }}', 'env.W }}'))).rejects.toThrow(
      /jobs\.t\.env\.J: Unrecognized named-value: 'env'/
    )
    expect((await simulate(text, { event: pr('opened') })).steps[0]?.run).toBe(
      `refs/pull/7/merge feature-7 main octo-org true ${FAKE_GITHUB_TOKEN}`
    )
  })
})

describe('the action step', () => {
  it('runOurStep gets the inputs and env; its outputs feed later steps; its post step runs after a failure', async () => {
    const text = workflow(`
      - { id: hook, uses: ./, with: { url: "https://x/\${{ github.sha }}" }, env: { A: b } }
      - { id: use, run: "echo \${{ steps.hook.outputs.webhook-id }}", if: "steps.hook.outputs.result == 'created'" }
      - { id: broken, run: x }
    `)
    const calls: unknown[] = []
    const sim = await simulateWorkflow<OurStepResult>(text, {
      event: push,
      steps: { broken: { outcome: 'failure' } },
      runOurStep: async (inputs, env, call) => (
        calls.push([inputs, env, call.event.eventName, call.runnerEnv.GITHUB_REF]),
        { exitCode: 0, outputs: { 'webhook-id': 'wh_1', result: 'created' } }
      ),
      runOurPost: async (main) => (
        calls.push(['post', main.result?.outputs['webhook-id']]),
        { exitCode: 0, outputs: {} }
      )
    })
    expect(calls).toEqual([
      [{ url: 'https://x/fedcba9876543210fedcba9876543210fedcba98' }, { A: 'b' }, 'push', 'refs/heads/main'],
      ['post', 'wh_1']
    ])
    expect(sim.steps.map((s) => [s.name, s.ran, s.outcome])).toEqual([
      ['Run ./', true, 'success'],
      ['Run echo ${{ steps.hook.outputs.webhook-id }}', true, 'success'],
      ['Run x', true, 'failure'],
      ['Post Run ./', true, 'success']
    ])
    expect(sim.steps[1]?.run).toBe('echo wh_1')
  })

  it('runAction fits runOurStep as it is (a check of types)', () => {
    const fits =
      (run: typeof runAction): SimulateOptions<ActionRun>['runOurStep'] =>
      (inputs, env, call) =>
        run(inputs, env, { event: call.event })
    expect(typeof fits).toBe('function')
  })
})

describe('errors fail loudly, with the file and the expression', () => {
  it.each([
    [
      'an unknown function',
      '${{ lower(github.ref) }}',
      /test\.yml: jobs\.test\.steps\[1\] \(hook\)\.with\.x: Unrecognized function: 'lower', in the expression: lower\(github\.ref\)/
    ],
    ['a syntax error', '${{ github.ref == }}', /Unexpected end of expression.*in the expression: github\.ref ==$/],
    ['a quote left open (it hides the }})', "${{ github.ref == 'a }}", /not closed/],
    ['an unknown context', '${{ github2.ref }}', /Unrecognized named-value: 'github2'/],
    ['an unclosed ${{', '${{ github.ref', /not closed/],
    ['an empty ${{ }}', 'a ${{ }}', /An expression was expected/],
    ['bad JSON', "${{ fromJSON('{') }}", /Error parsing JSON/]
  ])('%s', async (_, value, error) => {
    const text = workflow(`
      - { id: skipped, run: x, if: false }
      - { id: hook, uses: ./, with: { x: "${value}" } }
    `)
    await expect(simulate(text)).rejects.toThrow(WorkflowExpressionError)
    await expect(simulate(text)).rejects.toThrow(error)
  })

  it('even in a step that would be skipped', async () => {
    await expect(simulate(workflow('- { run: "${{ nope() }}", if: false }'))).rejects.toThrow(
      /steps\[0\]\.run: Unrecognized function: 'nope'/
    )
  })
})

it('formats numbers as .NET G15 does', () => {
  expect(
    [0, -0, 5, 0.1, 1 / 3, 1e15, 999999999999999, 1e-5, 0.0001, 123.456, 1e20, -2.5e-7, NaN, Infinity].map(formatNumber)
  ).toEqual([
    '0',
    '-0',
    '5',
    '0.1',
    '0.333333333333333',
    '1E+15',
    '999999999999999',
    '1E-05',
    '0.0001',
    '123.456',
    '1E+20',
    '-2.5E-07',
    'NaN',
    'Infinity'
  ])
})

describe.each(readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)))('examples/%s', (name) => {
  const text = readFileSync(join(ROOT, 'examples', name), 'utf8')
  const secrets = {
    KAPSO_API_KEY: 'example-api-key-0123456789',
    KAPSO_WEBHOOK_SECRET: 'example-signing-secret-0123456789'
  }
  const vars = {
    KAPSO_CONFIG_ID: '550e8400-e29b-41d4-a716-446655440000',
    KAPSO_PHONE_NUMBER_ID: '106540352242922',
    KAPSO_STAGING_PHONE_NUMBER_ID: '106540352242922'
  }
  // Each event of its on:, for pull_request each activity type it runs on (GitHub's defaults if it lists none).
  const events = Object.entries(triggers(parse(text).on)).flatMap(([eventName, filters]) => {
    const types = /^pull_request/.test(eventName)
      ? ((filters.types as string[] | undefined) ?? ['opened', 'synchronize', 'reopened'])
      : [undefined]
    return types.map((action) => ({ eventName, payload: examplePayload(eventName, action ? { action } : {}) }))
  })

  it.each(events.map((e) => [`${e.eventName}${e.payload.action ? ` ${String(e.payload.action)}` : ''}`, e] as const))(
    '%s: every with: evaluates, every step of the action is found',
    async (_, event) => {
      const sim = await simulateWorkflow(text, {
        file: `examples/${name}`,
        event,
        secrets,
        vars,
        steps: { deploy: { outputs: { url: 'https://pr-7.preview.example.com' } } }
      })
      expect(sim.triggered).toBe(true)
      const found = sim.steps.filter((s) => s.ours && !s.post)
      const skippedJobs = sim.jobs.filter((j) => j.result === 'skipped').map((j) => j.id)
      expect(found.map((s) => [s.job, s.index])).toEqual(
        ourSteps(text)
          .filter((s) => !skippedJobs.includes(s.job))
          .map((s) => [s.job, s.index])
      )
      for (const step of found.filter((s) => s.ran)) {
        const given = ourSteps(text).find((s) => s.job === step.job && s.index === step.index)?.with ?? {}
        expect(Object.keys(step.inputs ?? {})).toEqual(Object.keys(given))
        for (const value of Object.values(step.inputs ?? {})) expect(typeof value).toBe('string')
      }
    }
  )

  it('runs the action on at least one of its events', async () => {
    const runs = await Promise.all(
      events.map((event) => simulateWorkflow(text, { file: `examples/${name}`, event, secrets, vars }))
    )
    expect(runs.some((sim) => sim.steps.some((s) => s.ours && s.ran))).toBe(true)
  })
})
