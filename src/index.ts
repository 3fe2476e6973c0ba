/** The action's entry point, as the runner starts it. */
import { run } from './main.js'

await run()
// Everything is written by now. A request abandoned at its timeout may still hold a socket to a server that
// never answers; end here rather than wait for it. The exit code is the one run() set.
process.exit()
