import { MAX_WEBHOOKS, parseWebhookPage, type Webhook } from '../boundary/kapso.js'
import { readPages } from '../concurrency.js'
import { ActionError } from '../errors.js'
import { holdSecret } from '../secrets.js'
import type { Reply } from './transport.js'

export const PER_PAGE = 100
/**
 * LIST_BOUNDS: the most one list (every page of one scope) is read to. A preview-heavy project has hundreds
 * of webhooks; 20,000 is far past any real scope, and 64 MiB is over three times what 20,000 webhooks of a
 * usual size take. Past either, the step stops with one message instead of reading on (SECURITY.md).
 */
const MAX_PAGES = MAX_WEBHOOKS / PER_PAGE
export const MAX_LIST_CHARACTERS = 64 * 1024 * 1024

/** One list to read: how to ask for a page, what to keep, and how many pages may be in flight at once. */
export interface ListRead {
  doing: string
  /** Page `page` of the list, PER_PAGE webhooks to a page. */
  fetchPage: (page: number) => Promise<Reply>
  /** The webhooks of the step's kind in the scope: all others are dropped. */
  keep: (webhook: Webhook) => boolean
  /** Among those kept, the ones whose secret is kept (held to be hidden in server text). */
  keepSecret: (webhook: Webhook) => boolean
  concurrency: number
  /** Throws once the step is out of time. */
  checkDeadline: () => void
}

/**
 * Reads every page, keeping the webhooks `keep` picks, each once, most recent first. Page 1 comes alone;
 * once it gives Kapso's page count, the other pages are fetched up to `concurrency` at once, and taken in
 * page order: the result, and any error, is what reading them one after another gives, whatever order the
 * answers come in. Without the page count, pages are read one by one until one is empty or brings nothing
 * new. Bounded whatever the server sends (see LIST_BOUNDS): a page of more than it asked for, a page count
 * over MAX_PAGES, more webhooks than MAX_WEBHOOKS or more than MAX_LIST_CHARACTERS of answers (counted as
 * they come) are refused, and the deadline is checked after every page as well as before every request.
 */
export async function readList(read: ListRead): Promise<Webhook[]> {
  const { doing, keep } = read
  const found = new Map<string, Webhook>()
  const seen = new Set<string>()
  let characters = 0
  const fetchPage = async (page: number): Promise<Reply> => {
    const reply = await read.fetchPage(page)
    characters += reply.size ?? 0
    if (characters > MAX_LIST_CHARACTERS)
      throw tooMuch(doing, `more than ${MAX_LIST_CHARACTERS / 1024 / 1024} MiB of answers`)
    return reply
  }
  const take = (page: number, reply: Reply): number => {
    const parsed = parseWebhookPage(reply.body, doing, PER_PAGE, (w) => keep(w) && read.keepSecret(w))
    if (parsed.totalPages !== undefined && parsed.totalPages > MAX_PAGES)
      throw tooMuch(doing, `${parsed.totalPages.toLocaleString('en-US')} pages of ${PER_PAGE}`)
    const before = seen.size
    for (const webhook of parsed.webhooks) {
      const id = webhook.id.toLowerCase()
      seen.add(id)
      if (!keep(webhook) || found.has(id)) continue
      if (webhook.secret_key !== undefined) holdSecret(webhook.secret_key)
      found.set(id, webhook)
    }
    if (seen.size > MAX_WEBHOOKS) throw tooMuch(doing, `more than ${MAX_WEBHOOKS.toLocaleString('en-US')} webhooks`)
    read.checkDeadline()
    // The last page there is; without Kapso's count, the next one while pages bring webhooks not seen yet.
    return parsed.totalPages ?? (seen.size > before ? page + 1 : page)
  }
  await readPages(read.concurrency, fetchPage, take)
  return sortNewestFirst([...found.values()])
}

function tooMuch(doing: string, what: string): ActionError {
  return new ActionError(
    `Kapso's answers while ${doing} hold ${what}: more than this action reads from one scope ` +
      `(${MAX_WEBHOOKS.toLocaleString('en-US')} webhooks, ${MAX_LIST_CHARACTERS / 1024 / 1024} MiB), so it stopped ` +
      `reading and changed nothing. ` +
      'Check api-url and the scope id; if the scope really holds that many, delete the webhooks it no longer needs.'
  )
}

function sortNewestFirst(webhooks: Webhook[]): Webhook[] {
  const time = (w: Webhook): number => Date.parse(w.created_at ?? '') || 0
  return [...webhooks].sort((a, b) => time(b) - time(a))
}
