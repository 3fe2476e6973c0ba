/**
 * A workflow simulator: runs a workflow file's logic for one event as GitHub would, with GitHub's own
 * expression evaluator (@actions/expressions). It decides whether `on:` runs the workflow, which jobs and
 * steps run (`if:`, status functions, needs), what each expression gives, and what this action's steps
 * receive as inputs; `run:` steps and other actions only report what the caller says they produce, and
 * this action's steps are run by the caller (e.g. with runAction). Not simulated: strategy/matrix (refused),
 * reusable workflows (refused), path filters, cancellation, timeouts, services and containers.
 */
import { parse } from 'yaml'
import { readActionYml } from './run-action.js'
import {
  ALLOWED,
  dispatchInputs,
  githubContext,
  isTriggered,
  runnerContext,
  runnerEnv,
  triggers,
  type RunSettings,
  type WorkflowEvent
} from './workflow-sim/contexts.js'
import { checkWorkflow, concurrencyGroup, type Job, type Step, type Workflow } from './workflow-sim/check.js'
import {
  conditionExpression,
  evaluateCondition,
  evaluateString,
  evaluateValue,
  toData,
  truthy,
  type Data,
  type Scope,
  type Status
} from './workflow-sim/expressions.js'

export { examplePayload, type PayloadOptions } from './workflow-sim/payloads.js'
export { formatNumber, runnerString, WorkflowExpressionError } from './workflow-sim/expressions.js'
export { isTriggered, triggers, type RunSettings, type WorkflowEvent } from './workflow-sim/contexts.js'

export type Outcome = 'success' | 'failure' | 'skipped'

/** What a step other than this action's produces when it runs (GITHUB_OUTPUT, GITHUB_ENV, its outcome). */
export interface StepResult {
  outputs?: Record<string, string>
  outcome?: 'success' | 'failure'
  env?: Record<string, string>
}

/** What running this action's step gave (runAction's ActionRun is one). */
export interface OurStepResult {
  outputs: Record<string, string>
  exitCode: number
}

/** What the caller gets besides inputs and env to run this action's step as the runner would. */
export interface OurStepCall {
  job: string
  id?: string
  name: string
  /** For runAction's options.event (GitHubEvent): the event name, the payload as GitHub sends it, owner/name. */
  event: { eventName: string; payload: Record<string, unknown>; repository: string }
  github: Record<string, unknown>
  /** The GITHUB_* variables the runner sets (GITHUB_REF, GITHUB_HEAD_REF…), should the action need them. */
  runnerEnv: Record<string, string>
}

export interface SimulateOptions<R extends OurStepResult = OurStepResult> {
  event: WorkflowEvent
  /** The workflow's path, for error messages and github.workflow; .github/workflows/workflow.yml by default. */
  file?: string
  secrets?: Record<string, string>
  vars?: Record<string, string>
  /**
   * What each other step produces when it runs, by id (or by name for a step without id): success and no
   * outputs if absent. Without runOurStep, also what this action's steps produce.
   */
  steps?: Record<string, StepResult>
  /** Runs a step of this action with the inputs the step gives (action.yml defaults NOT filled) and the step's env. */
  runOurStep?: (inputs: Record<string, string>, env: Record<string, string>, call: OurStepCall) => Promise<R>
  /** Runs the post step of a step of this action that ran, if action.yml's post-if (always()) holds at the end of the job. */
  runOurPost?: (
    main: { inputs: Record<string, string>; env: Record<string, string>; result?: R },
    call: OurStepCall
  ) => Promise<R>
  settings?: RunSettings
}

export interface StepTrace<R extends OurStepResult = OurStepResult> {
  job: string
  index: number
  id?: string
  name: string
  uses?: string
  /** A step of this action (`uses: ./` or …/kapso-webhook-action@ref). */
  ours: boolean
  /** This action's post step, run at the end of the job. */
  post?: boolean
  /** The condition as evaluated, with GitHub's success() wrapping. */
  condition: string
  ran: boolean
  outcome: Outcome
  conclusion: Outcome
  /** The step's env as the runner gives it: workflow, job and step env merged. */
  env: Record<string, string>
  /** `with:` evaluated (for this action: the inputs it gets), when the step ran. */
  inputs?: Record<string, string>
  /** `run:` evaluated, when the step ran. */
  run?: string
  outputs: Record<string, string>
  /** What runOurStep or runOurPost returned. */
  result?: R
}

