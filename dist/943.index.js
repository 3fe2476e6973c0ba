export const id = 943;
export const ids = [943];
export const modules = {

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApi: () => (/* binding */ GitHubApi)
/* harmony export */ });
/* unused harmony export PULL_REQUESTS_PER_QUERY */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
/* harmony import */ var _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3387);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5625);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9809);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7194);






/** GraphQL allows many aliases in one query; 100 keeps each query small and well under GitHub's limits. */
const PULL_REQUESTS_PER_QUERY = 100;
/**
 * The two things the action asks GitHub, through @actions/github's Octokit (GHES URLs, proxies and the
 * workflow context come with it). Loaded only when a step calls GitHub: see github/lazy.ts.
 */
class GitHubApi {
    octokit;
    retry;
    constructor(options) {
        this.retry = { ...options, service: 'GitHub' };
        this.octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q(options.token, {
            userAgent: options.userAgent,
            // Octokit would print server text (deprecation notices) raw to stderr: through our log, as outside text.
            log: {
                debug: () => { },
                info: () => { },
                warn: (message) => _log_js__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz(`GitHub: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .outsideText */ .F3)(message, 300)}`),
                error: (message) => _log_js__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz(`GitHub: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .outsideText */ .F3)(message, 300)}`)
            }
            // No `request` here: it would replace, not join, the proxy-aware fetch @actions/github sets there.
        });
    }
    /** The open pull requests that contain this commit. */
    async openPullRequestsWith(sha) {
        const doing = `finding the pull request of commit ${sha.slice(0, 7)}`;
        const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
        const data = await this.call(doing, (signal) => this.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100, request: { signal, redirect: 'error' } }).then((r) => r.data));
        return (0,_boundary_github_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCommitPulls */ .dv)(data, doing);
    }
    /** 'open' or 'closed' for each, undefined where GitHub has no such pull request: one query per 100. */
    async pullRequestStates(numbers) {
        const states = new Map();
        const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
        for (let i = 0; i < numbers.length; i += PULL_REQUESTS_PER_QUERY) {
            const batch = numbers.slice(i, i + PULL_REQUESTS_PER_QUERY);
            const doing = `reading the state of ${batch.length} pull request${batch.length === 1 ? '' : 's'} of ${owner}/${repo}`;
            const fields = batch.map((n) => `${(0,_boundary_github_js__WEBPACK_IMPORTED_MODULE_1__/* .pullRequestAlias */ .fJ)(n)}: pullRequest(number: ${n}) { number state }`).join(' ');
            const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields} } }`;
            const data = await this.call(doing, (signal) => this.octokit.graphql(query, { owner, repo, request: { signal, redirect: 'error' } }), true);
            if (typeof data === 'object' && data !== null && data.repository === null) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`GitHub answered that there is no repository ${owner}/${repo} while ${doing}: github-token cannot see it. Check github-token: it needs pull-requests: read on ${owner}/${repo}.`);
            }
            for (const [number, state] of (0,_boundary_github_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePullRequestStates */ .e9)(data, batch, doing))
                states.set(number, state);
        }
        return states;
    }
    /**
     * One read under the retry policy. Redirects are not followed (each call says so: the token would go
     * along). GraphQL answers "no such pull request" with partial data: that data counts.
     */
    call(doing, request, graphql = false) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetries */ .LH)(this.retry, {
            method: 'GET',
            doing,
            attempt: async (attempt, timeoutMs) => {
                const started = Date.now();
                const signal = AbortSignal.timeout(timeoutMs);
                try {
                    const data = await request(signal);
                    // An answer cut off by the timeout reads as an empty body: it is no answer, not a wrong one.
                    if (signal.aborted)
                        return { failed: true, summary: `no answer within ${Math.round(timeoutMs / 1000)} s`, mayHaveApplied: false };
                    _log_js__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz(`GitHub ${doing} -> ok (${Date.now() - started} ms, attempt ${attempt})`);
                    return data;
                }
                catch (error) {
                    if (graphql && isGraphqlError(error)) {
                        if (error.data !== undefined && error.data !== null)
                            return error.data;
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`GitHub's GraphQL answer while ${doing} has errors and no data: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .outsideText */ .F3)(error.message ?? '', 300)}`);
                    }
                    const failure = toFailure(error, timeoutMs);
                    _log_js__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz(`GitHub ${doing} -> ${failure.summary} (${Date.now() - started} ms, attempt ${attempt})`);
                    return failure;
                }
            }
        }).catch((error) => {
            throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .StatusError */ .X ? refused(error.status, doing) : error;
        });
    }
}
function refused(status, doing) {
    if (status === 401 || status === 403 || status === 404) {
        const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`GitHub refused ${doing} (HTTP ${status}). Check github-token: it needs pull-requests: read on ${owner}/${repo}` +
            ` (add "permissions: pull-requests: read" to the job).`, status);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`GitHub answered HTTP ${status} while ${doing}.`, status);
}
function isGraphqlError(error) {
    return error?.name === 'GraphqlResponseError';
}
function toFailure(error, timeoutMs) {
    const e = (error ?? {});
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return { failed: true, summary: `no answer within ${Math.round(timeoutMs / 1000)} s`, mayHaveApplied: true };
    const cause = e.cause?.message ?? '';
    if (/redirect/i.test(`${e.message ?? ''} ${cause}`)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('GitHub answered with a redirect, which is not followed (the token would go along). Check GITHUB_API_URL.');
    }
    const status = typeof e.status === 'number' && e.status >= 400 ? e.status : undefined;
    // Octokit reports a network failure as a 500 with the cause's message.
    if (status === undefined || (status === 500 && e.response === undefined)) {
        return { failed: true, summary: `the connection failed (${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .outsideText */ .F3)(e.message ?? String(error), 120)})`, mayHaveApplied: false };
    }
    const retryAfter = e.response?.headers?.['retry-after'];
    return {
        failed: true,
        status,
        summary: `HTTP ${status}`,
        mayHaveApplied: false,
        rateLimited: status === 429,
        retryAfterMs: status === 429 && retryAfter !== undefined && /^\d{1,9}$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined
    };
}


/***/ })

};

//# sourceMappingURL=943.index.js.map