import { EMULATOR_DEFAULTS } from '../../emulator/server.js'

/** An answer of the emulator's API, its body read loosely, as a test reads it. */
export interface Answer {
  status: number
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read loosely, as a test does
  headers: Headers
}

export interface CallOptions {
  /** The X-API-Key header; null sends none. Default: the key the emulator accepts. */
  key?: string | null
  signal?: AbortSignal
}

/** One request to the emulator's API, as a client of Kapso makes it: JSON in, JSON out. */
export async function callApi(
  url: string,
  method: string,
  body?: unknown,
  { key = EMULATOR_DEFAULTS.apiKey, signal }: CallOptions = {}
): Promise<Answer> {
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' }
  if (key !== null) headers['X-API-Key'] = key
  const response = await fetch(url, {
    method,
    headers,
    signal,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers }
}
