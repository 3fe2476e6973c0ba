/** The bench's side of bench/timer.mjs: runs programs in that small process, one at a time, and reads their time. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { median } from './stats.js'

export interface Timed {
  /** Wall time from spawn to exit, as the stopwatch read it (spawn cost not subtracted). */
  ms: number
  exitCode: number
  stdout: string
  stderr: string
}

export class Stopwatch {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly answers: ((line: string) => void)[] = []
  /** What starting /bin/true costs in the stopwatch: the median of `calibrate()`'s runs. */
  spawnMs = 0

  constructor() {
    const timer = join(dirname(fileURLToPath(import.meta.url)), 'timer.mjs')
    this.child = spawn(process.execPath, [timer], { stdio: ['pipe', 'pipe', 'pipe'] })
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answers.shift()?.(line))
  }

  run(argv: string[], env: Record<string, string>, cwd: string): Promise<Timed> {
    return new Promise((resolve) => {
      this.answers.push((line) => resolve(JSON.parse(line) as Timed))
      this.child.stdin.write(`${JSON.stringify({ argv, env, cwd })}\n`)
    })
  }

  /** Measures the spawn cost: `true` started `times` times in the stopwatch. */
  async calibrate(times = 15): Promise<number> {
    const samples: number[] = []
    for (let i = 0; i < times; i++) samples.push((await this.run(['true'], { PATH: process.env.PATH ?? '' }, '/')).ms)
    this.spawnMs = median(samples)
    return this.spawnMs
  }

  close(): void {
    this.child.stdin.end()
  }
}
