import type { Agent as HttpAgent, RequestOptions } from 'node:http'
import type { TunnelOptions } from './tunnel.js'

/**
 * Which agent carries each request of an HttpClient: http-client's own when it goes direct, a kept-alive
 * tunnel when `proxyOf` (http-client's getProxyUrl) names a proxy for its URL; one agent per proxy and
 * scheme, each a pool of tunnels per host. An http-client handler, the one way it offers to set a request's
 * agent: it sees only host and port, so the transport routes each URL before requesting it. The tunnels'
 * module (node:https, TLS) is loaded only for a proxy.
 */
export class Routes {
  private readonly byHost = new Map<string, HttpAgent | undefined>()
  private readonly agents = new Map<string, HttpAgent>()

  constructor(
    private readonly proxyOf: (url: string) => string,
    private readonly options: TunnelOptions
  ) {}

  /** Decides the route of the URL's host, before a request to it. */
  async route(url: string): Promise<void> {
    const target = new URL(url)
    const secure = target.protocol === 'https:'
    const proxy = this.proxyOf(url)
    let agent: HttpAgent | undefined
    if (proxy) {
      const name = `${target.protocol}${proxy}`
      agent = this.agents.get(name)
      if (!agent) {
        const { tunnelAgent } = await import('./tunnel.js')
        agent = this.agents.get(name) ?? tunnelAgent(secure, new URL(proxy), this.options)
        this.agents.set(name, agent)
      }
    }
    this.byHost.set(`${target.hostname}:${target.port || (secure ? 443 : 80)}`, agent)
  }

  prepareRequest(options: RequestOptions): void {
    const agent = this.byHost.get(`${options.host ?? ''}:${options.port ?? ''}`)
    if (agent) options.agent = agent
  }

  canHandleAuthentication(): boolean {
    return false
  }

  handleAuthentication(): Promise<never> {
    return Promise.reject(new Error('Routes handles no authentication'))
  }

  /** Closes every tunnel. */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy()
    this.agents.clear()
  }
}
