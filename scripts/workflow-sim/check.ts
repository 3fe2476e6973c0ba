/**
 * The shape of a workflow file as the simulator reads it, and the check GitHub makes when it loads one:
 * every expression parsed where it stands, with the contexts and functions allowed there.
 */
import { ALLOWED } from './contexts.js'
import { compile, conditionExpression, templateExpression, toData, type Scope } from './expressions.js'

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: unknown
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  'continue-on-error'?: unknown
}

export interface Job {
  if?: unknown
  needs?: string | string[]
  env?: Record<string, unknown>
  outputs?: Record<string, unknown>
  steps?: Step[]
  strategy?: unknown
  uses?: string
  concurrency?: unknown
}

export interface Workflow {
  name?: string
  'run-name'?: unknown
  on?: unknown
  env?: Record<string, unknown>
  concurrency?: unknown
  jobs?: Record<string, Job>
}
/**
 * Parses every expression of the workflow where it stands, with the contexts and functions GitHub allows
 * there, as GitHub does when it loads the file: an error in a step that would be skipped still fails.
 */
export function checkWorkflow(workflow: Workflow, file: string): void {
  const check = (value: unknown, where: string, names: readonly string[], extra: Partial<Scope> = {}) => {
    const at: Scope = { file, where, contexts: Object.fromEntries(names.map((n) => [n, toData(null)])), ...extra }
    if (extra.status) return void conditionExpression(value, at)
    if (typeof value === 'string') {
      const expression = templateExpression(value, file, where)
      if (expression !== undefined) compile(expression, at)
    }
  }
  const each = (map: unknown, where: string, names: readonly string[], extra?: Partial<Scope>) => {
    for (const [key, value] of Object.entries(map && typeof map === 'object' ? map : {}))
      check(value, `${where}.${key}`, names, extra)
  }
  const status = { success: true, failure: false, cancelled: false }
  check(workflow['run-name'], 'run-name', ALLOWED.runName)
  check(concurrencyGroup(workflow.concurrency), 'concurrency', ALLOWED.runName)
  each(workflow.env, 'env', ALLOWED.workflowEnv)
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.strategy !== undefined) throw new Error(`${file}: jobs.${id}.strategy: matrix jobs are not simulated`)
    if (job.uses !== undefined) throw new Error(`${file}: jobs.${id}.uses: reusable workflows are not simulated`)
    check(job.if, `jobs.${id}.if`, ALLOWED.jobIf, { status })
    check(concurrencyGroup(job.concurrency), `jobs.${id}.concurrency`, ALLOWED.jobConcurrency)
    each(job.env, `jobs.${id}.env`, ALLOWED.jobEnv)
    each(job.outputs, `jobs.${id}.outputs`, ALLOWED.step)
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `jobs.${id}.steps[${index}]${step.id ? ` (${step.id})` : ''}`
      if (typeof step.id === 'string' && step.id.includes('${{'))
        throw new Error(`${file}: ${where}.id: an id cannot hold an expression`)
      check(step.if, `${where}.if`, ALLOWED.stepIf, { status, hashFiles: true })
      for (const key of ['name', 'run', 'continue-on-error'] as const)
        check(step[key], `${where}.${key}`, ALLOWED.step, { hashFiles: true })
      each(step.with, `${where}.with`, ALLOWED.step, { hashFiles: true })
      each(step.env, `${where}.env`, ALLOWED.step, { hashFiles: true })
    }
  }
}

/** The group of a `concurrency:` given as a string or as { group, cancel-in-progress }. */
export function concurrencyGroup(concurrency: unknown): unknown {
  return concurrency && typeof concurrency === 'object' ? (concurrency as { group?: unknown }).group : concurrency
}
