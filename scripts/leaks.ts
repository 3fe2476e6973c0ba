/**
 * The leak scanner for spawned-bundle runs. A secret may appear in the step's output only in its own
 * `::add-mask::` command, and that command must come before any other line that could carry it. The
 * runner masks whole values only, so any run of 10 or more characters of a secret, anywhere else, is a
 * leak too: a message cut short can show the front half of a key.
 * Returns one line per problem, with the secret's characters replaced, so that a failing test leaks nothing.
 */
import { runnerProcess } from './runner-sim.js'

const FRAGMENT = 10

export function findLeaks(log: string, secrets: string[]): string[] {
  const problems: string[] = []
  // The lines as the runner splits them, and which of them it obeys as commands (scripts/runner-sim.ts).
  const { lines, obeyedLines: obeyed } = runnerProcess(log)
  for (const [index, secret] of secrets.entries()) {
    if (secret.length < FRAGMENT) throw new Error(`secret #${index} is too short to scan for reliably`)
    let masked = false
    lines.forEach((line, number) => {
      if (line === `::add-mask::${secret}` && obeyed[number]) {
        masked = true
        return
      }
      if (line === `::add-mask::${secret}`) {
        problems.push(
          `secret #${index} on line ${number + 1}: its ::add-mask:: comes while the runner obeys no commands, so it is printed`
        )
        return
      }
      if (line.startsWith('::add-mask::')) return
      const found = longestFragment(line, secret)
      if (found === secret.length) {
        problems.push(
          `secret #${index} on line ${number + 1}${masked ? '' : ', before its mask'}: ${hide(line, secret)}`
        )
      } else if (found >= FRAGMENT) {
        problems.push(`${found} characters of secret #${index} on line ${number + 1}: ${hide(line, secret)}`)
      }
    })
  }
  return problems
}

/** The length of the longest run of `secret` (FRAGMENT characters or more) that `line` holds; 0 when none. */
export function longestFragment(line: string, secret: string): number {
  let longest = 0
  for (let start = 0; start + FRAGMENT <= secret.length; start++) {
    let length = FRAGMENT
    if (!line.includes(secret.slice(start, start + length))) continue
    while (start + length < secret.length && line.includes(secret.slice(start, start + length + 1))) length++
    longest = Math.max(longest, length)
  }
  return longest
}

/**
 * The line with every run of the secret it holds (FRAGMENT characters or more) replaced by one <secret>,
 * for the report. Every window is looked for in the line as it was: replacing one window at a time would
 * break the overlapping ones and leave the secret's tail readable.
 */
function hide(line: string, secret: string): string {
  const hidden = new Array<boolean>(line.length).fill(false)
  for (let start = 0; start + FRAGMENT <= secret.length; start++) {
    const window = secret.slice(start, start + FRAGMENT)
    for (let at = line.indexOf(window); at !== -1; at = line.indexOf(window, at + 1))
      hidden.fill(true, at, at + FRAGMENT)
  }
  return line
    .split('')
    .map((c, i) => (!hidden[i] ? c : i === 0 || !hidden[i - 1] ? '<secret>' : ''))
    .join('')
}

/** Whether the log registers a mask for this value. */
export function isMasked(log: string, secret: string): boolean {
  return log.split(/\r?\n/).includes(`::add-mask::${secret}`)
}
