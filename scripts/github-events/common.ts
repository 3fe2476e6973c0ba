/** What every event builder shares: the accounts, the repository and the run's API. */
import { createHash } from 'node:crypto'
import type { GitHubEvent } from '../run-action.js'

export type Json = Record<string, unknown>

/** The repository the tests run in, as elsewhere in __tests__. */
export const REPOSITORY = 'octo-org/shop'
/** Who opens same-repository pull requests and pushes, by default. */
export const DEVELOPER = 'octo-dev'
/** Who opens pull requests from a fork (a-contributor/shop), by default. */
export const CONTRIBUTOR = 'a-contributor'
/** Who merges pull requests, by default: the sender of a merged pull request's closed event. */
export const MAINTAINER = 'octo-maintainer'
export const DEPENDABOT = 'dependabot[bot]'
export const VERCEL_BOT = 'vercel[bot]'

/** The ids GitHub gives these apps' bot accounts (dependabot[bot] 49699333, vercel[bot] 35613825, as in public API answers). */
export const BOT_IDS: Record<string, number> = {
  [DEPENDABOT]: 49699333,
  [VERCEL_BOT]: 35613825,
  'github-actions[bot]': 41898282
}

/** When things happened: fixed, so that payloads are the same on every run. */
export const CREATED = '2026-01-15T09:12:44Z'
export const UPDATED = '2026-01-15T09:30:02Z'

/** Where an event happens, common to all builders. */
export interface EventTarget {
  /** owner/name of the repository the workflow runs in. Default: octo-org/shop. */
  repository?: string
  /** GITHUB_API_URL for the run (the GitHub stand-in's), when the action is to call GitHub. */
  apiUrl?: string
}

/** A 40-hex commit id derived from a seed: stable and distinct per seed. */
export function commitSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

export function numberOf(seed: string, below = 900_000_000): number {
  return 100_000 + (parseInt(commitSha(seed).slice(0, 8), 16) % below)
}

export function split(repository: string): [owner: string, name: string] {
  const [owner = '', name = ''] = repository.split('/')
  return [owner, name]
}

/** A user or bot account as webhook payloads carry it (sender, user, creator), trimmed. */
export function account(login: string, type?: 'User' | 'Organization'): Json {
  const bot = login.endsWith('[bot]')
  const id = BOT_IDS[login] ?? numberOf(`user:${login}`)
  return {
    login,
    id,
    avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in' : 'u'}/${id}?v=4`,
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: bot ? `https://github.com/apps/${login.slice(0, -'[bot]'.length)}` : `https://github.com/${login}`,
    type: bot ? 'Bot' : (type ?? 'User'),
    site_admin: false
  }
}

/** A repository as payloads carry it (repository, pull_request.head.repo, .base.repo), trimmed. */
export function repositoryObject(fullName: string, fork = false): Json {
  const [owner, name] = split(fullName)
  return {
    id: numberOf(`repo:${fullName}`),
    name,
    full_name: fullName,
    private: false,
    owner: account(owner, fork ? 'User' : 'Organization'),
    html_url: `https://github.com/${fullName}`,
    fork,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: 'main',
    visibility: 'public'
  }
}

export function withApiUrl(event: GitHubEvent, apiUrl: string | undefined): GitHubEvent {
  return apiUrl ? { ...event, apiUrl } : event
}

// ---------------------------------------------------------------------------------------------------
// pull_request and pull_request_target
