/**
 * The GitHub stand-in's pull requests: the fixture type, reading fixtures from JSON (PUT /_github/pulls)
 * or from a `--pull-request NUMBER:STATE[:SHA,…[:REF]]` flag, and presenting one as GitHub's REST API does
 * (GET /repos/{owner}/{repo}/commits/{sha}/pulls answers "simple pull request" objects).
 */

export interface PullRequestFixture {
  number: number
  state: 'open' | 'closed' | 'merged'
  /** Commits this pull request holds, oldest first: the last one is its head. */
  shas?: string[]
  /** The head branch's name; default `pr-<number>`. */
  ref?: string
}

const STATES = ['open', 'closed', 'merged'] as const
const SHA = /^[0-9a-f]{7,40}$/
/** A branch name: letters, digits, `_`, `.`, `/` and `-`, without "..". Git takes more; a stand-in needs no more. */
const REF = /^(?!.*\.\.)[\w./-]{1,255}$/

/** Why a list of fixtures is refused, or undefined when it is one. */
export function pullRequestProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'the body must be a JSON array of pull requests'
  const seen = new Set<number>()
  for (const [index, item] of value.entries()) {
    const problem = fixtureProblem(item)
    if (problem) return `pull request ${index}: ${problem}`
    const { number } = item as PullRequestFixture
    if (seen.has(number)) return `pull request ${index}: number ${number} is given twice`
    seen.add(number)
  }
  return undefined
}

function fixtureProblem(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'must be an object'
  const { number, state, shas, ref } = item as Record<string, unknown>
  if (!Number.isSafeInteger(number) || (number as number) < 1) return 'number must be a whole number ≥ 1'
  if (!STATES.includes(state as PullRequestFixture['state'])) return `state must be one of ${STATES.join(', ')}`
  if (shas !== undefined && (!Array.isArray(shas) || !shas.every((sha) => typeof sha === 'string' && SHA.test(sha)))) {
    return 'shas must be an array of commit SHAs (7 to 40 lower-case hex digits)'
  }
  if (ref !== undefined && (typeof ref !== 'string' || !REF.test(ref))) return 'ref must be a branch name'
  return undefined
}

/** Keeps only the fixture's own fields, so that what is stored is what is shown. */
export function copyFixture({ number, state, shas, ref }: PullRequestFixture): PullRequestFixture {
  return { number, state, ...(shas && { shas: [...shas] }), ...(ref !== undefined && { ref }) }
}

/** `42:open`, `42:merged:<sha>,<sha>` or `42:open:<sha>:feature-x`, as the CLI's --pull-request takes it. */
export function parsePullRequestFlag(text: string): PullRequestFixture {
  const [number = '', state = '', shas = '', ...rest] = text.split(':')
  const ref = rest.join(':')
  const fixture = {
    number: /^[0-9]+$/.test(number) ? Number(number) : NaN,
    state,
    ...(shas && { shas: shas.split(',') }),
    ...(ref && { ref })
  }
  const problem = fixtureProblem(fixture)
  if (problem) throw new Error(`--pull-request must be NUMBER:STATE[:SHA,…[:REF]], not "${text}": ${problem}`)
  return fixture as PullRequestFixture
}

/** A pull request as GET /repos/{owner}/{repo}/commits/{sha}/pulls lists it: the fields a client reads. */
export function presentPullRequest(
  pull: PullRequestFixture,
  repository: string,
  apiUrl: string
): Record<string, unknown> {
  const repo = { full_name: repository, name: repository.split('/')[1] }
  return {
    url: `${apiUrl}/repos/${repository}/pulls/${pull.number}`,
    number: pull.number,
    // GitHub's REST API has no "merged" state: a merged pull request is closed, with merged_at set.
    state: pull.state === 'open' ? 'open' : 'closed',
    title: `Pull request #${pull.number}`,
    merged_at: pull.state === 'merged' ? '2024-01-01T00:00:00Z' : null,
    head: { ref: pull.ref ?? `pr-${pull.number}`, sha: pull.shas?.at(-1) ?? null, repo },
    base: { ref: 'main', repo }
  }
}
