/**
 * The step's inputs in manifest mode (a manifest given): the file's path, prune, fail-on-drift, the operation
 * (upsert reconciles, delete deletes what the manifest made) and the run's bounds. The webhooks come from the
 * file, so every single-webhook input must be empty: an error names each one given.
 */
import { isAbsolute, join, posix } from 'node:path'
import { readGitHubContext, type GitHubContext } from '../github/context.js'
import { isManifestPath } from '../ownership.js'
import { checkApiKey, readSecrets } from './access.js'
import { readRunControl } from './control.js'
import { readApiUrl } from './scope.js'
import { InputError, type Skip } from './types.js'
import { givenInput, Problems, quote, readBoolean, type Fail } from './values.js'
import { ACTION_DEFAULTS } from './defaults.js'
import { WEBHOOK_FIELD_INPUTS } from './webhook.js'

/** The inputs that describe one webhook (or one step's): a manifest's entries take their place. */
export const SINGLE_WEBHOOK_INPUTS = [
  ...WEBHOOK_FIELD_INPUTS,
  'name',
  'secret-key',
  'webhook-id',
  'cleanup',
  'max-age',
  'verify',
  'verify-timeout-seconds'
]

export const MANIFEST_OPERATIONS = ['upsert', 'delete'] as const

export interface ManifestInputs {
  apiKey: string
  githubToken: string
  /** The manifest's path, relative to the workspace and normalised: as it is recorded on the webhooks. */
  path: string
  /** The file to read. */
  file: string
  prune: boolean
  failOnDrift: boolean
  operation: (typeof MANIFEST_OPERATIONS)[number]
  /** api-url as given (checked), or '' for each scope's default. */
  apiUrl: string
  dryRun: boolean
  /** Post (and keep up to date) one comment on the pull request with the plan. */
  comment: boolean
  maxAttempts: number
  requestTimeoutSeconds: number
  timeoutSeconds: number
  context: GitHubContext
  repository: string
  skip?: Skip
}

/** Whether the step is in manifest mode. */
export function manifestGiven(): boolean {
  return givenInput('manifest') !== ''
}

/** Reads and checks the step's inputs in manifest mode; throws InputError naming every problem. */
export function readManifestInputs(context: GitHubContext = readGitHubContext()): ManifestInputs {
  const { apiKey, githubToken } = readSecrets()
  const problems = new Problems()
  const fail = problems.fail
  const noSecrets = checkApiKey(apiKey, context, fail)
  const path = readManifestPath(fail)
  // The single-webhook inputs among those readRunControl reads are refused below, by name: not checked twice.
  const control = readRunControl((message) =>
    SINGLE_WEBHOOK_INPUTS.some((name) => message.startsWith(`${name} `)) ? undefined : fail(message)
  )
  const operation = MANIFEST_OPERATIONS.find((name) => name === control.requested)
  if (control.requested && !operation)
    fail(`operation must be upsert (reconcile) or delete with manifest; got ${quote(control.requested)}.`)
  const given = SINGLE_WEBHOOK_INPUTS.filter((name) => {
    const value = givenInput(name)
    return value !== '' && value !== ACTION_DEFAULTS[name]
  })
  if (given.length > 0) {
    fail(
      `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} not taken with manifest, which describes the ` +
        `webhooks: remove ${given.length === 1 ? 'it' : 'them'} from the step (each webhook's fields go in its entry ` +
        'in the file).'
    )
  }
  const apiUrl = readApiUrl(undefined, fail)
  const prune = readBoolean('prune', fail) ?? true
  const failOnDrift = readBoolean('fail-on-drift', fail) ?? false
  if (failOnDrift && !control.dryRun)
    fail('fail-on-drift needs dry-run true: a drift check plans and writes nothing. Without it, drift is repaired.')
  const repository = context.repository
  if (!repository && !noSecrets)
    fail(
      'manifest needs GITHUB_REPOSITORY, which the runner sets, to record whose webhooks they are: run it in a ' +
        'workflow.'
    )
  const { maxAttempts, requestTimeoutSeconds, timeoutSeconds } = control
  if (problems.list.length > 0 || !path || !operation || !maxAttempts || !requestTimeoutSeconds || !timeoutSeconds)
    throw new InputError(problems.list)
  return {
    apiKey,
    githubToken,
    path,
    file: join(process.env.GITHUB_WORKSPACE || process.cwd(), path),
    prune,
    failOnDrift,
    operation,
    apiUrl: apiUrl?.url ?? '',
    dryRun: control.dryRun,
    comment: control.comment,
    maxAttempts,
    requestTimeoutSeconds,
    timeoutSeconds,
    context,
    repository,
    ...(noSecrets && { skip: { reason: noSecrets, warn: true } })
  }
}

/** Without manifest, prune and fail-on-drift have nothing to act on: set to other than their defaults, refused. */
export function checkManifestOnly(fail: Fail): void {
  for (const name of ['prune', 'fail-on-drift']) {
    const value = readBoolean(name, fail)
    if (value !== undefined && String(value) !== ACTION_DEFAULTS[name])
      fail(`${name} is only for manifest mode, and no manifest is given: remove ${name}, or give manifest.`)
  }
}

/** The manifest input: a path in the workspace, normalised as it will be recorded. */
function readManifestPath(fail: Fail): string | undefined {
  const raw = givenInput('manifest')
  const path = posix.normalize(raw.replace(/^\.\//, ''))
  if (isAbsolute(raw) || !isManifestPath(path)) {
    return fail(
      `manifest must be a path relative to the workspace (the repository's root), of letters, digits and . _ - /, ` +
        `like .kapso/webhooks.yml; got ${quote(raw)}.`
    )
  }
  return path
}
