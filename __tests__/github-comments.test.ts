/**
 * Which comment is the step's, as boundary/github-comments.ts reads GitHub's answers: the author must be the
 * token's identity, however GitHub spells a bot (GraphQL's viewer says "github-actions", REST's comments
 * "github-actions[bot]"), and nothing else may pass for it.
 */
import { describe, expect, it } from 'vitest'
import { isAuthoredBy, parseCommentPage, parseViewer, type IssueComment } from '../src/boundary/github-comments.js'

const by = (author: string | undefined, authorIsBot: boolean): IssueComment => ({
  id: 1,
  body: '',
  authorIsBot,
  ...(author !== undefined && { author })
})

describe('isAuthoredBy', () => {
  it.each([
    ['the same login', by('github-actions[bot]', true), 'github-actions[bot]', true],
    ["the same login in another case (GitHub's logins ignore case)", by('Octo-Bot', false), 'octo-bot', true],
    ["a bot whose viewer GraphQL names by its app's slug", by('github-actions[bot]', true), 'github-actions', true],
    ['a user named like that slug plus [bot], not a Bot', by('github-actions[bot]', false), 'github-actions', false],
    ['a user whose login is the bot without [bot]', by('github-actions', false), 'github-actions[bot]', false],
    ['another bot', by('renovate[bot]', true), 'github-actions[bot]', false],
    ['a deleted account', by(undefined, false), 'github-actions[bot]', false]
  ])('%s', (_, comment, viewer, ours) => {
    expect(isAuthoredBy(comment, viewer)).toBe(ours)
  })
})

describe('parseCommentPage', () => {
  const doing = 'reading the comments of pull request #7'

  it('keeps id, body, author and whether it is a bot; a null user or body, or an odd login, is no one', () => {
    expect(
      parseCommentPage(
        [
          {
            id: 1,
            body: 'a',
            user: { login: 'github-actions[bot]', type: 'Bot' },
            html_url: 'https://github.com/o/r/pull/7#c1'
          },
          { id: 2, body: null, user: null },
          { id: 3, body: 'b', user: { login: 'not a login', type: 'Alien' }, html_url: 'javascript:alert(1)' }
        ],
        doing
      )
    ).toEqual([
      { id: 1, body: 'a', author: 'github-actions[bot]', authorIsBot: true, url: 'https://github.com/o/r/pull/7#c1' },
      { id: 2, body: '', authorIsBot: false },
      { id: 3, body: 'b', authorIsBot: false }
    ])
  })

  it.each([
    [{ message: 'Not Found' }, "GitHub's answer while reading the comments of pull request #7 is not a list."],
    [
      [{ id: 0, body: '' }],
      "GitHub's answer while reading the comments of pull request #7 has [0].id that is not a comment id."
    ],
    [[{ body: '' }], "GitHub's answer while reading the comments of pull request #7 has no [0].id."],
    [
      [{ id: 1, body: ['x'] }],
      "GitHub's answer while reading the comments of pull request #7 has [0].body that is not text."
    ]
  ])('refuses %j, naming the field and never quoting it', (data, message) => {
    expect(() => parseCommentPage(data, doing)).toThrow(message)
  })

  it('refuses a viewer without a login', () => {
    expect(parseViewer({ viewer: { login: 'github-actions[bot]' } }, 'asking')).toBe('github-actions[bot]')
    expect(() => parseViewer({ viewer: null }, 'asking')).toThrow("GitHub's answer while asking has viewer that is not")
  })
})
