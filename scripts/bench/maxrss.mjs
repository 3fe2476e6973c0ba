/**
 * The bench's fallback memory probe, for machines without GNU time: preloaded with `node --import`, it
 * writes this process's peak resident set size (KiB, process.resourceUsage().maxRSS) to the file named in
 * BENCH_MAXRSS_FILE when the process exits, whichever way it exits. It adds its own small cost to every
 * program alike.
 */
import { writeFileSync } from 'node:fs'
import process from 'node:process'

const file = process.env.BENCH_MAXRSS_FILE
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`))
