import * as core from '@actions/core'
import { ActionError } from './errors.js'
import { redact } from './secrets.js'
import { escapeControl } from './text.js'

/**
 * Every line, annotation and output this action writes goes through here. The texts are built from
 * parsed values, and text from outside is escaped where it is read; this is the last guard: no control
 * character but the line breaks of an annotation, and no known secret nor any 10+ character fragment of
 * one, ever leaves (the runner masks whole values only).
 */
function line(text: string): string {
  return neutralise(escapeControl(redact(text)))
}

/**
 * The runner still obeys the old `##[command]data` form anywhere in a line (`##[stop-commands]` would let
 * a later `::add-mask::` print its secret): no text written here can hold one.
 */
function neutralise(text: string): string {
  return text.replace(/##\[/g, '##\\[')
}

/** An annotation keeps its line breaks: @actions/core writes them as %0A, inside the one command. */
function annotation(text: string): string {
  return text.split('\n').map(line).join('\n')
}

/** One log line: a line break in the text is escaped, never a new line that the runner would parse. */
export function info(text: string): void {
  core.info(line(text))
}

export function debug(text: string): void {
  core.debug(line(text))
}

export function notice(text: string): void {
  core.notice(annotation(text))
}

export function warning(text: string): void {
  core.warning(annotation(text))
}

export function fail(text: string): void {
  core.setFailed(annotation(text))
}

/**
 * Writes the step's outputs, all of them at once, once the operation has succeeded. `verbatim` names the
 * outputs written as they are (control characters escaped only): the secret-key, a secret on purpose and
 * masked already, and the values the boundary parsed (ids, results, URLs, counts), which a later step
 * reads and which no redaction may rewrite. Any other output is free text and is guarded like a line.
 */
export function setOutputs(outputs: Record<string, string>, verbatim: readonly string[] = []): void {
  for (const [name, value] of Object.entries(outputs)) {
    toRunnerFile('GITHUB_OUTPUT', "the step's outputs", () =>
      core.setOutput(name, verbatim.includes(name) ? escapeControl(value) : line(value))
    )
  }
}

/** Saves a value for the post step (GITHUB_STATE). The value is the action's own JSON, never shown. */
export function saveState(name: string, value: string): void {
  toRunnerFile('GITHUB_STATE', 'what the post step is to clean up', () => core.saveState(name, value))
}

/** A write to a file the runner names: when it fails, the message says which file, and that the runner owns it. */
function toRunnerFile(variable: string, what: string, write: () => void): void {
  try {
    write()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    throw new ActionError(
      `Could not write ${what} to the file ${variable} ` +
        `names${typeof code === 'string' && /^E[A-Z]{2,12}$/.test(code) ? ` (${code})` : ''}: ` +
        `the runner sets ${variable} and makes that file; check that it exists and is writable (a step that changed ` +
        `it or its folder, or a full disk).`
    )
  }
}
