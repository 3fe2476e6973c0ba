import { loadHttpClient, type Real } from '../shims/http-client.js'
import { Routes } from './routes.js'

/** What a transport's first request needs: http-client loaded, and the routes its requests take. */
export interface Connections {
  HttpClient: typeof Real.HttpClient
  routes: Routes
}

/**
 * Loads http-client (a chunk of its own: node:http, node:https, TLS) and makes the routes, at most
 * `maxSockets` connections to a host; kapso/transport.ts at its first request, or early.ts as the step starts.
 */
export async function openConnections(maxSockets: number, timeoutMs: number): Promise<Connections> {
  const { HttpClient, getProxyUrl } = await loadHttpClient()
  return { HttpClient, routes: new Routes(getProxyUrl, { maxSockets, timeoutMs }) }
}
