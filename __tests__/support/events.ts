/**
 * A fixture event (scripts/github-events.ts) as the action's own code sees it: the GitHubContext that
 * readGitHubContext makes of the runner's variables, for tests that call an operation directly rather than
 * spawn the bundle with the event.
 */
import type { GitHubEvent } from '../../scripts/run-action.js'
import { parseEvent } from '../../src/boundary/github.js'
import type { GitHubContext } from '../../src/github/context.js'

export function contextOf(event: GitHubEvent): GitHubContext {
  return {
    ...parseEvent(event.payload),
    eventName: event.eventName,
    repository: event.repository,
    ...(event.actor && { actor: event.actor })
  }
}
