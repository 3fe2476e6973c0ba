/** A failure with a message a user can act on: it goes to the log as it is. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'ActionError'
  }
}

/** A service's final answer that is not a success; the caller turns it into a message. `body` is unparsed. */
export class StatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`HTTP ${status}`)
    this.name = 'StatusError'
  }
}
