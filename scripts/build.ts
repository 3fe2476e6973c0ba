/**
 * `npm run build`: dist/ from src/, exactly. ncc does the bundling; around it, this script
 * - first writes src/inputs/defaults.ts from action.yml (see action-defaults.ts);
 * - empties dist/ first, since ncc leaves chunks that a change no longer emits beside the new ones;
 * - writes dist/licenses.txt itself, from the modules webpack reports in every chunk: ncc's own list
 *   holds only one chunk's packages once the bundle has several (the GitHub chunk's, as it happens);
 * - defers @actions/http-client's imports of node:https and tunnel to their first use (see deferImports);
 * - drops the code that nothing calls (see treeShake below).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { minify } from 'terser'
import { DEFAULTS_FILE, defaultsModule } from './action-defaults.js'
import { ROOT } from './run-action.js'

const DIST = join(ROOT, 'dist')
const statsDir = mkdtempSync(join(tmpdir(), 'ncc-stats-'))
const stats = join(statsDir, 'stats.json')

// The inputs' defaults, from action.yml, before ncc bundles them (scripts/action-defaults.ts).
writeFileSync(DEFAULTS_FILE, defaultsModule(readFileSync(join(ROOT, 'action.yml'), 'utf8')))
rmSync(DIST, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--source-map',
    '--no-source-map-register',
    '--stats-out',
    stats
  ],
  { cwd: ROOT, stdio: 'inherit' }
)
deferImports()
for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) await treeShake(file)

interface Module {
  name?: string
  modules?: Module[]
}
const modules: Module[] = (JSON.parse(readFileSync(stats, 'utf8')) as { modules: Module[] }).modules
const names = modules.flatMap((m) => [m, ...(m.modules ?? [])]).map((m) => m.name ?? '')

/** Each package a bundled module comes from: its folder, the innermost node_modules/<name> of the path. */
const folders = new Set<string>()
for (const name of names) {
  const match = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name.replace(/^\.\//, ''))
  if (match) folders.add(match[0])
}

const entries = [...folders].map((folder) => {
  const dir = join(ROOT, folder)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string
  }
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f))
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '(no license file in the package)'
  return { id: `${pkg.name}@${pkg.version}`, license: pkg.license ?? 'UNKNOWN', text }
})
entries.sort((a, b) => a.id.localeCompare(b.id))
writeFileSync(join(DIST, 'licenses.txt'), entries.map((e) => `${e.id}\n${e.license}\n${e.text}\n`).join('\n'))
rmSync(statsDir, { recursive: true, force: true })
if (!existsSync(join(DIST, 'index.js'))) throw new Error('ncc wrote no dist/index.js')
console.log(`dist/licenses.txt: ${entries.length} packages (${entries.map((e) => e.id).join(', ')})`)

/**
 * @actions/http-client imports node:https (so TLS) and tunnel (net, tls, https, assert) at its top, but uses
 * them only for an https: URL and through a proxy: http://, the emulators' and the bench's, needs neither.
 * On Node 24 the two cost a run some 30 ms of CPU and 3.6 MiB. webpack evaluates an ESM import where the
 * module starts, and a package's code cannot be given a loader here: so the two lines that import them,
 * as webpack writes them, are replaced by objects that require the module on first use (the same module,
 * from webpack's cache, at the same place in the code). Each must match once: a newer ncc or http-client
 * that writes them otherwise fails the build here, instead of shipping them eager again unnoticed.
 */
function deferImports(): void {
  const marker = 'CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js'
  const files = readdirSync(DIST).filter(
    (f) => f.endsWith('.js') && readFileSync(join(DIST, f), 'utf8').includes(marker)
  )
  if (files.length !== 1) throw new Error(`deferImports: @actions/http-client is in ${files.length} chunks, expected 1`)
  const path = join(DIST, files[0] as string)
  let code = readFileSync(path, 'utf8')
  // In index.js webpack's require function is __nccwpck_require__, in the other chunks __webpack_require__.
  const lazy = (require: string, id: string): string => `new Proxy({}, { get: (_, key) => ${require}(${id})[key] })`
  const imports: [string, RegExp, (require: string, id: string) => string][] = [
    [
      'node:https',
      /^var external_https_ = (__\w+_require__)\((\d+)\);\nvar external_https_namespaceObject = \/\*#__PURE__\*\/\1\.t\(external_https_, 2\);$/m,
      (require, id) =>
        `var external_https_ = ${lazy(require, id)};\nvar external_https_namespaceObject = external_https_;`
    ],
    ['tunnel', /^var tunnel = (__\w+_require__)\((\d+)\);$/m, (require, id) => `var tunnel = ${lazy(require, id)};`]
  ]
  for (const [name, pattern, deferred] of imports) {
    const matches = code.match(new RegExp(pattern.source, 'gm')) ?? []
    if (matches.length !== 1)
      throw new Error(`deferImports: found the import of ${name} ${matches.length} times in ${files[0]}, expected once`)
    // Line for line, so that the source map still holds.
    code = code.replace(pattern, (_, require: string, id: string) => deferred(require, id))
  }
  writeFileSync(path, code)
}

/**
 * webpack marks the exports nothing imports but leaves their code in place; ncc's --minify does not
 * remove it either (its terser runs without compress). Each start of the action parses what it ships:
 * valibot alone was 218 KB of a 405 KB index.js, of which the action uses some 20 functions. Terser
 * removes declarations nothing references and unreachable code, nothing else: no renaming, no other
 * rewriting, the output laid out one statement a line, and the source map carried through to src/.
 * Characters outside ASCII are written as escapes (the same strings at run time): one "—" in a message
 * made V8 hold all of index.js as a two-byte string, 150 KB more for every run.
 */
async function treeShake(file: string): Promise<void> {
  const path = join(DIST, file)
  const before = readFileSync(path, 'utf8')
  const shaken = await minify(before, {
    module: true,
    compress: { defaults: false, unused: true, dead_code: true },
    mangle: false,
    format: { beautify: true, indent_level: 2, comments: 'some', ascii_only: true },
    sourceMap: { content: readFileSync(`${path}.map`, 'utf8'), url: `${file}.map`, includeSources: true }
  })
  if (typeof shaken.code !== 'string' || typeof shaken.map !== 'string')
    throw new Error(`terser returned nothing for ${file}`)
  writeFileSync(path, shaken.code)
  writeFileSync(`${path}.map`, shaken.map)
  console.log(
    `${file}: ${(before.length / 1024).toFixed(0)} KB -> ${(shaken.code.length / 1024).toFixed(0)} KB without unused code`
  )
}
