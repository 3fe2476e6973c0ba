/** The action's entry point, for the main step and the post step the runner adds for every use of it. */
import * as core from '@actions/core'
import { openEarly } from './early.js'

// The runner gives the post step the state the main step saved: this is how the one bundle tells them apart.
const isPost = core.getState('isPost') === 'true'
if (!isPost) core.saveState('isPost', 'true')

// Kapso's connection first, then the rest of the action (a chunk of ncc's): loading it overlaps the
// connection's handshakes (early.ts).
const early = isPost ? undefined : openEarly()
await early?.catch(() => undefined)
const { cleanup, run } = await import('./main.js')
await (isPost ? cleanup() : run(early))
// Everything is written by now. A request abandoned at its timeout may still hold a socket to a server that
// never answers; end here rather than wait for it. The exit code is the one run() set.
process.exit()
