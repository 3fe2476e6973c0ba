/**
 * `npm run build`: dist/ from src/, exactly. ncc does the bundling; around it, this script
 * - empties dist/ first, since ncc leaves chunks that a change no longer emits beside the new ones;
 * - writes dist/licenses.txt itself, from the modules webpack reports in every chunk: ncc's own list
 *   holds only one chunk's packages once the bundle has several (the GitHub chunk's, as it happens);
 * - drops the code that nothing calls (see treeShake below).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { minify } from 'terser'
import { ROOT } from './run-action.js'

const DIST = join(ROOT, 'dist')
const stats = join(mkdtempSync(join(tmpdir(), 'ncc-stats-')), 'stats.json')

rmSync(DIST, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', 'src/index.ts', '-o', 'dist', '--source-map', '--no-source-map-register', '--stats-out', stats],
  { cwd: ROOT, stdio: 'inherit' }
)
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
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string }
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f))
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '(no license file in the package)'
  return { id: `${pkg.name}@${pkg.version}`, license: pkg.license ?? 'UNKNOWN', text }
})
entries.sort((a, b) => a.id.localeCompare(b.id))
writeFileSync(join(DIST, 'licenses.txt'), entries.map((e) => `${e.id}\n${e.license}\n${e.text}\n`).join('\n'))
rmSync(stats, { force: true })
if (!existsSync(join(DIST, 'index.js'))) throw new Error('ncc wrote no dist/index.js')
console.log(`dist/licenses.txt: ${entries.length} packages (${entries.map((e) => e.id).join(', ')})`)

/**
 * webpack marks the exports nothing imports but leaves their code in place; ncc's --minify does not
 * remove it either (its terser runs without compress). Each start of the action parses what it ships:
 * valibot alone was 218 KB of a 405 KB index.js, of which the action uses some 20 functions. Terser
 * removes declarations nothing references and unreachable code, nothing else: no renaming, no other
 * rewriting, the output laid out one statement a line, and the source map carried through to src/.
 */
async function treeShake(file: string): Promise<void> {
  const path = join(DIST, file)
  const before = readFileSync(path, 'utf8')
  const shaken = await minify(before, {
    module: true,
    compress: { defaults: false, unused: true, dead_code: true },
    mangle: false,
    format: { beautify: true, indent_level: 2, comments: 'some' },
    sourceMap: { content: readFileSync(`${path}.map`, 'utf8'), url: `${file}.map`, includeSources: true }
  })
  if (typeof shaken.code !== 'string' || typeof shaken.map !== 'string') throw new Error(`terser returned nothing for ${file}`)
  writeFileSync(path, shaken.code)
  writeFileSync(`${path}.map`, shaken.map)
  console.log(`${file}: ${(before.length / 1024).toFixed(0)} KB -> ${(shaken.code.length / 1024).toFixed(0)} KB without unused code`)
}
