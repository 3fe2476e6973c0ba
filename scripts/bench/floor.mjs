#!/usr/bin/env node
/**
 * The floor of `npm run bench`: the least any client could do for the action's common path, written by
 * hand in plain JavaScript so that it runs with plain `node` and loads nothing it does not use.
 *
 * It reads the same INPUT_* variables as the action, makes the same requests (an upsert is one GET of the
 * list filtered by URL; when nothing matches, a POST creates the webhook) over one keep-alive connection
 * with node:http or node:https, parses the JSON, and writes the same GITHUB_OUTPUT lines the action
 * writes for webhook-id and result. Missing inputs end it at once with exit 1, before any module is
 * loaded: that is the floor of the start-up case.
 *
 * It is a yardstick, not a second implementation: it covers the legacy and Platform list/create shapes,
 * no retries, no proxies, no PATCH (a webhook that differs is reported and the floor exits 1), no summary.
 * Kept in the repository so that every bench compares against the same floor.
 */
// Builtins come from process.getBuiltinModule (Node >= 20.16), never from `import`: an ESM import of a
// builtin builds a namespace of every export it has, and on Node 24 that reads node:http's lazy WebSocket
// export, which loads Node's own undici (some 50-100 ms and 15 MiB here). No client has to pay that.
const { process } = globalThis
const builtin = (name) => process.getBuiltinModule(name)

const env = process.env
const input = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()

const apiKey = input('api-key')
if (apiKey) process.stdout.write(`::add-mask::${apiKey}\n`)
const configId = input('whatsapp-config-id')
const phoneNumberId = input('phone-number-id')
const url = input('url')
const events = input('events')
  .split(/[\n,]/)
  .map((event) => event.trim())
  .filter(Boolean)
const operation = input('operation') || 'upsert'

const problems = []
if (!apiKey) problems.push('api-key is required.')
if (!configId === !phoneNumberId) problems.push('give exactly one of whatsapp-config-id and phone-number-id.')
if (!url) problems.push('url is required.')
if (events.length === 0) problems.push('events is required.')
if (operation !== 'upsert' && operation !== 'create')
  problems.push(`the floor does only upsert and create; got ${operation}.`)
if (problems.length > 0) fail(`Invalid inputs: ${problems.join(' ')}`)

const { URL } = builtin('node:url')
const { Buffer } = builtin('node:buffer')
const legacy = Boolean(configId)
const apiUrl = (
  input('api-url') || (legacy ? 'https://app.kapso.ai/api/v1' : 'https://api.kapso.ai/platform/v1')
).replace(/\/+$/, '')
const base = new URL(
  legacy
    ? `${apiUrl}/whatsapp_configs/${encodeURIComponent(configId)}/whatsapp_webhooks`
    : `${apiUrl}/whatsapp/phone_numbers/${encodeURIComponent(phoneNumberId)}/webhooks`
)
const http = builtin(base.protocol === 'https:' ? 'node:https' : 'node:http')
// One connection, kept open between the requests of this step.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const timeoutMs = (Number(input('request-timeout-seconds')) || 30) * 1000

const existing = await findByUrl()
let result
let webhookId
if (operation === 'upsert' && existing.length > 0) {
  const [found] = existing
  const active = input('active') !== 'false'
  const same = sameSet(found.events ?? [], events) && (found.active ?? true) === active
  if (!same) fail(`webhook ${found.id} differs from the inputs; the floor does not update.`)
  result = 'unchanged'
  webhookId = found.id
} else {
  const { randomBytes } = builtin('node:crypto')
  const secretKey = input('secret-key') || randomBytes(32).toString('hex')
  process.stdout.write(`::add-mask::${secretKey}\n`)
  const fields = { url, secret_key: secretKey, events, active: input('active') !== 'false', buffer_enabled: false }
  const created = await send('POST', base, { whatsapp_webhook: fields })
  result = 'created'
  webhookId = created?.data?.id
  if (typeof webhookId !== 'string') fail('Kapso answered the create without a webhook id.')
}

process.stdout.write(`${result === 'created' ? 'Created' : 'Unchanged:'} webhook ${webhookId} for ${url}.\n`)
writeOutputs({ 'webhook-id': webhookId, result })
// The keep-alive socket would hold the event loop open: end here, as the action does.
process.exit(0)

/** Every webhook with exactly this URL, reading every page of Kapso's "URL contains" filter. */
async function findByUrl() {
  const found = []
  for (let page = 1; ; page++) {
    const query = new URL(base)
    query.searchParams.set('page', String(page))
    query.searchParams.set('per_page', '100')
    if (legacy) query.searchParams.set('q[url_cont]', url)
    else {
      query.searchParams.set('url_contains', url)
      query.searchParams.set('kind', 'kapso')
    }
    const body = await send('GET', query)
    const data = Array.isArray(body?.data) ? body.data : []
    found.push(...data.filter((webhook) => webhook?.url === url))
    const totalPages = Number(body?.meta?.total_pages)
    if (!(Number.isFinite(totalPages) ? page < totalPages : data.length >= 100)) return found
  }
}

/** One request; resolves with the parsed JSON body (null when empty), fails on anything but 2xx. */
function send(method, target, payload) {
  const body = payload === undefined ? undefined : JSON.stringify(payload)
  const headers = { Accept: 'application/json', 'User-Agent': 'kapso-webhook-floor/1', 'X-API-Key': apiKey }
  if (body !== undefined)
    Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) })
  return new Promise((resolve, reject) => {
    const request = http.request(target, { method, agent, headers }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const status = response.statusCode ?? 0
        if (status < 200 || status >= 300) return reject(new Error(`${method} ${target.pathname}: HTTP ${status}`))
        try {
          resolve(text ? JSON.parse(text) : null)
        } catch {
          reject(new Error(`${method} ${target.pathname}: the answer is not JSON`))
        }
      })
    })
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`${method} ${target.pathname}: no answer in ${timeoutMs / 1000} s`))
    )
    request.on('error', reject)
    request.end(body)
  }).catch((error) => fail(error.message))
}

/** Appends `name<<delimiter … delimiter` records, as @actions/core's setOutput does. */
function writeOutputs(outputs) {
  const file = env.GITHUB_OUTPUT
  if (!file) return
  const { appendFileSync } = builtin('node:fs')
  const { randomUUID } = builtin('node:crypto')
  let text = ''
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomUUID()}`
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
  }
  appendFileSync(file, text)
}

function sameSet(a, b) {
  return a.length === b.length && a.every((item) => b.includes(item))
}

function fail(message) {
  process.stdout.write(`::error::${message}\n`)
  process.exit(1)
}
