/**
 * The rules every workflow we run or show keeps (.github/workflows/, examples/, and the README's whole-workflow
 * snippets), as zizmor's default audits state them, checked by reading the files (zizmor itself is not on the
 * npm registry):
 *
 * - unpinned-uses: another repository's action is pinned by full commit SHA with its version as a comment
 *   (`@<40 hex> # v1.2.3`), one SHA per action everywhere, so that Dependabot's bump of the workflows shows
 *   where the examples lag. This action's own steps (`uses: ./`, `your-org/kapso-webhook-action@v1`) are
 *   exempt: they show users the reference they choose (README, "Versions and releases").
 * - artipacked: every actions/checkout says `persist-credentials`, and `true` only in a job that may write
 *   the repository's contents.
 * - template-injection: no `${{ }}` in a `run:` script; values reach it through `env:`.
 * - cache-poisoning: no cache in a workflow that a tag or a release starts.
 * - excessive-permissions: every workflow sets `permissions` at the top.
 * - dependabot-cooldown: both ecosystems wait at least 7 days.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { readActionYml, ROOT } from '../scripts/run-action.js'
import { isOurStep } from '../scripts/workflow-sim.js'

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: Record<string, string> | string
  strategy?: { matrix?: { include?: Record<string, unknown>[] } }
  steps?: Step[]
}
interface Workflow {
  on: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`)

/** Each workflow by where it is shown: a file's path, or README.md#N for the README's Nth whole workflow. */
function workflowTexts(): [string, string][] {
  const files = [...yamlFiles('.github/workflows'), ...yamlFiles('examples')].map((f): [string, string] => [f, read(f)])
  const snippets = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .filter((text) => /^jobs:/m.test(text))
    .map((text, i): [string, string] => [`README.md#${i + 1}`, text])
  return [...files, ...snippets]
}

const SHA_PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$/
const VERSION = /^v\d+\.\d+\.\d+$/

interface Use {
  where: string
  action: string
  ref: string
  comment: string
}

/** Every `uses:` line of the text, with the comment that follows it (lost once the YAML is parsed). */
function usesLines(where: string, text: string): Use[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?[ \t]*(?:#[ \t]*(.*))?$/gm)].map((m) => {
    const value = m[1] ?? ''
    const at = value.lastIndexOf('@')
    return {
      where,
      action: at < 0 ? value : value.slice(0, at),
      ref: at < 0 ? '' : value.slice(at + 1),
      comment: (m[2] ?? '').trim()
    }
  })
}

/** What is wrong with the third-party `uses:` of these texts: unpinned, no version, or two pins of one action. */
function pinProblems(texts: [string, string][]): string[] {
  const uses = texts
    .flatMap(([where, text]) => usesLines(where, text))
    .filter((u) => !u.action.startsWith('./') && !isOurStep({ uses: `${u.action}@${u.ref}` }))
  const problems = uses.flatMap((u) => [
    ...(SHA_PIN.test(`${u.action}@${u.ref}`) ? [] : [`${u.where}: ${u.action}@${u.ref} is not pinned by commit SHA`]),
    ...(VERSION.test(u.comment) ? [] : [`${u.where}: ${u.action}@${u.ref} has no "# vX.Y.Z" comment`])
  ])
  // One pin per repository: github/codeql-action/init and …/analyze are one action.
  const byRepository = new Map<string, Set<string>>()
  for (const u of uses) {
    const repository = u.action.split('/').slice(0, 2).join('/')
    byRepository.set(repository, (byRepository.get(repository) ?? new Set()).add(`${u.ref} # ${u.comment}`))
  }
  for (const [repository, pins] of byRepository) {
    if (pins.size > 1) problems.push(`${repository} is pinned ${pins.size} ways: ${[...pins].sort().join(', ')}`)
  }
  return problems
}

const steps = (job: Job): Step[] => job.steps ?? []
const isAction = (step: Step, name: string): boolean => (step.uses ?? '').split('@')[0] === name

/** What zizmor's artipacked, template-injection, cache-poisoning and excessive-permissions audits would flag. */
function ruleProblems(where: string, text: string): string[] {
  const workflow = parse(text) as Workflow
  const problems: string[] = []
  if (workflow.permissions === undefined) problems.push(`${where}: no top-level permissions`)
  const tagged = startedByTagOrRelease(workflow.on)
  for (const [id, job] of Object.entries(workflow.jobs)) {
    const writes = typeof job.permissions === 'object' && job.permissions.contents === 'write'
    for (const step of steps(job)) {
      const at = `${where}: job ${id}, ${step.uses ?? (step.run ?? '').split('\n')[0]}`
      if (isAction(step, 'actions/checkout')) {
        const persist = step.with?.['persist-credentials']
        if (typeof persist !== 'boolean') problems.push(`${at}: persist-credentials is not said`)
        else if (persist && !writes) problems.push(`${at}: keeps credentials in a job that does not write contents`)
      }
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        problems.push(`${at}: interpolates an expression into run: (pass it through env:)`)
      }
      if (tagged && caches(step)) problems.push(`${at}: caches in a workflow a tag or a release starts`)
    }
  }
  return problems
}

function startedByTagOrRelease(on: unknown): boolean {
  if (typeof on === 'string') return on === 'release'
  if (Array.isArray(on)) return on.includes('release')
  const events = (on ?? {}) as Record<string, { tags?: unknown } | null>
  return 'release' in events || events.push?.tags !== undefined
}

