/**
 * The leak scanner for spawned-bundle runs: a secret may appear in the step's output only in its own
 * `::add-mask::` command, and that command must come before any other line that could carry it.
 * Returns one line per problem, with the secret itself replaced, so that a failing test leaks nothing.
 */
export function findLeaks(log: string, secrets: string[]): string[] {
  const problems: string[] = []
  const lines = log.split(/\r?\n/)
  for (const [index, secret] of secrets.entries()) {
    if (secret.length < 8) throw new Error(`secret #${index} is too short to scan for reliably`)
    let masked = false
    lines.forEach((line, number) => {
      if (line === `::add-mask::${secret}`) {
        masked = true
        return
      }
      if (line.includes(secret)) {
        problems.push(`secret #${index} on line ${number + 1}${masked ? '' : ', before its mask'}: ${line.split(secret).join('<secret>')}`)
      }
    })
  }
  return problems
}

/** Whether the log registers a mask for this value. */
export function isMasked(log: string, secret: string): boolean {
  return log.split(/\r?\n/).includes(`::add-mask::${secret}`)
}
