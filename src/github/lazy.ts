import type { CommentApi, PullRequestApi } from './types.js'
import { loadHttpClient } from '../shims/http-client.js'
import { useUndici } from '../shims/undici.js'
import type { GitHubApiOptions } from './api.js'

/** What the action asks GitHub: its pull requests, and (with comment on) their comments. */
export interface LazyGitHub {
  pulls: PullRequestApi
  comments: CommentApi
}

/**
 * GitHub's API, loaded on the first call, or when `pulls.prepare` is called (sweep calls it before it lists
 * Kapso, so that loading and connecting overlap the list): most runs never call GitHub, and @actions/github
 * brings Octokit, undici (see shims/undici.ts) and @actions/http-client (see shims/http-client.ts). ncc
 * puts each dynamic import in a chunk of its own that only such a call loads. Both halves share one client.
 */
export function lazyGitHub(options: GitHubApiOptions): LazyGitHub {
  let loading: Promise<PullRequestApi & CommentApi> | undefined
  const api = (): Promise<PullRequestApi & CommentApi> => (loading ??= load(options))
  return {
    pulls: {
      pullRequestStates: async (numbers) => (await api()).pullRequestStates(numbers),
      pullRequestsWith: async (sha) => (await api()).pullRequestsWith(sha),
      // A failure to load is the first call's to report: here it is only waited on.
      prepare: () =>
        void api().then(
          (loaded) => loaded.prepare?.(),
          () => undefined
        )
    },
    comments: {
      findComment: async (pullRequest, marker) => (await api()).findComment(pullRequest, marker),
      createComment: async (pullRequest, body, marker) => (await api()).createComment(pullRequest, body, marker),
      updateComment: async (id, body) => (await api()).updateComment(id, body)
    }
  }
}

async function load(options: GitHubApiOptions): Promise<PullRequestApi & CommentApi> {
  // The real undici and http-client first: @actions/github builds its proxy dispatcher while it loads.
  const undici = (await import('undici/index.js')) as unknown as {
    default?: Parameters<typeof useUndici>[0]
  } & Parameters<typeof useUndici>[0]
  useUndici(undici.default ?? undici)
  await loadHttpClient()
  const { GitHubApi } = await import('./api.js')
  const { GitHubComments } = await import('./comments.js')
  const api = new GitHubApi(options)
  const comments = new GitHubComments(api)
  return {
    pullRequestStates: (numbers) => api.pullRequestStates(numbers),
    pullRequestsWith: (sha) => api.pullRequestsWith(sha),
    prepare: () => api.prepare(),
    findComment: (pullRequest, marker) => comments.findComment(pullRequest, marker),
    createComment: (pullRequest, body, marker) => comments.createComment(pullRequest, body, marker),
    updateComment: (id, body) => comments.updateComment(id, body)
  }
}
