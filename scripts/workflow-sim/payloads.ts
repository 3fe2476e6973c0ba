/**
 * Plausible webhook payloads for the events the examples run on, shaped as GitHub sends them (only the
 * fields workflows and the action read), for tests that simulate a workflow run.
 */
export interface PayloadOptions {
  /** The activity type (payload.action), e.g. opened or closed for pull_request. */
  action?: string
  repository?: string
  /** The pull request's number, 7 by default. */
  number?: number
  /** For deployment_status: the deployment's state (success by default) and URL. */
  state?: string
  environmentUrl?: string
  /** For workflow_dispatch: the inputs given, as strings. */
  inputs?: Record<string, string>
}

const SHA = '0123456789abcdef0123456789abcdef01234567'
const HEAD_SHA = 'fedcba9876543210fedcba9876543210fedcba98'

export function examplePayload(eventName: string, options: PayloadOptions = {}): Record<string, unknown> {
  const fullName = options.repository ?? 'octo-org/shop'
  const repository = {
    full_name: fullName,
    name: fullName.split('/')[1],
    owner: { login: fullName.split('/')[0] },
    default_branch: 'main'
  }
  const common = { repository, sender: { login: 'octocat', type: 'User' } }
  const number = options.number ?? 7
  switch (eventName) {
    case 'push':
      return { ...common, ref: 'refs/heads/main', before: SHA, after: HEAD_SHA, base_ref: null }
    case 'pull_request':
    case 'pull_request_target': {
      const action = options.action ?? 'opened'
      const closed = action === 'closed'
      const pullRequest = {
        number,
        state: closed ? 'closed' : 'open',
        merged: false,
        merge_commit_sha: SHA,
        head: { ref: `feature-${number}`, sha: HEAD_SHA, repo: { full_name: fullName } },
        base: { ref: 'main', sha: SHA, repo: { full_name: fullName } }
      }
      return { ...common, action, number, pull_request: pullRequest }
    }
    case 'deployment_status': {
      const url = options.environmentUrl ?? `https://shop-git-feature-${number}.vercel.app`
      return {
        ...common,
        action: 'created',
        deployment_status: {
          state: options.state ?? 'success',
          environment: 'Preview',
          environment_url: url,
          target_url: url
        },
        deployment: { ref: `feature-${number}`, sha: HEAD_SHA, environment: 'Preview', task: 'deploy' }
      }
    }
    case 'workflow_dispatch':
      return {
        ...common,
        ref: 'refs/heads/main',
        inputs: options.inputs ?? {},
        workflow: '.github/workflows/example.yml'
      }
    case 'schedule':
      return { schedule: '17 3 * * *' }
    default:
      return { ...common, ...(options.action ? { action: options.action } : {}) }
  }
}
