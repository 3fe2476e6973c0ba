/**
 * What the README promises about itself: its first screen shows what the action does, a step that uses it,
 * and the two commands that run it and its tests from a fresh clone; its inputs and outputs tables are
 * action.yml's, name for name, with action.yml's defaults; and every link between the documents lands on a
 * file and heading that exist. (Its first workflow runs as GitHub runs it in examples.test.ts; its workflows
 * keep the pins and zizmor's rules in workflow-rules.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../scripts/run-action.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const readme = read('README.md')

interface Spec {
  required?: boolean
  default?: string
}
const action = parse(read('action.yml')) as { inputs: Record<string, Spec>; outputs: Record<string, Spec> }

/** The rows of the first table after the heading, as cells (the header and the rule left out). */
function table(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`no heading ${heading}`)
  const lines = markdown.slice(start).split('\n')
  const first = lines.findIndex((line) => line.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
    )
  }
  return rows
}

/** What the README's default cell should say for an input: `required`, action.yml's default, or no literal. */
function defaultProblem(name: string, cell: string): string | undefined {
  const spec = action.inputs[name] ?? {}
  if (spec.required) return cell === 'required' ? undefined : `${name}: "${cell}", but action.yml requires it`
  if (spec.default !== undefined) {
    return cell === `\`${spec.default}\``
      ? undefined
      : `${name}: "${cell}", but action.yml's default is ${spec.default}`
  }
  // No default in action.yml: empty, or words about Kapso's own (never a value the action would set).
  return /^`[^`]*`$/.test(cell) || cell === 'required' ? `${name}: "${cell}", but action.yml has no default` : undefined
}

describe('the first screen', () => {
  const first = readme.slice(0, readme.indexOf('\n## '))

  it('says what the action does, shows a step that uses it, and how to run it and its tests from a clone', () => {
    expect(first).toMatch(/^# Kapso WhatsApp webhook action\n\nOne workflow step gives each pull request's preview/)
    expect(first).toContain('- uses: your-org/kapso-webhook-action@v1')
    expect(first).toMatch(/^npm ci && npm start {2,}# runs the built action \(dist\/\) end to end/m)
    expect(first).toMatch(/^npm test {2,}# the whole test suite$/m)
    expect(first.split('\n').length).toBeLessThan(60)
  })

  it('keeps the README for users, at most about 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(320)
    expect(readme).not.toMatch(/^#+ (Development|Mutation testing|Performance|The live check)$/m)
  })

  it('uses one placeholder for the owner, and says how to use the action from a release or vendored', () => {
    const owners = new Set(
      [
        readme,
        ...readdirSync(join(ROOT, 'examples'))
          .filter((f) => f.endsWith('.yml'))
          .map((f) => read(`examples/${f}`))
      ].flatMap((text) => [...text.matchAll(/uses: ([^\s/]+)\/kapso-webhook-action@/g)].map((m) => m[1]))
    )
    expect([...owners]).toEqual(['your-org'])
    expect(readme).toContain('uses: OWNER/REPO@')
    expect(readme).toContain('- uses: ./.github/actions/kapso-webhook\n')
    expect(readme).toContain('`action.yml` and\n  the whole `dist/` directory')
  })
})

describe("the inputs and outputs tables are action.yml's", () => {
  it('inputs: the same names in the same order, each required or defaulted as action.yml says', () => {
    const rows = table(readme, '## Inputs')
    expect(rows.map((row) => row[0])).toEqual(Object.keys(action.inputs).map((name) => `\`${name}\``))
    expect(rows.flatMap(([name, cell]) => defaultProblem((name ?? '').slice(1, -1), cell ?? '') ?? [])).toEqual([])
  })

  it('outputs: the same names in the same order', () => {
    expect(table(readme, '## Outputs').map((row) => row[0])).toEqual(
      Object.keys(action.outputs).map((name) => `\`${name}\``)
    )
  })

  it('the check catches a wrong default, a claimed one and a required input left optional', () => {
    expect(defaultProblem('max-attempts', '`3`')).toBe('max-attempts: "`3`", but action.yml\'s default is 5')
    expect(defaultProblem('max-attempts', '`5`')).toBeUndefined()
    expect(defaultProblem('inactivity-minutes', '`60`')).toBe(
      'inactivity-minutes: "`60`", but action.yml has no default'
    )
    expect(defaultProblem('inactivity-minutes', "Kapso's (60)")).toBeUndefined()
    expect(defaultProblem('api-key', '')).toBe('api-key: "", but action.yml requires it')
  })
})

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')

const anchors = (markdown: string): Set<string> =>
  new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug((m[1] ?? '').trim())))

const documents = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
]

/** The relative links of a document whose file or heading does not exist. */
function brokenLinks(file: string, text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z]+:/.test(target))
    .filter((target) => {
      const [path = '', anchor] = target.split('#')
      if (path === '') return anchor !== undefined && !anchors(text).has(anchor)
      const resolved = normalize(join(dirname(file), path))
      if (!existsSync(join(ROOT, resolved))) return true
      return anchor !== undefined && resolved.endsWith('.md') && !anchors(read(resolved)).has(anchor)
    })
}

describe.each(documents)('%s', (file) => {
  it('links only to files and headings that exist', () => {
    expect(brokenLinks(file, read(file))).toEqual([])
  })
})

it('the link check catches a missing file and a missing heading', () => {
  const text =
    "## Which webhook is the step's\n[a](#which-webhook-is-the-steps) [b](#gone) [c](nowhere.md) [d](README.md#inputs)"
  expect(brokenLinks('docs/x.md', text)).toEqual(['#gone', 'nowhere.md', 'README.md#inputs'])
  expect(brokenLinks('x.md', text)).toEqual(['#gone', 'nowhere.md'])
})
