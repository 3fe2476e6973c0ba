/** deployment and deployment_status events, as Vercel, Netlify and Cloudflare Pages make them. */
import type { GitHubEvent } from '../run-action.js'
import {
  type Json,
  REPOSITORY,
  DEVELOPER,
  VERCEL_BOT,
  CREATED,
  UPDATED,
  type EventTarget,
  commitSha,
  numberOf,
  split,
  account,
  repositoryObject,
  withApiUrl
} from './common.js'

export type DeploymentPlatform = 'vercel' | 'netlify' | 'cloudflare-pages'
export type DeploymentState = 'success' | 'failure' | 'error' | 'pending' | 'in_progress' | 'queued' | 'inactive'

export interface DeploymentOptions extends EventTarget {
  environment: 'preview' | 'production'
  /** The deployed commit: deployment.sha. */
  sha: string
  /**
   * deployment.ref. Default as each platform sets it: Vercel and actions-netlify the commit sha itself,
   * cloudflare/pages-action the branch (`branch`).
   */
  ref?: string
  /** The branch that was deployed, for Cloudflare's ref. Default: main for production, feature/preview otherwise. */
  branch?: string
  /** The URL of this deployment. Default: a per-deployment URL of the platform's form, derived from sha. */
  url?: string
  /** The project's name on the platform. Default: the repository's name (shop). */
  project?: string
  /**
   * Vercel: the repository deploys to several Vercel projects (a monorepo), so Vercel names its environments
   * "Preview – <project>" and "Production – <project>" rather than "Preview" and "Production".
   */
  monorepo?: boolean
  /** Netlify and Cloudflare: who owns the token that created the deployment (the event's sender). Default: octo-dev. Vercel's is always vercel[bot]. */
  sender?: string
  /** deployment.id. Default: derived from sha. */
  id?: number
}

export interface DeploymentStatusOptions extends DeploymentOptions {
  state?: DeploymentState
}

interface PlatformDeployment {
  deployment: Json
  status: (state: DeploymentState) => Json
  sender: string
}

/** The environment name as GitHub shows it, and whether the deployment counts as production. */
function environmentOf(platform: DeploymentPlatform, options: DeploymentOptions, project: string): string {
  const production = options.environment === 'production'
  switch (platform) {
    case 'vercel':
      return `${production ? 'Production' : 'Preview'}${options.monorepo ? ` \u2013 ${project}` : ''}`
    case 'netlify':
      return production ? 'production' : 'pull request'
    case 'cloudflare-pages':
      return `${project} (${production ? 'Production' : 'Preview'})`
  }
}

/** A per-deployment URL of each platform's form, stable for a sha. */
function deploymentUrl(
  platform: DeploymentPlatform,
  options: DeploymentOptions,
  project: string,
  owner: string
): string {
  switch (platform) {
    case 'vercel':
      // <project>-<9 characters>-<team>.vercel.app: unique to the deployment (the branch alias is <project>-git-<branch>-<team>).
      return `https://${project}-${BigInt(`0x${commitSha(`vercel:${options.sha}`).slice(0, 12)}`)
        .toString(36)
        .padStart(9, '0')
        .slice(-9)}-${owner}.vercel.app`
    case 'netlify':
      // The deploy's permalink, <deploy id>--<site>.netlify.app (deploy ids are 24 hex); production is the site itself.
      return options.environment === 'production'
        ? `https://${project}.netlify.app`
        : `https://${commitSha(`netlify:${options.sha}`).slice(0, 24)}--${project}.netlify.app`
    case 'cloudflare-pages':
      // <first 8 hex of the deployment id>.<project>.pages.dev, for production deployments too; the branch
      // alias is <branch>.<project>.pages.dev (cloudflare-docs pages/configuration/preview-deployments.mdx).
      return `https://${cloudflareDeploymentId(options.sha).slice(0, 8)}.${project}.pages.dev`
  }
}

