/**
 * What the GitHub runner does with a step's stdout, line by line, as actions/runner's ActionCommandManager
 * and ActionCommand do (src/Runner.Worker/ActionCommandManager.cs, src/Runner.Common/ActionCommand.cs):
 * - a line is a command if, after TrimStart, it starts with `::name...::data` (TryParseV2), or else if it
 *   holds `##[name ...]data` ANYWHERE in the line (legacy TryParse, IndexOf("##[")), name registered;
 * - `stop-commands` (either form) stops all command processing until `::<token>::` / `##[<token>]`;
 *   while stopped, lines are shown as they are, so an `::add-mask::<secret>` line is shown, not obeyed;
 * - `add-mask` registers a value the runner replaces with *** in every later line;
 * - `set-output` (deprecated, still registered) sets a step output.
 * It does not model the file commands (GITHUB_OUTPUT, GITHUB_STATE), which are not parsed from stdout.
 */
const REGISTERED = new Set([
  'stop-commands',
  'set-output',
  'save-state',
  'add-mask',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'add-matcher',
  'remove-matcher',
  'set-env',
  'add-path'
])

interface Command {
  name: string
  properties: Record<string, string>
  data: string
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function parseV2(line: string, registered: Set<string>): Command | undefined {
  const message = line.trimStart()
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0)
    for (const p of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const [k, v] = p.split(/=(.*)/s)
      if (k && v !== undefined) properties[k] = v
    }
  return { name: name.toLowerCase(), properties, data: unescapeData(message.slice(end + 2)) }
}

function parseV1(line: string, registered: Set<string>): Command | undefined {
  const at = line.indexOf('##[')
  if (at < 0) return undefined
  const rb = line.indexOf(']', at)
  if (rb < 0) return undefined
  const info = line.slice(at + 3, rb)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0)
    for (const p of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const [k, v] = p.split(/=(.*)/s)
      if (k && v !== undefined) properties[k] = v
    }
  return { name: name.toLowerCase(), properties, data: line.slice(rb + 1) }
}

export interface RunnerView {
  /** stdout's lines, split as the runner splits them. */
  lines: string[]
  /** For each of those lines, whether it is a command the runner obeyed. */
  obeyedLines: boolean[]
  /** The log lines as the runner shows them (masked values replaced by ***), debug lines included. */
  shown: string[]
  /** Outputs set by a `set-output` command in the log. */
  commandOutputs: Record<string, string>
  /** Every command the runner obeyed, by name. */
  obeyed: string[]
}

export function runnerProcess(stdout: string): RunnerView {
  const registered = new Set(REGISTERED)
  const masks: string[] = []
  let stopToken: string | undefined
  const lines = stdout.split(/\r\n|\r|\n/)
  const view: RunnerView = { lines, obeyedLines: lines.map(() => false), shown: [], commandOutputs: {}, obeyed: [] }
  const mask = (text: string): string => masks.reduce((t, m) => (m ? t.split(m).join('***') : t), text)
  for (const [index, line] of lines.entries()) {
    const command = parseV2(line, registered) ?? parseV1(line, registered)
    if (!command) {
      if (line !== '') view.shown.push(mask(line))
      continue
    }
    if (stopToken !== undefined) {
      if (command.name === stopToken.toLowerCase()) {
        stopToken = undefined
        view.obeyed.push('resume')
      }
      view.shown.push(mask(line))
      continue
    }
    view.obeyed.push(command.name)
    view.obeyedLines[index] = true
    switch (command.name) {
      case 'stop-commands':
        view.shown.push(mask(line))
        stopToken = command.data
        registered.add(command.data.toLowerCase())
        break
      case 'add-mask':
        if (command.data.trim() !== '') masks.push(command.data)
        view.shown.push('::add-mask::***')
        break
      case 'set-output':
        if (command.properties.name) view.commandOutputs[command.properties.name] = command.data
        break
      case 'error':
      case 'warning':
      case 'notice':
        view.shown.push(mask(`${command.name}: ${command.data}`))
        break
      default:
        view.shown.push(mask(command.data))
    }
  }
  return view
}
