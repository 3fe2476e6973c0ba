import { GitHubApi, type GitHubApiOptions } from './api.js'
import { GitHubComments } from './comments.js'
import type { CommentApi, PullRequestApi } from './types.js'

/**
 * GitHub's pull requests and their comments over one Octokit: the one module github/lazy.ts loads, so that
 * ncc makes one chunk of it (a dynamic import each of api.ts and comments.ts made two, both holding api.ts).
 */
export function openGitHub(options: GitHubApiOptions): PullRequestApi & CommentApi {
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
