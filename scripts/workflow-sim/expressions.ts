/**
 * GitHub's expression language as the workflow simulator uses it: @actions/expressions (GitHub's own lexer,
 * parser and evaluator) for `${{ }}`, plus what the runner adds around it: the `${{ }}` templates of a YAML
 * value (text around expressions becomes a format() call, as actions/runner's TemplateReader does), the
 * success() wrapping of `if:`, the status functions and hashFiles, and the runner's conversion of a value to
 * a string (numbers with .NET's "G15", objects refused where a string is expected).
 */
import { data, Evaluator, Lexer, Parser, wellKnownFunctions, type Expr } from '@actions/expressions'
import { Binary, FunctionCall, Grouping, IndexAccess, Logical, Unary } from '@actions/expressions/ast'
import type { FunctionDefinition, FunctionInfo } from '@actions/expressions/funcs/info'
import { truthy } from '@actions/expressions/result'

export type Data = data.ExpressionData

/** What the status functions answer where they are allowed (job and step `if:`). */
export interface Status {
  success: boolean
  failure: boolean
  cancelled: boolean
}

/** Where an expression is and what it may use there: these contexts (and no others), these functions. */
export interface Scope {
  file: string
  where: string
  contexts: Record<string, Data>
  /** Allows success(), failure(), cancelled() and always(), answering so. */
  status?: Status
  /** Allows hashFiles(), which answers '' (the simulator has no workspace). */
  hashFiles?: boolean
}

/** An expression GitHub would refuse, or one whose evaluation fails: names the file, the place and the expression. */
export class WorkflowExpressionError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly expression: string,
    cause: unknown
  ) {
    super(
      `${file}: ${where}: ${cause instanceof Error ? cause.message : String(cause)}, in the expression: ${expression}`,
      { cause }
    )
    this.name = 'WorkflowExpressionError'
  }
}

/** A JSON-like value (an event payload, a context) as expression data. */
export function toData(value: unknown): Data {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as Data
}

/** A number as the runner prints it: .NET's Double.ToString("G15"), e.g. 1E+20, 1E-05, 0.1, -0. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const [mantissa = '', exponent = '0'] = n.toExponential(14).split('e')
  const power = Number(exponent)
  if (power > -5 && power < 15) return String(Number(n.toPrecision(15)))
  const digits = mantissa.replace(/\.?0+$/, '')
  return `${digits}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`
}

/** A value as the runner converts it to a string (format(), `${{ }}` in text): null '', 'true', G15, 'Array', 'Object'. */
export function runnerString(value: Data): string {
  if (value.kind === data.Kind.Number) return formatNumber(value.value)
  if (value.kind === data.Kind.Dictionary) return 'Object'
  return value.coerceString()
}

/** Numbers as the runner prints them, for the functions that convert their arguments to strings. */
function printed(value: Data): Data {
  if (value.kind === data.Kind.Number) return new data.StringData(formatNumber(value.value))
  if (value instanceof data.Array) return new data.Array(...value.values().map(printed))
  return value
}

/** The built-in functions that print numbers, with the runner's G15 rather than the library's own printing. */
const PRINTING: Map<string, FunctionDefinition> = new Map(
  ['format', 'join', 'contains', 'startswith', 'endswith'].map((name) => {
    const f = wellKnownFunctions[name] as FunctionDefinition
    return [name, { ...f, call: (...args: Data[]) => f.call(...args.map(printed)) }]
  })
)

function functions(scope: Scope): Map<string, FunctionDefinition> {
  const map = new Map(PRINTING)
  const add = (name: string, minArgs: number, maxArgs: number, answer: () => Data) =>
    map.set(name.toLowerCase(), { name, minArgs, maxArgs, call: answer })
  const { status } = scope
  if (status) {
    add('success', 0, 0, () => new data.BooleanData(status.success && !status.cancelled))
    add('failure', 0, 0, () => new data.BooleanData(status.failure && !status.cancelled))
    add('cancelled', 0, 0, () => new data.BooleanData(status.cancelled))
    add('always', 0, 0, () => new data.BooleanData(true))
  }
  if (scope.hashFiles) add('hashFiles', 1, 255, () => new data.StringData(''))
  return map
}

function extensionFunctions(scope: Scope): FunctionInfo[] {
  return [...functions(scope).values()].filter((f) => !(f.name.toLowerCase() in wellKnownFunctions))
}

/** Parses an expression as GitHub does where `scope` is: unknown contexts, functions and bad syntax throw. */
export function compile(expression: string, scope: Scope): Expr {
  try {
    const tokens = new Lexer(expression).lex().tokens
    const tree = new Parser(tokens, Object.keys(scope.contexts), extensionFunctions(scope)).parse() as Expr | undefined
    if (!tree) throw new Error('An expression was expected')
    return tree
  } catch (e) {
    throw new WorkflowExpressionError(scope.file, scope.where, expression, e)
  }
}

