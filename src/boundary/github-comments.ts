import * as v from 'valibot'
import { hasControl } from '../text.js'
import { GITHUB_LOGIN } from './github.js'
import { listOfAtMost, parseAnswer, wholeNumber } from './parse.js'

/**
 * GitHub's answers about a pull request's comments (REST: issue comments), and who the token is (GraphQL
 * `viewer`), defined by schema. Only what deciding which comment is the step's needs is kept: its id, its
 * author, its body, its address.
 */

/** Comments are asked for 100 a page (per_page): a page that holds more is refused unread. */
export const COMMENTS_PER_PAGE = 100
/** GitHub takes a comment of at most 65,536 characters; a body four times that is no comment of GitHub's. */
export const MAX_COMMENT_BODY = 4 * 65_536

const login = v.pipe(v.string('a login'), v.regex(GITHUB_LOGIN, 'a login'))
const commentId = v.pipe(wholeNumber('a comment id'), v.minValue(1, 'a comment id'))
/** The comment's address on github.com (or the server the run is on), only to print: https and printable. */
const htmlUrl = v.pipe(
  v.string(),
  v.check((s) => s.length <= 2048 && !hasControl(s) && /^https:\/\/[^\s/]+\//.test(s))
)

const commentSchema = v.object(
  {
    id: commentId,
    body: v.nullish(v.pipe(v.string('text'), v.maxLength(MAX_COMMENT_BODY, 'text of at most 262,144 characters'))),
    // A deleted account's comments have user null; a login of another form is no one this step can be.
    user: v.fallback(
      v.nullish(
        v.object({
          login: v.fallback(v.optional(login), undefined),
          type: v.fallback(v.optional(v.picklist(['User', 'Bot', 'Organization', 'Mannequin'])), undefined)
        })
      ),
      undefined
    ),
    html_url: v.fallback(v.optional(htmlUrl), undefined)
  },
  'a comment'
)
const commentPageSchema = listOfAtMost(commentSchema, COMMENTS_PER_PAGE)

/** A comment on a pull request, as the step reads it. */
export interface IssueComment {
  id: number
  body: string
  /** Its author's login (a bot's ends in [bot]); undefined for a deleted account. */
  author?: string
  authorIsBot: boolean
  /** Where it is shown, for the log. */
  url?: string
}

function toComment(comment: v.InferOutput<typeof commentSchema>): IssueComment {
  return {
    id: comment.id,
    body: comment.body ?? '',
    ...(comment.user?.login !== undefined && { author: comment.user.login }),
    authorIsBot: comment.user?.type === 'Bot',
    ...(comment.html_url !== undefined && { url: comment.html_url })
  }
}

/** One page of a pull request's comments (GET /repos/{owner}/{repo}/issues/{number}/comments). */
export function parseCommentPage(data: unknown, doing: string): IssueComment[] {
  return parseAnswer(commentPageSchema, data, 'GitHub', doing).map(toComment)
}

/** The comment GitHub answers a create (POST) or an update (PATCH) with. */
export function parseComment(data: unknown, doing: string): IssueComment {
  return toComment(parseAnswer(commentSchema, data, 'GitHub', doing))
}

const viewerSchema = v.object({ viewer: v.object({ login }, 'an object with login') }, 'an object with viewer')

/** Who the token is (GraphQL `{ viewer { login } }`): a user's login, or an app's bot, like github-actions[bot]. */
export function parseViewer(data: unknown, doing: string): string {
  return parseAnswer(viewerSchema, data, 'GitHub', doing).viewer.login
}

/**
 * Whether a comment is by the token's identity. GraphQL names a bot by its app's slug ("github-actions"),
 * REST by its login ("github-actions[bot]"): a viewer without [bot] is that bot only when REST says the
 * author is a Bot. Nothing else counts, so that no one else's comment is ever taken for the step's.
 */
export function isAuthoredBy(comment: IssueComment, viewer: string): boolean {
  const author = comment.author
  if (author === undefined) return false
  if (author.toLowerCase() === viewer.toLowerCase()) return true
  return comment.authorIsBot && !viewer.endsWith('[bot]') && author.toLowerCase() === `${viewer.toLowerCase()}[bot]`
}