/** A Cloudflare Pages deployment id (a UUID), stable for a sha. */
function cloudflareDeploymentId(sha: string): string {
  const hex = commitSha(`cloudflare:${sha}`)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function platformDeployment(
  platform: DeploymentPlatform,
  options: DeploymentOptions
): PlatformDeployment & { repository: string } {
  const repository = options.repository ?? REPOSITORY
  const [owner, name] = split(repository)
  const project = options.project ?? name
  const production = options.environment === 'production'
  const environment = environmentOf(platform, options, project)
  const url = options.url ?? deploymentUrl(platform, options, project, owner)
  const branch = options.branch ?? (production ? 'main' : 'feature/preview')
  const id = options.id ?? numberOf(`deployment:${platform}:${options.sha}:${environment}`, 2_000_000_000)
  const sender = platform === 'vercel' ? VERCEL_BOT : (options.sender ?? DEVELOPER)
  const creator = account(sender)
  const deploymentApiUrl = `https://api.github.com/repos/${repository}/deployments/${id}`
  const deployment: Json = {
    url: deploymentApiUrl,
    id,
    task: 'deploy',
    sha: options.sha,
    ref: options.ref ?? (platform === 'cloudflare-pages' ? branch : options.sha),
    payload: {},
    original_environment: environment,
    environment,
    description: platform === 'cloudflare-pages' ? 'Cloudflare Pages' : null,
    creator,
    created_at: CREATED,
    updated_at: UPDATED,
    statuses_url: `${deploymentApiUrl}/statuses`,
    repository_url: `https://api.github.com/repos/${repository}`,
    transient_environment: false,
    // GitHub sets it for an environment named "production"; a Vercel "Production" deployment was seen with false.
    production_environment: platform === 'vercel' ? false : production,
    performed_via_github_app: null
  }
  const logUrl =
    platform === 'cloudflare-pages'
      ? `https://dash.cloudflare.com/${commitSha(`account:${owner}`).slice(0, 32)}/pages/view/${project}/${cloudflareDeploymentId(options.sha)}`
      : ''
  const status = (state: DeploymentState): Json => {
    // Vercel sets environment_url only on success (Vercel's arunoda, mootoday/www-mootoday-com#161); its
    // target_url is what workflows read as the preview's URL. The other two post success only, with the URL.
    const vercel = platform === 'vercel'
    const shown = vercel ? state === 'success' : true
    return {
      url: `${deploymentApiUrl}/statuses/${numberOf(`status:${id}:${state}`, 2_000_000_000)}`,
      id: numberOf(`status:${id}:${state}`, 2_000_000_000),
      state,
      creator,
      description: vercel
        ? state === 'success'
          ? 'Deployment has completed'
          : state === 'failure' || state === 'error'
            ? 'Deployment has failed'
            : ''
        : platform === 'cloudflare-pages'
          ? 'Cloudflare Pages'
          : '',
      environment,
      target_url: vercel ? url : logUrl,
      log_url: vercel ? url : logUrl,
      environment_url: shown ? url : '',
      created_at: UPDATED,
      updated_at: UPDATED,
      deployment_url: deploymentApiUrl,
      repository_url: `https://api.github.com/repos/${repository}`,
      performed_via_github_app: null
    }
  }
  return { repository, deployment, status, sender }
}

/**
 * A deployment_status event as each platform's GitHub side makes it. Which platforms make them at all:
 *
 * - Vercel's GitHub app creates a GitHub deployment per commit it builds, as vercel[bot], and posts its
 *   statuses: environment "Preview"/"Production" ("Preview – <project>" when several Vercel projects deploy
 *   one repository: patrickedqvist/wait-for-vercel-preview#16 and #47), ref and sha both the commit
 *   (a real Vercel deployment quoted in an ethresear.ch thread: ref == sha, payload {}, creator vercel[bot];
 *   listing deployments by branch finds none, cloudquery/cloudquery#5892), no pull request number anywhere.
 *   The sender, and so GITHUB_ACTOR, is vercel[bot]; the runner's GITHUB_REF is empty, the ref being a sha
 *   (events-that-trigger-workflows.md: "empty if created with a commit SHA").
 * - Netlify's own integration creates no GitHub deployments, only commit statuses and a pull request comment
 *   (FlowFuse/website#4459, simplefrontend.dev "How to deploy safely with Netlify"). This builds what
 *   nwtgck/actions-netlify (src/main.ts) creates with enable-github-deployment: environment "pull request" or
 *   "production", ref = the head sha, environment_url = the deploy's permalink. Made with GITHUB_TOKEN it
 *   would start no workflow, so the sender is the owner of a personal token (`sender`).
 * - Cloudflare Pages' Git integration reports through check runs and a pull request comment, not
 *   deployments (cloudflare/cloudflare-docs pages/configuration/git-integration/github-integration.mdx;
 *   rneopets/neofoodclub#921). This builds what cloudflare/pages-action (src/index.ts) creates when given a
 *   token: environment "<project> (Preview|Production)", ref = the branch, environment_url = the
 *   deployment's own <hash>.<project>.pages.dev, log_url = the dashboard.
 */
export function deploymentStatusEvent(platform: DeploymentPlatform, options: DeploymentStatusOptions): GitHubEvent {
  const { repository, deployment, status, sender } = platformDeployment(platform, options)
  const payload: Json = {
    action: 'created',
    deployment_status: status(options.state ?? 'success'),
    deployment,
    repository: repositoryObject(repository),
    sender: account(sender)
  }
  return withApiUrl({ eventName: 'deployment_status', repository, payload, actor: sender }, options.apiUrl)
}

/**
 * The deployment event that comes first, when the platform creates the deployment (before it builds: no
 * status, no URL yet). Shape: octokit/webhooks payload-examples/api.github.com/deployment/payload.json.
 */
export function deploymentEvent(platform: DeploymentPlatform, options: DeploymentOptions): GitHubEvent {
  const { repository, deployment, sender } = platformDeployment(platform, options)
  const payload: Json = {
    action: 'created',
    deployment,
    repository: repositoryObject(repository),
    sender: account(sender)
  }
  return withApiUrl({ eventName: 'deployment', repository, payload, actor: sender }, options.apiUrl)
}
