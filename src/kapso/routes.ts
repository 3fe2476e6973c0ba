import type { Agent as HttpAgent, RequestOptions } from 'node:http'
import { unbracketed } from '../urls.js'
import type { Preopened, TunnelOptions } from './agents.js'

/**
 * Which agent carries each request of an HttpClient: a kept-alive agent per route, direct or through the
 * proxy `proxyOf` (http-client's getProxyUrl) names for the URL; each a pool of connections (tunnels) per
 * host. An http-client handler, the one way it offers to set a request's agent: it sees only host and port,
 * so the transport routes each URL before requesting it. The agents' module (node:https, TLS) loads at the
 * first route.
 */
export class Routes {
  private readonly byHost = new Map<string, HttpAgent>()
  private readonly agents = new Map<string, Promise<HttpAgent>>()
  private readonly preopened: Preopened[] = []

  constructor(
    private readonly proxyOf: (url: string) => string,
    private readonly options: TunnelOptions
  ) {}

  /** Decides the route of the URL's host, before a request to it. */
  async route(url: string): Promise<void> {
    await this.agentOf(new URL(url))
  }

  /**
   * Opens a connection to the URL's host now, on the agent its requests will take, for the first of them:
   * the handshakes then happen while the step does other work. Settles once the connection is under way;
   * any failure is the first request's to meet.
   */
  async warm(url: string): Promise<void> {
    const target = new URL(url)
    const { preopen } = await import('./agents.js')
    const opened = preopen(await this.agentOf(target), unbracketed(target.hostname), port(target))
    this.preopened.push(opened)
    await opened.started
  }

  /** How long the proxy may take to answer a CONNECT: the step's request timeout, once it is known. */
  setTimeout(ms: number): void {
    this.options.timeoutMs = ms
  }

  /**
   * Sets the request's agent. An IPv6 host comes bracketed from http-client (URL.hostname), which node:http
   * would look up as a name (ENOTFOUND): it is unbracketed, as the connection opened early has it.
   */
  prepareRequest(options: RequestOptions): void {
    const agent = this.byHost.get(`${options.host ?? ''}:${options.port ?? ''}`)
    if (agent) options.agent = agent
    if (options.host) options.host = unbracketed(options.host)
  }

  canHandleAuthentication(): boolean {
    return false
  }

  handleAuthentication(): Promise<never> {
    return Promise.reject(new Error('Routes handles no authentication'))
  }

  /** Closes every connection and tunnel. */
  close(): void {
    for (const opened of this.preopened) opened.close()
    for (const agent of this.agents.values())
      void agent.then(
        (made) => made.destroy(),
        () => undefined
      )
    this.agents.clear()
  }

  private async agentOf(target: URL): Promise<HttpAgent> {
    const secure = target.protocol === 'https:'
    const proxy = this.proxyOf(target.toString())
    const name = `${target.protocol}${proxy}`
    let making = this.agents.get(name)
    if (!making) {
      const via = proxy ? new URL(proxy) : undefined
      making = import('./agents.js').then(({ agentFor }) => agentFor(secure, via, this.options))
      this.agents.set(name, making)
    }
    const agent = await making
    this.byHost.set(`${target.hostname}:${port(target)}`, agent)
    return agent
  }
}

const port = (target: URL): number => Number(target.port) || (target.protocol === 'https:' ? 443 : 80)
