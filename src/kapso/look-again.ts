import type { Deadline } from '../deadline.js'
import * as log from '../log.js'

/**
 * Looking again for what a create made. Kapso's lists may show a new webhook only seconds after its
 * create, so a first list that does not show it proves nothing: before the create is sent again (or its
 * unreadable answer given up on), the scope is listed again, PAUSES.length times, further apart each
 * time: 1 + 2 + 3 + 4 paces, 10 s at the default pace of 1 s. Ten seconds covers a lag of "seconds"
 * several times over, and is what one lost answer may cost a step; never past the step's deadline.
 */
export interface LookAgainPolicy {
  /** The pace of the looks: the retries' first backoff (1 s; tests shorten it). */
  paceMs: number
  deadline?: Deadline
}

const PAUSES = [1, 2, 3, 4]

/** Over all the looks again, in milliseconds. */
export function lookAgainMs(policy: LookAgainPolicy): number {
  return PAUSES.reduce((sum, n) => sum + n * policy.paceMs, 0)
}

/**
 * The first thing `look` finds: at once, or on looking again. `missing` is what to say when the first
 * look finds nothing ("No webhook … is listed yet."); `then` what happens if none turns up ("sending it again").
 */
export async function lookAgain<T>(
  look: () => Promise<T | undefined>,
  policy: LookAgainPolicy,
  missing: string,
  then: string
): Promise<T | undefined> {
  const first = await look()
  if (first !== undefined) return first
  const total = seconds(lookAgainMs(policy))
  log.info(
    `${missing} Kapso's lists may show a new webhook only seconds after its create: looking again for up to ${total} ` +
      `s before ${then}.`
  )
  const started = Date.now()
  for (const n of PAUSES) {
    const pauseMs = n * policy.paceMs
    if (policy.deadline && pauseMs >= policy.deadline.remainingMs()) {
      log.info(
        `Stopped looking after ${seconds(Date.now() - started)} s, as the step's time (timeout-seconds: ` +
          `${policy.deadline.seconds}) is nearly up, and ${then}.`
      )
      return undefined
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs))
    const found = await look()
    if (found !== undefined) return found
  }
  log.info(`Still none listed after ${total} s: taking it that there is none, and ${then}.`)
  return undefined
}

/** "10", "0.2", "1.5": seconds for a message. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}
