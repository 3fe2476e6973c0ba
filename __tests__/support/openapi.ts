/**
 * Checks HTTP requests and responses against one of Kapso's published OpenAPI files, which live beside
 * the repository (../shared/kapso-api/), never in it.
 *
 *   const spec = openApiSpec('platform')            // undefined when the file is absent: skip, say why
 *   spec.checkRequest(emulator.requests[0])          // → [] or a list of problems
 *   spec.checkResponse(request, 201, json)           // → [] or a list of problems
 *
 * A request is its method, its path relative to the spec's server URL, its query pairs and its parsed
 * JSON body (an emulator RecordedRequest is one). Checked: that the operation exists, path parameters,
 * query parameters (read as their declared types; an undeclared one is a problem), and the JSON body.
 * A response is checked against the schema declared for its status (or NXX, or default).
 *
 * Objects are closed for the check (`additionalProperties: false` where the spec lists properties and
 * says nothing), so a misspelt or invented field is reported although the spec itself would let it
 * through. Branches of oneOf/anyOf/allOf stay open, and so does a parent whose branches add fields.
 * OpenAPI 3.1 files are checked with Ajv's draft 2020-12 class, 3.0 files with its draft-07 one; both
 * honour 3.0's `nullable: true`, which Kapso's 3.1 file still uses in places (Paging.next).
 */
import { Ajv, type ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

type Node = Record<string, unknown>

export type SpecName = 'legacy' | 'platform'

const SHARED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'kapso-api')

/** Where each spec is read from: KAPSO_LEGACY_OPENAPI / KAPSO_PLATFORM_OPENAPI, else ../shared/kapso-api/. */
const OPENAPI_PATHS: Record<SpecName, string> = {
  legacy: process.env.KAPSO_LEGACY_OPENAPI ?? join(SHARED, 'legacy-openapi-platform.yaml'),
  platform: process.env.KAPSO_PLATFORM_OPENAPI ?? join(SHARED, 'platform-openapi.yaml')
}

const VARIABLES: Record<SpecName, string> = { legacy: 'KAPSO_LEGACY_OPENAPI', platform: 'KAPSO_PLATFORM_OPENAPI' }

/** Why a spec cannot be read: where it was looked for, and how to point at it. */
export function specMissing(name: SpecName): string {
  return `Kapso's ${name} OpenAPI is not at ${OPENAPI_PATHS[name]} (set ${VARIABLES[name]} to its path)`
}

/**
 * The one line a test file prints when it skips for want of Kapso's specs, or undefined when it has them all.
 * Kapso's OpenAPI files are not part of this repository, so in a plain clone this is expected, not a step
 * left out: it says so, and how to run the tests where the files are at hand.
 */
export function skipNote(tests: string, names: SpecName[]): string | undefined {
  const missing = names.filter((name) => !existsSync(OPENAPI_PATHS[name]))
  if (missing.length === 0) return undefined
  const how = missing.map((name) => `${VARIABLES[name]}=<file>`).join(' ')
  return (
    `${tests}: skipped, as expected in a clone of this repository (Kapso's OpenAPI files are kept outside it; ` +
    `${how} runs them, see CONTRIBUTING.md).`
  )
}

/** The checker for one of Kapso's specs, or undefined when its file is absent. */
export function openApiSpec(name: SpecName, options: { closed?: boolean } = {}): OpenApiSpec | undefined {
  return existsSync(OPENAPI_PATHS[name])
    ? new OpenApiSpec(readFileSync(OPENAPI_PATHS[name], 'utf8'), options)
    : undefined
}

export interface CheckedRequest {
  method: string
  /** Relative to the spec's server URL, e.g. /whatsapp/webhooks/…; percent-encoded as sent. */
  path: string
  query?: Iterable<[string, string]>
  /** The parsed JSON body; undefined when none was sent. */
  body?: unknown
}

interface Route {
  template: string
  pattern: RegExp
  names: string[]
}

interface Parameter {
  name: string
  in: string
  required?: boolean
  pointer: string
  schema: Node
}

