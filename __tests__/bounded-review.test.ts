/**
 * A hostile review of issue 15's change ("Bounded under any answer, and a cleanup that checks whose webhook
 * it deletes"), kept as tests, through the built bundle. Each failed on the bundle the review was given;
 * each names the promise it holds the action to.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId } from '../emulator/server.js'
import { commitSha, deploymentStatusEvent, pushEvent } from '../scripts/github-events.js'
import { emulatorInputs, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator } from './support/emulator.js'
import { Liar } from './support/liar.js'

const emulator = useEmulator()

const REPO = 'octo-org/shop'
const URL_A = 'https://pr-7.example.com/api/whatsapp'
const EVENTS = 'whatsapp.message.received'
const SECRET = 'given signing/secret+0f9e8d7c6b5a'
const THEIR_SECRET = 'their-own-signing-secret-7f3a9c2e'
const theirRecord = { 'X-Provisioned-By': 'kapso-webhook-action; repository=octo-org/other; pull-request=12' }

function step(inputs: Record<string, string>, options: RunOptions = {}, secrets: string[] = []): Promise<ActionRun> {
  return runChecked(
    { ...emulatorInputs(emulator, 'legacy'), url: URL_A, events: EVENTS, 'secret-key': SECRET, ...inputs },
    { secrets: [SECRET, THEIR_SECRET, ...secrets], options }
  )
}

const failed = (run: ActionRun): string => /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? ''

describe('outside a GitHub workflow (no GITHUB_REPOSITORY), a webhook recorded for someone else', () => {
  // docs/reference.md, "What each operation does": "One recorded for another repository, pull request or name is never updated or deleted".
  it("upsert never updates another repository's pull-request webhook at the url", async () => {
    const theirs = emulator.seed('legacy', defaultScopeId('legacy'), {
      url: URL_A,
      events: ['whatsapp.message.sent'],
      secret_key: THEIR_SECRET,
      headers: theirRecord
    })
    const run = await step({})
    expect(run.exitCode).toBe(0)
    const after = emulator.webhooks().find((w) => w.id === theirs.id)
    expect(after?.secret_key).toBe(THEIR_SECRET)
    expect(after?.events).toEqual(['whatsapp.message.sent'])
    expect(run.outputs['webhook-id']).not.toBe(theirs.id)
  })

  // docs/reference.md: delete "elsewhere every webhook ... whose URL is url, but one recorded for another repository, pull request or name (left, with a warning)".
  it("delete by url never deletes another repository's pull-request webhook", async () => {
    const theirs = emulator.seed('legacy', defaultScopeId('legacy'), {
      url: URL_A,
      secret_key: THEIR_SECRET,
      headers: theirRecord
    })
    const run = await step({ operation: 'delete', events: '', 'secret-key': '' })
    expect(run.exitCode).toBe(0)
    expect(emulator.webhooks().map((w) => w.id)).toEqual([theirs.id])
  })
})

describe("the secret of another webhook at the step's url, echoed encoded in Kapso's message", () => {
  // SECURITY.md "How secrets are handled": "A server's message is also cleared of the secrets' hex, base64, base64url and percent-encoded forms" (the other webhooks' secrets are "kept only to be hidden in a server's message").
  it.each([
    ['hex', Buffer.from(THEIR_SECRET).toString('hex')],
    ['base64', Buffer.from(THEIR_SECRET).toString('base64')]
  ])('%s', async (_form, encoded) => {
    const scope = defaultScopeId('legacy')
    emulator.seed('legacy', scope, {
      url: URL_A,
      events: [EVENTS],
      secret_key: THEIR_SECRET,
      created_at: '2026-01-01T00:00:00Z'
    })
    emulator.seed('legacy', scope, {
      url: URL_A,
      events: ['whatsapp.message.sent'],
      secret_key: 'the-newest-one-0123456789abcdef',
      created_at: '2026-06-01T00:00:00Z'
    })
    emulator.inject({
      method: 'PATCH',
      fault: { kind: 'status', status: 422, body: { error: `secret_key must differ from ${encoded}` } }
    })
    const run = await step({}, {}, ['the-newest-one-0123456789abcdef'])
    expect(run.exitCode).toBe(1)
    expect(failed(run)).not.toContain(encoded.slice(0, 20))
  })
})

describe('Kapso asks to wait longer than any wait the step makes', () => {
  // SECURITY.md "Bounded": a rate limit "is waited out, at most 60 s a wait ...; a longer wait fails at once, saying who asked to wait how long".
  it.each(['9999999999', '99999999999999999999'])('Retry-After: %s fails at once, saying so', async (after) => {
    const front = await Liar.start(() => ({
      status: 429,
      headers: { 'Retry-After': after },
      body: '{"error":"slow down"}'
    }))
    try {
      const run = await step({ 'api-url': `${front.origin}/api/v1`, 'max-attempts': '3' })
      expect(run.exitCode).toBe(1)
      expect(front.seen).toHaveLength(1)
      expect(failed(run)).toMatch(
        /^Kapso is rate-limiting these requests \(HTTP 429\) while listing webhooks with url .* and asks to wait \d+ s, more than the 60 s this step will sleep/
      )
    } finally {
      await front.close()
    }
  })
})

describe('GitHub asks to wait longer than any wait the step makes', () => {
  // CHANGELOG Fixed: GitHub's rate limits (403 ... with Retry-After) "are waited out ... instead of being reported as a missing pull-requests: read permission"; SECURITY.md: "a longer wait fails at once, saying who asked to wait how long".
  it('a 403 with Retry-After: 9999999999 is a rate limit, not a missing permission', async () => {
    const front = await Liar.start(() => ({
      status: 403,
      headers: { 'Retry-After': '9999999999' },
      body: '{"message":"You have exceeded a secondary rate limit."}'
    }))
    try {
      const sha = commitSha('wait')
      const event = {
        ...deploymentStatusEvent('vercel', {
          environment: 'preview',
          sha,
          url: 'https://shop-wait-octo-org.vercel.app'
        }),
        apiUrl: front.origin
      }
      const run = await step(
        { operation: 'auto', url: 'https://shop-wait-octo-org.vercel.app/api/whatsapp' },
        { event }
      )
      expect(run.exitCode).toBe(1)
      expect(failed(run)).not.toContain('Check github-token: it needs pull-requests: read')
      expect(failed(run)).toMatch(/^GitHub is rate-limiting these requests \(HTTP 403\)/)
    } finally {
      await front.close()
    }
  })
})

describe('a record header this version does not read exactly, naming another repository', () => {
  // docs/reference.md: off a pull request, "One recorded for another repository, pull request or name is never updated or deleted"; delete by url leaves "one recorded for another repository ... (left, with a warning)".
  it.each([
    [
      'twice, in two spellings',
      { 'X-Provisioned-By': theirRecord['X-Provisioned-By'], 'x-provisioned-by': theirRecord['X-Provisioned-By'] }
    ],
    ['with a key a later version may add', { 'X-Provisioned-By': `${theirRecord['X-Provisioned-By']}; run=5` }]
  ])('%s: delete by url on a push leaves it', async (_how, headers) => {
    const theirs = emulator.seed('legacy', defaultScopeId('legacy'), { url: URL_A, secret_key: THEIR_SECRET, headers })
    const run = await step(
      { operation: 'delete', events: '', 'secret-key': '' },
      { event: pushEvent({ repository: REPO }) }
    )
    expect(run.exitCode).toBe(0)
    expect(emulator.webhooks().map((w) => w.id)).toEqual([theirs.id])
  })
})
