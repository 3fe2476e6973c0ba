/**
 * What GitHub puts in a workflow run's contexts for an event, and whether the workflow's `on:` runs on it:
 * the github context as GitHub fills it per event type (ref, sha, head_ref, base_ref…), the inputs context
 * of workflow_dispatch (typed, defaults filled), the runner context of a GitHub-hosted Linux runner, and the
 * contexts each place in a workflow may use (docs.github.com, "Contexts", "Context availability").
 */
import { FAKE_GITHUB_TOKEN } from '../run-action.js'

/** The event that starts the run. The payload is GitHub's webhook payload for it; `actor` else sender.login. */
export interface WorkflowEvent {
  eventName: string
  payload?: Record<string, unknown>
  actor?: string
}

/** What GitHub decides about a run, not found in the event. Everything has a made-up default. */
export interface RunSettings {
  /** owner/name; else the payload's repository.full_name, else octo-org/shop. */
  repository?: string
  /** The commit when the payload does not give one. */
  sha?: string
  runId?: string
  runNumber?: string
  runAttempt?: string
  /** github.token and secrets.GITHUB_TOKEN; FAKE_GITHUB_TOKEN of run-action.ts by default. */
  token?: string
  serverUrl?: string
  apiUrl?: string
}

/** The contexts (and with them the functions) each place in a workflow may use, as GitHub's schema allows them. */
export const ALLOWED = {
  runName: ['github', 'inputs', 'vars'],
  workflowEnv: ['github', 'secrets', 'inputs', 'vars'],
  jobIf: ['github', 'needs', 'vars', 'inputs'],
  jobEnv: ['github', 'needs', 'strategy', 'matrix', 'vars', 'secrets', 'inputs'],
  jobConcurrency: ['github', 'needs', 'strategy', 'matrix', 'inputs', 'vars'],
  stepIf: ['github', 'needs', 'strategy', 'matrix', 'job', 'runner', 'env', 'vars', 'steps', 'inputs'],
  step: ['github', 'needs', 'strategy', 'matrix', 'job', 'runner', 'env', 'vars', 'secrets', 'steps', 'inputs']
} as const

type Json = Record<string, unknown>
const record = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined

/** The events a workflow's `on:` names, each with its filters ({} when none). */
export function triggers(on: unknown): Record<string, Json> {
  if (typeof on === 'string') return { [on]: {} }
  if (Array.isArray(on)) return Object.fromEntries(on.map((name) => [String(name), {}]))
  return Object.fromEntries(Object.entries(record(on)).map(([name, filters]) => [name, record(filters)]))
}

/** The activity types GitHub runs a workflow on when `on:` lists none for the event; undefined: all of them. */
const DEFAULT_TYPES: Record<string, string[]> = {
  pull_request: ['opened', 'synchronize', 'reopened'],
  pull_request_target: ['opened', 'synchronize', 'reopened']
}

/**
 * Whether `on:` runs the workflow for this event: its name, its `types:` (GitHub's defaults for
 * pull_request and pull_request_target), and simply its branches/tags filters (push: the pushed ref;
 * pull_request*: the base branch; `*`, `**`, `?`, `+`, `[]` and `!` as GitHub's patterns). Path filters
 * are not checked: the simulator knows no changed files.
 */
export function isTriggered(on: unknown, event: WorkflowEvent): boolean {
  const filters = triggers(on)[event.eventName]
  if (!filters) return false
  const payload = event.payload ?? {}
  const types = Array.isArray(filters.types) ? filters.types.map(String) : DEFAULT_TYPES[event.eventName]
  if (types) {
    if (typeof payload.action !== 'string')
      throw new Error(`a ${event.eventName} event needs payload.action: the workflow runs only on ${types.join(', ')}`)
    if (!types.includes(payload.action)) return false
  }
  if (event.eventName === 'push') return pushMatches(filters, text(payload.ref) ?? '')
  if (event.eventName.startsWith('pull_request')) {
    return refMatches(
      filters.branches,
      filters['branches-ignore'],
      text(record(record(payload.pull_request).base).ref) ?? ''
    )
  }
  return true
}

