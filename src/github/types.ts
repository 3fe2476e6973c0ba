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
