/**
 * Every request the action sends to the legacy API, checked against Kapso's own published OpenAPI
 * (../shared/kapso-api/legacy-openapi-platform.yaml): path and method, path parameters, query
 * parameters and the JSON body. Objects in the spec are closed for this check, so a misspelt field
 * fails here even though the spec itself would let it through.
 * The spec is not part of this repository; where it is absent (a user's clone) the test is skipped.
 */
import { Ajv } from 'ajv'
import formats from 'ajv-formats'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { GitHubEmulator } from '../emulator/github.js'
import { EMULATOR_DEFAULTS, KapsoEmulator } from '../emulator/server.js'
import { emulatorInputs, ROOT } from '../scripts/run-action.js'
import { run } from '../src/main.js'
import { clearCore, recorded, setInputs } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const SPEC_PATH = process.env.KAPSO_LEGACY_OPENAPI ?? join(ROOT, '..', 'shared', 'kapso-api', 'legacy-openapi-platform.yaml')
const haveSpec = existsSync(SPEC_PATH)
if (!haveSpec) console.warn(`Contract test skipped: Kapso's legacy OpenAPI is not at ${SPEC_PATH} (set KAPSO_LEGACY_OPENAPI to its path).`)

type Schema = Record<string, unknown>
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: Schema
}
interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> }
}

/** Closes every object schema that lists its properties: an unexpected field becomes an error. */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects)
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Schema = {}
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'example' || key === 'examples' ? value : closeObjects(value)
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false
  return out
}

/** Query values arrive as text: read them as the parameter's declared type before validating. */
function coerce(value: string, schema: Schema): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value
  return value
}

