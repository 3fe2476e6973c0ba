import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach } from 'vitest'

/**
 * Workspaces for manifest-mode runs: each call makes one holding `text` at `path` (relative, as the
 * manifest input gives it) and returns it, for GITHUB_WORKSPACE; every one is removed after each test.
 */
export function useManifestWorkspaces(): (path: string, text: string) => string {
  const workspaces: string[] = []
  afterEach(() => {
    for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return (path, text) => {
    const workspace = mkdtempSync(join(tmpdir(), 'manifest-'))
    workspaces.push(workspace)
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
    return workspace
  }
}
