/** A manifest's plan as the plan output and as a Markdown table (src/manifest/table.ts). */
import { describe, expect, it, vi } from 'vitest'
import { manifestPlanMarkdown, planChanges, planJson, type PlanRow } from '../src/manifest/table.js'
import { maskSecret } from '../src/secrets.js'

// The log's lines (a rate-limit notice, a mask) go to the mock, not into the test run's output.
vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const row = (over: Partial<PlanRow>): PlanRow => ({
  name: 'orders',
  action: 'unchanged',
  webhookId: '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b',
  url: 'https://api.acme.dev/kapso/orders',
  changes: [],
  scope: 'phone-number-id 106540352242922',
  ...over
})

describe('the plan table', () => {
  it('has a row per entry, the actions worded for a dry run, and adoption said', () => {
    const plan = [
      row({}),
      row({ name: 'new', action: 'create', webhookId: '' }),
      row({ action: 'update', adopted: true, changes: ['events', 'ownership-record'] })
    ]
    expect(manifestPlanMarkdown(plan, true).split('\n')).toEqual([
      '| Entry | Action | Scope | Webhook | URL | Changes |',
      '| --- | --- | --- | --- | --- | --- |',
      '| orders | unchanged | phone-number-id 106540352242922 | 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b | https://api.acme.dev/kapso/orders | — |',
      '| new | would create | phone-number-id 106540352242922 | (new) | https://api.acme.dev/kapso/orders | — |',
      '| orders | would update (adopt) | phone-number-id 106540352242922 | 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b | https://api.acme.dev/kapso/orders | events, ownership-record |',
      ''
    ])
  })

  it('lets no cell break the table, inject Markdown or HTML, or show a secret', () => {
    maskSecret('a-held-secret-0123456789')
    const text = manifestPlanMarkdown([row({ url: 'https://x.dev/a|b<script>`c`\n?s=a-held-secret-0123456789' })])
    const line = text.split('\n')[2] ?? ''
    expect(line.split('|')).toHaveLength(8)
    expect(line).not.toMatch(/<script>|`|a-held-secret/)
  })

  it('says when nothing is planned', () => {
    expect(manifestPlanMarkdown([])).toContain('No webhooks')
  })
})

describe('the plan output', () => {
  it('uses the contract names, adopted only where it adopts, and drift means any row that changes', () => {
    expect(planJson([row({ adopted: true, action: 'update' })])).toEqual([
      {
        name: 'orders',
        action: 'update',
        'webhook-id': '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b',
        url: 'https://api.acme.dev/kapso/orders',
        changes: [],
        adopted: true
      }
    ])
    expect(planChanges([row({})])).toBe(false)
    expect(planChanges([row({}), row({ action: 'delete' })])).toBe(true)
  })
})
