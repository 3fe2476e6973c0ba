import type { CommentApi, PullRequestApi } from './types.js'
import { loadHttpClient } from '../shims/http-client.js'
import { useUndici } from '../shims/undici.js'
import type { GitHubApiOptions } from './api.js'

/** An undici dispatcher: a pool of kept-alive connections (through the proxy, tunnels), closed at the end. */
interface Dispatcher {
  destroy(): Promise<void>
}

interface Undici {
  Agent: new (options: { connections: number }) => Dispatcher
  ProxyAgent: new (options: { uri: string; connections: number; token?: string }) => Dispatcher
  fetch: (input: unknown, init: unknown) => Promise<Response>
}

/** What the action asks GitHub: its pull requests, and (with comment on) their comments. */
export interface LazyGitHub {
  pulls: PullRequestApi
  comments: CommentApi
  /** Closes GitHub's connections, if a call opened any. */
  close(): void
}

type Options = GitHubApiOptions & { connections: number }

/**
 * GitHub's API, loaded on the first call, or when `pulls.prepare` is called (sweep calls it before it lists
 * Kapso, so that loading and connecting overlap the list): most runs never call GitHub, and @actions/github
 * brings Octokit, undici (see shims/undici.ts) and @actions/http-client (see shims/http-client.ts). ncc
 * puts each dynamic import in a chunk of its own that only such a call loads. Both halves share one client.
 * `connections` bounds the connections (through a proxy, the tunnels) open at once to GitHub.
 */
export function lazyGitHub(options: Options): LazyGitHub {
  let loading: Promise<PullRequestApi & CommentApi> | undefined
  let dispatcher: Dispatcher | undefined
  const api = (): Promise<PullRequestApi & CommentApi> => (loading ??= load(options, (opened) => (dispatcher = opened)))
  return {
    pulls: {
      pullRequestStates: async (numbers) => (await api()).pullRequestStates(numbers),
      pullRequestsWith: async (sha) => (await api()).pullRequestsWith(sha),
      // A failure to load is the first call's to report: here it is only waited on.
      prepare: () =>
        void api().then(
          (loaded) => loaded.prepare?.(),
          () => undefined
        )
    },
    comments: {
      findComment: async (pullRequest, marker) => (await api()).findComment(pullRequest, marker),
      createComment: async (pullRequest, body, marker) => (await api()).createComment(pullRequest, body, marker),
      updateComment: async (id, body) => (await api()).updateComment(id, body)
    },
    close: () => void dispatcher?.destroy().catch(() => {})
  }
}

async function load(options: Options, opened: (dispatcher: Dispatcher) => void): Promise<PullRequestApi & CommentApi> {
  // The real undici and http-client first: @actions/github builds its proxy dispatcher while it loads.
  const imported = (await import('undici/index.js')) as unknown as { default?: Undici } & Undici
  const undici = imported.default ?? imported
  useUndici(undici as unknown as Parameters<typeof useUndici>[0])
  const { getProxyUrl } = await loadHttpClient()
  const { openGitHub } = await import('./client.js')
  // @actions/github's own fetch asks each request's tunnel anew through a proxy (http-client makes it without
  // keep-alive): this one keeps its connections, tunnelled or direct, the proxy chosen as @actions/github
  // chooses it (getProxyUrl of GITHUB_API_URL: HTTPS_PROXY, NO_PROXY) with the same Proxy-Authorization.
  const proxy = getProxyUrl(process.env.GITHUB_API_URL || 'https://api.github.com')
  const { connections } = options
  let dispatcher: Dispatcher
  if (proxy) {
    const { username, password } = new URL(proxy)
    const token =
      username || password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined
    dispatcher = new undici.ProxyAgent({ uri: proxy, connections, ...(token && { token }) })
  } else dispatcher = new undici.Agent({ connections })
  opened(dispatcher)
  const fetch = ((input: unknown, init?: object) =>
    undici.fetch(input, { ...init, dispatcher })) as typeof globalThis.fetch
  return openGitHub({ ...options, fetch })
}
