/**
 * scripts/release/release.sh, run for real as the release workflow runs it: against a bare repository standing
 * in for GitHub, from a clone of it. The tag moves are judged by the bare repository's refs (git ls-remote),
 * not by what the script says. No network: the remote is a directory.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../scripts/run-action.js'

const SCRIPT = join(ROOT, 'scripts', 'release', 'release.sh')

// Git as on a fresh machine: none of this machine's or user's settings (signing, hooks, default branch).
const ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  GIT_TERMINAL_PROMPT: '0'
}

let dir: string
let bare: string
let clone: string

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function run(cwd: string, command: string, args: string[]): Run {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8' })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** git in the clone, which must succeed; its trimmed output. */
function git(...args: string[]): string {
  const result = run(clone, 'git', args)
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}

function release(...args: string[]): Run {
  return run(clone, SCRIPT, args)
}

/** A new commit on the current branch; its id. */
function commit(message: string): string {
  git('commit', '--quiet', '--allow-empty', '-m', message)
  return git('rev-parse', 'HEAD')
}

/** Tags the current commit (annotated, as a maintainer would, unless told otherwise), pushes branch and tag. */
function pushTag(tag: string, { annotated = true } = {}): void {
  if (annotated) git('tag', '--annotate', tag, '-m', tag)
  else git('tag', tag)
  git('push', '--quiet', 'origin', 'HEAD', `refs/tags/${tag}`)
}

/** The bare repository's refs, as `git ls-remote` lists them: ref name (peeled ones end in ^{}) to object id. */
function remoteRefs(): Record<string, string> {
  const listing = run(dir, 'git', ['ls-remote', bare]).stdout.trim()
  return Object.fromEntries(listing.split('\n').map((line) => line.split('\t').reverse() as [string, string]))
}

/** One line on stderr, nothing on stdout, a non-zero exit: how every failure of the script looks. */
function expectOneLineFailure(result: Run): void {
  expect(result.status, result.stderr).not.toBe(0)
  expect(result.stdout).toBe('')
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).toMatch(/^release\.sh: /)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kapso-release-'))
  bare = join(dir, 'remote.git')
  clone = join(dir, 'clone')
  run(dir, 'git', ['init', '--quiet', '--bare', '--initial-branch=main', bare])
  run(dir, 'git', ['clone', '--quiet', bare, clone])
  git('symbolic-ref', 'HEAD', 'refs/heads/main')
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe("move-major, through a project's history (in order)", () => {
  const commits: Record<string, string> = {}

  it('creates v1 at the first release, as a lightweight tag on its commit', () => {
    commits['1.0.0'] = commit('first release')
    pushTag('v1.0.0')
    expect(release('move-major', 'v1.0.0', 'origin').status).toBe(0)
    const refs = remoteRefs()
    expect(refs['refs/tags/v1']).toBe(commits['1.0.0'])
    expect(refs['refs/tags/v1.0.0^{}']).toBe(commits['1.0.0'])
    expect(refs['refs/tags/v1.0.0']).not.toBe(commits['1.0.0']) // annotated: a tag object, peeled above
    expect(refs).not.toHaveProperty(['refs/tags/v1^{}']) // lightweight: nothing to peel
  })

  it('moves v1 to the next minor release (a lightweight tag, this time)', () => {
    commits['1.1.0'] = commit('a feature')
    pushTag('v1.1.0', { annotated: false })
    expect(release('move-major', 'v1.1.0').status).toBe(0)
    expect(remoteRefs()['refs/tags/v1']).toBe(commits['1.1.0'])
  })

  it('leaves everything as it is when run again for the same release', () => {
    const before = remoteRefs()
    expect(release('move-major', 'v1.1.0', 'origin').status).toBe(0)
    expect(remoteRefs()).toEqual(before)
  })

  it('does not move v1 to a prerelease', () => {
    commit('the next feature, to try out')
    pushTag('v1.2.0-rc.1')
    expect(release('move-major', 'v1.2.0-rc.1', 'origin').status).toBe(0)
    expect(remoteRefs()['refs/tags/v1']).toBe(commits['1.1.0'])
  })

  it('does not take v1 back to a hotfix of an older release', () => {
    git('checkout', '--quiet', '-b', 'hotfix-1.0', 'v1.0.0')
    commits['1.0.1'] = commit('a fix for 1.0')
    pushTag('v1.0.1')
    expect(release('move-major', 'v1.0.1', 'origin').status).toBe(0)
    expect(remoteRefs()['refs/tags/v1']).toBe(commits['1.1.0'])
  })

  it('refuses, and leaves v1, when the highest release does not descend from where v1 is', () => {
    commit('1.x work on the hotfix branch, which never saw 1.1.0')
    pushTag('v1.3.0')
    const before = remoteRefs()
    expectOneLineFailure(release('move-major', 'v1.3.0', 'origin'))
    expect(remoteRefs()).toEqual(before)
    git('push', '--quiet', 'origin', ':refs/tags/v1.3.0')
    git('tag', '--delete', 'v1.3.0')
  })

  it('moves v1 on, past the prerelease, to the release that descends from it', () => {
    git('checkout', '--quiet', 'main')
    commits['1.2.0'] = commit('1.2.0 as tried out')
    pushTag('v1.2.0')
    expect(release('move-major', 'v1.2.0', 'origin').status).toBe(0)
    expect(remoteRefs()['refs/tags/v1']).toBe(commits['1.2.0'])
  })

  it('creates v2 at the first 2.x release and leaves v1 where it is', () => {
    commits['2.0.0'] = commit('a breaking change')
    pushTag('v2.0.0')
    expect(release('move-major', 'v2.0.0', 'origin').status).toBe(0)
    const refs = remoteRefs()
    expect(refs['refs/tags/v2']).toBe(commits['2.0.0'])
    expect(refs['refs/tags/v1']).toBe(commits['1.2.0'])
  })

  it('check: a prerelease, and "latest" only for the highest release of all', () => {
    expect(release('check', 'v2.0.0', 'origin').stdout).toBe('prerelease=false\nlatest=true\n')
    expect(release('check', 'v1.2.0', 'origin').stdout).toBe('prerelease=false\nlatest=false\n')
    expect(release('check', 'v1.0.1', 'origin').stdout).toBe('prerelease=false\nlatest=false\n')
    expect(release('check', 'v1.2.0-rc.1', 'origin').stdout).toBe('prerelease=true\nlatest=false\n')
  })
})