export function evaluate(expression: string, scope: Scope): Data {
  const tree = compile(expression, scope)
  const contexts = new data.Dictionary(...Object.entries(scope.contexts).map(([key, value]) => ({ key, value })))
  try {
    return new Evaluator(tree, contexts, functions(scope)).evaluate()
  } catch (e) {
    throw new WorkflowExpressionError(scope.file, scope.where, expression, e)
  }
}

/**
 * The expression a YAML string with `${{ }}` stands for, as actions/runner's TemplateReader builds it: the
 * expression itself when the string is exactly one `${{ }}`, else format() over the text and the expressions.
 * A `}}` inside a quoted string does not end an expression. Undefined when the string has no `${{`.
 */
export function templateExpression(text: string, file: string, where: string): string | undefined {
  if (!text.includes('${{')) return undefined
  const literals: string[] = []
  const expressions: string[] = []
  let rest = text
  for (let start = rest.indexOf('${{'); start >= 0; start = rest.indexOf('${{')) {
    const end = closingBraces(rest, start + 3)
    if (end < 0)
      throw new WorkflowExpressionError(
        file,
        where,
        rest.slice(start),
        'The expression is not closed: an unescaped ${{ sequence was found, but the closing }} sequence was not found'
      )
    const expression = rest.slice(start + 3, end).trim()
    if (!expression) throw new WorkflowExpressionError(file, where, text, 'An expression was expected')
    literals.push(rest.slice(0, start))
    expressions.push(expression)
    rest = rest.slice(end + 2)
  }
  if (expressions.length === 1 && literals[0] === '' && rest === '') return expressions[0]
  const escape = (s: string) => s.replace(/'/g, "''").replace(/\{/g, '{{').replace(/\}/g, '}}')
  const format = literals.map((literal, i) => `${escape(literal)}{${i}}`).join('') + escape(rest)
  return `format('${format}', ${expressions.join(', ')})`
}

/** Where the `}}` that closes an expression starting at `from` is, skipping quoted strings; -1 if nowhere. */
function closingBraces(text: string, from: number): number {
  let quoted = false
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] === "'") quoted = !quoted
    else if (!quoted && text[i] === '}' && text[i + 1] === '}') return i
  }
  return -1
}

/** A YAML scalar of a workflow as the runner reads it: text with `${{ }}` evaluated, other scalars as they are. */
export function evaluateValue(value: unknown, scope: Scope): Data {
  if (value === null || value === undefined) return new data.Null()
  if (typeof value === 'object')
    throw new WorkflowExpressionError(
      scope.file,
      scope.where,
      JSON.stringify(value),
      'A mapping or sequence was not expected'
    )
  if (typeof value !== 'string') return toData(value)
  const expression = templateExpression(value, scope.file, scope.where)
  return expression === undefined ? new data.StringData(value) : evaluate(expression, scope)
}

/** A value where the runner expects a string (`with:`, `env:`, `run:`): converted as it converts it. */
export function evaluateString(value: unknown, scope: Scope): string {
  const result = evaluateValue(value, scope)
  if (result.kind === data.Kind.Dictionary || result.kind === data.Kind.Array) {
    throw new WorkflowExpressionError(
      scope.file,
      scope.where,
      String(value),
      `A ${result.kind === data.Kind.Array ? 'sequence' : 'mapping'} was not expected`
    )
  }
  return runnerString(result)
}

/**
 * The expression an `if:` stands for: its text itself (with or without `${{ }}`), `success()` when empty,
 * and `success() && (…)` around it unless it calls success(), failure(), cancelled() or always().
 */
export function conditionExpression(value: unknown, scope: Scope): string {
  const text =
    typeof value === 'string'
      ? (templateExpression(value, scope.file, scope.where) ?? value.trim())
      : value === null || value === undefined
        ? ''
        : String(value)
  if (!text) return 'success()'
  return callsStatus(compile(text, scope)) ? text : `success() && (${text})`
}

export function evaluateCondition(value: unknown, scope: Scope): boolean {
  return truthy(evaluate(conditionExpression(value, scope), scope))
}

function callsStatus(tree: Expr): boolean {
  if (tree instanceof FunctionCall) {
    return (
      ['success', 'failure', 'cancelled', 'always'].includes(tree.functionName.lexeme.toLowerCase()) ||
      tree.args.some(callsStatus)
    )
  }
  if (tree instanceof Binary) return callsStatus(tree.left) || callsStatus(tree.right)
  if (tree instanceof Unary) return callsStatus(tree.expr)
  if (tree instanceof Logical) return tree.args.some(callsStatus)
  if (tree instanceof Grouping) return callsStatus(tree.group)
  if (tree instanceof IndexAccess) return callsStatus(tree.expr) || callsStatus(tree.index)
  return false
}

export { truthy }