function pushMatches(filters: Json, ref: string): boolean {
  const [kind, other] = ref.startsWith('refs/tags/') ? ['tags', 'branches'] : ['branches', 'tags']
  const name = ref.replace(/^refs\/(heads|tags)\//, '')
  if (filters[kind] === undefined && filters[`${kind}-ignore`] === undefined) {
    return filters[other] === undefined && filters[`${other}-ignore`] === undefined
  }
  return refMatches(filters[kind], filters[`${kind}-ignore`], name)
}

function refMatches(include: unknown, ignore: unknown, name: string): boolean {
  if (Array.isArray(ignore)) return !ignore.some((pattern) => globMatches(String(pattern), name))
  if (!Array.isArray(include)) return true
  let matched = false
  for (const pattern of include.map(String)) {
    if (pattern.startsWith('!')) matched &&= !globMatches(pattern.slice(1), name)
    else matched ||= globMatches(pattern, name)
  }
  return matched
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern.replace(/\*\*|\*|[.^$(){}|\\/]/g, (m) => (m === '**' ? '.*' : m === '*' ? '[^/]*' : `\\${m}`))
  return new RegExp(`^${source}$`).test(name)
}

/**
 * The payload as GitHub sends it and the inputs context: for workflow_dispatch, every declared input with
 * its value or default, a string in github.event.inputs and typed (boolean, number) in `inputs`. Refuses
 * what GitHub refuses: undeclared inputs, a required input missing, a choice outside its options.
 */
export function dispatchInputs(on: unknown, event: WorkflowEvent): { payload: Json; inputs: Json } {
  const payload = { ...(event.payload ?? {}) }
  if (event.eventName !== 'workflow_dispatch') return { payload, inputs: {} }
  const declared = record(triggers(on).workflow_dispatch?.inputs)
  const given = record(payload.inputs)
  const unknown = Object.keys(given).filter((name) => !(name in declared))
  if (unknown.length) throw new Error(`workflow_dispatch: unexpected inputs ${unknown.join(', ')}`)
  const inputs: Json = {}
  const strings: Json = {}
  for (const [name, spec] of Object.entries(declared).map(([n, s]) => [n, record(s)] as const)) {
    const value = given[name] ?? spec.default ?? (spec.type === 'boolean' ? false : undefined)
    if (value === undefined && spec.required === true)
      throw new Error(`workflow_dispatch: required input ${name} not given`)
    const raw = value === undefined || value === null ? '' : String(value)
    if (spec.type === 'choice' && !(Array.isArray(spec.options) && spec.options.map(String).includes(raw)))
      throw new Error(`workflow_dispatch: ${name} is not one of its options`)
    inputs[name] = spec.type === 'boolean' ? raw === 'true' : spec.type === 'number' ? Number(raw) : raw
    strings[name] = raw
  }
  return { payload: { ...payload, inputs: strings }, inputs }
}

/** github.ref and github.sha as GitHub sets them for each event (docs: "Events that trigger workflows"). */
function refAndSha(eventName: string, payload: Json, defaultBranch: string, sha: string): { ref: string; sha: string } {
  const pull = record(payload.pull_request)
  const deployment = record(payload.deployment)
  const branch = `refs/heads/${defaultBranch}`
  if (eventName === 'push') return { ref: text(payload.ref) ?? branch, sha: text(payload.after) ?? sha }
  if (eventName === 'pull_request_target')
    return {
      ref: `refs/heads/${text(record(pull.base).ref) ?? defaultBranch}`,
      sha: text(record(pull.base).sha) ?? sha
    }
  if (eventName.startsWith('pull_request'))
    return {
      ref: `refs/pull/${text(pull.number) ?? text(payload.number)}/merge`,
      sha: text(pull.merge_commit_sha) ?? sha
    }
  if (eventName === 'workflow_dispatch') return { ref: text(payload.ref) ?? branch, sha }
  if (eventName === 'release') return { ref: `refs/tags/${text(record(payload.release).tag_name)}`, sha }
  if (eventName === 'deployment' || eventName === 'deployment_status') {
    const target = text(deployment.ref) ?? ''
    return { ref: /^[0-9a-f]{40}$/.test(target) ? '' : `refs/heads/${target}`, sha: text(deployment.sha) ?? sha }
  }
  return { ref: branch, sha }
}

/** The github context of a job, as GitHub fills it for this event. */
export function githubContext(
  event: WorkflowEvent,
  payload: Json,
  settings: RunSettings,
  workflow: { name: string; path: string },
  job: string
): Json {
  const repo = record(payload.repository)
  const repository = settings.repository ?? text(repo.full_name) ?? 'octo-org/shop'
  const { ref, sha } = refAndSha(
    event.eventName,
    payload,
    text(repo.default_branch) ?? 'main',
    settings.sha ?? '0123456789abcdef0123456789abcdef01234567'
  )
  const pull = record(payload.pull_request)
  const pullRequest = event.eventName === 'pull_request' || event.eventName === 'pull_request_target'
  const actor = event.actor ?? text(record(payload.sender).login) ?? 'octocat'
  const name = repository.split('/')[1] ?? repository
  return {
    event_name: event.eventName,
    event: payload,
    actor,
    triggering_actor: actor,
    repository,
    repository_owner: repository.split('/')[0] ?? '',
    repositoryUrl: `git://github.com/${repository}.git`,
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : ref ? 'branch' : '',
    ref_protected: false,
    sha,
    head_ref: pullRequest ? (text(record(pull.head).ref) ?? '') : '',
    base_ref: pullRequest ? (text(record(pull.base).ref) ?? '') : '',
    run_id: settings.runId ?? '1658821493',
    run_number: settings.runNumber ?? '1',
    run_attempt: settings.runAttempt ?? '1',
    retention_days: '90',
    token: settings.token ?? FAKE_GITHUB_TOKEN,
    secret_source: 'Actions',
    server_url: settings.serverUrl ?? 'https://github.com',
    api_url: settings.apiUrl ?? 'https://api.github.com',
    graphql_url: `${settings.apiUrl ?? 'https://api.github.com'}/graphql`,
    workflow: workflow.name,
    workflow_ref: `${repository}/${workflow.path}@${ref}`,
    workflow_sha: sha,
    job,
    workspace: `/home/runner/work/${name}/${name}`,
    event_path: '/home/runner/work/_temp/_github_workflow/event.json',
    path: '',
    env: '',
    action: '',
    action_path: '',
    action_ref: '',
    action_repository: ''
  }
}

/** The runner context of a GitHub-hosted ubuntu-latest runner. */
export function runnerContext(repository: string): Json {
  const name = repository.split('/')[1] ?? repository
  return {
    name: 'GitHub Actions 1',
    os: 'Linux',
    arch: 'X64',
    environment: 'github-hosted',
    temp: '/home/runner/work/_temp',
    tool_cache: '/opt/hostedtoolcache',
    workspace: `/home/runner/work/${name}`
  }
}

/** The GITHUB_* variables the runner gives every step, from the github context. */
export function runnerEnv(github: Json): Record<string, string> {
  const names = [
    'action',
    'actor',
    'api_url',
    'base_ref',
    'event_name',
    'event_path',
    'graphql_url',
    'head_ref',
    'job',
    'ref',
    'ref_name',
    'ref_protected',
    'ref_type',
    'repository',
    'repository_owner',
    'retention_days',
    'run_attempt',
    'run_id',
    'run_number',
    'server_url',
    'sha',
    'triggering_actor',
    'workflow',
    'workflow_ref',
    'workflow_sha',
    'workspace'
  ]
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    ...Object.fromEntries(names.map((n) => [`GITHUB_${n.toUpperCase()}`, String(github[n] ?? '')]))
  }
}
