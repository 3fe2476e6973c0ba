import type { Webhook } from '../boundary/kapso.js'

/**
 * Where the webhooks live: a legacy WhatsApp configuration, a Platform API phone number, or the Platform
 * API project itself (project-wide webhooks, for project events).
 */
export interface Scope {
  kind: 'legacy' | 'platform' | 'project'
  /** The configuration UUID or phone number id; empty for the project. */
  id: string
  /** The input that named this scope, for messages. */
  input: 'whatsapp-config-id' | 'phone-number-id' | 'scope'
}

/** "whatsapp-config-id 3f1c…", "phone-number-id 106540352242922", "the project". */
export function describeScope(scope: Scope): string {
  return scope.kind === 'project' ? 'the project (scope: project)' : `${scope.input} ${scope.id}`
}

/** The URL of the scope's webhook collection. */
export function collectionUrl(apiUrl: string, scope: Scope): string {
  switch (scope.kind) {
    case 'legacy':
      return `${apiUrl}/whatsapp_configs/${encodeURIComponent(scope.id)}/whatsapp_webhooks`
    case 'platform':
      return `${apiUrl}/whatsapp/phone_numbers/${encodeURIComponent(scope.id)}/webhooks`
    case 'project':
      return `${apiUrl}/whatsapp/webhooks`
  }
}

/** The query of one page of the scope's list, with Kapso's "URL contains" filter where the API has one. */
export function listQuery(
  scope: Scope,
  page: number,
  perPage: number,
  kind: string,
  contains?: string
): URLSearchParams {
  const query = new URLSearchParams({ page: String(page), per_page: String(perPage) })
  if (scope.kind === 'legacy') {
    if (contains !== undefined) query.set('q[url_cont]', contains)
    return query
  }
  if (scope.kind === 'platform' && contains !== undefined) query.set('url_contains', contains)
  query.set('kind', kind)
  return query
}

/**
 * Whether a webhook in the scope's list belongs to the scope. The project's list holds every webhook of
 * the project, phone-number ones too; a phone number's list should hold only its own.
 */
export function inScope(scope: Scope, webhook: Webhook): boolean {
  if (scope.kind === 'project') return webhook.phone_number_id === null || webhook.phone_number_id === undefined
  // A phone number's list: its own webhooks, or ones that do not say (older answers name no phone number).
  if (scope.kind === 'platform') return webhook.phone_number_id === scope.id || webhook.phone_number_id === undefined
  return true
}

/**
 * What a 404 on the scope's webhooks means: the scope is not this API key's (or, with another api-url, not
 * on that API). `where` is " at api-url …" when api-url is not the scope's default, else empty.
 */
export function scopeNotFound(scope: Scope, doing: string, where: string): string {
  const apiUrlHint = where
    ? ` and api-url: it must be Kapso's ${
        scope.kind === 'legacy'
          ? 'legacy API (https://app.kapso.ai/api/v1)'
          : 'Platform API (https://api.kapso.ai/platform/v1)'
      } for ${scope.input}`
    : ''
  switch (scope.kind) {
    case 'legacy':
      return (
        `Kapso has no WhatsApp configuration ${scope.id} for this API key${where} (HTTP 404) while ${doing}. ` +
        `Check whatsapp-config-id: it is the configuration's UUID in Kapso${apiUrlHint}.`
      )
    case 'platform':
      return (
        `Kapso has no phone number ${scope.id} for this API key${where} (HTTP 404) while ${doing}. Check ` +
        `phone-number-id: it is Meta's phone number id (digits), not Kapso's configuration UUID${apiUrlHint}.`
      )
    case 'project':
      return `Kapso answered HTTP 404${where} while ${doing}.${
        where ? ' Check api-url: project webhooks are on the Platform API (https://api.kapso.ai/platform/v1).' : ''
      }`
  }
}
