/**
 * What the bundle's `undici` is (tsconfig.json maps the name here for ncc; tests use the real package).
 *
 * @actions/http-client imports undici's ProxyAgent at its top, and @actions/core imports http-client, so
 * every start of the action would load and evaluate all of undici (80% of the bundle, and a WebAssembly
 * compile) although only Octokit's fetch, on the few runs that call GitHub, ever uses it. Here undici is
 * a stand-in; github/lazy.ts loads the real one (a chunk of its own) and hands it over before it loads
 * @actions/github. Anything that reaches for undici before that fails loudly instead of silently.
 */
type Undici = { ProxyAgent: new (...args: unknown[]) => object; fetch: (...args: unknown[]) => Promise<unknown> }

let real: Undici | undefined

export function useUndici(module: Undici): void {
  real = module
}

function loaded(): Undici {
  if (!real) throw new Error('undici was used before github/lazy.ts loaded it')
  return real
}

export class ProxyAgent {
  constructor(...args: unknown[]) {
    // A constructor may return another object: the caller gets the real ProxyAgent.
    return new (loaded().ProxyAgent)(...args)
  }
}

export function fetch(...args: unknown[]): Promise<unknown> {
  return loaded().fetch(...args)
}
