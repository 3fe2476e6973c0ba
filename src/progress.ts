/**
 * What this step has changed so far, in the order it happened: when the step fails half-way (out of time,
 * Kapso gave up), its message says what was done and what was not, so that nobody has to guess.
 */
export class Progress {
  private readonly done: string[] = []

  /** A change Kapso confirmed: "created webhook 6f…", "deleted webhook 1c…". */
  record(change: string): void {
    this.done.push(change)
  }

  /** Whether Kapso has confirmed any change yet. */
  get changedAnything(): boolean {
    return this.done.length > 0
  }

  /** "Done before that: created webhook 6f…." or "Nothing was changed before that." */
  describe(): string {
    return this.done.length === 0
      ? 'Nothing was changed in Kapso before that.'
      : `Done before that: ${this.done.join('; ')}.`
  }
}
