import type { CommitPullRequest } from '../boundary/github.js'

/** What the action asks GitHub; github/api.ts is the real one. */
export interface PullRequestApi {
  /** 'open' or 'closed' for each pull request; undefined where GitHub has none such. */
  pullRequestStates(numbers: readonly number[]): Promise<Map<number, 'open' | 'closed' | undefined>>
  /** The pull requests, open and closed, that hold this commit. */
  pullRequestsWith(sha: string): Promise<CommitPullRequest[]>
  /** Starts loading the client and opening its connection, for calls that will come; never fails. */
  prepare?(): void
}

/** A comment the step posted or found: its id, and where it is shown. */
export interface PostedComment {
  id: number
  url?: string
  /** The body GitHub holds (to leave an unchanged comment alone). */
  body: string
}

/** What the action asks GitHub about a pull request's comments; github/comments.ts is the real one. */
export interface CommentApi {
  /**
   * The comment on the pull request that the token's identity wrote and that carries `marker`, the oldest
   * when several do; undefined when none does. Another author's comment never counts, marker or not.
   */
  findComment(pullRequest: number, marker: string): Promise<PostedComment | undefined>
  /** A new comment; a create whose outcome is unknown is looked for (by marker) before it is sent again. */
  createComment(pullRequest: number, body: string, marker: string): Promise<PostedComment>
  updateComment(id: number, body: string): Promise<PostedComment>
}
