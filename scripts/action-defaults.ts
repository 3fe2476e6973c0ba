/**
 * action.yml is where the inputs' defaults live. The runner applies them only to an input a step leaves
 * out; a step that passes an empty value (`${{ inputs.dry-run }}` on an event without that input) gets ''.
 * So the action applies them itself too, from src/inputs/defaults.ts, which this script writes from
 * action.yml: `npm run build` runs it first, and a test fails when the file is stale. A default that is an
 * expression (`${{ github.token }}`) only the runner can evaluate: it is left out.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './run-action.js'

export const DEFAULTS_FILE = join(ROOT, 'src', 'inputs', 'defaults.ts')

/** The text of src/inputs/defaults.ts for this action.yml. */
export function defaultsModule(actionYml: string): string {
  const inputs = (parse(actionYml) as { inputs: Record<string, { default?: unknown }> }).inputs
  const entries = Object.entries(inputs)
    .filter(([, spec]) => spec.default !== undefined && !String(spec.default).includes('${{'))
    .map(([name, spec]) => `  '${name}': ${JSON.stringify(String(spec.default))}`)
  return [
    "// Written by scripts/action-defaults.ts from action.yml's input defaults (npm run build). Do not edit: edit action.yml.",
    '',
    '/** The defaults action.yml declares, but those that are expressions: what an input left empty means. */',
    'export const ACTION_DEFAULTS: Readonly<Record<string, string>> = {',
    entries.join(',\n'),
    '}',
    ''
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(DEFAULTS_FILE, defaultsModule(readFileSync(join(ROOT, 'action.yml'), 'utf8')))
  console.log(`${DEFAULTS_FILE.slice(ROOT.length + 1)}: written from action.yml`)
}
