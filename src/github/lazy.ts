import type { PullRequestApi } from './types.js'
import { loadHttpClient } from '../shims/http-client.js'
import { useUndici } from '../shims/undici.js'
import type { GitHubApiOptions } from './api.js'

/**
 * GitHub's API, loaded on the first call, or when `prepare` is called (sweep calls it before it lists
 * Kapso, so that loading and connecting overlap the list): most runs never call GitHub, and @actions/github
 * brings Octokit, undici (see shims/undici.ts) and @actions/http-client (see shims/http-client.ts). ncc
 * puts each dynamic import in a chunk of its own that only such a call loads.
 */
export function lazyPullRequestApi(options: GitHubApiOptions): PullRequestApi {
  let loading: Promise<PullRequestApi> | undefined
  const api = (): Promise<PullRequestApi> => (loading ??= load(options))
  return {
    pullRequestStates: async (numbers) => (await api()).pullRequestStates(numbers),
    pullRequestsWith: async (sha) => (await api()).pullRequestsWith(sha),
    // A failure to load is the first call's to report: here it is only waited on.
    prepare: () =>
      void api().then(
        (loaded) => loaded.prepare?.(),
        () => undefined
      )
  }
}

async function load(options: GitHubApiOptions): Promise<PullRequestApi> {
  // The real undici and http-client first: @actions/github builds its proxy dispatcher while it loads.
  const undici = (await import('undici/index.js')) as unknown as {
    default?: Parameters<typeof useUndici>[0]
  } & Parameters<typeof useUndici>[0]
  useUndici(undici.default ?? undici)
  await loadHttpClient()
  const { GitHubApi } = await import('./api.js')
  return new GitHubApi(options)
}
