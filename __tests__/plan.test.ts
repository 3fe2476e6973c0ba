import { describe, expect, it } from 'vitest'
import type { DesiredWebhook } from '../src/inputs/index.js'
import { parseWebhook, type Webhook } from '../src/boundary/kapso.js'
import { KAPSO_DEFAULTS, planCreate, planUpdate, publicView } from '../src/plan.js'

const desired = (over: Partial<DesiredWebhook> = {}): DesiredWebhook => ({
  kind: 'kapso',
  url: 'https://preview.example.com/hook',
  events: ['whatsapp.message.received', 'whatsapp.message.sent'],
  active: true,
  headers: {},
  bufferEnabled: false,
  ...over
})

/** A webhook as the legacy API returns it after a create with no optional fields. */
const legacy = (over: Partial<Webhook> = {}): Webhook => ({
  id: '9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b',
  url: 'https://preview.example.com/hook',
  secret_key: 'kept-secret',
  kind: 'kapso',
  events: ['whatsapp.message.received', 'whatsapp.message.sent'],
  active: true,
  headers: {},
  buffer_enabled: false,
  buffer_window_seconds: 5,
  max_buffer_size: 50,
  buffer_events: ['whatsapp.message.received'],
  inactivity_minutes: 60,
  ...over
})

/** The same webhook as the Platform API returns it (nulls for the unused buffer fields), as the boundary reads it. */
const platform = (over: Partial<Webhook> = {}): Webhook =>
  parseWebhook(
    {
      data: {
        ...legacy(over),
        headers: null,
        buffer_window_seconds: null,
        max_buffer_size: null,
        buffer_events: [],
        inactivity_minutes: null,
        ...over
      }
    },
    'reading a test webhook'
  )

describe('planUpdate', () => {
  it('finds nothing to change when Kapso holds its defaults, on either API generation', () => {
    expect(planUpdate(desired(), legacy()).changes).toEqual([])
    expect(planUpdate(desired(), platform()).changes).toEqual([])
  })

  it('treats events as a set: order and repeats are not a change', () => {
    const plan = planUpdate(desired({ events: ['whatsapp.message.sent', 'whatsapp.message.received'] }), legacy())
    expect(plan.patch).toEqual({})
  })

  it('patches only the fields that differ', () => {
    const plan = planUpdate(desired({ events: ['whatsapp.message.failed'], inactivityMinutes: 120 }), legacy())
    expect(plan.patch).toEqual({ events: ['whatsapp.message.failed'], inactivity_minutes: 120 })
    expect(plan.changes.map((c) => c.input)).toEqual(['events', 'inactivity-minutes'])
  })

  it("brings a field back to Kapso's default when its input is emptied", () => {
    const plan = planUpdate(desired(), legacy({ inactivity_minutes: 240 }))
    expect(plan.patch).toEqual({ inactivity_minutes: KAPSO_DEFAULTS.inactivity_minutes })
  })

  it('keeps the existing secret when secret-key is empty, and replaces it when given', () => {
    expect(planUpdate(desired(), legacy()).patch).toEqual({})
    const plan = planUpdate(desired({ secretKey: 'new-secret-value' }), legacy())
    expect(plan.patch).toEqual({ secret_key: 'new-secret-value' })
    // The printable form never carries either secret.
    expect(JSON.stringify(plan.changes)).not.toMatch(/new-secret-value|kept-secret/)
  })

  it('ignores buffer settings while buffering is off, and compares them with defaults once it is on', () => {
    expect(planUpdate(desired({ bufferWindowSeconds: 30 }), platform()).patch).toEqual({})
    expect(planUpdate(desired({ bufferEnabled: true }), platform()).patch).toEqual({ buffer_enabled: true })
    expect(
      planUpdate(
        desired({ bufferEnabled: true, bufferWindowSeconds: 30 }),
        platform({ buffer_enabled: true, buffer_window_seconds: 5 })
      ).patch
    ).toEqual({
      buffer_window_seconds: 30
    })
  })

  it('shows header names but never header values', () => {
    const plan = planUpdate(
      desired({ headers: { Authorization: 'Bearer hunter2' } }),
      legacy({ headers: { 'X-Env': 'old-value' } })
    )
    expect(plan.patch).toEqual({ headers: { Authorization: 'Bearer hunter2' } })
    const printed = JSON.stringify(plan.changes)
    expect(printed).toContain('Authorization')
    expect(printed).not.toMatch(/hunter2|old-value/)
  })

  it('sends an empty object to remove headers, and null from Kapso equals no headers', () => {
    expect(planUpdate(desired(), legacy({ headers: { 'X-Env': 'preview' } })).patch).toEqual({ headers: {} })
    expect(planUpdate(desired(), legacy({ headers: {} })).patch).toEqual({})
  })

  it('reports a paused webhook as a change back to active', () => {
    const plan = planUpdate(desired(), legacy({ active: false }))
    expect(plan.changes).toEqual([{ input: 'active', field: 'active', from: 'false', to: 'true' }])
  })

  it('moves the webhook when webhook-id is given with another url', () => {
    expect(planUpdate(desired({ url: 'https://new.example.com/hook' }), legacy()).patch).toEqual({
      url: 'https://new.example.com/hook'
    })
    expect(planUpdate(desired({ url: undefined }), legacy()).patch).toEqual({})
  })
})

describe('planCreate', () => {
  it("sends what the inputs set and leaves the rest to Kapso's defaults", () => {
    expect(planCreate(desired(), 's3cret')).toEqual({
      url: 'https://preview.example.com/hook',
      secret_key: 's3cret',
      events: ['whatsapp.message.received', 'whatsapp.message.sent'],
      active: true,
      buffer_enabled: false
    })
  })

  it('sends buffer settings only when buffering is on', () => {
    expect(planCreate(desired({ bufferWindowSeconds: 10 }), 's')).not.toHaveProperty('buffer_window_seconds')
    expect(planCreate(desired({ bufferEnabled: true, bufferWindowSeconds: 10, maxBufferSize: 20 }), 's')).toMatchObject(
      {
        buffer_enabled: true,
        buffer_window_seconds: 10,
        max_buffer_size: 20
      }
    )
  })
})

describe('publicView', () => {
  it('drops the secret and keeps everything else', () => {
    const view = publicView(legacy())
    expect(view).not.toHaveProperty('secret_key')
    expect(view).toMatchObject({ id: legacy().id, url: legacy().url })
  })
})