/** A cache step, or a setup action that restores one (setup-node's package-manager-cache is on by default). */
function caches(step: Step): boolean {
  if (isAction(step, 'actions/cache') || (step.uses ?? '').startsWith('actions/cache/')) return true
  if (!/^actions\/setup-/.test(step.uses ?? '')) return false
  const given = step.with ?? {}
  return (
    (given.cache ?? '') !== '' || (isAction(step, 'actions/setup-node') && given['package-manager-cache'] !== false)
  )
}

const texts = workflowTexts()

describe('pins', () => {
  it('covers the workflows, the examples and the README', () => {
    const where = texts.map(([w]) => w)
    expect(where).toContain('.github/workflows/ci.yml')
    expect(where).toContain('examples/netlify-preview.yml')
    expect(where).toContain('README.md#1')
  })

  it("pins every other repository's action by full commit SHA with a # vX.Y.Z comment, one pin per action", () => {
    const thirdParty = texts.flatMap(([w, t]) => usesLines(w, t)).filter((u) => u.comment !== '')
    expect(thirdParty.length).toBeGreaterThan(10)
    expect(pinProblems(texts)).toEqual([])
  })

  it('catches a tag, a short SHA, a missing comment and two pins of one action', () => {
    const sha = 'a'.repeat(40)
    const text = [
      'steps:',
      '  - uses: actions/checkout@v5',
      `  - uses: actions/setup-node@${sha.slice(0, 12)} # v7.0.0`,
      `  - uses: cloudflare/wrangler-action@${sha}`,
      `  - uses: github/codeql-action/init@${sha} # v4.36.2`,
      `  - uses: github/codeql-action/analyze@${'b'.repeat(40)} # v4.36.1`,
      '  - uses: ./',
      '  - uses: your-org/kapso-webhook-action@v1'
    ].join('\n')
    expect(pinProblems([['t.yml', text]])).toEqual([
      't.yml: actions/checkout@v5 is not pinned by commit SHA',
      't.yml: actions/checkout@v5 has no "# vX.Y.Z" comment',
      `t.yml: actions/setup-node@${sha.slice(0, 12)} is not pinned by commit SHA`,
      `t.yml: cloudflare/wrangler-action@${sha} has no "# vX.Y.Z" comment`,
      `github/codeql-action is pinned 2 ways: ${sha} # v4.36.2, ${'b'.repeat(40)} # v4.36.1`
    ])
  })
})

describe.each(texts)('%s', (where, text) => {
  it("keeps zizmor's rules: permissions, persist-credentials, no expression in run:, no cache on a tag", () => {
    expect(ruleProblems(where, text)).toEqual([])
  })
})

it('the rules catch each kind of finding', () => {
  const text = `
on:
  push:
    tags: ['v*']
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@x
      - uses: actions/checkout@x
        with: { persist-credentials: true }
      - run: echo "\${{ steps.x.outputs.y }}"
      - uses: actions/setup-node@x
        with: { node-version: 24 }
      - uses: actions/setup-node@x
        with: { cache: npm, package-manager-cache: false }
  publish:
    runs-on: ubuntu-latest
    permissions: { contents: write }
    steps:
      - uses: actions/checkout@x
        with: { persist-credentials: true }
      - uses: actions/setup-node@x
        with: { package-manager-cache: false }
`
  expect(ruleProblems('t.yml', text)).toEqual([
    't.yml: no top-level permissions',
    't.yml: job build, actions/checkout@x: persist-credentials is not said',
    't.yml: job build, actions/checkout@x: keeps credentials in a job that does not write contents',
    't.yml: job build, echo "${{ steps.x.outputs.y }}": interpolates an expression into run: (pass it through env:)',
    't.yml: job build, actions/setup-node@x: caches in a workflow a tag or a release starts',
    't.yml: job build, actions/setup-node@x: caches in a workflow a tag or a release starts'
  ])
})

describe('.github/dependabot.yml', () => {
  const config = parse(read('.github/dependabot.yml')) as {
    updates: { 'package-ecosystem': string; cooldown?: { 'default-days'?: number } }[]
  }

  it.each(['npm', 'github-actions'])(
    'keeps %s up to date, each release proposed after a cooldown of 7 days or more',
    (ecosystem) => {
      const update = config.updates.find((u) => u['package-ecosystem'] === ecosystem)
      expect(update, ecosystem).toBeDefined()
      expect(update?.cooldown?.['default-days'] ?? 0).toBeGreaterThanOrEqual(7)
    }
  )
})

describe('Node versions', () => {
  const nodeVersion = read('.node-version').trim()
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node

  it('.node-version names the runtime action.yml runs on', () => {
    expect(readActionYml().runs.using).toBe(`node${nodeVersion.split('.')[0]}`)
  })

  it('every setup-node of the workflows reads .node-version, and CI also runs the lowest Node engines allows', () => {
    const lowest = /^>=\s*(\d+)/.exec(engines)?.[1]
    expect(lowest).toBe('20')
    const runtimes: string[] = []
    for (const file of yamlFiles('.github/workflows')) {
      for (const job of Object.values((parse(read(file)) as Workflow).jobs)) {
        const rows = job.strategy?.matrix?.include ?? [{}]
        for (const step of steps(job).filter((s) => isAction(s, 'actions/setup-node'))) {
          for (const row of rows) {
            const pick = (input: string): string =>
              String(step.with?.[input] ?? '').replace(/^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/, (_, key: string) =>
                String(row[key] ?? '')
              )
            const version = pick('node-version')
            if (version === '') expect(pick('node-version-file'), file).toBe('.node-version')
            runtimes.push(version || nodeVersion)
          }
        }
      }
    }
    expect(new Set(runtimes)).toEqual(new Set([nodeVersion, lowest]))
  })
})