export interface JobTrace {
  id: string
  result: Outcome
  outputs: Record<string, string>
}

export interface Simulation<R extends OurStepResult = OurStepResult> {
  /** Whether `on:` runs the workflow for this event; when false, nothing else is filled. */
  triggered: boolean
  /** run-name evaluated; without one GitHub shows an event-specific title, here the workflow's name. */
  runName: string
  /** The workflow's concurrency group evaluated, if any. */
  concurrency?: string
  jobs: JobTrace[]
  steps: StepTrace<R>[]
}

/** A step that uses this action: `uses: ./` or `uses: <owner>/kapso-webhook-action@<ref>`. */
export function isOurStep(step: { uses?: unknown }): boolean {
  return typeof step.uses === 'string' && (step.uses === './' || /(^|\/)kapso-webhook-action@[^/]+$/.test(step.uses))
}

/** The events a workflow runs on, as its `on:` names them. */
export function workflowEvents(yamlText: string): string[] {
  return Object.keys(triggers((parse(yamlText) as Workflow).on))
}

/** Every step of the workflow that uses this action, by job. */
export function ourSteps(
  yamlText: string
): { job: string; index: number; id?: string; with: Record<string, unknown> }[] {
  const jobs = Object.entries((parse(yamlText) as Workflow).jobs ?? {})
  return jobs.flatMap(([job, spec]) =>
    (spec.steps ?? []).flatMap((step, index) =>
      isOurStep(step) ? [{ job, index, id: step.id, with: step.with ?? {} }] : []
    )
  )
}

/** The state of one run, shared by its jobs. */
interface Run<R extends OurStepResult> {
  options: SimulateOptions<R>
  file: string
  workflow: Workflow
  event: WorkflowEvent
  payload: Record<string, unknown>
  inputs: Data
  vars: Data
  secrets: Data
  repository: string
  env: Record<string, string>
  jobs: Map<string, JobTrace>
  trace: StepTrace<R>[]
}

/** The state of one job while its steps run. */
interface JobRun {
  id: string
  github: Record<string, unknown>
  contexts: Record<string, Data>
  env: Record<string, string>
  steps: Record<string, { outputs: Record<string, string>; outcome: Outcome; conclusion: Outcome }>
  failed: boolean
  ran: { step: Step; name: string; inputs: Record<string, string>; env: Record<string, string>; result?: unknown }[]
}

/**
 * Simulates one run of a workflow for an event. Every expression of the workflow is first checked as GitHub
 * checks a workflow file (syntax, contexts and functions allowed where it is); any error throws a
 * WorkflowExpressionError naming the file, the place and the expression.
 */
export async function simulateWorkflow<R extends OurStepResult = OurStepResult>(
  yamlText: string,
  options: SimulateOptions<R>
): Promise<Simulation<R>> {
  const file = options.file ?? '.github/workflows/workflow.yml'
  const workflow = parse(yamlText) as Workflow
  checkWorkflow(workflow, file)
  const name = workflow.name ?? file
  if (!isTriggered(workflow.on, options.event)) return { triggered: false, runName: name, jobs: [], steps: [] }
  const { payload, inputs } = dispatchInputs(workflow.on, options.event)
  const settings = { ...options.settings, token: options.settings?.token ?? options.secrets?.GITHUB_TOKEN }
  const github = githubContext(options.event, payload, settings, { name, path: file }, '')
  const run: Run<R> = {
    options: { ...options, settings },
    file,
    workflow,
    event: options.event,
    payload,
    inputs: toData(inputs),
    vars: toData(options.vars ?? {}),
    secrets: toData({ ...options.secrets, GITHUB_TOKEN: github.token }),
    repository: String(github.repository),
    env: {},
    jobs: new Map(),
    trace: []
  }
  const top = { github: toData(github), inputs: run.inputs, vars: run.vars }
  const runName =
    workflow['run-name'] === undefined ? name : evaluateString(workflow['run-name'], scope(run, 'run-name', top))
  const concurrency =
    workflow.concurrency === undefined
      ? undefined
      : evaluateString(concurrencyGroup(workflow.concurrency), scope(run, 'concurrency', top))
  run.env = stringMap(workflow.env, scope(run, 'env', { ...top, secrets: run.secrets }))
  for (const id of jobOrder(workflow, file)) run.jobs.set(id, await runJob(run, id))
  return {
    triggered: true,
    runName,
    ...(concurrency === undefined ? {} : { concurrency }),
    jobs: [...run.jobs.values()],
    steps: run.trace
  }
}