describe.skipIf(!haveSpec)('requests to the legacy API match Kapso\'s OpenAPI', () => {
  let emulator: KapsoEmulator
  beforeAll(async () => {
    emulator = await KapsoEmulator.start()
  })
  afterAll(() => emulator.close())

  const URL_A = 'https://pr-5.preview.example.com/api/whatsapp'
  const base = (): Record<string, string> => ({
    ...emulatorInputs(emulator, 'legacy'),
    url: URL_A,
    events: 'whatsapp.message.received, whatsapp.message.sent'
  })
  async function step(inputs: Record<string, string>, expected: string): Promise<Record<string, string>> {
    clearCore()
    setInputs(inputs)
    await run()
    expect(recorded.failure()).toBeUndefined()
    expect(recorded.outputs().result).toBe(expected)
    return recorded.outputs()
  }

  it('for every operation and every field', async () => {
    // Enough look-alike webhooks that finding by url reads a second page.
    for (let i = 0; i < 120; i++) emulator.seed('legacy', EMULATOR_DEFAULTS.configId, { url: `${URL_A}/v${i}` })
    const full = {
      ...base(),
      'secret-key': 'contract-secret-1234567890',
      active: 'false',
      headers: '{"X-Env": "preview"}',
      'buffer-enabled': 'true',
      'buffer-window-seconds': '10',
      'max-buffer-size': '25',
      'buffer-events': 'whatsapp.message.received',
      'inactivity-minutes': '30'
    }
    const created = await step(full, 'created')
    await step(base(), 'updated') // every field back to Kapso's defaults, the secret kept
    await step({ ...full, 'secret-key': 'another-secret-0987654321', 'webhook-id': created['webhook-id'] ?? '', url: `${URL_A}/moved` }, 'updated')
    await step({ ...base(), operation: 'create' }, 'created')
    await step({ ...base(), operation: 'delete', 'dry-run': 'true' }, 'deleted')
    await step({ ...base(), operation: 'delete' }, 'deleted')
    await step({ ...base(), url: '', operation: 'delete', 'webhook-id': created['webhook-id'] ?? '' }, 'deleted')
    await step({ ...base(), url: '', operation: 'delete', 'webhook-id': created['webhook-id'] ?? '' }, 'absent')

    // As a pull request's workflow: create with the ownership record, delete on close by the record, sweep.
    const github = await GitHubEmulator.start({ repository: 'octo-org/shop', token: 'ghs_contract' })
    const event = join(mkdtempSync(join(tmpdir(), 'contract-')), 'event.json')
    writeFileSync(event, JSON.stringify({ action: 'opened', number: 5, pull_request: { number: 5 } }))
    Object.assign(process.env, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'octo-org/shop', GITHUB_API_URL: github.apiUrl })
    try {
      await step({ ...base(), operation: 'auto', url: `${URL_A}/pr-5` }, 'created')
      writeFileSync(event, JSON.stringify({ action: 'closed', number: 5, pull_request: { number: 5 } }))
      await step({ ...base(), operation: 'auto', url: '' }, 'deleted')
      await step({ ...base(), operation: 'auto', url: `${URL_A}/pr-5` }, 'absent')
      github.setPullRequests([{ number: 6, state: 'closed' }])
      emulator.seed('legacy', EMULATOR_DEFAULTS.configId, { url: `${URL_A}/pr-6`, headers: { 'X-Provisioned-By': 'kapso-webhook-action; repository=octo-org/shop; pull-request=6' } })
      await step({ ...base(), operation: 'sweep', 'github-token': 'ghs_contract' }, 'deleted')
    } finally {
      for (const name of ['GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH', 'GITHUB_REPOSITORY', 'GITHUB_API_URL']) delete process.env[name]
      await github.close()
    }

    const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, Operation>> }
    const ajv = new Ajv({ strict: false, allErrors: true })
    // ajv-formats is CommonJS: under NodeNext its function is the default export's default.
    formats.default(ajv)
    const routes = Object.entries(spec.paths).map(([template, item]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
      item
    }))

    const problems: string[] = []
    const used = new Set<string>()
    const requests = emulator.requests.filter((r) => r.api === 'legacy')
    for (const request of requests) {
      const where = `${request.method} ${request.path}?${new URLSearchParams(request.query)}`
      const route = routes.find((r) => r.pattern.test(request.path))
      const operation = route?.item[request.method.toLowerCase()]
      if (!route || !operation) {
        problems.push(`${where}: no such operation in the spec`)
        continue
      }
      used.add(operation.operationId)
      const params = operation.parameters ?? []
      const check = (what: string, schema: unknown, value: unknown): void => {
        const validate = ajv.compile(closeObjects(schema) as Schema)
        if (!validate(value)) problems.push(`${where}: ${what} ${ajv.errorsText(validate.errors)}`)
      }
      const pathValues = route.pattern.exec(request.path)?.slice(1) ?? []
      route.names.forEach((name, i) => {
        const param = params.find((p) => p.in === 'path' && p.name === name)
        check(`path parameter ${name}`, param?.schema ?? {}, decodeURIComponent(pathValues[i] ?? ''))
      })
      for (const [name, value] of request.query) {
        const param = params.find((p) => p.in === 'query' && p.name === name)
        if (!param) problems.push(`${where}: query parameter ${name} is not in the spec`)
        else check(`query parameter ${name}`, param.schema, coerce(value, param.schema))
      }
      const bodySpec = operation.requestBody?.content['application/json']?.schema
      if (bodySpec) check('body', bodySpec, request.body)
      else if (request.body !== undefined) problems.push(`${where}: sends a body the spec does not take`)
    }

    expect(problems).toEqual([])
    // The scenario must have exercised every webhook operation, or this test proves little.
    expect([...used].sort()).toEqual([
      'createPlatformWhatsappWebhook',
      'deletePlatformWhatsappWebhook',
      'getPlatformWhatsappWebhook',
      'listPlatformWhatsappWebhooks',
      'updatePlatformWhatsappWebhook'
    ])
    expect(requests.filter((r) => r.method === 'PATCH').length).toBeGreaterThanOrEqual(2)
    // Lists without a URL filter (sweep, and delete by record) were checked too.
    const unfiltered = (r: (typeof requests)[number]): boolean => r.query.length === 2 && r.query.some(([k, v]) => k === 'per_page' && v === '100')
    expect(requests.some((r) => r.method === 'GET' && unfiltered(r))).toBe(true)
  })
})
