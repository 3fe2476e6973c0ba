export const id = 571;

export const ids = [ 571 ];

export const modules = {
  4571: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      openGitHub: () => openGitHub
    });
    var github = __webpack_require__(157);
    var dist = __webpack_require__(7934);
    var retry = __webpack_require__(9809);
    var boundary_github = __webpack_require__(3387);
    function rateLimitWaitMs(headers, now = Date.now()) {
      const header = name => {
        const value = headers?.[name];
        return typeof value === "string" || typeof value === "number" ? String(value) : void 0;
      };
      const after = (0, retry.Vs)(header("retry-after"), now);
      const reset = header("x-ratelimit-reset")?.trim();
      const untilReset = header("x-ratelimit-remaining")?.trim() === "0" && reset !== void 0 && /^\d{1,12}$/.test(reset) ? Math.max(0, Number(reset) * 1e3 - now) : void 0;
      return after === void 0 || untilReset === void 0 ? after ?? untilReset : Math.max(after, untilReset);
    }
    const graphqlErrorSchema = dist.Ikc({
      type: dist.NpB(dist.lqM(dist.YjP()), void 0),
      message: dist.NpB(dist.lqM(dist.YjP()), void 0),
      path: dist.NpB(dist.lqM(dist.YOg(dist.KCZ([ dist.YjP(), dist.aig() ]))), void 0)
    });
    function readGraphqlErrors(errors, numbers) {
      const aliases = new Map(numbers.map(n => [ (0, boundary_github.fJ)(n), n ]));
      let failed;
      for (const item of Array.isArray(errors) ? errors : []) {
        const parsed = dist.xLC(graphqlErrorSchema, item);
        const {type: type, message: message, path: path = []} = parsed.success ? parsed.output : {
          type: void 0,
          message: void 0,
          path: []
        };
        if (type === "RATE_LIMITED" || type === "RATE_LIMIT") return {
          rateLimit: type
        };
        const number = path.map(step => aliases.get(String(step))).find(n => n !== void 0);
        if (number === void 0) continue;
        const notFound = type === "NOT_FOUND" && path.at(-1) === (0, boundary_github.fJ)(number);
        if (!notFound) failed ??= {
          number: number,
          message: message ?? ""
        };
      }
      return failed ? {
        failed: failed
      } : {};
    }
    var concurrency = __webpack_require__(1532);
    var errors = __webpack_require__(3916);
    var log = __webpack_require__(5625);
    var transport = __webpack_require__(8263);
    var secrets = __webpack_require__(8935);
    var src_text = __webpack_require__(8992);
    function cappedFetch(inner, maxBytes) {
      return async (input, init) => {
        const response = await inner(input, init);
        if (!response.body) return response;
        const tooLarge = () => new Error(`an answer larger than ${maxBytes / 1024 / 1024} MiB`);
        if (Number(response.headers.get("content-length")) > maxBytes) {
          await response.body.cancel();
          throw tooLarge();
        }
        const chunks = [];
        let size = 0;
        for await (const chunk of response.body) {
          size += chunk.byteLength;
          if (size > maxBytes) throw tooLarge();
          chunks.push(chunk);
        }
        await new Promise(resolve => setImmediate(resolve));
        return new Response(Buffer.concat(chunks), {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers
        });
      };
    }
    const PULL_REQUESTS_PER_QUERY = 100;
    const WARM_UP_MS = 3e3;
    class GitHubApi {
      octokit;
      retry;
      fetch;
      concurrency;
      warming;
      constructor(options) {
        this.retry = {
          ...options,
          service: "GitHub"
        };
        this.concurrency = options.concurrency ?? 1;
        this.octokit = github.Q(options.token, {
          userAgent: options.userAgent,
          log: {
            debug: () => {},
            info: () => {},
            warn: message => log.Yz(`GitHub: ${(0, secrets.F3)(message, 300)}`),
            error: message => log.Yz(`GitHub: ${(0, secrets.F3)(message, 300)}`)
          }
        });
        const proxyFetch = options.fetch ?? this.octokit.request.endpoint.DEFAULTS.request?.fetch ?? fetch;
        this.fetch = cappedFetch(proxyFetch, transport.YK);
      }
      prepare() {
        const ms = Math.min(WARM_UP_MS, this.retry.timeoutMs, this.retry.deadline.remainingMs());
        const started = Date.now();
        this.warming ??= this.octokit.request("GET /rate_limit", {
          request: {
            signal: AbortSignal.timeout(Math.max(1, ms)),
            redirect: "error",
            fetch: this.fetch
          }
        }).then(answer => answer.status, error => {
          const status = error?.status;
          return typeof status === "number" ? status : "no answer";
        }).then(status => log.Yz(`GitHub: connection opened ahead (${String(status)}, ${Date.now() - started} ms)`));
      }
      async pullRequestsWith(sha) {
        const doing = `finding the pull request of commit ${sha.slice(0, 7)}`;
        const {owner: owner, repo: repo} = github._.repo;
        const data = await this.call(doing, signal => this.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
          owner: owner,
          repo: repo,
          commit_sha: sha,
          per_page: 100,
          request: {
            signal: signal,
            redirect: "error",
            fetch: this.fetch
          }
        }).then(r => r.data));
        return (0, boundary_github.dv)(data, doing);
      }
      async pullRequestStates(numbers) {
        const batches = [];
        for (let i = 0; i < numbers.length; i += PULL_REQUESTS_PER_QUERY) batches.push(numbers.slice(i, i + PULL_REQUESTS_PER_QUERY));
        const answers = await (0, concurrency.yJ)(batches, this.concurrency, batch => this.statesOf(batch));
        return new Map(answers.flatMap(answer => [ ...answer ]));
      }
      async statesOf(batch) {
        const {owner: owner, repo: repo} = github._.repo;
        const doing = `reading the state of ${(0, src_text.U9)(batch.length, "pull request")} of ${owner}/${repo}`;
        const fields = batch.map(n => `${(0, boundary_github.fJ)(n)}: pullRequest(number: ${n}) { number state }`).join(" ");
        const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields} } }`;
        const request = signal => this.octokit.graphql(query, {
          owner: owner,
          repo: repo,
          request: {
            signal: signal,
            redirect: "error",
            fetch: this.fetch
          }
        });
        const data = await this.call(doing, request, error => graphqlOutcome(error, batch, doing));
        if (typeof data === "object" && data !== null && data.repository === null) throw new errors.l(`GitHub answered that there is no repository ${owner}/${repo} while ${doing}: github-token cannot see it. ` + `Check github-token: it needs pull-requests: read on ${owner}/${repo}.`);
        return (0, boundary_github.e9)(data, batch, doing);
      }
      call(doing, request, graphql) {
        const warmed = this.warming ?? Promise.resolve();
        return warmed.then(() => this.send("GET", doing, request, {
          graphql: graphql
        })).catch(error => {
          throw error instanceof errors.X ? refused(error.status, doing) : error;
        });
      }
      send(method, doing, request, more = {}) {
        const {graphql: graphql, reconcile: reconcile} = more;
        return (0, retry.LH)(this.retry, {
          method: method,
          doing: doing,
          ...reconcile && {
            reconcile: reconcile
          },
          attempt: async (attempt, timeoutMs) => {
            const started = Date.now();
            const signal = AbortSignal.timeout(timeoutMs);
            try {
              const data = await request(signal);
              if (signal.aborted) return {
                failed: true,
                summary: `no answer within ${Math.round(timeoutMs / 1e3)} s`,
                mayHaveApplied: method !== "GET"
              };
              log.Yz(`GitHub ${doing} -> ok (${Date.now() - started} ms, attempt ${attempt})`);
              return data;
            } catch (error) {
              const failure = graphql && isGraphqlError(error) ? graphql(error) : toFailure(error, timeoutMs);
              if (!(0, retry.N6)(failure)) return failure;
              log.Yz(`GitHub ${doing} -> ${failure.summary} (${Date.now() - started} ms, attempt ${attempt})`);
              return failure;
            }
          }
        });
      }
    }
    function refused(status, doing) {
      if (status === 401 || status === 403 || status === 404) {
        const {owner: owner, repo: repo} = github._.repo;
        return new errors.l(`GitHub refused ${doing} (HTTP ${status}). Check github-token: it needs pull-requests: read on ${owner}/${repo}` + ` (add "permissions: pull-requests: read" to the job).`, status);
      }
      return new errors.l(`GitHub answered HTTP ${status} while ${doing}.`, status);
    }
    function isGraphqlError(error) {
      return error?.name === "GraphqlResponseError";
    }
    function graphqlOutcome(error, numbers, doing) {
      const {rateLimit: rateLimit, failed: failed} = readGraphqlErrors(error.errors, numbers);
      if (rateLimit) return {
        failed: true,
        summary: `a ${rateLimit} error in its GraphQL answer`,
        mayHaveApplied: false,
        rateLimited: true,
        retryAfterMs: rateLimitWaitMs(error.headers)
      };
      if (failed) {
        const said = (0, secrets.F3)(failed.message, 200);
        return {
          failed: true,
          summary: `an error for pull request #${failed.number} in GitHub's GraphQL answer${said ? ` (GitHub said: ${said})` : ""}`,
          mayHaveApplied: false
        };
      }
      if (error.data !== void 0 && error.data !== null) return error.data;
      throw new errors.l(`GitHub's GraphQL answer while ${doing} has errors and no data: ${(0, 
      secrets.F3)(error.message ?? "", 300)}`);
    }
    function toFailure(error, timeoutMs) {
      const e = error ?? {};
      if (e.name === "TimeoutError" || e.name === "AbortError") return {
        failed: true,
        summary: `no answer within ${Math.round(timeoutMs / 1e3)} s`,
        mayHaveApplied: true
      };
      const cause = e.cause?.message ?? "";
      if (/redirect/i.test(`${e.message ?? ""} ${cause}`)) throw new errors.l("GitHub answered with a redirect, which is not followed (the token would go along). Check GITHUB_API_URL.");
      const status = typeof e.status === "number" && e.status >= 400 ? e.status : void 0;
      if (status === void 0 || status === 500 && e.response === void 0) return {
        failed: true,
        summary: `the connection failed (${(0, secrets.F3)(e.message ?? String(error), 120)})`,
        mayHaveApplied: true
      };
      const waitMs = status === 403 || status === 429 ? rateLimitWaitMs(e.response?.headers) : void 0;
      const rateLimited = status === 429 || waitMs !== void 0;
      return {
        failed: true,
        status: status,
        summary: `HTTP ${status}`,
        mayHaveApplied: status >= 500,
        rateLimited: rateLimited,
        retryAfterMs: waitMs
      };
    }
    var parse = __webpack_require__(6525);
    const COMMENTS_PER_PAGE = 100;
    const MAX_COMMENT_BODY = 4 * 65536;
    const login = dist.FsL(dist.YjP("a login"), dist.yGV(boundary_github.cd, "a login"));
    const commentId = dist.FsL((0, parse.rD)("a comment id"), dist.Wwf(1, "a comment id"));
    const htmlUrl = dist.FsL(dist.YjP(), dist.z6Y(s => s.length <= 2048 && !(0, src_text.aQ)(s) && /^https:\/\/[^\s/]+\//.test(s)));
    const commentSchema = dist.Ikc({
      id: commentId,
      body: dist.cl6(dist.FsL(dist.YjP("text"), dist.Ru6(MAX_COMMENT_BODY, "text of at most 262,144 characters"))),
      user: dist.NpB(dist.cl6(dist.Ikc({
        login: dist.NpB(dist.lqM(login), void 0),
        type: dist.NpB(dist.lqM(dist.KIO([ "User", "Bot", "Organization", "Mannequin" ])), void 0)
      })), void 0),
      html_url: dist.NpB(dist.lqM(htmlUrl), void 0)
    }, "a comment");
    const commentPageSchema = (0, parse.ke)(commentSchema, COMMENTS_PER_PAGE);
    function toComment(comment) {
      return {
        id: comment.id,
        body: comment.body ?? "",
        ...comment.user?.login !== void 0 && {
          author: comment.user.login
        },
        authorIsBot: comment.user?.type === "Bot",
        ...comment.html_url !== void 0 && {
          url: comment.html_url
        }
      };
    }
    function parseCommentPage(data, doing) {
      return (0, parse.Wp)(commentPageSchema, data, "GitHub", doing).map(toComment);
    }
    function parseComment(data, doing) {
      return toComment((0, parse.Wp)(commentSchema, data, "GitHub", doing));
    }
    const viewerSchema = dist.Ikc({
      viewer: dist.Ikc({
        login: login
      }, "an object with login")
    }, "an object with viewer");
    function parseViewer(data, doing) {
      return (0, parse.Wp)(viewerSchema, data, "GitHub", doing).viewer.login;
    }
    function isAuthoredBy(comment, viewer) {
      const author = comment.author;
      if (author === void 0) return false;
      if (author.toLowerCase() === viewer.toLowerCase()) return true;
      return comment.authorIsBot && !viewer.endsWith("[bot]") && author.toLowerCase() === `${viewer.toLowerCase()}[bot]`;
    }
    const MAX_COMMENT_PAGES = 100;
    const MAX_COMMENT_CHARACTERS = 64 * 1024 * 1024;
    class GitHubComments {
      api;
      viewer;
      constructor(api) {
        this.api = api;
      }
      async findComment(pullRequest, marker) {
        const viewer = await (this.viewer ??= this.whoAmI());
        const {owner: owner, repo: repo} = github._.repo;
        const doing = `reading the comments of pull request #${pullRequest} of ${owner}/${repo}`;
        let characters = 0;
        for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
          const data = await this.api.send("GET", doing, signal => this.api.octokit.rest.issues.listComments({
            owner: owner,
            repo: repo,
            issue_number: pullRequest,
            per_page: COMMENTS_PER_PAGE,
            page: page,
            request: {
              signal: signal,
              redirect: "error",
              fetch: this.api.fetch
            }
          }).then(r => r.data));
          const comments = parseCommentPage(data, doing);
          const ours = comments.find(comment => isAuthoredBy(comment, viewer) && comment.body.startsWith(marker));
          if (ours) return posted(ours);
          for (const comment of comments) characters += comment.body.length;
          if (characters > MAX_COMMENT_CHARACTERS) throw tooMany(doing, `more than 64 MiB of comments`);
          if (comments.length < COMMENTS_PER_PAGE) return;
        }
        throw tooMany(doing, `more than ${(MAX_COMMENT_PAGES * COMMENTS_PER_PAGE).toLocaleString("en-US")} comments`);
      }
      async createComment(pullRequest, body, marker) {
        const {owner: owner, repo: repo} = github._.repo;
        const doing = `commenting on pull request #${pullRequest} of ${owner}/${repo}`;
        const sent = await this.api.send("POST", doing, signal => this.api.octokit.rest.issues.createComment({
          owner: owner,
          repo: repo,
          issue_number: pullRequest,
          body: body,
          request: {
            signal: signal,
            redirect: "error",
            fetch: this.api.fetch
          }
        }).then(r => ({
          answer: r.data
        })), {
          reconcile: async () => {
            const found = await this.findComment(pullRequest, marker);
            return found && {
              found: found
            };
          }
        });
        return "found" in sent ? sent.found : posted(parseComment(sent.answer, doing));
      }
      async updateComment(id, body) {
        const {owner: owner, repo: repo} = github._.repo;
        const doing = `updating comment ${id} of ${owner}/${repo}`;
        const data = await this.api.send("PATCH", doing, signal => this.api.octokit.rest.issues.updateComment({
          owner: owner,
          repo: repo,
          comment_id: id,
          body: body,
          request: {
            signal: signal,
            redirect: "error",
            fetch: this.api.fetch
          }
        }).then(r => r.data));
        return posted(parseComment(data, doing));
      }
      async whoAmI() {
        const doing = "asking GitHub who github-token is";
        const data = await this.api.send("GET", doing, signal => this.api.octokit.graphql("query { viewer { login } }", {
          request: {
            signal: signal,
            redirect: "error",
            fetch: this.api.fetch
          }
        }), {
          graphql: error => graphqlOutcome(error, [], doing)
        });
        return parseViewer(data, doing);
      }
    }
    function posted(comment) {
      return {
        id: comment.id,
        body: comment.body,
        ...comment.url && {
          url: comment.url
        }
      };
    }
    function tooMany(doing, what) {
      return new errors.l(`GitHub's answers while ${doing} hold ${what}: the step does not read on, nor guess which comment is its own.`);
    }
    function openGitHub(options) {
      const api = new GitHubApi(options);
      const comments = new GitHubComments(api);
      return {
        pullRequestStates: numbers => api.pullRequestStates(numbers),
        pullRequestsWith: sha => api.pullRequestsWith(sha),
        prepare: () => api.prepare(),
        findComment: (pullRequest, marker) => comments.findComment(pullRequest, marker),
        createComment: (pullRequest, body, marker) => comments.createComment(pullRequest, body, marker),
        updateComment: (id, body) => comments.updateComment(id, body)
      };
    }
  }
};
//# sourceMappingURL=571.index.js.map