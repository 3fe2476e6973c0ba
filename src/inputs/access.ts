/** The secrets among the inputs (masked before anything else is read), and whether the run may act at all. */
import { isDependabotRun, isForkPullRequest, type GitHubContext } from '../github/context.js'
import { maskSecret } from '../secrets.js'
import { readInput, type Fail } from './values.js'
import { MIN_SECRET_KEY_LENGTH } from './webhook.js'

/** Records what is wrong with api-key; returns why the step skips when the run gets no secrets and it is empty. */
export function checkApiKey(apiKey: string, context: GitHubContext, fail: Fail): string | undefined {
  const noSecrets = apiKey ? undefined : skipReason(context)
  if (!apiKey && !noSecrets)
    fail('api-key is required: pass your Kapso project API key, e.g. ${{ secrets.KAPSO_API_KEY }}.')
  else if (/\s/.test(apiKey)) fail('api-key contains white space or a line break: paste the key alone.')
  return noSecrets
}

export interface Secrets {
  apiKey: string
  githubToken: string
}

/** The inputs that are secrets, masked before anything else is read. */
export function readSecrets(): Secrets {
  const apiKey = readInput('api-key')
  maskSecret(apiKey)
  const secretKey = readInput('secret-key')
  // A secret-key too short to take is refused by readDesiredWebhook, unmasked: masking it would blank every
  // such letter or word of the log, this step's messages included (the runner masks it anyway when it comes
  // from secrets).
  if (secretKey.length >= MIN_SECRET_KEY_LENGTH) maskSecret(secretKey)
  const githubToken = readInput('github-token')
  maskSecret(githubToken)
  return { apiKey, githubToken }
}

/**
 * Runs that GitHub gives no Actions secrets: a pull request from a fork, and a run Dependabot started
 * (it gets Dependabot's secrets only). There an empty api-key means "skip", not "fail".
 */
function skipReason(context: GitHubContext): string | undefined {
  if (isForkPullRequest(context)) {
    return (
      'api-key is empty: this run is for a pull request from a fork, and GitHub gives such runs no secrets. ' +
      'Nothing was done.'
    )
  }
  if (isDependabotRun(context)) {
    return (
      "api-key is empty: Dependabot started this run, and GitHub gives Dependabot's runs only Dependabot secrets. " +
      'Nothing was done. ' +
      "To give Dependabot's pull requests a webhook too, add KAPSO_API_KEY under " +
      'Settings → Secrets and variables → Dependabot.'
    )
  }
  return undefined
}
