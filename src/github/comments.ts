import * as github from '@actions/github'
import {
  COMMENTS_PER_PAGE,
  isAuthoredBy,
  parseComment,
  parseCommentPage,
  parseViewer,
  type IssueComment
} from '../boundary/github-comments.js'
import { ActionError } from '../errors.js'
import { graphqlOutcome, type GitHubApi } from './api.js'
import type { CommentApi, PostedComment } from './types.js'

/**
 * COMMENT_BOUNDS: a pull request's comments are read 100 a page, to at most 10,000 comments and 64 MiB of
 * their text, far past any real pull request's. Past either, the step does not guess which comment is its
 * own (it could post a second one): it says so, and posts nothing.
 */
export const MAX_COMMENT_PAGES = 100
export const MAX_COMMENT_CHARACTERS = 64 * 1024 * 1024

/**
 * A pull request's comments, through GitHub's REST API (a pull request's comments are its issue's), and who
 * the token is, through GraphQL's `viewer` (REST's GET /user refuses an app's installation token, which
 * GITHUB_TOKEN is). Every answer is parsed by boundary/github-comments.ts before it is used.
 */
export class GitHubComments implements CommentApi {
  private viewer: Promise<string> | undefined

  constructor(private readonly api: GitHubApi) {}

  async findComment(pullRequest: number, marker: string): Promise<PostedComment | undefined> {
    const viewer = await (this.viewer ??= this.whoAmI())
    const { owner, repo } = github.context.repo
    const doing = `reading the comments of pull request #${pullRequest} of ${owner}/${repo}`
    let characters = 0
    for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
      const data = await this.api.send('GET', doing, (signal) =>
        this.api.octokit.rest.issues
          .listComments({
            owner,
            repo,
            issue_number: pullRequest,
            per_page: COMMENTS_PER_PAGE,
            page,
            request: { signal, redirect: 'error', fetch: this.api.fetch }
          })
          .then((r) => r.data as unknown)
      )
      const comments = parseCommentPage(data, doing)
      // GitHub lists comments oldest first: the first one that is ours is the one to keep up to date. Ours
      // begins with the marker: one that only quotes it (another workflow's, as the same bot) is not ours.
      const ours = comments.find((comment) => isAuthoredBy(comment, viewer) && comment.body.startsWith(marker))
      if (ours) return posted(ours)
      for (const comment of comments) characters += comment.body.length
      if (characters > MAX_COMMENT_CHARACTERS) throw tooMany(doing, `more than 64 MiB of comments`)
      if (comments.length < COMMENTS_PER_PAGE) return undefined
    }
    throw tooMany(doing, `more than ${(MAX_COMMENT_PAGES * COMMENTS_PER_PAGE).toLocaleString('en-US')} comments`)
  }

  async createComment(pullRequest: number, body: string, marker: string): Promise<PostedComment> {
    const { owner, repo } = github.context.repo
    const doing = `commenting on pull request #${pullRequest} of ${owner}/${repo}`
    const sent = await this.api.send<{ answer: unknown } | { found: PostedComment }>(
      'POST',
      doing,
      (signal) =>
        this.api.octokit.rest.issues
          .createComment({
            owner,
            repo,
            issue_number: pullRequest,
            body,
            request: { signal, redirect: 'error', fetch: this.api.fetch }
          })
          .then((r) => ({ answer: r.data as unknown })),
      // A create whose answer was lost may have made the comment: found by its marker, it is not made twice.
      {
        reconcile: async () => {
          const found = await this.findComment(pullRequest, marker)
          return found && { found }
        }
      }
    )
    return 'found' in sent ? sent.found : posted(parseComment(sent.answer, doing))
  }

  async updateComment(id: number, body: string): Promise<PostedComment> {
    const { owner, repo } = github.context.repo
    const doing = `updating comment ${id} of ${owner}/${repo}`
    const data = await this.api.send('PATCH', doing, (signal) =>
      this.api.octokit.rest.issues
        .updateComment({
          owner,
          repo,
          comment_id: id,
          body,
          request: { signal, redirect: 'error', fetch: this.api.fetch }
        })
        .then((r) => r.data as unknown)
    )
    return posted(parseComment(data, doing))
  }

  /** The token's login, asked once: a user's, or an app's bot (github-actions[bot] for GITHUB_TOKEN). */
  private async whoAmI(): Promise<string> {
    const doing = 'asking GitHub who github-token is'
    const data = await this.api.send(
      'GET',
      doing,
      (signal) =>
        this.api.octokit.graphql<unknown>('query { viewer { login } }', {
          request: { signal, redirect: 'error', fetch: this.api.fetch }
        }),
      { graphql: (error) => graphqlOutcome(error, [], doing) }
    )
    return parseViewer(data, doing)
  }
}

function posted(comment: IssueComment): PostedComment {
  return { id: comment.id, body: comment.body, ...(comment.url && { url: comment.url }) }
}

function tooMany(doing: string, what: string): ActionError {
  return new ActionError(
    `GitHub's answers while ${doing} hold ${what}: the step does not read on, nor guess which comment is its own.`
  )
}