export class OpenApiSpec {
  private readonly doc: Node
  private readonly ajv: Ajv | Ajv2020
  private readonly routes: Route[]
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(text: string, { closed = true }: { closed?: boolean } = {}) {
    const parsed = parse(text) as Node
    this.doc = closed ? (closeObjects(parsed) as Node) : parsed
    const modern = String(parsed.openapi).startsWith('3.1')
    this.ajv = modern
      ? new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
      : new Ajv({ strict: false, allErrors: true, validateSchema: false })
    // ajv-formats is CommonJS: under NodeNext its function is the default export's default.
    formats.default(this.ajv)
    this.ajv.addSchema(this.doc, 'openapi')
    this.routes = Object.keys(this.paths())
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`),
        names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string)
      }))
      .sort((a, b) => a.names.length - b.names.length) // a literal segment wins over a parameter
  }

  /** The operationId serving this method and path, or undefined when the spec has no such operation. */
  operationId(method: string, path: string): string | undefined {
    return this.find(method, path)?.operation.operationId as string | undefined
  }

  /** The statuses an operation declares, e.g. ['200', '401']. */
  statuses(operationId: string): string[] {
    for (const item of Object.values(this.paths())) {
      for (const operation of Object.values(item)) {
        if (isNode(operation) && operation.operationId === operationId)
          return Object.keys((operation.responses as Node | undefined) ?? {})
      }
    }
    return []
  }

  /** What is wrong with a request, one line each; [] when it conforms. */
  checkRequest(request: CheckedRequest): string[] {
    const where = `${request.method} ${request.path}`
    const found = this.find(request.method, request.path)
    if (!found) return [`${where}: no such operation in the spec`]
    const problems: string[] = []
    const parameters = this.parameters(found.pointer)
    const values = found.route.pattern.exec(request.path)?.slice(1) ?? []
    found.route.names.forEach((name, i) => {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name)
      problems.push(
        ...this.validate(`${where}: path parameter ${name}`, parameter?.pointer, decodeURIComponent(values[i] ?? ''))
      )
    })
    const query = [...(request.query ?? [])]
    for (const [name, value] of query) {
      const parameter = parameters.find((p) => p.in === 'query' && p.name === name)
      if (!parameter) problems.push(`${where}: query parameter ${name} is not in the spec`)
      else
        problems.push(
          ...this.validate(`${where}: query parameter ${name}`, parameter.pointer, coerce(value, parameter.schema))
        )
    }
    for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) {
      if (!query.some(([name]) => name === parameter.name))
        problems.push(`${where}: required query parameter ${parameter.name} is missing`)
    }
    problems.push(...this.checkBody(where, found.pointer, request.body))
    return problems
  }

  /** What is wrong with a response to a request, one line each; [] when it conforms. */
  checkResponse(request: Pick<CheckedRequest, 'method' | 'path'>, status: number, body: unknown): string[] {
    const where = `${request.method} ${request.path} → ${status}`
    const found = this.find(request.method, request.path)
    if (!found) return [`${where}: no such operation in the spec`]
    const responses = (found.operation.responses as Node | undefined) ?? {}
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses)
    if (key === undefined) return [`${where}: the spec declares no such status (${Object.keys(responses).join(', ')})`]
    const [response, pointer] = this.resolve(responses[key], `${found.pointer}/responses/${escape(key)}`)
    const content = (response.content as Node | undefined)?.['application/json']
    if (!isNode(content) || !content.schema)
      return body === undefined ? [] : [`${where}: answers a body where the spec declares none`]
    if (body === undefined) return [`${where}: answers no body where the spec declares one`]
    return this.validate(`${where}: body`, `${pointer}/content/${escape('application/json')}/schema`, body)
  }

  private checkBody(where: string, operationPointer: string, body: unknown): string[] {
    const operation = this.at(operationPointer)
    if (operation.requestBody === undefined)
      return body === undefined ? [] : [`${where}: sends a body the operation does not take`]
    const [requestBody, pointer] = this.resolve(operation.requestBody, `${operationPointer}/requestBody`)
    if (body === undefined) return requestBody.required ? [`${where}: the operation requires a body`] : []
    const content = (requestBody.content as Node | undefined)?.['application/json']
    if (!isNode(content) || !content.schema) return [`${where}: the operation takes no JSON body`]
    return this.validate(`${where}: body`, `${pointer}/content/${escape('application/json')}/schema`, body)
  }

  private validate(what: string, pointer: string | undefined, value: unknown): string[] {
    if (pointer === undefined) return [`${what} is not in the spec`]
    let validate = this.compiled.get(pointer)
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi#${pointer.split('/').map(encodeURIComponent).join('/')}` })
      this.compiled.set(pointer, validate)
    }
    return validate(value) ? [] : [`${what}: ${this.ajv.errorsText(validate.errors, { dataVar: 'value' })}`]
  }

  private find(method: string, path: string): { route: Route; operation: Node; pointer: string } | undefined {
    const bare = path.split('?')[0] ?? ''
    for (const route of this.routes) {
      if (!route.pattern.test(bare)) continue
      const operation = this.paths()[route.template]?.[method.toLowerCase()]
      if (isNode(operation))
        return { route, operation, pointer: `/paths/${escape(route.template)}/${method.toLowerCase()}` }
    }
    return undefined
  }

  /** The path item's and the operation's parameters, the operation's winning, each with its schema's pointer. */
  private parameters(operationPointer: string): Parameter[] {
    const itemPointer = operationPointer.slice(0, operationPointer.lastIndexOf('/'))
    const byKey = new Map<string, Parameter>()
    for (const owner of [itemPointer, operationPointer]) {
      const list = this.at(owner).parameters
      if (!Array.isArray(list)) continue
      list.forEach((raw, i) => {
        const [parameter, pointer] = this.resolve(raw, `${owner}/parameters/${i}`)
        const [schema, schemaPointer] = this.resolve(parameter.schema ?? {}, `${pointer}/schema`)
        byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, {
          name: String(parameter.name),
          in: String(parameter.in),
          required: parameter.required === true,
          pointer: schemaPointer,
          schema
        })
      })
    }
    return [...byKey.values()]
  }

  /** Follows a local $ref (#/components/…) to its target, with the target's pointer. */
  private resolve(node: unknown, pointer: string): [Node, string] {
    let current = isNode(node) ? node : {}
    let at = pointer
    for (let hops = 0; typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 20; hops++) {
      at = current.$ref.slice(1)
      current = this.at(at)
    }
    return [current, at]
  }

  private at(pointer: string): Node {
    let node: unknown = this.doc
    for (const part of pointer.split('/').slice(1))
      node = isNode(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
    return isNode(node) ? node : {}
  }

  private paths(): Record<string, Node> {
    return (this.doc.paths ?? {}) as Record<string, Node>
  }
}

/** Query values arrive as text: read them as the parameter's declared type before validating. */
function coerce(value: string, schema: Node): unknown {
  const types = [schema.type].flat()
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

/** Closes every object schema that lists its properties; see the module comment for what stays open. */
function closeObjects(schema: unknown, isBranch = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closeObjects(item))
  if (!isNode(schema)) return schema
  const out: Node = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples') out[key] = value
    else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value))
      out[key] = value.map((branch) => closeObjects(branch, true))
    else out[key] = closeObjects(value)
  }
  if (isBranch || !isNode(out.properties) || out.additionalProperties !== undefined) return out
  const own = Object.keys(out.properties)
  const branches = [out.oneOf, out.anyOf, out.allOf].flatMap((list) => (Array.isArray(list) ? list : []))
  const branchFields = branches.flatMap((branch) =>
    isNode(branch) && isNode(branch.properties) ? Object.keys(branch.properties) : []
  )
  if (branchFields.every((field) => own.includes(field))) out.additionalProperties = false
  return out
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON pointer segment. */
function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
