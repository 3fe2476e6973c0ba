import * as core from '@actions/core'
import type { Scope } from '../kapso/scope.js'
import { isLoopback, parseUrl, quote, type Fail } from './values.js'

export const DEFAULT_API_URLS = {
  legacy: 'https://app.kapso.ai/api/v1',
  platform: 'https://api.kapso.ai/platform/v1'
} as const

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PHONE_NUMBER_ID = /^[0-9]{1,32}$/

/** whatsapp-config-id (legacy API) or phone-number-id (Platform API): exactly one. */
export function readScope(fail: Fail): Scope | undefined {
  const configId = core.getInput('whatsapp-config-id')
  const phoneNumberId = core.getInput('phone-number-id')
  if (configId && phoneNumberId) {
    return fail('give exactly one of whatsapp-config-id (legacy API) and phone-number-id (Platform API), not both.')
  }
  if (configId) {
    if (!UUID.test(configId)) {
      return fail(`whatsapp-config-id must be a Kapso configuration UUID (like 550e8400-e29b-41d4-a716-446655440000); got ${quote(configId)}.`)
    }
    return { kind: 'legacy', id: configId, input: 'whatsapp-config-id' }
  }
  if (phoneNumberId) {
    if (!PHONE_NUMBER_ID.test(phoneNumberId)) {
      return fail(`phone-number-id must be Meta's phone number id, digits only (like 106540352242922); got ${quote(phoneNumberId)}.`)
    }
    return { kind: 'platform', id: phoneNumberId, input: 'phone-number-id' }
  }
  return fail('give exactly one of whatsapp-config-id (legacy API) and phone-number-id (Platform API).')
}

/** The API generation an api-url's path names, when it names one the way Kapso's own URLs do. */
function generationOf(url: URL): 'legacy' | 'platform' | undefined {
  const path = url.pathname.replace(/\/+$/, '')
  if (path.endsWith('/platform/v1')) return 'platform'
  if (path.endsWith('/api/v1')) return 'legacy'
  return undefined
}

/** api-url, or the scope's default. `default` says whether it was left empty. */
export function readApiUrl(scope: Scope | undefined, fail: Fail): { url: string; isDefault: boolean } | undefined {
  const raw = core.getInput('api-url')
  const wanted = scope?.kind === 'legacy' ? 'legacy' : 'platform'
  if (!raw) return scope ? { url: DEFAULT_API_URLS[wanted], isDefault: true } : undefined
  const parsed = parseUrl(raw)
  const accepts = 'an absolute https:// URL (http:// only for localhost), without credentials, query or fragment'
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return fail(`api-url must be ${accepts}; got ${quote(raw)}.`)
  if (parsed.username || parsed.password) return fail('api-url must not carry a user name or password: the API key is sent as X-API-Key.')
  if (parsed.search || parsed.hash) return fail(`api-url must be ${accepts}.`)
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    return fail(`api-url may use http:// only for a loopback host (localhost, 127.0.0.1, [::1]); use https:// for ${parsed.hostname}.`)
  }
  const generation = generationOf(parsed)
  if (scope && generation && generation !== wanted) {
    const names = { legacy: "Kapso's legacy API", platform: "Kapso's Platform API" }
    return fail(
      `api-url ${quote(raw)} is ${names[generation]}, but ${scope.input} needs ${names[wanted]} (${DEFAULT_API_URLS[wanted]}): ` +
        `leave api-url empty, or give ${wanted === 'legacy' ? 'phone-number-id' : 'whatsapp-config-id'} for the other API.`
    )
  }
  return { url: parsed.toString().replace(/\/+$/, ''), isDefault: false }
}
