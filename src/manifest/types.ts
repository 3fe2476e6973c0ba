/** A manifest as read: its entries, each the webhook one step would describe with its inputs. */
import type { WebhookKind } from '../boundary/kapso.js'
import type { Scope } from '../kapso/scope.js'
import type { OwnershipRecord } from '../ownership.js'
import type { DesiredWebhook } from '../plan.js'

export interface ManifestEntry {
  /** The entry's key under `webhooks`: unique, 1-40 lower-case letters, digits and dashes. */
  name: string
  /** Where the entry starts in the file (1-based), for messages. */
  line: number
  scope: Scope
  kind: WebhookKind
  /** The API base for the entry's scope: api-url when given, else the scope's default. */
  apiUrl: { url: string; isDefault: boolean }
  desired: DesiredWebhook
  /** What a webhook of this entry records: the repository, the manifest's path and the entry's name. */
  record: OwnershipRecord & { manifest: string; name: string }
}

export interface Manifest {
  /** The path as given (normalised, relative to the workspace), as it is recorded on the webhooks. */
  path: string
  entries: ManifestEntry[]
}
