/**
 * @actions/http-client, loaded on first use, and what the bundle's `@actions/http-client` is (tsconfig.json
 * maps the name here for ncc; tests use the real package wherever a module names it).
 *
 * Loading http-client loads node:http, node:https (so TLS), node:net and tunnel. @actions/core imports it at
 * its top, for getIDToken, which this action never calls: every start, failed inputs included, paid for all
 * that. In the bundle, importers by name get the stand-in HttpClient below; loadHttpClient() loads the real
 * module (a chunk of its own), which kapso/transport.ts does before its first request and github/lazy.ts
 * before it loads @actions/github. The stand-in fails loudly when it is used before that.
 */
import type * as Real from '../../node_modules/@actions/http-client/lib/index.js'

export type { HttpClientResponse } from '../../node_modules/@actions/http-client/lib/index.js'
export type RealHttpClient = Real.HttpClient
export type { Real }

let real: typeof Real | undefined

/** The real @actions/http-client; the same module the stand-in hands out from then on. */
export async function loadHttpClient(): Promise<typeof Real> {
  // A path, not the package's name, which tsconfig.json maps to this file.
  real ??= await import('../../node_modules/@actions/http-client/lib/index.js')
  return real
}

function loaded(): typeof Real {
  if (!real) throw new Error('@actions/http-client was used before loadHttpClient() loaded it')
  return real
}

export class HttpClient {
  constructor(...args: ConstructorParameters<typeof Real.HttpClient>) {
    // A constructor may return another object: the caller gets the real HttpClient.
    return new (loaded().HttpClient)(...args)
  }
}
