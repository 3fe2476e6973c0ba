/**
 * The whole step's time bound (the timeout-seconds input): every attempt, every wait between attempts,
 * every page and every reconciling list takes its time from here.
 */
export class Deadline {
  private readonly endsAt: number

  constructor(
    readonly seconds: number,
    now = Date.now()
  ) {
    this.endsAt = now + seconds * 1000
  }

  /** Milliseconds left, never below 0. */
  remainingMs(now = Date.now()): number {
    return Math.max(0, this.endsAt - now)
  }
}

/** The step ran out of time: what it was doing when it did, and whether that may have reached the server. */
export class StepTimeout extends Error {
  constructor(
    readonly doing: string,
    readonly mayHaveApplied: boolean,
    readonly seconds: number
  ) {
    super(`The step ran out of time (timeout-seconds: ${seconds}) while ${doing}.`)
    this.name = 'StepTimeout'
  }
}
