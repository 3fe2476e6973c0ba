/**
 * `npm run build`: dist/ from src/, exactly. ncc does the bundling; around it, this script
 * - empties dist/ first, since ncc leaves chunks that a change no longer emits beside the new ones;
 * - writes dist/licenses.txt itself, from the modules webpack reports in every chunk: ncc's own list
 *   holds only one chunk's packages once the bundle has several (the GitHub chunk's, as it happens).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './run-action.js'

const DIST = join(ROOT, 'dist')
const stats = join(mkdtempSync(join(tmpdir(), 'ncc-stats-')), 'stats.json')

rmSync(DIST, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', 'src/index.ts', '-o', 'dist', '--source-map', '--no-source-map-register', '--stats-out', stats],
  { cwd: ROOT, stdio: 'inherit' }
)

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
