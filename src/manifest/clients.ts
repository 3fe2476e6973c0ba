/** Kapso's webhook API for each scope and kind a manifest touches, over the step's one transport. */
import type { Webhook, WebhookKind } from '../boundary/kapso.js'
import { BACKOFF_MS } from '../connect.js'
import type { Deadline } from '../deadline.js'
import { DEFAULT_API_URLS } from '../inputs/scope.js'
import { KapsoClient } from '../kapso/client.js'
import type { Scope } from '../kapso/scope.js'
import type { Transport } from '../kapso/transport.js'
import type { WebhookApi } from '../operations/index.js'
import type { Progress } from '../progress.js'

export const PROJECT: Scope = { kind: 'project', id: '', input: 'scope' }

export class ManifestClients {
  private readonly clients = new Map<string, KapsoClient>()

  constructor(
    private readonly transport: Transport,
    private readonly progress: Progress,
    private readonly deadline: Deadline,
    /** api-url as given, '' for each scope's default. */
    private readonly apiUrl: string,
    /** List pages in flight at once after the first (KAPSO_ACTION_CONCURRENCY). */
    private readonly concurrency = 1
  ) {}

  /** The client of one scope and kind; `everyScope`: the project's whole list (see ClientOptions). */
  for(scope: Scope, kind: WebhookKind, everyScope = false): WebhookApi {
    const key = [scope.kind, scope.id, kind, everyScope].join(' ')
    let client = this.clients.get(key)
    if (!client) {
      const generation = scope.kind === 'legacy' ? 'legacy' : 'platform'
      client = new KapsoClient(
        {
          apiUrl: this.apiUrl || DEFAULT_API_URLS[generation],
          defaultApiUrl: !this.apiUrl,
          scope,
          kind,
          deadline: this.deadline,
          lookAgain: { paceMs: BACKOFF_MS, deadline: this.deadline },
          everyScope,
          concurrency: this.concurrency
        },
        this.transport,
        this.progress
      )
      this.clients.set(key, client)
    }
    return client
  }

  /** The client of the scope a listed Platform API webhook belongs to (its phone number, or the project). */
  ofWebhook(webhook: Webhook): WebhookApi {
    const number = webhook.phone_number_id
    const scope: Scope = number ? { kind: 'platform', id: number, input: 'phone-number-id' } : PROJECT
    return this.for(scope, webhook.kind)
  }
}
