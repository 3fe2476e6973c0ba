/**
 * A fetch that refuses an answer larger than `maxBytes`, as Kapso's transport does (kapso/transport.ts).
 * The body is read here, up to the bound, before Octokit sees it: Octokit would read a body of any size
 * into memory, and take one cut off while it read for an empty answer. Past the bound the fetch fails, as a
 * cut connection does, with a message that says why. Requests one after another share one connection.
 */
export function cappedFetch(inner: typeof fetch, maxBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init)
    if (!response.body) return response
    const tooLarge = (): Error => new Error(`an answer larger than ${maxBytes / 1024 / 1024} MiB`)
    if (Number(response.headers.get('content-length')) > maxBytes) {
      await response.body.cancel()
      throw tooLarge()
    }
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of response.body) {
      size += chunk.byteLength
      if (size > maxBytes) throw tooLarge()
      chunks.push(chunk)
    }
    // undici marks the connection free only after the body's last chunk is handed over: a request sent at
    // once would find it busy and open another (a new tunnel through a proxy). One turn of the loop first.
    await new Promise((resolve) => setImmediate(resolve))
    return new Response(Buffer.concat(chunks), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers
    })
  }
}
