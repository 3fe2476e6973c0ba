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
  return escapeControl(redact(text))
}

/** An annotation keeps its line breaks: @actions/core writes them as %0A, inside the one command. */
function annotation(text: string): string {
  return text.split('\n').map(line).join('\n')
}

export function info(text: string): void {
  for (const part of text.split('\n')) core.info(line(part))
}

export function debug(text: string): void {
  for (const part of text.split('\n')) core.debug(line(part))
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