function scope<R extends OurStepResult>(
  run: Run<R>,
  where: string,
  contexts: Record<string, Data>,
  extra: Partial<Scope> = {}
): Scope {
  return { file: run.file, where, contexts, ...extra }
}

function stringMap(map: Record<string, unknown> | undefined, at: Scope): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([key, value]) => [
      key,
      evaluateString(value, { ...at, where: `${at.where}.${key}` })
    ])
  )
}

/** The jobs in an order where each comes after those it needs. */
function jobOrder(workflow: Workflow, file: string): string[] {
  const order: string[] = []
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return
    if (path.includes(id)) throw new Error(`${file}: jobs ${[...path, id].join(' → ')} need each other`)
    for (const need of needsOf(workflow.jobs?.[id], file, id)) visit(need, [...path, id])
    order.push(id)
  }
  for (const id of Object.keys(workflow.jobs ?? {})) visit(id, [])
  return order
}

function needsOf(job: Job | undefined, file: string, id: string): string[] {
  if (!job) throw new Error(`${file}: no job ${id}, yet a job needs it`)
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]
}

/** Every job a job needs, directly or through others. */
function ancestors<R extends OurStepResult>(run: Run<R>, id: string): string[] {
  const direct = needsOf(run.workflow.jobs?.[id], run.file, id)
  return [...new Set(direct.flatMap((need) => [need, ...ancestors(run, need)]))]
}

async function runJob<R extends OurStepResult>(run: Run<R>, id: string): Promise<JobTrace> {
  const job = run.workflow.jobs?.[id] as Job
  const where = `jobs.${id}`
  const results = ancestors(run, id).map((need) => run.jobs.get(need)?.result)
  const status: Status = {
    success: results.every((r) => r === 'success'),
    failure: results.includes('failure'),
    cancelled: false
  }
  const needs = Object.fromEntries(
    needsOf(job, run.file, id).map((need) => [
      need,
      { result: run.jobs.get(need)?.result, outputs: run.jobs.get(need)?.outputs ?? {} }
    ])
  )
  const github = githubContext(
    run.event,
    run.payload,
    run.options.settings ?? {},
    { name: run.workflow.name ?? run.file, path: run.file },
    id
  )
  const base = { github: toData(github), needs: toData(needs), vars: run.vars, inputs: run.inputs }
  if (!evaluateCondition(job.if, scope(run, `${where}.if`, base, { status })))
    return { id, result: 'skipped', outputs: {} }
  const contexts = {
    ...base,
    strategy: toData({ 'fail-fast': true, 'job-index': 0, 'job-total': 1, 'max-parallel': 1 }),
    matrix: toData(null),
    runner: toData(runnerContext(run.repository)),
    secrets: run.secrets
  }
  const state: JobRun = {
    id,
    github,
    contexts,
    env: { ...run.env, ...stringMap(job.env, scope(run, `${where}.env`, pick(contexts, ALLOWED.jobEnv))) },
    steps: {},
    failed: false,
    ran: []
  }
  for (const [index, step] of (job.steps ?? []).entries()) await runStep(run, state, step, index)
  for (const main of [...state.ran].reverse()) await runPost(run, state, main)
  const outputs = stringMap(job.outputs, scope(run, `${where}.outputs`, stepContexts(state, ALLOWED.step)))
  return { id, result: state.failed ? 'failure' : 'success', outputs }
}

function pick(contexts: Record<string, Data>, names: readonly string[]): Record<string, Data> {
  return Object.fromEntries(names.map((name) => [name, contexts[name] ?? toData(null)]))
}

function stepContexts(state: JobRun, names: readonly string[], env = state.env): Record<string, Data> {
  const job = { status: state.failed ? 'failure' : 'success', container: {}, services: {} }
  return pick({ ...state.contexts, job: toData(job), steps: toData(state.steps), env: toData(env) }, names)
}

function jobStatus(state: JobRun): Status {
  return { success: !state.failed, failure: state.failed, cancelled: false }
}

