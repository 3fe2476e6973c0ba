#!/usr/bin/env node
/**
 * The bench's stopwatch, a process of its own: the bench (a busy tsx process serving the emulator and the
 * links) sends it one command per line on stdin, as JSON {argv, env, cwd}; it starts each, waits for its
 * exit, and answers one JSON line {ms, exitCode, stdout, stderr}. Timed here, a program's wall time is not
 * inflated by the bench's own event loop or by forking a large process, and the bench subtracts what
 * starting `/bin/true` costs here (the spawn cost) so that `node -e 0` reads what it costs.
 */
import { spawn } from 'node:child_process'
import { Buffer } from 'node:buffer'
import process from 'node:process'
import { createInterface } from 'node:readline'

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  const { argv, env, cwd } = JSON.parse(line)
  const [bin, ...args] = argv
  const stdout = []
  const stderr = []
  const begin = process.hrtime.bigint()
  const child = spawn(bin, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.on('data', (chunk) => stdout.push(chunk))
  child.stderr.on('data', (chunk) => stderr.push(chunk))
  const exitCode = await new Promise((resolve) => {
    child.on('error', () => resolve(-1))
    child.on('exit', (code) => resolve(code ?? -1))
  })
  const ms = Number(process.hrtime.bigint() - begin) / 1e6
  await new Promise((resolve) => (child.stdout.readableEnded ? resolve() : child.stdout.on('close', resolve)))
  process.stdout.write(
    `${JSON.stringify({ ms, exitCode, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() })}\n`
  )
}
