/**
 * The test files that spawn the built bundle: those that call runAction (scripts/run-action.ts), directly
 * or through a module that calls it: a script of scripts/ (chaos.test.ts, through scripts/chaos.ts) or a
 * helper of __tests__/support/ (support/bundle.ts), or a helper that imports such a one (support/previews.ts
 * uses bundle.ts), at any depth. Two users,
 * one list: .ci/run runs these again under Node 24, and vitest.mutate.config.ts leaves them out of mutation
 * testing (they run dist/, not the mutated src/).
 *
 *   npx tsx scripts/spawning-tests.ts   prints them, one per line; exits 1 when there are none
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Paths relative to the repository, like __tests__/smoke.test.ts, in name order. */
export function spawningTests(root = ROOT): string[] {
  const read = (path: string): string => readFileSync(join(root, path), 'utf8')
  const calls = (path: string): boolean => read(path).includes('runAction(')
  // Each module that calls runAction, as a test file imports it.
  const via = [
    ...readdirSync(join(root, 'scripts'))
      .filter((f) => f.endsWith('.ts') && f !== 'run-action.ts' && f !== 'spawning-tests.ts' && calls(`scripts/${f}`))
      .map((f) => `from '../scripts/${f.replace(/\.ts$/, '.js')}'`),
    ...spawningSupport(root, read).map((f) => `from './support/${f.replace(/\.ts$/, '.js')}'`)
  ]
  return readdirSync(join(root, '__tests__'))
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => {
      const text = read(`__tests__/${f}`)
      return text.includes('runAction(') || via.some((line) => text.includes(line))
    })
    .sort()
    .map((f) => `__tests__/${f}`)
}

/** The helpers of __tests__/support/ that call runAction, or import (at any depth) one that does. */
function spawningSupport(root: string, read: (path: string) => string): string[] {
  const files = readdirSync(join(root, '__tests__', 'support')).filter((f) => f.endsWith('.ts'))
  const spawning = new Set(files.filter((f) => read(`__tests__/support/${f}`).includes('runAction(')))
  for (let grew = true; grew;) {
    grew = false
    for (const file of files.filter((f) => !spawning.has(f))) {
      const text = read(`__tests__/support/${file}`)
      if ([...spawning].some((helper) => text.includes(`from './${helper.replace(/\.ts$/, '.js')}'`))) {
        spawning.add(file)
        grew = true
      }
    }
  }
  return [...spawning]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tests = spawningTests()
  if (tests.length === 0) {
    process.stderr.write('found no test that calls runAction: has scripts/run-action.ts been renamed?\n')
    process.exit(1)
  }
  process.stdout.write(`${tests.join('\n')}\n`)
}