async function runStep<R extends OurStepResult>(run: Run<R>, state: JobRun, step: Step, index: number): Promise<void> {
  const where = `jobs.${state.id}.steps[${index}]${step.id ? ` (${step.id})` : ''}`
  const at = (what: string, names: readonly string[], env: Record<string, string>, extra: Partial<Scope> = {}) =>
    scope(run, `${where}.${what}`, stepContexts(state, names, env), { hashFiles: true, ...extra })
  const env = { ...state.env, ...stringMap(step.env, at('env', ALLOWED.step, state.env)) }
  const ifScope = at('if', ALLOWED.stepIf, env, { status: jobStatus(state) })
  const condition = conditionExpression(step.if, ifScope)
  const name =
    step.name === undefined
      ? `Run ${step.uses ?? String(step.run ?? '').split('\n')[0]}`
      : evaluateString(step.name, at('name', ALLOWED.step, env))
  const ours = isOurStep(step)
  const base = {
    job: state.id,
    index,
    ...(step.id ? { id: step.id } : {}),
    name,
    ...(step.uses ? { uses: step.uses } : {}),
    ours,
    condition,
    env
  }
  if (!evaluateCondition(step.if, ifScope)) {
    if (step.id) state.steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' }
    run.trace.push({ ...base, ran: false, outcome: 'skipped', conclusion: 'skipped', outputs: {} })
    return
  }
  const inputs = step.uses === undefined ? undefined : stringMap(step.with, at('with', ALLOWED.step, env))
  const script = step.run === undefined ? undefined : evaluateString(step.run, at('run', ALLOWED.step, env))
  let outcome: 'success' | 'failure' = 'success'
  let outputs: Record<string, string> = {}
  let result: R | undefined
  if (ours && run.options.runOurStep) {
    result = await run.options.runOurStep(inputs ?? {}, env, ourCall(run, state, step, name))
    ;({ outputs } = result)
    outcome = result.exitCode === 0 ? 'success' : 'failure'
  } else {
    const given = run.options.steps?.[step.id ?? name]
    ;({ outcome = 'success', outputs = {} } = given ?? {})
    Object.assign(state.env, given?.env ?? {})
  }
  if (ours) state.ran.push({ step, name, inputs: inputs ?? {}, env, result })
  const continueOnError =
    step['continue-on-error'] !== undefined &&
    truthy(evaluateValue(step['continue-on-error'], at('continue-on-error', ALLOWED.step, env)))
  const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome
  state.failed ||= conclusion === 'failure'
  if (step.id) state.steps[step.id] = { outputs, outcome, conclusion }
  run.trace.push({
    ...base,
    ran: true,
    outcome,
    conclusion,
    ...(inputs ? { inputs } : {}),
    ...(script === undefined ? {} : { run: script }),
    outputs,
    ...(result ? { result } : {})
  })
}

function ourCall<R extends OurStepResult>(run: Run<R>, state: JobRun, step: Step, name: string): OurStepCall {
  return {
    job: state.id,
    ...(step.id ? { id: step.id } : {}),
    name,
    event: { eventName: run.event.eventName, payload: run.payload, repository: run.repository },
    github: state.github,
    runnerEnv: runnerEnv(state.github)
  }
}

/** This action's post step (action.yml: post-if always()), run at the end of the job in reverse order of the main steps. */
async function runPost<R extends OurStepResult>(
  run: Run<R>,
  state: JobRun,
  main: JobRun['ran'][number]
): Promise<void> {
  if (!run.options.runOurPost) return
  const at = scope(run, 'action.yml runs.post-if', stepContexts(state, ALLOWED.stepIf, main.env), {
    status: jobStatus(state)
  })
  const postIf = (readActionYml().runs as { 'post-if'?: string })['post-if']
  const condition = conditionExpression(postIf, at)
  if (!evaluateCondition(postIf, at)) return
  const result = await run.options.runOurPost(
    { inputs: main.inputs, env: main.env, result: main.result as R | undefined },
    ourCall(run, state, main.step, main.name)
  )
  const outcome = result.exitCode === 0 ? 'success' : 'failure'
  state.failed ||= outcome === 'failure'
  const index = (run.workflow.jobs?.[state.id]?.steps ?? []).indexOf(main.step)
  run.trace.push({
    job: state.id,
    index,
    ...(main.step.id ? { id: main.step.id } : {}),
    name: `Post ${main.name}`,
    ours: true,
    post: true,
    condition,
    ran: true,
    outcome,
    conclusion: outcome,
    env: main.env,
    outputs: {},
    result
  })
}
