import type { WebhookKind } from '../boundary/kapso.js'
import type { Scope } from '../kapso/scope.js'
import { UUID } from '../ids.js'
import { parseUrl } from '../urls.js'
import { isLoopback, quote, readInput, type Fail } from './values.js'

export const DEFAULT_API_URLS = {
  legacy: 'https://app.kapso.ai/api/v1',
  platform: 'https://api.kapso.ai/platform/v1'
} as const

const PHONE_NUMBER_ID = /^[0-9]{1,32}$/
const ONE_SCOPE =
  'exactly one of whatsapp-config-id (legacy API), phone-number-id (Platform API) or scope: project (Platform API, ' +
  'project-wide)'

/** scope: project, or else whatsapp-config-id (legacy API) or phone-number-id (Platform API): exactly one. */
export function readScope(fail: Fail): Scope | undefined {
  const scope = readInput('scope')
  const configId = readInput('whatsapp-config-id')
  const phoneNumberId = readInput('phone-number-id')
  if (scope !== '' && scope !== 'project')
    return fail(
      `scope must be project, or empty to let whatsapp-config-id or phone-number-id decide; got ${quote(scope)}.`
    )
  if (scope === 'project') {
    if (configId || phoneNumberId) {
      return fail(
        `scope project takes neither whatsapp-config-id nor phone-number-id: a project webhook belongs to the API ` +
          `key's whole project. Give ${ONE_SCOPE}.`
      )
    }
    return { kind: 'project', id: '', input: 'scope' }
  }
  if (configId && phoneNumberId) return fail(`give ${ONE_SCOPE}, not both ids.`)
  if (configId) {
    if (!UUID.test(configId)) {
      return fail(
        `whatsapp-config-id must be a Kapso configuration UUID (like 550e8400-e29b-41d4-a716-446655440000); got ` +
          `${quote(configId)}.`
      )
    }
    return { kind: 'legacy', id: configId, input: 'whatsapp-config-id' }
  }
  if (phoneNumberId) {
    if (!PHONE_NUMBER_ID.test(phoneNumberId)) {
      return fail(
        `phone-number-id must be Meta's phone number id, digits only (like 106540352242922); got ` +
          `${quote(phoneNumberId)}.`
      )
    }
    return { kind: 'platform', id: phoneNumberId, input: 'phone-number-id' }
  }
  return fail(`give ${ONE_SCOPE}.`)
}

/** kind: kapso (the default) or meta, which only a phone number of the Platform API can have. */
export function readKind(scope: Scope | undefined, fail: Fail): WebhookKind | undefined {
  const raw = readInput('kind')
  if (raw !== 'kapso' && raw !== 'meta')
    return fail(`kind must be kapso (Kapso's events) or meta (Meta's raw payloads); got ${quote(raw)}.`)
  if (raw === 'meta' && scope?.kind === 'legacy')
    return fail('kind meta is a Platform API webhook: give phone-number-id instead of whatsapp-config-id.')
  if (raw === 'meta' && scope?.kind === 'project')
    return fail("kind meta needs phone-number-id: Meta's raw payloads belong to one phone number, not to the project.")
  return raw
}

/** The API generation an api-url's path names, when it names one the way Kapso's own URLs do. */
function generationOf(url: URL): 'legacy' | 'platform' | undefined {
  const path = url.pathname.replace(/\/+$/, '')
  if (path.endsWith('/platform/v1')) return 'platform'
  if (path.endsWith('/api/v1')) return 'legacy'
  return undefined
}

/** api-url, or the scope's default. `isDefault` says whether it was left empty. */
export function readApiUrl(scope: Scope | undefined, fail: Fail): { url: string; isDefault: boolean } | undefined {
  const raw = readInput('api-url')
  const wanted = scope?.kind === 'legacy' ? 'legacy' : 'platform'
  if (!raw) return scope ? { url: DEFAULT_API_URLS[wanted], isDefault: true } : undefined
  const parsed = parseUrl(raw)
  const accepts = 'an absolute https:// URL (http:// only for localhost), without credentials, query or fragment'
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    return fail(`api-url must be ${accepts}; got ${quote(raw)}.`)
  if (parsed.username || parsed.password)
    return fail('api-url must not carry a user name or password: the API key is sent as X-API-Key.')
  if (parsed.search || parsed.hash) return fail(`api-url must be ${accepts}.`)
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    return fail(
      `api-url may use http:// only for a loopback host (localhost, 127.0.0.1, [::1]); use https:// for ` +
        `${parsed.hostname}.`
    )
  }
  const generation = generationOf(parsed)
  if (scope && generation && generation !== wanted) {
    const names = { legacy: "Kapso's legacy API", platform: "Kapso's Platform API" }
    const other = wanted === 'legacy' ? 'phone-number-id' : 'whatsapp-config-id'
    return fail(
      `api-url ${quote(raw)} is ${names[generation]}, but ${scope.input === 'scope' ? 'scope project' : scope.input} ` +
        `needs ${names[wanted]} (${DEFAULT_API_URLS[wanted]}): ` +
        `leave api-url empty${scope.kind === 'project' ? '' : `, or give ${other} for the other API`}.`
    )
  }
  return { url: parsed.toString().replace(/\/+$/, ''), isDefault: false }
}
