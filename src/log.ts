import * as core from '@actions/core'
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
 * Writes the step's outputs, all of them at once, once the operation has succeeded. `secretOutputs` name
 * the outputs whose value is a secret on purpose (masked already, so the runner hides it in the log).
 */
export function setOutputs(outputs: Record<string, string>, secretOutputs: readonly string[] = []): void {
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, secretOutputs.includes(name) ? escapeControl(value) : line(value))
  }
}
