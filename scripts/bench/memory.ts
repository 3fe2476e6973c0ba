/**
 * How the bench measures peak memory: the maximum resident set size of the program's process, in KiB.
 * GNU time (-f %M, from the kernel's wait4 accounting) when /usr/bin/time is GNU's; otherwise a preload
 * that reports process.resourceUsage().maxRSS on exit. Every program is measured the same way, in runs of
 * their own, so that neither the wrapper nor the preload is ever inside a timed run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const GNU_TIME = '/usr/bin/time'
const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'maxrss.mjs')

export interface MemoryProbe {
  /** Said in the bench's header. */
  how: string
  /** The command that runs `command` and leaves its peak RSS in `file`, and the environment it needs. */
  wrap(command: string[], file: string): { argv: string[]; env: Record<string, string> }
  /** The peak RSS in KiB the run left in `file`, if any. */
  read(file: string): number | undefined
}

/** GNU time when it works here, else the preload; BENCH_MEMORY=time|preload chooses. */
export function memoryProbe(choice = process.env.BENCH_MEMORY): MemoryProbe {
  if (choice !== 'preload' && gnuTimeWorks()) {
    return {
      how: `max RSS from GNU time (${GNU_TIME} -f %M)`,
      wrap: (command, file) => ({ argv: [GNU_TIME, '-q', '-f', '%M', '-o', file, ...command], env: {} }),
      read: readKib
    }
  }
  if (choice === 'time') throw new Error(`BENCH_MEMORY=time, but ${GNU_TIME} is not a working GNU time here.`)
  return {
    how: 'max RSS from process.resourceUsage().maxRSS, reported on exit by a preload (node --import scripts/bench/maxrss.mjs)',
    wrap: ([node = 'node', ...rest], file) => ({
      argv: [node, '--import', pathToFileURL(PRELOAD).href, ...rest],
      env: { BENCH_MAXRSS_FILE: file }
    }),
    read: readKib
  }
}

function gnuTimeWorks(): boolean {
  if (!existsSync(GNU_TIME)) return false
  const dir = mkdtempSync(join(tmpdir(), 'kapso-bench-'))
  try {
    const file = join(dir, 'rss')
    const { status } = spawnSync(GNU_TIME, ['-q', '-f', '%M', '-o', file, process.execPath, '-e', '0'], {
      stdio: 'ignore'
    })
    return status === 0 && (readKib(file) ?? 0) > 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The last line that is a whole number (GNU time may write a status line before it). */
function readKib(file: string): number | undefined {
  if (!existsSync(file)) return undefined
  const lines = readFileSync(file, 'utf8').trim().split('\n')
  const last = lines[lines.length - 1]?.trim() ?? ''
  return /^\d+$/.test(last) ? Number(last) : undefined
}