describe('what move-major and check refuse', () => {
  let before: Record<string, string>
  beforeAll(() => {
    before = remoteRefs()
  })

  it.each([
    'v1',
    'v1.2',
    '1.2.3',
    'v01.2.3',
    'v1.02.3',
    'v1.2.3.4',
    'v1.2.3+build.5',
    'v1.2.3-',
    'v1.2.3-rc..1',
    'v1.2.3-01',
    'v1.2.3-rc_1',
    'V1.2.3',
    'v1.2.3 ',
    'refs/tags/v1.2.3',
    '--force',
    ''
  ])('the malformed tag %j, changing nothing', (tag) => {
    expectOneLineFailure(release('move-major', tag, 'origin'))
    expectOneLineFailure(release('check', tag, 'origin'))
    expect(remoteRefs()).toEqual(before)
  })

  it('a well-formed tag that the remote does not have', () => {
    git('tag', 'v9.0.0')
    expectOneLineFailure(release('move-major', 'v9.0.0', 'origin'))
    expectOneLineFailure(release('check', 'v9.0.0', 'origin'))
    expect(remoteRefs()).not.toHaveProperty(['refs/tags/v9'])
  })

  it('a remote that is not there', () => {
    expectOneLineFailure(release('move-major', 'v1.0.0', join(dir, 'nowhere.git')))
  })

  it('an unknown command, with its usage (exit 2)', () => {
    const result = release('move-minor', 'v1.0.0')
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('notes', () => {
  const changelog = [
    '# Changelog',
    '',
    '## Versioning',
    '',
    'Semantic versions.',
    '',
    '## [Unreleased]',
    '',
    '### Added',
    '',
    '- Work in flight.',
    '',
    '## [1.1.0] - 2026-03-02',
    '',
    '### Added',
    '',
    '- A feature, with a [link](https://example.com) and `## [1.0.0]` in code.',
    '',
    '### Fixed',
    '',
    '- A fix.',
    '',
    '## [1.1.0-rc.1] - 2026-02-20',
    '',
    '- The feature, to try out.',
    '',
    '## [1.0.10] - 2026-02-01',
    '',
    '- Not 1.0.1.',
    '',
    '## [1.0.1]',
    '',
    '',
    '## [1.0.0] - 2026-01-05',
    '',
    '- First release.',
    '',
    '[unreleased]: https://example.com/compare/v1.1.0...HEAD',
    '[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0',
    ''
  ].join('\n')
  let file: string

  beforeAll(() => {
    file = join(dir, 'CHANGELOG.md')
    writeFileSync(file, changelog)
  })

  it.each([
    [
      'v1.1.0',
      '### Added\n\n- A feature, with a [link](https://example.com) and `## [1.0.0]` in code.\n\n### Fixed\n\n- A fix.\n'
    ],
    [
      '1.1.0',
      '### Added\n\n- A feature, with a [link](https://example.com) and `## [1.0.0]` in code.\n\n### Fixed\n\n- A fix.\n'
    ],
    ['v1.1.0-rc.1', '- The feature, to try out.\n'],
    ['v1.0.10', '- Not 1.0.1.\n'],
    ['v1.0.0', '- First release.\n'],
    ['1.0.0', '- First release.\n']
  ])('for %s, exactly its section: no heading, no blank lines around it, no link references', (tag, notes) => {
    const result = release('notes', tag, file)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(notes)
  })

  it.each(['v1.2.0', 'v1.0', 'v1.0.1', 'Unreleased'])(
    'fails for %s: no such section, an empty one, or no version',
    (tag) => {
      expectOneLineFailure(release('notes', tag, file))
    }
  )

  it('fails when the changelog cannot be read', () => {
    expectOneLineFailure(release('notes', 'v1.0.0', join(dir, 'missing.md')))
  })

  it("prints exactly the 1.0.0 section of this project's CHANGELOG.md, and nothing for an empty section", () => {
    // Unreleased above the dated 1.0.0 section, as CONTRIBUTING.md's release steps keep it.
    const file = join(ROOT, 'CHANGELOG.md')
    const current = readFileSync(file, 'utf8')
    const cut = /^## \[Unreleased\]\n[\s\S]*?^## \[1\.0\.0\] - \d{4}-\d{2}-\d{2}\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(
      current
    )
    expect(cut, '"## [Unreleased]" above "## [1.0.0] - YYYY-MM-DD"').not.toBeNull()
    const section = cut?.[1] ?? ''
    expect(section).toMatch(/^### Added$/m)
    for (const version of ['1.0.0', 'v1.0.0']) {
      const result = release('notes', version, file)
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      expect(result.stdout).toBe(`${section.trim()}\n`)
    }
    expect(section).not.toContain('## [')
    expect(run(ROOT, SCRIPT, ['notes', 'v1.0.0']).stdout).toBe(`${section.trim()}\n`) // as the workflow runs it
    // Unreleased is no version: whatever it holds, it is no release's notes.
    expectOneLineFailure(release('notes', 'Unreleased', file))
    // A version cut with nothing under it fails the tag.
    const next = join(dir, 'CHANGELOG-1.0.1.md')
    writeFileSync(
      next,
      current.replace(/^## \[Unreleased\]\n[\s\S]*?(?=^## \[1\.0\.0\])/m, '## [1.0.1] - 2027-01-04\n\n')
    )
    const empty = release('notes', '1.0.1', next)
    expectOneLineFailure(empty)
    expect(empty.stderr).toContain("'## [1.0.1]' section is empty")
  })

  it('reads CHANGELOG.md in the working directory by default', () => {
    const result = run(ROOT, SCRIPT, ['notes', 'v0.0.1'])
    expectOneLineFailure(result)
    expect(result.stderr).toContain("CHANGELOG.md has no '## [0.0.1]' section")
  })
})

describe('version', () => {
  const pkg = (version: string): string => {
    const file = join(dir, `package-${version}.json`)
    writeFileSync(file, JSON.stringify({ name: 'kapso-webhook-action', version }, null, 2))
    return file
  }

  it("passes when package.json says the tag's version, with or without the v", () => {
    for (const tag of ['v1.2.3', '1.2.3']) {
      const result = release('version', tag, pkg('1.2.3'))
      expect(result.status).toBe(0)
      expect(result.stdout).toContain('says version 1.2.3, as the tag does.')
    }
  })

  it('refuses a tag whose package.json says another version, saying how to set it', () => {
    const result = release('version', 'v1.2.4', pkg('1.2.3'))
    expectOneLineFailure(result)
    expect(result.stderr).toContain("says version '1.2.3', but the tag is v1.2.4: run npm version 1.2.4")
  })

  it("holds for this project's package.json and its newest CHANGELOG release", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`\n## [${version}] - `)
    const result = run(ROOT, SCRIPT, ['version', `v${version}`])
    expect(result.status).toBe(0)
  })
})
