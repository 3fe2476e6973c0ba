/**
 * Reads a manifest: the file, its YAML, each entry through the inputs' rules, and the rules across entries
 * (names unique; one entry per scope, kind and URL). Every problem is found before any request, and all are
 * reported at once, each with the file, the line, the entry and the field.
 */
import { readFileSync, statSync } from 'node:fs'
import { InputError } from '../inputs/types.js'
import { describeScope } from '../kapso/scope.js'
import { count } from '../text.js'
import { urlKey } from '../urls.js'
import { readEntry, type EntryContext } from './entry.js'
import type { Manifest, ManifestEntry } from './types.js'
import { parseEntries } from './yaml.js'

/** Far past any real manifest (a few hundred webhooks); a larger file is refused unread. */
export const MAX_MANIFEST_BYTES = 1024 * 1024

/**
 * The problems a message lists, in the file's order. A generated file with one mistake repeated in each of
 * thousands of entries would otherwise fail with megabytes of text, past what the log's annotation and the
 * job summary (1 MiB) show: the rest are counted.
 */
export const MAX_LISTED_PROBLEMS = 100

/** A manifest's problems: an InputError (the step fails with it, before any request) that names the file. */
export class ManifestError extends InputError {
  constructor(path: string, problems: string[]) {
    super(problems)
    this.name = 'ManifestError'
    const more = problems.length - MAX_LISTED_PROBLEMS
    this.message =
      `The manifest ${path} has ${count(problems.length, 'problem')}; nothing was sent to Kapso:\n` +
      problems
        .slice(0, MAX_LISTED_PROBLEMS)
        .map((problem) => `  - ${problem}`)
        .join('\n') +
      (more > 0 ? `\n  - and ${count(more, 'more problem')} further down the file.` : '')
  }
}

export interface ManifestSource extends EntryContext {
  /** The file to read (absolute). */
  file: string
}

/** The manifest, valid; or throws ManifestError listing every problem. */
export async function readManifest(source: ManifestSource): Promise<Manifest> {
  const path = source.manifest
  const found: { line: number; text: string }[] = []
  const report = (line: number, text: string): void => {
    found.push({ line, text: line > 0 ? `${path}:${line}: ${text}` : `${path}: ${text}` })
  }
  const text = readText(source.file, path)
  const raw = await parseEntries(text, report)
  const entries: ManifestEntry[] = []
  for (const entry of raw ?? []) {
    const read = readEntry(entry, source, report)
    if (read) entries.push(read)
  }
  checkAcross(entries, report)
  if (found.length > 0) {
    throw new ManifestError(
      path,
      found.sort((a, b) => a.line - b.line).map((problem) => problem.text)
    )
  }
  return { path, entries }
}

/** The file's text; a missing, unreadable or too large file is the one problem reported. */
function readText(file: string, path: string): string {
  try {
    const stats = statSync(file)
    // A device or a pipe (a symlink committed to /dev/zero, say) has no size and may never end: not read.
    if (!stats.isFile())
      throw new ManifestError(path, [`${path}: it is not a regular file: give the path of the manifest itself.`])
    const size = stats.size
    if (size > MAX_MANIFEST_BYTES)
      throw new ManifestError(path, [`the file is ${size} bytes; a manifest may be at most ${MAX_MANIFEST_BYTES}.`])
    return decodeUtf8(readFileSync(file), path)
  } catch (error) {
    if (error instanceof ManifestError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError([
      code === 'ENOENT'
        ? `manifest: there is no file ${path} in the workspace (${file}). Check the path, relative to the ` +
          "repository's root, and that the job checks the repository out first (actions/checkout)."
        : `manifest: could not read ${path} (${typeof code === 'string' ? code : 'unreadable'}).`
    ])
  }
}

/**
 * The file's bytes as UTF-8 text (a byte order mark dropped). Bytes that are not UTF-8 (a file saved as
 * Latin-1, say) are refused at the first line that holds one: read with a stand-in character, a URL or a
 * header value would be sent to Kapso other than written. A newline byte is never inside a UTF-8 character,
 * so each line decodes on its own.
 */
function decodeUtf8(bytes: Buffer, path: string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    return decoder.decode(bytes)
  } catch {
    let line = 1
    for (let start = 0; start < bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start)
      const stop = end < 0 ? bytes.length : end
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, stop))
      } catch {
        break
      }
      start = stop + 1
    }
    throw new ManifestError(path, [
      `${path}:${line}: the file is not UTF-8 text (YAML's encoding): save it as UTF-8, without changing its words.`
    ])
  }
}

/** Two entries for the same webhook (scope, kind and URL in normal form) would fight over it: refused. */
function checkAcross(entries: ManifestEntry[], report: (line: number, text: string) => void): void {
  const seen = new Map<string, ManifestEntry>()
  for (const entry of entries) {
    const key = [entry.scope.kind, entry.scope.id, entry.kind, urlKey(entry.desired.url ?? '')].join(' ')
    const first = seen.get(key)
    if (!first) {
      seen.set(key, entry)
      continue
    }
    report(
      entry.line,
      `${entry.name}: the same webhook as ${first.name} (line ${first.line}): ${describeScope(entry.scope)}, kind ` +
        `${entry.kind}, url ${entry.desired.url}. One entry per scope, kind and URL: merge their events into one entry.`
    )
  }
}
