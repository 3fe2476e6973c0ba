/**
 * `npm run lint` runs this: no module of src/ imports one of a higher layer. The layers, lowest first, are
 * written in CONTRIBUTING.md; a file in no layer, or an import that reaches up, is listed and fails.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { execFileSync } from 'node:child_process'
import { ROOT } from './run-action.js'

/** Each layer, lowest first: the files (paths under src/, or a folder ending in /) that belong to it. */
export const LAYERS: [string, string[]][] = [
  [
    'core',
    [
      'text.ts',
      'errors.ts',
      'deadline.ts',
      'progress.ts',
      'encodings.ts',
      'secrets.ts',
      'log.ts',
      'urls.ts',
      'ids.ts',
      'events.ts',
      'ownership.ts',
      'concurrency.ts',
      'retry.ts',
      'shims/',
      'manifest/table.ts'
    ]
  ],
  ['boundary', ['boundary/']],
  ['clients', ['kapso/', 'github/']],
  ['plan', ['plan.ts']],
  ['inputs', ['inputs/', 'manifest/']],
  [
    'operations',
    [
      'operations/',
      'report.ts',
      'summary.ts',
      'connect.ts',
      'early.ts',
      'manifest/clients.ts',
      'manifest/reconcile.ts',
      'manifest/prune.ts',
      'manifest/run.ts',
      'manifest/comment.ts'
    ]
  ],
  ['steps', ['cleanup.ts', 'main.ts', 'index.ts']]
]

function layerOf(file: string): number {
  let found = -1
  let longest = -1
  LAYERS.forEach(([, members], index) => {
    for (const member of members) {
      const matches = member.endsWith('/') ? file.startsWith(member) : file === member
      if (matches && member.length > longest) {
        found = index
        longest = member.length
      }
    }
  })
  return found
}

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src/*.ts'], {
  cwd: ROOT,
  encoding: 'utf8'
})
  .split('\n')
  .filter(Boolean)
const problems: string[] = []
for (const path of files) {
  const file = relative('src', path)
  const layer = layerOf(file)
  if (layer === -1) {
    problems.push(`${path}: in no layer (add it to LAYERS in scripts/layers.ts and to CONTRIBUTING.md)`)
    continue
  }
  const source = readFileSync(join(ROOT, path), 'utf8')
  for (const [, target] of source.matchAll(/from '(\.[^']*)'/g)) {
    const imported = join(dirname(file), target as string).replace(/\.js$/, '.ts')
    const to = layerOf(imported)
    if (to > layer)
      problems.push(`${path} (${LAYERS[layer]?.[0]}) imports ${imported} (${LAYERS[to]?.[0]}), a higher layer`)
  }
}
if (problems.length > 0) {
  console.error(`Imports that reach up the layers (CONTRIBUTING.md, "Layers"):\n${problems.join('\n')}`)
  process.exit(1)
}
console.log(`layers: ${files.length} files of src/, no import reaches up.`)
