export const id = 943;

export const ids = [ 943 ];

export const modules = {
  8943: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      GitHubApi: () => GitHubApi
    });
    var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
    var _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3387);
    var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
    var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5625);
    var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9809);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7194);
    const PULL_REQUESTS_PER_QUERY = 100;
    class GitHubApi {
      octokit;
      retry;
      constructor(options) {
        this.retry = {
          ...options,
          service: "GitHub"
        };
        this.octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__.Q(options.token, {
          userAgent: options.userAgent,
          log: {
            debug: () => {},
            info: () => {},
            warn: message => _log_js__WEBPACK_IMPORTED_MODULE_3__.Yz(`GitHub: ${(0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.F3)(message, 300)}`),
            error: message => _log_js__WEBPACK_IMPORTED_MODULE_3__.Yz(`GitHub: ${(0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.F3)(message, 300)}`)
          }
        });
      }
      async pullRequestsWith(sha) {
        const doing = `finding the pull request of commit ${sha.slice(0, 7)}`;
        const {owner: owner, repo: repo} = _actions_github__WEBPACK_IMPORTED_MODULE_0__._.repo;
        const data = await this.call(doing, signal => this.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
          owner: owner,
          repo: repo,
          commit_sha: sha,
          per_page: 100,
          request: {
            signal: signal,
            redirect: "error"
          }
        }).then(r => r.data));
        return (0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.dv)(data, doing);
      }
      async pullRequestStates(numbers) {
        const states = new Map;
        const {owner: owner, repo: repo} = _actions_github__WEBPACK_IMPORTED_MODULE_0__._.repo;
        for (let i = 0; i < numbers.length; i += PULL_REQUESTS_PER_QUERY) {
          const batch = numbers.slice(i, i + PULL_REQUESTS_PER_QUERY);
          const doing = `reading the state of ${batch.length} pull request${batch.length === 1 ? "" : "s"} of ${owner}/${repo}`;
          const fields = batch.map(n => `${(0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.fJ)(n)}: pullRequest(number: ${n}) { number state }`).join(" ");
          const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields} } }`;
          const request = signal => this.octokit.graphql(query, {
            owner: owner,
            repo: repo,
            request: {
              signal: signal,
              redirect: "error"
            }
          });
          const data = await this.call(doing, request, error => graphqlOutcome(error, batch, doing));
          if (typeof data === "object" && data !== null && data.repository === null) throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l(`GitHub answered that there is no repository ${owner}/${repo} while ${doing}: github-token cannot see it. Check github-token: it needs pull-requests: read on ${owner}/${repo}.`);
          for (const [number, state] of (0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.e9)(data, batch, doing)) states.set(number, state);
        }
        return states;
      }
      call(doing, request, graphql) {
        return (0, _retry_js__WEBPACK_IMPORTED_MODULE_4__.LH)(this.retry, {
          method: "GET",
          doing: doing,
          attempt: async (attempt, timeoutMs) => {
            const started = Date.now();
            const signal = AbortSignal.timeout(timeoutMs);
            try {
              const data = await request(signal);
              if (signal.aborted) return {
                failed: true,
                summary: `no answer within ${Math.round(timeoutMs / 1e3)} s`,
                mayHaveApplied: false
              };
              _log_js__WEBPACK_IMPORTED_MODULE_3__.Yz(`GitHub ${doing} -> ok (${Date.now() - started} ms, attempt ${attempt})`);
              return data;
            } catch (error) {
              const failure = graphql && isGraphqlError(error) ? graphql(error) : toFailure(error, timeoutMs);
              if (!(0, _retry_js__WEBPACK_IMPORTED_MODULE_4__.N6)(failure)) return failure;
              _log_js__WEBPACK_IMPORTED_MODULE_3__.Yz(`GitHub ${doing} -> ${failure.summary} (${Date.now() - started} ms, attempt ${attempt})`);
              return failure;
            }
          }
        }).catch(error => {
          throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__.X ? refused(error.status, doing) : error;
        });
      }
    }
    function refused(status, doing) {
      if (status === 401 || status === 403 || status === 404) {
        const {owner: owner, repo: repo} = _actions_github__WEBPACK_IMPORTED_MODULE_0__._.repo;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l(`GitHub refused ${doing} (HTTP ${status}). Check github-token: it needs pull-requests: read on ${owner}/${repo}` + ` (add "permissions: pull-requests: read" to the job).`, status);
      }
      return new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l(`GitHub answered HTTP ${status} while ${doing}.`, status);
    }
    function isGraphqlError(error) {
      return error?.name === "GraphqlResponseError";
    }
    function graphqlOutcome(error, numbers, doing) {
      const {rateLimit: rateLimit, failed: failed} = (0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.Bs)(error.errors, numbers);
      if (rateLimit) return {
        failed: true,
        summary: `a ${rateLimit} error in its GraphQL answer`,
        mayHaveApplied: false,
        rateLimited: true,
        retryAfterMs: (0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.JR)(error.headers)
      };
      if (failed) {
        const said = (0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.F3)(failed.message, 200);
        return {
          failed: true,
          summary: `an error for pull request #${failed.number} in GitHub's GraphQL answer${said ? ` (GitHub said: ${said})` : ""}`,
          mayHaveApplied: false
        };
      }
      if (error.data !== void 0 && error.data !== null) return error.data;
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l(`GitHub's GraphQL answer while ${doing} has errors and no data: ${(0, 
      _secrets_js__WEBPACK_IMPORTED_MODULE_5__.F3)(error.message ?? "", 300)}`);
    }
    function toFailure(error, timeoutMs) {
      const e = error ?? {};
      if (e.name === "TimeoutError" || e.name === "AbortError") return {
        failed: true,
        summary: `no answer within ${Math.round(timeoutMs / 1e3)} s`,
        mayHaveApplied: true
      };
      const cause = e.cause?.message ?? "";
      if (/redirect/i.test(`${e.message ?? ""} ${cause}`)) throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l("GitHub answered with a redirect, which is not followed (the token would go along). Check GITHUB_API_URL.");
      const status = typeof e.status === "number" && e.status >= 400 ? e.status : void 0;
      if (status === void 0 || status === 500 && e.response === void 0) return {
        failed: true,
        summary: `the connection failed (${(0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.F3)(e.message ?? String(error), 120)})`,
        mayHaveApplied: false
      };
      const waitMs = status === 403 || status === 429 ? (0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.JR)(e.response?.headers) : void 0;
      const rateLimited = status === 429 || waitMs !== void 0;
      return {
        failed: true,
        status: status,
        summary: `HTTP ${status}`,
        mayHaveApplied: false,
        rateLimited: rateLimited,
        retryAfterMs: waitMs
      };
    }
  }
};
//# sourceMappingURL=943.index.js.map