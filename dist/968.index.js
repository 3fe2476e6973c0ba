export const id = 968;

export const ids = [ 968 ];

export const modules = {
  3387: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      cd: () => GITHUB_LOGIN,
      dv: () => parseCommitPulls,
      e9: () => parsePullRequestStates,
      fJ: () => pullRequestAlias,
      wj: () => parseEvent
    });
    var valibot__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7934);
    var _ownership_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2334);
    var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
    var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6525);
    const positive = valibot__WEBPACK_IMPORTED_MODULE_3__.FsL((0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.rD)("a pull request number"), valibot__WEBPACK_IMPORTED_MODULE_3__.Wwf(1, "a pull request number"), valibot__WEBPACK_IMPORTED_MODULE_3__.cGV(2 ** 31 - 1, "a pull request number"));
    const fullName = valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP("owner/name"), valibot__WEBPACK_IMPORTED_MODULE_3__.z6Y(name => (0, 
    _ownership_js__WEBPACK_IMPORTED_MODULE_0__.en)(name), "owner/name"));
    const GITHUB_LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/;
    const login = valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__.yGV(GITHUB_LOGIN));
    const gitRef = valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__.z6Y(ref => ref.length > 0 && ref.length <= 255 && !(0, 
    _text_js__WEBPACK_IMPORTED_MODULE_1__.aQ)(ref) && !/[\s~^:?*[\\]/.test(ref) && !ref.includes(".."), "a branch name"));
    const repositoryOf = valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      repo: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        full_name: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(fullName), void 0)
      })), void 0)
    })), void 0);
    const eventSchema = valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      action: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP()), void 0),
      number: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(positive), void 0),
      pull_request: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        number: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(positive), void 0),
        head: repositoryOf,
        base: repositoryOf,
        user: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
          login: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(login), void 0)
        })), void 0)
      })), void 0),
      deployment_status: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        state: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__.yGV(/^[a-z_]{1,32}$/))), void 0)
      })), void 0),
      deployment: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        sha: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__.yGV(/^[0-9a-f]{7,64}$/i))), void 0),
        ref: valibot__WEBPACK_IMPORTED_MODULE_3__.NpB(valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(gitRef), void 0)
      })), void 0)
    });
    function parseEvent(payload) {
      const result = valibot__WEBPACK_IMPORTED_MODULE_3__.xLC(eventSchema, typeof payload === "object" && payload !== null ? payload : {});
      if (!result.success) return {};
      const event = result.output;
      return {
        action: event.action,
        pullRequest: event.pull_request?.number ?? event.number,
        headRepository: event.pull_request?.head?.repo?.full_name,
        baseRepository: event.pull_request?.base?.repo?.full_name,
        pullRequestAuthor: event.pull_request?.user?.login,
        deploymentState: event.deployment_status?.state,
        deploymentSha: event.deployment?.sha,
        deploymentRef: event.deployment?.ref
      };
    }
    const MAX_COMMIT_PULLS = 100;
    const commitPullSchema = valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      number: positive,
      state: valibot__WEBPACK_IMPORTED_MODULE_3__.YjP("a state"),
      head: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        ref: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(gitRef),
        sha: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP("a commit id"), valibot__WEBPACK_IMPORTED_MODULE_3__.yGV(/^[0-9a-f]{40,64}$/i, "a commit id")))
      }, "an object with ref and sha"))
    }, "a pull request");
    const commitPullsSchema = (0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.ke)(commitPullSchema, MAX_COMMIT_PULLS);
    function parseCommitPulls(data, doing) {
      return (0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Wp)(commitPullsSchema, data, "GitHub", doing).map(pull => ({
        number: pull.number,
        state: pull.state === "open" ? "open" : "closed",
        ...pull.head?.ref ? {
          headRef: pull.head.ref
        } : {},
        ...pull.head?.sha ? {
          headSha: pull.head.sha.toLowerCase()
        } : {}
      }));
    }
    const stateSchema = valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      number: positive,
      state: valibot__WEBPACK_IMPORTED_MODULE_3__.KIO([ "OPEN", "CLOSED", "MERGED" ], "OPEN, CLOSED or MERGED")
    }, "a pull request"));
    const pullRequestAlias = number => `pr${number}`;
    function parsePullRequestStates(data, numbers, doing) {
      const entries = Object.fromEntries(numbers.map(n => [ pullRequestAlias(n), stateSchema ]));
      const schema = valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        repository: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc(entries, "an object of pull requests"))
      }, "a JSON object with repository");
      const repository = (0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Wp)(schema, data, "GitHub", doing).repository;
      const states = new Map;
      for (const number of numbers) {
        const pull = repository?.[pullRequestAlias(number)];
        if (pull && pull.number !== number) throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__.dV(`GitHub's answer while ${doing} has ${pullRequestAlias(number)} that is not pull request #${number}.`);
        states.set(number, pull ? pull.state === "OPEN" ? "open" : "closed" : void 0);
      }
      return states;
    }
  },
  932: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      GH: () => MAX_SECRET,
      _U: () => MAX_HEADERS,
      cT: () => MAX_WEBHOOKS,
      ds: () => parseWebhook,
      kc: () => errorText,
      oA: () => MAX_NAMES,
      wk: () => parseWebhookPage
    });
    var valibot__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7934);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8935);
    var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
    var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6525);
    const MAX_URL = 2048;
    const MAX_HEADERS = 100;
    const MAX_HEADER_VALUE = 8192;
    const MAX_NAMES = 100;
    const MAX_SECRET = 4096;
    const MAX_WEBHOOKS = 2e4;
    const webhookUrl = valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YjP("a URL"), valibot__WEBPACK_IMPORTED_MODULE_3__.z6Y(s => s.length <= MAX_URL && !(0, 
    _text_js__WEBPACK_IMPORTED_MODULE_1__.aQ)(s) && URL.canParse(s), "a URL"));
    const name = (0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Qq)(200, "a name without control characters");
    const nameList = valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.YOg(name, "a list of names"), valibot__WEBPACK_IMPORTED_MODULE_3__.Ru6(MAX_NAMES, `a list of at most ${MAX_NAMES} names`)));
    const count = valibot__WEBPACK_IMPORTED_MODULE_3__.cl6((0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.rD)());
    const webhookSchema = valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      id: _parse_js__WEBPACK_IMPORTED_MODULE_2__.uR,
      url: webhookUrl,
      kind: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.KIO([ "kapso", "meta" ], "kapso or meta")),
      events: nameList,
      active: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.zMY("true or false")),
      headers: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.FsL(valibot__WEBPACK_IMPORTED_MODULE_3__.L5J(), valibot__WEBPACK_IMPORTED_MODULE_3__.z6Y(value => typeof value === "object" && value !== null && !Array.isArray(value), "an object of headers"), valibot__WEBPACK_IMPORTED_MODULE_3__.z6Y(value => Object.keys(value).length <= MAX_HEADERS, `an object of at most ${MAX_HEADERS} headers`), valibot__WEBPACK_IMPORTED_MODULE_3__.g1P((0, 
      _parse_js__WEBPACK_IMPORTED_MODULE_2__.Qq)(256, "a header name without control characters"), valibot__WEBPACK_IMPORTED_MODULE_3__.L5J(), "an object of headers"))),
      secret_key: valibot__WEBPACK_IMPORTED_MODULE_3__.lqM(valibot__WEBPACK_IMPORTED_MODULE_3__.L5J()),
      buffer_enabled: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.zMY("true or false")),
      buffer_window_seconds: count,
      max_buffer_size: count,
      buffer_events: nameList,
      inactivity_minutes: count,
      payload_version: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6((0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Qq)(32)),
      phone_number_id: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6((0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Qq)(64)),
      created_at: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(_parse_js__WEBPACK_IMPORTED_MODULE_2__.KQ)
    }, "a webhook");
    const pageSchema = valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      data: valibot__WEBPACK_IMPORTED_MODULE_3__.YOg(webhookSchema, "a list"),
      meta: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
        total_pages: valibot__WEBPACK_IMPORTED_MODULE_3__.cl6(valibot__WEBPACK_IMPORTED_MODULE_3__.FsL((0, 
        _parse_js__WEBPACK_IMPORTED_MODULE_2__.rD)(), valibot__WEBPACK_IMPORTED_MODULE_3__.Wwf(0, "a whole number of pages")))
      }, "an object"))
    }, "a JSON object with data");
    const oneSchema = valibot__WEBPACK_IMPORTED_MODULE_3__.Ikc({
      data: webhookSchema
    }, "a JSON object with data");
    function parseWebhookPage(body, doing, perPage, keepSecret) {
      const data = typeof body === "object" && body !== null ? body.data : void 0;
      if (Array.isArray(data) && data.length > perPage) throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__.dV(`Kapso's answer while ${doing} lists ${data.length.toLocaleString("en-US")} webhooks on one page, more than ` + `the ${perPage} asked for (per_page): it was not read.`);
      const page = (0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Wp)(pageSchema, body, "Kapso", doing);
      const webhooks = page.data.map(raw => {
        const webhook = toWebhook(raw, false, doing);
        return keepSecret(webhook) ? toWebhook(raw, true, doing) : webhook;
      });
      return {
        webhooks: webhooks,
        totalPages: page.meta?.total_pages ?? void 0
      };
    }
    function parseWebhook(body, doing) {
      return toWebhook((0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.Wp)(oneSchema, body, "Kapso", doing).data, true, doing);
    }
    function toWebhook(raw, keepSecret, doing) {
      const webhook = {
        id: raw.id,
        url: raw.url,
        kind: raw.kind ?? "kapso",
        events: raw.events ?? [],
        headers: headerTexts(raw.headers, doing)
      };
      const optional = {
        active: raw.active,
        buffer_enabled: raw.buffer_enabled,
        buffer_window_seconds: raw.buffer_window_seconds,
        max_buffer_size: raw.max_buffer_size,
        buffer_events: raw.buffer_events,
        inactivity_minutes: raw.inactivity_minutes,
        payload_version: raw.payload_version,
        created_at: raw.created_at
      };
      for (const [key, value] of Object.entries(optional)) if (value !== null && value !== void 0) Object.assign(webhook, {
        [key]: value
      });
      if (raw.phone_number_id !== void 0) webhook.phone_number_id = raw.phone_number_id;
      if (keepSecret && raw.secret_key !== null && raw.secret_key !== void 0) webhook.secret_key = secretText(raw.secret_key, doing);
      return webhook;
    }
    function secretText(value, doing) {
      const secret = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? (0, 
      _parse_js__WEBPACK_IMPORTED_MODULE_2__.s$)(value) : void 0;
      if (secret === void 0 || (0, _text_js__WEBPACK_IMPORTED_MODULE_1__.aQ)(secret)) throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__.dV(`Kapso's answer while ${doing} has a secret_key that is not text without control characters.`);
      if (secret.length > MAX_SECRET) throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__.dV(`Kapso's answer while ${doing} has a secret_key longer than ${MAX_SECRET} characters.`);
      return secret;
    }
    function headerTexts(headers, doing) {
      const out = [];
      for (const [key, value] of Object.entries(headers ?? {})) {
        const valueText = (0, _parse_js__WEBPACK_IMPORTED_MODULE_2__.s$)(value);
        if (valueText === void 0) throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__.dV(`Kapso's answer while ${doing} has a header value that is not JSON.`);
        if (valueText.length > MAX_HEADER_VALUE) throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__.dV(`Kapso's answer while ${doing} has a header value longer than ${MAX_HEADER_VALUE} characters.`);
        out.push([ key, valueText ]);
      }
      return Object.fromEntries(out);
    }
    function errorText(body) {
      if (typeof body !== "object" || body === null || Array.isArray(body)) return "";
      const record = body;
      const error = record.error;
      const nested = typeof error === "object" && error !== null ? error.message : void 0;
      const parts = [ error, nested, record.message, record.detail ].filter(part => typeof part === "string" && part !== "");
      return (0, _secrets_js__WEBPACK_IMPORTED_MODULE_0__.F3)([ ...new Set(parts) ].join(": "), 500);
    }
  },
  6525: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      KQ: () => dateTime,
      Qq: () => text,
      Wp: () => parseAnswer,
      dV: () => AnswerError,
      ke: () => listOfAtMost,
      rD: () => wholeNumber,
      s$: () => jsonText,
      uR: () => uuid
    });
    var valibot__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7934);
    var _ids_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2325);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8935);
    var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
    class AnswerError extends Error {
      constructor(message) {
        super(message);
        this.name = "AnswerError";
      }
    }
    valibot__WEBPACK_IMPORTED_MODULE_2__.JFY("of the expected form");
    function parseAnswer(schema, body, service, doing) {
      const result = valibot__WEBPACK_IMPORTED_MODULE_2__.xLC(schema, body, {
        abortEarly: true
      });
      if (result.success) return result.output;
      const issue = result.issues[0];
      const path = issue ? pathOf(issue.path) : "";
      const expected = issue?.message ?? "of the expected form";
      if (path === "") throw new AnswerError(`${service}'s answer while ${doing} is not ${expected}.`);
      if (issue?.input === void 0) throw new AnswerError(`${service}'s answer while ${doing} has no ${path}.`);
      throw new AnswerError(`${service}'s answer while ${doing} has ${path} that is not ${expected}.`);
    }
    function pathOf(path) {
      let text = "";
      for (const item of path ?? []) {
        const key = item.key;
        if (typeof key === "number") text += `[${key}]`; else if (typeof key === "string" && /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(key)) text += text === "" ? key : `.${key}`; else text += `[${JSON.stringify((0, 
        _secrets_js__WEBPACK_IMPORTED_MODULE_0__.F3)(String(key), 40))}]`;
      }
      return text;
    }
    const uuid = valibot__WEBPACK_IMPORTED_MODULE_2__.FsL(valibot__WEBPACK_IMPORTED_MODULE_2__.YjP("a UUID"), valibot__WEBPACK_IMPORTED_MODULE_2__.yGV(_ids_js__WEBPACK_IMPORTED_MODULE_3__.k, "a UUID"));
    const text = (max = 1e3, what = "text without control characters") => valibot__WEBPACK_IMPORTED_MODULE_2__.FsL(valibot__WEBPACK_IMPORTED_MODULE_2__.YjP(what), valibot__WEBPACK_IMPORTED_MODULE_2__.z6Y(s => s.length <= max && !(0, 
    _text_js__WEBPACK_IMPORTED_MODULE_1__.aQ)(s), what));
    const listOfAtMost = (item, max) => valibot__WEBPACK_IMPORTED_MODULE_2__.FsL(valibot__WEBPACK_IMPORTED_MODULE_2__.YOg(valibot__WEBPACK_IMPORTED_MODULE_2__.L5J(), "a list"), valibot__WEBPACK_IMPORTED_MODULE_2__.Ru6(max, `a list of at most the ${max} asked for`), valibot__WEBPACK_IMPORTED_MODULE_2__.YOg(item, "a list"));
    const wholeNumber = (what = "a whole number") => valibot__WEBPACK_IMPORTED_MODULE_2__.FsL(valibot__WEBPACK_IMPORTED_MODULE_2__.aig(what), valibot__WEBPACK_IMPORTED_MODULE_2__.Y2b(what));
    const dateTime = valibot__WEBPACK_IMPORTED_MODULE_2__.FsL(valibot__WEBPACK_IMPORTED_MODULE_2__.YjP("a date-time"), valibot__WEBPACK_IMPORTED_MODULE_2__.z6Y(s => s.length <= 64 && !(0, 
    _text_js__WEBPACK_IMPORTED_MODULE_1__.aQ)(s) && !Number.isNaN(Date.parse(s)), "a date-time"));
    function jsonText(value) {
      if (typeof value === "string") return value;
      try {
        return JSON.stringify(value);
      } catch {
        return;
      }
    }
  },
  2712: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      o5: () => BACKOFF_MS,
      Ng: () => connect,
      g: () => gitHub,
      S7: () => kapsoTransport
    });
    var src_concurrency = __webpack_require__(1532);
    var http_client = __webpack_require__(4106);
    var shims_undici = __webpack_require__(5136);
    function lazyGitHub(options) {
      let loading;
      let dispatcher;
      const api = () => loading ??= load(options, opened => dispatcher = opened);
      return {
        pulls: {
          pullRequestStates: async numbers => (await api()).pullRequestStates(numbers),
          pullRequestsWith: async sha => (await api()).pullRequestsWith(sha),
          prepare: () => void api().then(loaded => loaded.prepare?.(), () => {})
        },
        comments: {
          findComment: async (pullRequest, marker) => (await api()).findComment(pullRequest, marker),
          createComment: async (pullRequest, body, marker) => (await api()).createComment(pullRequest, body, marker),
          updateComment: async (id, body) => (await api()).updateComment(id, body)
        },
        close: () => void dispatcher?.destroy().catch(() => {})
      };
    }
    async function load(options, opened) {
      const imported = await __webpack_require__.e(752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
      const undici = imported.default ?? imported;
      (0, shims_undici.Sw)(undici);
      const {getProxyUrl: getProxyUrl} = await (0, http_client.w)();
      const {openGitHub: openGitHub} = await Promise.all([ __webpack_require__.e(157), __webpack_require__.e(571) ]).then(__webpack_require__.bind(__webpack_require__, 4571));
      const proxy = getProxyUrl(process.env.GITHUB_API_URL || "https://api.github.com");
      const {connections: connections} = options;
      let dispatcher;
      if (proxy) {
        const {username: username, password: password} = new URL(proxy);
        const token = username || password ? `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` : void 0;
        dispatcher = new undici.ProxyAgent({
          uri: proxy,
          connections: connections,
          ...token && {
            token: token
          }
        });
      } else dispatcher = new undici.Agent({
        connections: connections
      });
      opened(dispatcher);
      const fetch = (input, init) => undici.fetch(input, {
        ...init,
        dispatcher: dispatcher
      });
      return openGitHub({
        ...options,
        fetch: fetch
      });
    }
    var kapso_client = __webpack_require__(3149);
    var dist = __webpack_require__(7934);
    var parse = __webpack_require__(6525);
    const testSchema = dist.Ikc({
      data: dist.Ikc({
        success: dist.zMY("true or false")
      }, "an object with success")
    }, "a JSON object with data");
    function parseTestQueued(body, doing) {
      return (0, parse.Wp)(testSchema, body, "Kapso", doing).data.success;
    }
    const deliverySchema = dist.Ikc({
      id: parse.uR,
      event: (0, parse.Qq)(200, "an event name without control characters"),
      status: dist.KIO([ "pending", "delivered", "failed" ], "pending, delivered or failed"),
      response_status: dist.cl6(dist.FsL((0, parse.rD)("an HTTP status"), dist.Wwf(100, "an HTTP status"), dist.cGV(599, "an HTTP status"))),
      attempt_count: dist.FsL((0, parse.rD)("a number of attempts"), dist.Wwf(0, "a number of attempts")),
      webhook_id: dist.cl6(parse.uR),
      created_at: parse.KQ
    }, "a delivery");
    const MAX_DELIVERIES = 100;
    const pageSchema = dist.Ikc({
      data: (0, parse.ke)(deliverySchema, MAX_DELIVERIES)
    }, "a JSON object with data");
    function parseDeliveries(body, doing) {
      return (0, parse.Wp)(pageSchema, body, "Kapso", doing).data.map(d => ({
        id: d.id,
        event: d.event,
        status: d.status,
        response_status: d.response_status ?? void 0,
        attempt_count: d.attempt_count,
        webhook_id: d.webhook_id ?? void 0,
        created_at: d.created_at
      }));
    }
    var errors = __webpack_require__(3916);
    var refusal = __webpack_require__(6226);
    class DeliveriesClient {
      apiUrl;
      transport;
      constructor(apiUrl, transport) {
        this.apiUrl = apiUrl;
        this.transport = transport;
      }
      async list(webhookId, event) {
        const query = new URLSearchParams({
          webhook_id: webhookId,
          limit: "100"
        });
        if (event !== void 0) query.set("event", event);
        const doing = `reading the deliveries of webhook ${webhookId}`;
        const reply = await this.send({
          method: "GET",
          url: `${this.apiUrl}/webhook_deliveries?${query}`,
          doing: doing
        });
        return parseDeliveries(reply.body, doing).filter(d => d.webhook_id === void 0 || d.webhook_id.toLowerCase() === webhookId.toLowerCase());
      }
      async test(webhookId, event, isNew) {
        const doing = `asking Kapso for a test delivery to webhook ${webhookId}`;
        const query = event === void 0 ? "" : `?${new URLSearchParams({
          event_type: event
        })}`;
        const reply = await this.send({
          method: "POST",
          url: `${this.apiUrl}/whatsapp/webhooks/${encodeURIComponent(webhookId)}/test${query}`,
          payload: event === void 0 ? {} : {
            event_type: event
          },
          doing: doing,
          reconcile: async () => (await this.list(webhookId, event)).some(isNew) ? {
            status: 200,
            body: {
              data: {
                success: true
              }
            }
          } : void 0
        });
        if (!parseTestQueued(reply.body, doing)) throw new errors.l(`Kapso did not queue the test delivery to webhook ${webhookId} (success: false). Re-run, or set verify to ` + `false.`);
      }
      async send(spec) {
        try {
          return await this.transport.request(spec);
        } catch (error) {
          if (!(error instanceof errors.X)) throw error;
          const context = {
            notFound: `Kapso answered HTTP 404 while ${spec.doing}: the Platform API at api-url ${this.apiUrl} has no ` + `such webhook.`,
            forbidden: "webhook test deliveries or the deliveries list"
          };
          throw new errors.l((0, refusal.x)(error.status, error.body, spec.doing, context), error.status);
        }
      }
    }
    var kapso_transport = __webpack_require__(8263);
    const USER_AGENT = "kapso-webhook-action/1";
    const BACKOFF_MS = Number(process.env.KAPSO_ACTION_BACKOFF_MS) || 1e3;
    function kapsoTransport(inputs, deadline, closers, concurrency, early) {
      const transport = new kapso_transport.oK({
        ...retryPolicy(inputs, deadline),
        service: "Kapso",
        gate: new src_concurrency.Ut,
        headers: {
          "X-API-Key": inputs.apiKey
        },
        userAgent: USER_AGENT,
        connections: concurrency,
        early: early
      });
      closers.push(() => transport.close());
      return transport;
    }
    function gitHub(inputs, deadline, closers, concurrency) {
      if (!inputs.githubToken) return;
      const github = lazyGitHub({
        ...retryPolicy(inputs, deadline),
        gate: new src_concurrency.Ut,
        concurrency: concurrency,
        connections: concurrency,
        token: inputs.githubToken,
        userAgent: USER_AGENT
      });
      closers.push(() => github.close());
      return github;
    }
    function retryPolicy(inputs, deadline) {
      return {
        maxAttempts: inputs.maxAttempts,
        timeoutMs: inputs.requestTimeoutSeconds * 1e3,
        backoffMs: BACKOFF_MS,
        deadline: deadline
      };
    }
    function connect(inputs, deadline, progress, closers, early) {
      const concurrency = (0, src_concurrency.WC)(process.env.KAPSO_ACTION_CONCURRENCY);
      const transport = kapsoTransport(inputs, deadline, closers, concurrency, early);
      const lookAgain = {
        paceMs: BACKOFF_MS,
        deadline: deadline
      };
      const client = new kapso_client.G({
        apiUrl: inputs.apiUrl,
        defaultApiUrl: inputs.defaultApiUrl,
        scope: inputs.scope,
        kind: inputs.desired.kind,
        deadline: deadline,
        lookAgain: lookAgain,
        concurrency: concurrency
      }, transport, progress);
      const github = gitHub(inputs, deadline, closers, concurrency);
      const deliveries = inputs.scope.kind === "legacy" ? void 0 : new DeliveriesClient(inputs.apiUrl, transport);
      return {
        api: client,
        github: github?.pulls,
        ...inputs.comment && github && {
          comments: github.comments
        },
        deliveries: deliveries,
        pollMs: BACKOFF_MS,
        deadline: deadline,
        concurrency: concurrency
      };
    }
  },
  6683: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      B: () => Deadline,
      Q: () => StepTimeout
    });
    class Deadline {
      seconds;
      endsAt;
      constructor(seconds, now = Date.now()) {
        this.seconds = seconds;
        this.endsAt = now + seconds * 1e3;
      }
      remainingMs(now = Date.now()) {
        return Math.max(0, this.endsAt - now);
      }
    }
    class StepTimeout extends Error {
      doing;
      mayHaveApplied;
      seconds;
      constructor(doing, mayHaveApplied, seconds) {
        super(`The step ran out of time (timeout-seconds: ${seconds}) while ${doing}.`);
        this.doing = doing;
        this.mayHaveApplied = mayHaveApplied;
        this.seconds = seconds;
        this.name = "StepTimeout";
      }
    }
  },
  5694: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      YW: () => PROJECT_EVENTS,
      ZA: () => suggest,
      jd: () => BUFFERABLE_EVENTS,
      ou: () => typoOf,
      ry: () => splitList,
      tU: () => classifyEvent,
      tV: () => PHONE_NUMBER_EVENTS,
      zH: () => CATALOG_READ
    });
    var fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1916);
    const CATALOG_READ = "2026-12-06";
    const PHONE_NUMBER_EVENTS = [ "whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read", "whatsapp.message.failed", "whatsapp.conversation.created", "whatsapp.conversation.ended", "whatsapp.conversation.inactive", "whatsapp.contact.identity_changed", "whatsapp.contact.marketing_preference_changed", "whatsapp.meta_business_agent.handover" ];
    const PROJECT_EVENTS = [ "whatsapp.config.created", "whatsapp.phone_number.created", "whatsapp.phone_number.deleted", "whatsapp.phone_number.offboarded", "whatsapp.phone_number.disconnected", "whatsapp.phone_number.reconnected", "whatsapp.account.disabled", "whatsapp.account.restricted", "whatsapp.account.reinstated", "whatsapp.account.violation", "workflow.execution.handoff", "workflow.execution.failed", "project.event", "kapso_agent.run.approval_required", "kapso_agent.run.completed", "kapso_agent.run.failed", "kapso_agent.run.cancelled" ];
    const BUFFERABLE_EVENTS = [ "whatsapp.message.received" ];
    const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
    const TYPO_DISTANCE = 2;
    function classifyEvent(name, allowed, other) {
      if (allowed.includes(name)) return {
        verdict: "known"
      };
      if (other.includes(name)) return {
        verdict: "other-scope"
      };
      const near = typoOf(name, [ ...allowed, ...other ]);
      if (!EVENT_NAME.test(name)) return {
        verdict: "malformed",
        near: near ?? suggest(name, allowed)
      };
      return near ? {
        verdict: "typo",
        near: near
      } : {
        verdict: "unknown"
      };
    }
    function splitList(raw) {
      const items = raw.split(/[,\r\n]/).map(item => item.trim()).filter(item => item !== "");
      return [ ...new Set(items) ];
    }
    function typoOf(name, candidates) {
      return nearest(name.toLowerCase(), candidates, TYPO_DISTANCE);
    }
    function suggest(name, allowed) {
      return nearest(name.toLowerCase(), allowed, Math.max(2, Math.floor(name.length / 3)));
    }
    function nearest(name, candidates, maxDistance) {
      let best;
      let bestDistance = 1 / 0;
      for (const candidate of candidates) {
        const d = (0, fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__.Io)(name, candidate);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
      return bestDistance <= maxDistance ? best : void 0;
    }
  },
  9556: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      B7: () => isForkPullRequest,
      DI: () => unfinishedDeployment,
      L7: () => readGitHubContext,
      Nf: () => isPullRequestClosed,
      Wi: () => isDependabotRun,
      Z: () => eventPullRequest,
      qc: () => deploymentSha
    });
    var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
    __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
    var _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3387);
    var _ownership_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2334);
    var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);
    var _urls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5769);
    const PULL_REQUEST_EVENTS = [ "pull_request", "pull_request_target" ];
    const DEPENDABOT = "dependabot[bot]";
    function readGitHubContext(env = process.env) {
      let payload = {};
      const path = env.GITHUB_EVENT_PATH;
      if (path) try {
        payload = JSON.parse((0, node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8"));
      } catch {
        payload = {};
      }
      const repository = env.GITHUB_REPOSITORY ?? "";
      const eventName = env.GITHUB_EVENT_NAME ?? "";
      const actor = env.GITHUB_ACTOR ?? "";
      const server = (0, _urls_js__WEBPACK_IMPORTED_MODULE_4__.Dl)(env.GITHUB_SERVER_URL || "https://github.com");
      return {
        ...(0, _boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.wj)(payload),
        eventName: /^[a-z_]{1,64}$/.test(eventName) ? eventName : "",
        repository: (0, _ownership_js__WEBPACK_IMPORTED_MODULE_2__.en)(repository) ? repository : "",
        ..._boundary_github_js__WEBPACK_IMPORTED_MODULE_1__.cd.test(actor) && {
          actor: actor
        },
        ...server?.protocol === "https:" && {
          serverUrl: server.origin
        },
        place: {
          workflow: placeName((env.GITHUB_WORKFLOW_REF ?? "").replace(/@[^@]*$/, "") || (env.GITHUB_WORKFLOW ?? "")),
          job: placeName(env.GITHUB_JOB ?? ""),
          step: placeName(env.GITHUB_ACTION ?? "")
        }
      };
    }
    function placeName(value) {
      return value.length <= 512 && !(0, _text_js__WEBPACK_IMPORTED_MODULE_3__.aQ)(value) ? value : "";
    }
    function eventPullRequest(context) {
      return PULL_REQUEST_EVENTS.includes(context.eventName) ? context.pullRequest : void 0;
    }
    function isPullRequestClosed(context) {
      return PULL_REQUEST_EVENTS.includes(context.eventName) && context.action === "closed";
    }
    function isForkPullRequest(context) {
      if (!PULL_REQUEST_EVENTS.includes(context.eventName) || context.pullRequest === void 0) return false;
      return context.headRepository !== context.baseRepository;
    }
    const DEPLOYMENT_EVENTS = [ "deployment", "deployment_status" ];
    function deploymentSha(context) {
      return DEPLOYMENT_EVENTS.includes(context.eventName) ? context.deploymentSha : void 0;
    }
    function isDependabotRun(context) {
      return context.actor === DEPENDABOT || context.eventName === "pull_request_target" && context.pullRequestAuthor === DEPENDABOT;
    }
    function unfinishedDeployment(context) {
      return context.eventName === "deployment_status" && context.deploymentState !== "success" ? context.deploymentState ?? "unknown" : void 0;
    }
  },
  3787: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      S: () => checkApiKey,
      q: () => readSecrets
    });
    var _github_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9556);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8935);
    var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8463);
    var _webhook_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6632);
    function checkApiKey(apiKey, context, fail) {
      const noSecrets = apiKey ? void 0 : skipReason(context);
      if (!apiKey && !noSecrets) fail("api-key is required: pass your Kapso project API key, e.g. ${{ secrets.KAPSO_API_KEY }}."); else if (/\s/.test(apiKey)) fail("api-key contains white space or a line break: paste the key alone.");
      return noSecrets;
    }
    function readSecrets() {
      const apiKey = (0, _values_js__WEBPACK_IMPORTED_MODULE_2__.R5)("api-key");
      (0, _secrets_js__WEBPACK_IMPORTED_MODULE_1__.$l)(apiKey);
      const secretKey = (0, _values_js__WEBPACK_IMPORTED_MODULE_2__.R5)("secret-key");
      if (secretKey.length >= _webhook_js__WEBPACK_IMPORTED_MODULE_3__.nZ) (0, _secrets_js__WEBPACK_IMPORTED_MODULE_1__.$l)(secretKey);
      const githubToken = (0, _values_js__WEBPACK_IMPORTED_MODULE_2__.R5)("github-token");
      (0, _secrets_js__WEBPACK_IMPORTED_MODULE_1__.$l)(githubToken);
      return {
        apiKey: apiKey,
        githubToken: githubToken
      };
    }
    function skipReason(context) {
      if ((0, _github_context_js__WEBPACK_IMPORTED_MODULE_0__.B7)(context)) return "api-key is empty: this run is for a pull request from a fork, and GitHub gives such runs no secrets. " + "Nothing was done.";
      if ((0, _github_context_js__WEBPACK_IMPORTED_MODULE_0__.Wi)(context)) return "api-key is empty: Dependabot started this run, and GitHub gives Dependabot's runs only Dependabot secrets. " + "Nothing was done. " + "To give Dependabot's pull requests a webhook too, add KAPSO_API_KEY under " + "Settings \u2192 Secrets and variables \u2192 Dependabot.";
      return;
    }
  },
  4732: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      l: () => readRunControl
    });
    var _ids_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2325);
    var _events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5694);
    var _ownership_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2334);
    var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3448);
    var _values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8463);
    function readRunControl(fail) {
      const webhookIdRaw = (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.R5)("webhook-id");
      const webhookId = webhookIdRaw === "" || _ids_js__WEBPACK_IMPORTED_MODULE_4__.k.test(webhookIdRaw) ? webhookIdRaw || void 0 : fail(`webhook-id must be a webhook's UUID (like 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b); got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_3__.hD)(webhookIdRaw)}.`);
      return {
        requested: readOperation(fail),
        webhookId: webhookId,
        name: readName(fail),
        webhookIdGiven: webhookIdRaw !== "",
        dryRun: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.Vf)("dry-run", fail) ?? false,
        maxAttempts: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.JI)("max-attempts", 1, 10, fail),
        requestTimeoutSeconds: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.cY)(fail),
        timeoutSeconds: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.JI)("timeout-seconds", 1, 3600, fail),
        cleanup: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.Vf)("cleanup", fail) ?? false,
        maxAgeMs: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.$7)("max-age", fail),
        verify: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.Vf)("verify", fail) ?? false,
        verifyTimeoutSeconds: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.JI)("verify-timeout-seconds", 1, 600, fail),
        comment: (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.Vf)("comment", fail) ?? false
      };
    }
    function readOperation(fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.R5)("operation");
      if (_types_js__WEBPACK_IMPORTED_MODULE_2__.x.includes(raw)) return raw;
      const near = (0, _events_js__WEBPACK_IMPORTED_MODULE_0__.ZA)(raw, _types_js__WEBPACK_IMPORTED_MODULE_2__.x);
      return fail(`operation must be one of ${_types_js__WEBPACK_IMPORTED_MODULE_2__.x.join(", ")}; got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_3__.hD)(raw)}${near ? `: did you mean "${near}"?` : "."}`);
    }
    function readName(fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_3__.R5)("name");
      if (raw === "" || (0, _ownership_js__WEBPACK_IMPORTED_MODULE_1__.lx)(raw)) return raw || void 0;
      return fail(`name must be 1 to 40 lower-case letters, digits and dashes, starting and ending with a letter or digit (like ` + `api or worker-2); got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_3__.hD)(raw)}.`);
    }
  },
  9324: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      B8: () => manifestGiven,
      VU: () => readManifestInputs,
      gb: () => checkManifestOnly
    });
    var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
    __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
    var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9556);
    var _ownership_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2334);
    var _access_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3787);
    var _control_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4732);
    var _scope_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(725);
    var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3448);
    var _values_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8463);
    var _defaults_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9011);
    var _webhook_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6632);
    const SINGLE_WEBHOOK_INPUTS = [ ..._webhook_js__WEBPACK_IMPORTED_MODULE_9__.$w, "name", "secret-key", "webhook-id", "cleanup", "max-age", "verify", "verify-timeout-seconds" ];
    const MANIFEST_OPERATIONS = [ "upsert", "delete" ];
    function manifestGiven() {
      return (0, _values_js__WEBPACK_IMPORTED_MODULE_7__.CB)("manifest") !== "";
    }
    function readManifestInputs(context = (0, _github_context_js__WEBPACK_IMPORTED_MODULE_1__.L7)()) {
      const {apiKey: apiKey, githubToken: githubToken} = (0, _access_js__WEBPACK_IMPORTED_MODULE_3__.q)();
      const problems = new _values_js__WEBPACK_IMPORTED_MODULE_7__.Zw;
      const fail = problems.fail;
      const noSecrets = (0, _access_js__WEBPACK_IMPORTED_MODULE_3__.S)(apiKey, context, fail);
      const path = readManifestPath(fail);
      const control = (0, _control_js__WEBPACK_IMPORTED_MODULE_4__.l)(message => SINGLE_WEBHOOK_INPUTS.some(name => message.startsWith(`${name} `)) ? void 0 : fail(message));
      const operation = MANIFEST_OPERATIONS.find(name => name === control.requested);
      if (control.requested && !operation) fail(`operation must be upsert (reconcile) or delete with manifest; got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_7__.hD)(control.requested)}.`);
      const given = SINGLE_WEBHOOK_INPUTS.filter(name => {
        const value = (0, _values_js__WEBPACK_IMPORTED_MODULE_7__.CB)(name);
        return value !== "" && value !== _defaults_js__WEBPACK_IMPORTED_MODULE_8__.O[name];
      });
      if (given.length > 0) fail(`${given.join(", ")} ${given.length === 1 ? "is" : "are"} not taken with manifest, which describes the ` + `webhooks: remove ${given.length === 1 ? "it" : "them"} from the step (each webhook's fields go in its entry ` + "in the file).");
      const apiUrl = (0, _scope_js__WEBPACK_IMPORTED_MODULE_5__.AX)(void 0, fail);
      const prune = (0, _values_js__WEBPACK_IMPORTED_MODULE_7__.Vf)("prune", fail) ?? true;
      const failOnDrift = (0, _values_js__WEBPACK_IMPORTED_MODULE_7__.Vf)("fail-on-drift", fail) ?? false;
      if (failOnDrift && !control.dryRun) fail("fail-on-drift needs dry-run true: a drift check plans and writes nothing. Without it, drift is repaired.");
      const repository = context.repository;
      if (!repository && !noSecrets) fail("manifest needs GITHUB_REPOSITORY, which the runner sets, to record whose webhooks they are: run it in a " + "workflow.");
      const {maxAttempts: maxAttempts, requestTimeoutSeconds: requestTimeoutSeconds, timeoutSeconds: timeoutSeconds} = control;
      if (problems.list.length > 0 || !path || !operation || !maxAttempts || !requestTimeoutSeconds || !timeoutSeconds) throw new _types_js__WEBPACK_IMPORTED_MODULE_6__.d(problems.list);
      return {
        apiKey: apiKey,
        githubToken: githubToken,
        path: path,
        file: (0, node_path__WEBPACK_IMPORTED_MODULE_0__.join)(process.env.GITHUB_WORKSPACE || process.cwd(), path),
        prune: prune,
        failOnDrift: failOnDrift,
        operation: operation,
        apiUrl: apiUrl?.url ?? "",
        dryRun: control.dryRun,
        comment: control.comment,
        maxAttempts: maxAttempts,
        requestTimeoutSeconds: requestTimeoutSeconds,
        timeoutSeconds: timeoutSeconds,
        context: context,
        repository: repository,
        ...noSecrets && {
          skip: {
            reason: noSecrets,
            warn: true
          }
        }
      };
    }
    function checkManifestOnly(fail) {
      for (const name of [ "prune", "fail-on-drift" ]) {
        const value = (0, _values_js__WEBPACK_IMPORTED_MODULE_7__.Vf)(name, fail);
        if (value !== void 0 && String(value) !== _defaults_js__WEBPACK_IMPORTED_MODULE_8__.O[name]) fail(`${name} is only for manifest mode, and no manifest is given: remove ${name}, or give manifest.`);
      }
    }
    function readManifestPath(fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_7__.CB)("manifest");
      const path = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(raw.replace(/^\.\//, ""));
      if ((0, node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(raw) || !(0, _ownership_js__WEBPACK_IMPORTED_MODULE_2__.HS)(path)) return fail(`manifest must be a path relative to the workspace (the repository's root), of letters, digits and . _ - /, ` + `like .kapso/webhooks.yml; got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_7__.hD)(raw)}.`);
      return path;
    }
  },
  3448: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      d: () => InputError,
      x: () => OPERATIONS
    });
    const OPERATIONS = [ "upsert", "create", "delete", "auto", "sweep" ];
    class InputError extends Error {
      problems;
      constructor(problems) {
        super(problems.length === 1 ? `Invalid input: ${problems[0]}` : `Invalid inputs:\n${problems.map(p => `  - ${p}`).join("\n")}`);
        this.problems = problems;
        this.name = "InputError";
      }
    }
  },
  8516: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      Q: () => warnAboutEvent,
      e: () => warnAboutIgnored
    });
    var _events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5694);
    var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
    var _urls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5769);
    var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8463);
    var _webhook_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6632);
    function warnAboutEvent(operation, requested, closing, scope, events, subject = "") {
      if (closing && operation === "upsert" && requested === "upsert") _log_js__WEBPACK_IMPORTED_MODULE_1__.$e("The pull request is closed, and operation upsert keeps its webhook. Use operation auto to delete it when the " + "pull request closes.");
      if (operation !== "upsert" && operation !== "create") return;
      for (const event of (0, _webhook_js__WEBPACK_IMPORTED_MODULE_3__.W)(events, scope)) _log_js__WEBPACK_IMPORTED_MODULE_1__.$e(`${subject}events has ${event}, which is not in Kapso's event catalog as this action knows it ` + `(read ${_events_js__WEBPACK_IMPORTED_MODULE_0__.zH}): it is sent as given. ` + "If Kapso does not know it either, Kapso refuses it (HTTP 422) and the step fails, naming it.");
    }
    function warnAboutIgnored(operation, cleanup, bufferEnabled, url, subject = "") {
      if (cleanup && (operation === "delete" || operation === "sweep")) _log_js__WEBPACK_IMPORTED_MODULE_1__.$e(`cleanup has no effect with operation ${operation}: there is nothing provisioned to remove.`);
      if (!bufferEnabled) for (const name of [ "buffer-window-seconds", "max-buffer-size", "buffer-events" ]) if ((0, 
      _values_js__WEBPACK_IMPORTED_MODULE_2__.R5)(name)) _log_js__WEBPACK_IMPORTED_MODULE_1__.$e(`${subject}${name} is ignored while buffer-enabled is false.`);
      if (url && (0, _urls_js__WEBPACK_IMPORTED_MODULE_4__.VM)(url)) _log_js__WEBPACK_IMPORTED_MODULE_1__.$e(`${subject}url has an empty path segment (//): ${url}. Kapso keeps it as written, and it is another URL than ` + `the one with a single slash. ` + 'A URL built as ${{ steps.deploy.outputs.url }}/path gets one when the deploy URL ends with "/".');
    }
  },
  6632: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      $w: () => WEBHOOK_FIELD_INPUTS,
      FR: () => eventsFor,
      W: () => unknownEvents,
      nZ: () => MIN_SECRET_KEY_LENGTH,
      oM: () => readDesiredWebhook
    });
    var _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(932);
    var _events_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5694);
    var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5625);
    var _ownership_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2334);
    var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8992);
    var _urls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5769);
    var _values_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8463);
    const WEBHOOK_FIELD_INPUTS = [ "whatsapp-config-id", "phone-number-id", "scope", "kind", "url", "events", "payload-version", "active", "headers", "buffer-enabled", "buffer-window-seconds", "max-buffer-size", "buffer-events", "inactivity-minutes" ];
    const MAX_URL_LENGTH = 2048;
    const MIN_SECRET_KEY_LENGTH = 16;
    const MAX_HEADER_VALUE_LENGTH = 4096;
    const MAX_LISTED = _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__.oA;
    const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    const HEADER_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;
    const RESERVED_HEADERS = [ "content-type", "content-length", "host", "connection", "transfer-encoding", "x-idempotency-key", "x-batch-size" ];
    const RESERVED_PREFIX = "x-webhook-";
    function eventsFor(scope, kind) {
      if (kind === "meta") return [];
      if (!scope) return [ ..._events_js__WEBPACK_IMPORTED_MODULE_1__.tV, ..._events_js__WEBPACK_IMPORTED_MODULE_1__.YW ];
      return scope.kind === "project" ? _events_js__WEBPACK_IMPORTED_MODULE_1__.YW : _events_js__WEBPACK_IMPORTED_MODULE_1__.tV;
    }
    function otherScopeEvents(scope) {
      if (!scope) return [];
      return scope.kind === "project" ? _events_js__WEBPACK_IMPORTED_MODULE_1__.tV : _events_js__WEBPACK_IMPORTED_MODULE_1__.YW;
    }
    const NOT_FOR_META = [ "events", "buffer-window-seconds", "max-buffer-size", "buffer-events", "inactivity-minutes", "payload-version" ];
    function readDesiredWebhook(fail, scope, kind, urlUnused = false) {
      const secretKey = (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("secret-key");
      if (secretKey && (0, _text_js__WEBPACK_IMPORTED_MODULE_4__.aQ)(secretKey)) fail("secret-key contains a line break or control character."); else if (secretKey.length > _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__.GH) fail(`secret-key must be at most ${_boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__.GH} characters; got ${secretKey.length}.`); else if (secretKey && secretKey.length < MIN_SECRET_KEY_LENGTH) fail(`secret-key must be at least ${MIN_SECRET_KEY_LENGTH} characters; got ${secretKey.length}. Leave it empty to ` + `have a 256-bit one generated.`);
      if (kind === "meta") for (const name of NOT_FOR_META) if ((0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)(name)) fail(`${name} is not for kind meta: Meta sends its raw payloads, with no Kapso events, batching or payload ` + `version. Remove ${name}.`);
      const bufferEventsRaw = (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("buffer-events");
      const bufferEnabled = (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.Vf)("buffer-enabled", fail) ?? false;
      if (bufferEnabled && kind === "meta") fail("buffer-enabled must be false for kind meta: Meta payloads are not batched.");
      if (bufferEnabled && scope?.kind === "project") fail("buffer-enabled must be false with scope project: buffering batches whatsapp.message.received, which project " + "webhooks do not receive.");
      return {
        kind: kind ?? "kapso",
        url: urlUnused ? void 0 : readWebhookUrl(fail),
        events: kind === "meta" ? [] : readEvents(fail, scope),
        secretKey: secretKey || void 0,
        active: (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.Vf)("active", fail) ?? true,
        headers: readHeaders(fail) ?? {},
        bufferEnabled: bufferEnabled,
        bufferWindowSeconds: (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.JI)("buffer-window-seconds", 1, 60, fail),
        maxBufferSize: (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.JI)("max-buffer-size", 1, 100, fail),
        bufferEvents: bufferEventsRaw && kind !== "meta" ? readBufferEvents(fail) : void 0,
        inactivityMinutes: (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.JI)("inactivity-minutes", 1, 1440, fail),
        payloadVersion: readPayloadVersion(scope, fail)
      };
    }
    function readPayloadVersion(scope, fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("payload-version");
      if (raw === "") return;
      if (raw !== "v1" && raw !== "v2") return fail(`payload-version must be v1 or v2, or empty for Kapso's default (v2); got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_5__.hD)(raw)}.`);
      if (scope?.kind === "legacy") return fail("payload-version is a Platform API setting: the legacy API (whatsapp-config-id) has none. Remove it, or use " + "phone-number-id.");
      return raw;
    }
    function readWebhookUrl(fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("url");
      if (!raw) return;
      const accepts = "an absolute https:// URL";
      if (raw.length > MAX_URL_LENGTH) return fail(`url is longer than ${MAX_URL_LENGTH} characters.`);
      if ((0, _text_js__WEBPACK_IMPORTED_MODULE_4__.aQ)(raw) || /\s/.test(raw)) return fail(`url must be ${accepts} without spaces or control characters.`);
      const parsed = (0, _urls_js__WEBPACK_IMPORTED_MODULE_6__.Dl)(raw);
      if (!parsed && raw.startsWith("/")) return fail(`url must be ${accepts}; got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_5__.hD)(raw)}, a path without scheme or host: the expression before it gave ` + `nothing. ` + "Did the step whose output makes the URL run, and set that output?");
      if (!parsed) return fail(`url must be ${accepts}; got ${(0, _values_js__WEBPACK_IMPORTED_MODULE_5__.hD)(raw)}.`);
      if (parsed.username || parsed.password) return fail("url must not carry a user name or password: use the headers input for credentials.");
      if (parsed.protocol !== "https:") return fail(`url must be ${accepts}: Kapso delivers only over HTTPS; got a ${parsed.protocol.replace(":", "")} URL.`);
      return raw;
    }
    function readEvents(fail, scope) {
      const events = (0, _events_js__WEBPACK_IMPORTED_MODULE_1__.ry)((0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("events"));
      const allowed = eventsFor(scope, "kapso");
      if (events.length > MAX_LISTED) return fail(`events lists ${events.length} events; at most ${MAX_LISTED} are taken (Kapso has a few dozen).`) ?? [];
      for (const event of events) {
        const verdict = (0, _events_js__WEBPACK_IMPORTED_MODULE_1__.tU)(event, allowed, otherScopeEvents(scope));
        if (verdict.verdict === "other-scope") fail(scope?.kind === "project" ? `events has ${event}, a phone-number event: project webhooks (scope: project) never receive message, ` + `conversation or contact events. Give phone-number-id for a phone number's webhook.` : `events has ${event}, a project event: give scope: project for a project webhook. A phone number's ` + `webhook takes message, conversation and contact events only.`); else if (verdict.verdict === "typo") fail(`events has an unknown event ${(0, 
        _values_js__WEBPACK_IMPORTED_MODULE_5__.hD)(event)}: did you mean "${verdict.near}"?`); else if (verdict.verdict === "malformed") fail(`events has ${(0, 
        _values_js__WEBPACK_IMPORTED_MODULE_5__.hD)(event)}, which is no event name (lower-case words joined by dots, like ` + `whatsapp.message.received)` + (verdict.near ? `: did you mean "${verdict.near}"?` : `. Accepted: ${allowed.join(", ")}.`));
      }
      return events;
    }
    function unknownEvents(events, scope) {
      return events.filter(event => (0, _events_js__WEBPACK_IMPORTED_MODULE_1__.tU)(event, eventsFor(scope, "kapso"), otherScopeEvents(scope)).verdict === "unknown");
    }
    function readBufferEvents(fail) {
      const events = (0, _events_js__WEBPACK_IMPORTED_MODULE_1__.ry)((0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("buffer-events"));
      for (const event of events.filter(e => !_events_js__WEBPACK_IMPORTED_MODULE_1__.jd.includes(e))) {
        const near = (0, _events_js__WEBPACK_IMPORTED_MODULE_1__.ou)(event, _events_js__WEBPACK_IMPORTED_MODULE_1__.jd);
        fail(`buffer-events has ${(0, _values_js__WEBPACK_IMPORTED_MODULE_5__.hD)(event)}, which Kapso cannot batch` + (near ? `: did you mean "${near}"?` : `: only ${_events_js__WEBPACK_IMPORTED_MODULE_1__.jd.join(", ")} can be.`));
      }
      return events;
    }
    function readHeaders(fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_5__.R5)("headers");
      if (raw === "") return {};
      const entries = raw.startsWith("{") || raw.startsWith("[") || raw.startsWith('"') ? jsonHeaders(raw, fail) : lineHeaders(raw, fail);
      if (!entries) return;
      if (entries.length >= _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__._U) return fail(`headers has ${entries.length} headers; at most ${_boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__._U - 1} are taken (the action adds its ownership ` + `record, and reads no webhook with more than ${_boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__._U}).`);
      const headers = [];
      const seen = new Set;
      for (const [index, [name, value]] of entries.entries()) {
        const where = `(${entries.length > 1 ? `header ${index + 1} of ${entries.length}` : "the only header"})`;
        if (!HEADER_NAME.test(name)) return fail(`headers has an invalid header name ${where}: use letters, digits and - (an HTTP token).`);
        const lower = name.toLowerCase();
        if (lower === _ownership_js__WEBPACK_IMPORTED_MODULE_3__.kN.toLowerCase()) return fail(`headers cannot set ${name}: the action keeps its ownership record there.`);
        if (lower.startsWith(RESERVED_PREFIX) || RESERVED_HEADERS.includes(lower)) return fail(`headers cannot set ${name}: Kapso sets it on every delivery. Reserved: any X-Webhook-* header, ` + `${RESERVED_HEADERS.join(", ")} and ${_ownership_js__WEBPACK_IMPORTED_MODULE_3__.kN}.`);
        if (seen.has(lower)) return fail(`headers names ${name} twice.`);
        seen.add(lower);
        if (typeof value !== "string") return fail(`headers value of ${name} must be a string.`);
        if (!HEADER_VALUE.test(value)) return fail(`headers value of ${name} contains a line break or control character.`);
        if (value.length > MAX_HEADER_VALUE_LENGTH) return fail(`headers value of ${name} is longer than ${MAX_HEADER_VALUE_LENGTH} characters.`);
        if (value === "") _log_js__WEBPACK_IMPORTED_MODULE_2__.$e(`headers value of ${name} is empty: if it comes from a secret, is that secret set for this run?`);
        headers.push([ name, value ]);
      }
      return Object.fromEntries(headers);
    }
    function jsonHeaders(raw, fail) {
      let parsed;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return fail('headers is not valid JSON: give a JSON object of strings, or one "Name: value" per line.');
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return fail('headers must be a JSON object of strings (like {"X-Env": "preview"}), or one "Name: value" per line.');
      return Object.entries(parsed);
    }
    function lineHeaders(raw, fail) {
      const entries = [];
      for (const [index, line] of raw.split(/\r?\n/).entries()) {
        if (line.trim() === "") continue;
        const colon = line.indexOf(":");
        if (colon <= 0) return fail(`headers line ${index + 1} is not in "Name: value" form.`);
        entries.push([ line.slice(0, colon).trim(), line.slice(colon + 1).trim() ]);
      }
      return entries;
    }
  },
  3149: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      G: () => KapsoClient
    });
    var parse = __webpack_require__(6525);
    var kapso = __webpack_require__(932);
    var errors = __webpack_require__(3916);
    var log = __webpack_require__(5625);
    var src_deadline = __webpack_require__(6683);
    var ownership = __webpack_require__(2334);
    var urls = __webpack_require__(5769);
    var concurrency = __webpack_require__(1532);
    var secrets = __webpack_require__(8935);
    const PER_PAGE = 100;
    const MAX_PAGES = kapso.cT / PER_PAGE;
    const MAX_LIST_CHARACTERS = 64 * 1024 * 1024;
    async function readList(read) {
      const {doing: doing, keep: keep} = read;
      const found = new Map;
      const seen = new Set;
      let characters = 0;
      const fetchPage = async page => {
        const reply = await read.fetchPage(page);
        characters += reply.size ?? 0;
        if (characters > MAX_LIST_CHARACTERS) throw tooMuch(doing, `more than ${MAX_LIST_CHARACTERS / 1024 / 1024} MiB of answers`);
        return reply;
      };
      const take = (page, reply) => {
        const parsed = (0, kapso.wk)(reply.body, doing, PER_PAGE, w => keep(w) && read.keepSecret(w));
        if (parsed.totalPages !== void 0 && parsed.totalPages > MAX_PAGES) throw tooMuch(doing, `${parsed.totalPages.toLocaleString("en-US")} pages of ${PER_PAGE}`);
        const before = seen.size;
        for (const webhook of parsed.webhooks) {
          const id = webhook.id.toLowerCase();
          seen.add(id);
          if (!keep(webhook) || found.has(id)) continue;
          if (webhook.secret_key !== void 0) (0, secrets.Q7)(webhook.secret_key);
          found.set(id, webhook);
        }
        if (seen.size > kapso.cT) throw tooMuch(doing, `more than ${kapso.cT.toLocaleString("en-US")} webhooks`);
        read.checkDeadline();
        return parsed.totalPages ?? (seen.size > before ? page + 1 : page);
      };
      await (0, concurrency.n4)(read.concurrency, fetchPage, take);
      return sortNewestFirst([ ...found.values() ]);
    }
    function tooMuch(doing, what) {
      return new errors.l(`Kapso's answers while ${doing} hold ${what}: more than this action reads from one scope ` + `(${kapso.cT.toLocaleString("en-US")} webhooks, ${MAX_LIST_CHARACTERS / 1024 / 1024} MiB), so it stopped ` + `reading and changed nothing. ` + "Check api-url and the scope id; if the scope really holds that many, delete the webhooks it no longer needs.");
    }
    function sortNewestFirst(webhooks) {
      const time = w => Date.parse(w.created_at ?? "") || 0;
      return [ ...webhooks ].sort((a, b) => time(b) - time(a));
    }
    const PAUSES = [ 1, 2, 3, 4 ];
    function lookAgainMs(policy) {
      return PAUSES.reduce((sum, n) => sum + n * policy.paceMs, 0);
    }
    async function lookAgain(look, policy, missing, then) {
      const first = await look();
      if (first !== void 0) return first;
      const total = seconds(lookAgainMs(policy));
      log.pq(`${missing} Kapso's lists may show a new webhook only seconds after its create: looking again for up to ${total} ` + `s before ${then}.`);
      const started = Date.now();
      for (const n of PAUSES) {
        const pauseMs = n * policy.paceMs;
        if (policy.deadline && pauseMs >= policy.deadline.remainingMs()) {
          log.pq(`Stopped looking after ${seconds(Date.now() - started)} s, as the step's time (timeout-seconds: ` + `${policy.deadline.seconds}) is nearly up, and ${then}.`);
          return;
        }
        await new Promise(resolve => setTimeout(resolve, pauseMs));
        const found = await look();
        if (found !== void 0) return found;
      }
      log.pq(`Still none listed after ${total} s: taking it that there is none, and ${then}.`);
      return;
    }
    function seconds(ms) {
      return String(Math.round(ms / 100) / 10);
    }
    var refusal = __webpack_require__(6226);
    var kapso_scope = __webpack_require__(8414);
    class KapsoClient {
      options;
      transport;
      progress;
      base;
      constructor(options, transport, progress) {
        this.options = options;
        this.transport = transport;
        this.progress = progress;
        this.base = (0, kapso_scope.eB)(options.apiUrl, options.scope);
      }
      async findByUrl(url) {
        const same = webhook => (0, urls.cl)(webhook.url, url);
        return (await this.list(`listing webhooks with url ${url}`, (0, urls.mJ)(url), same)).filter(same);
      }
      async listAll(keepSecret = () => false) {
        return this.list(`listing the webhooks of ${(0, kapso_scope.OI)(this.options.scope)}`, void 0, keepSecret);
      }
      list(doing, contains, keepSecret) {
        const {scope: scope, kind: kind} = this.options;
        return readList({
          doing: doing,
          fetchPage: page => this.send({
            method: "GET",
            path: `?${(0, kapso_scope.ND)(scope, page, PER_PAGE, kind, contains)}`,
            doing: doing
          }),
          keep: webhook => webhook.kind === kind && (this.options.everyScope === true || (0, 
          kapso_scope.SB)(scope, webhook)),
          keepSecret: keepSecret,
          concurrency: this.options.concurrency ?? 1,
          checkDeadline: () => this.checkDeadline(doing)
        });
      }
      checkDeadline(doing) {
        const {deadline: deadline} = this.options;
        if (deadline && deadline.remainingMs() <= 0) throw new src_deadline.Q(doing, false, deadline.seconds);
      }
      async get(id) {
        const doing = `reading webhook ${id}`;
        const reply = await this.sendOrAbsent({
          method: "GET",
          path: `/${encodeURIComponent(id)}`,
          doing: doing
        });
        return reply && this.checkAnswerIsAbout((0, kapso.ds)(reply.body, doing), id, doing);
      }
      async create(fields, existingIds) {
        const url = fields.url ?? "";
        const doing = `creating a webhook for ${url}`;
        let adopted;
        const record = (0, ownership.a4)(fields.headers)?.[1];
        const made = webhook => !existingIds.includes(webhook.id) && (0, ownership.a4)(webhook.headers)?.[1] === record;
        const lookForIt = async () => (await this.findByUrl(url)).find(made);
        const reply = await this.send({
          method: "POST",
          path: "",
          payload: {
            whatsapp_webhook: fields
          },
          doing: doing,
          reconcile: async () => {
            const missing = `No webhook that the earlier attempt at ${doing} could have made is listed yet.`;
            adopted = await lookAgain(lookForIt, this.options.lookAgain, missing, "sending it again");
            return adopted && {
              status: 201,
              body: void 0
            };
          }
        });
        const created = adopted ?? await this.readCreated(reply, doing, lookForIt);
        if (existingIds.some(id => id.toLowerCase() === created.id.toLowerCase())) throw new parse.dV(`Kapso's answer while ${doing} names webhook ${created.id}, which was there before the create: it is not the ` + `new one. Re-run to find what the create made.`);
        if (created.kind !== this.options.kind) throw new parse.dV(`Kapso's answer while ${doing} has kind ${created.kind}, not ${this.options.kind} as asked. A re-run will ` + `not find this webhook (${created.id}); delete it with operation delete and webhook-id.`);
        this.progress.record(`created webhook ${created.id}`);
        return created;
      }
      async readCreated(reply, doing, lookForIt) {
        try {
          return (0, kapso.ds)(reply.body, doing);
        } catch (error) {
          if (!(error instanceof parse.dV)) throw error;
          const missing = `${error.message} No webhook the create made is listed yet.`;
          const found = await lookAgain(lookForIt, this.options.lookAgain, missing, "failing the step");
          if (!found) throw error;
          log.$e(`${error.message} The webhook it made was found by listing the scope: using ${found.id}.`);
          return found;
        }
      }
      async update(id, fields) {
        const doing = `updating webhook ${id}`;
        const reply = await this.sendOrAbsent({
          method: "PATCH",
          path: `/${encodeURIComponent(id)}`,
          payload: {
            whatsapp_webhook: fields
          },
          doing: doing
        });
        if (!reply) throw new errors.l(`Webhook ${id} was not found while ${doing}: it was deleted meanwhile. Re-run to create it again.`, 404);
        const updated = this.checkAnswerIsAbout((0, kapso.ds)(reply.body, doing), id, doing);
        this.progress.record(`updated webhook ${id}`);
        return updated;
      }
      async remove(id) {
        const removed = await this.sendOrAbsent({
          method: "DELETE",
          path: `/${encodeURIComponent(id)}`,
          doing: `deleting webhook ${id}`
        }) !== void 0;
        if (removed) this.progress.record(`deleted webhook ${id}`);
        return removed;
      }
      checkAnswerIsAbout(webhook, id, doing) {
        if (webhook.id.toLowerCase() !== id.toLowerCase()) throw new parse.dV(`Kapso's answer while ${doing} is about webhook ${webhook.id}, not ${id}.`);
        return webhook;
      }
      async sendOrAbsent(request) {
        try {
          return await this.send(request);
        } catch (error) {
          if (!(error instanceof errors.l) || error.status !== 404) throw error;
          if (this.options.scope.kind !== "project") await this.send({
            method: "GET",
            path: "?page=1&per_page=1",
            doing: `checking ${(0, kapso_scope.OI)(this.options.scope)}`
          });
          return;
        }
      }
      async send(request) {
        const {path: path, ...spec} = request;
        try {
          return await this.transport.request({
            ...spec,
            url: `${this.base}${path}`
          });
        } catch (error) {
          if (error instanceof errors.X) throw new errors.l(this.describe(error.status, error.body, request.doing), error.status);
          throw error;
        }
      }
      describe(status, body, doing) {
        const {scope: scope, apiUrl: apiUrl, defaultApiUrl: defaultApiUrl} = this.options;
        const where = defaultApiUrl ? "" : ` at api-url ${apiUrl}`;
        return (0, refusal.x)(status, body, doing, {
          notFound: (0, kapso_scope.Qz)(scope, doing, where),
          forbidden: (0, kapso_scope.OI)(scope)
        });
      }
    }
  },
  6226: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      x: () => refusal
    });
    var _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(932);
    function refusal(status, body, doing, context) {
      const said = (0, _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__.kc)(body);
      const quote = said ? ` Kapso said: ${said}` : "";
      switch (status) {
       case 401:
        return `Kapso rejected the API key (HTTP 401) while ${doing}. Check the api-key input: it must be a current ` + `Kapso project API key.${quote}`;

       case 402:
        return `Kapso refused ${doing} (HTTP 402, payment required): the project's plan does not include it; ` + `project.event needs a plan with project events.${quote}`;

       case 403:
        return `Kapso refused access (HTTP 403) while ${doing}: the API key's project cannot use ` + `${context.forbidden}.${quote}`;

       case 404:
        return context.notFound + quote;

       case 422:
        if (/\bunsupported events?\b/i.test(said)) return `Kapso refused the events input (HTTP 422) while ${doing}: ${said}. Remove those events, or correct ` + `them: Kapso accepts only the events it lists.`;
        return `Kapso refused ${doing} (HTTP 422): ${said || "no reason given"}`;

       default:
        return status >= 300 && status < 400 ? `Kapso answered with a redirect (HTTP ${status}) while ${doing}; redirects are not followed, so that the ` + `API key goes nowhere else. Check api-url.` : `Kapso answered HTTP ${status} while ${doing}.${quote}`;
      }
    }
  },
  8414: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      ND: () => listQuery,
      OI: () => describeScope,
      Qz: () => scopeNotFound,
      SB: () => inScope,
      eB: () => collectionUrl
    });
    function describeScope(scope) {
      return scope.kind === "project" ? "the project (scope: project)" : `${scope.input} ${scope.id}`;
    }
    function collectionUrl(apiUrl, scope) {
      switch (scope.kind) {
       case "legacy":
        return `${apiUrl}/whatsapp_configs/${encodeURIComponent(scope.id)}/whatsapp_webhooks`;

       case "platform":
        return `${apiUrl}/whatsapp/phone_numbers/${encodeURIComponent(scope.id)}/webhooks`;

       case "project":
        return `${apiUrl}/whatsapp/webhooks`;
      }
    }
    function listQuery(scope, page, perPage, kind, contains) {
      const query = new URLSearchParams({
        page: String(page),
        per_page: String(perPage)
      });
      if (scope.kind === "legacy") {
        if (contains !== void 0) query.set("q[url_cont]", contains);
        return query;
      }
      if (scope.kind === "platform" && contains !== void 0) query.set("url_contains", contains);
      query.set("kind", kind);
      return query;
    }
    function inScope(scope, webhook) {
      if (scope.kind === "project") return webhook.phone_number_id === null || webhook.phone_number_id === void 0;
      if (scope.kind === "platform") return webhook.phone_number_id === scope.id || webhook.phone_number_id === void 0;
      return true;
    }
    function scopeNotFound(scope, doing, where) {
      const apiUrlHint = where ? ` and api-url: it must be Kapso's ${scope.kind === "legacy" ? "legacy API (https://app.kapso.ai/api/v1)" : "Platform API (https://api.kapso.ai/platform/v1)"} for ${scope.input}` : "";
      switch (scope.kind) {
       case "legacy":
        return `Kapso has no WhatsApp configuration ${scope.id} for this API key${where} (HTTP 404) while ${doing}. ` + `Check whatsapp-config-id: it is the configuration's UUID in Kapso${apiUrlHint}.`;

       case "platform":
        return `Kapso has no phone number ${scope.id} for this API key${where} (HTTP 404) while ${doing}. Check ` + `phone-number-id: it is Meta's phone number id (digits), not Kapso's configuration UUID${apiUrlHint}.`;

       case "project":
        return `Kapso answered HTTP 404${where} while ${doing}.${where ? " Check api-url: project webhooks are on the Platform API (https://api.kapso.ai/platform/v1)." : ""}`;
      }
    }
  },
  8263: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      YK: () => MAX_BODY_BYTES,
      oK: () => Transport
    });
    var _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(932);
    var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
    var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9809);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8935);
    var _connections_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47);
    const MAX_BODY_BYTES = 16 * 1024 * 1024;
    class Transport {
      options;
      http;
      loading;
      routes;
      constructor(options) {
        this.options = options;
      }
      request(spec) {
        return (0, _retry_js__WEBPACK_IMPORTED_MODULE_2__.LH)(this.options, {
          method: spec.method,
          doing: spec.doing,
          attempt: (number, timeoutMs) => this.attempt(spec, number, timeoutMs),
          reconcile: spec.reconcile,
          gone: () => ({
            status: 204,
            body: void 0
          })
        });
      }
      close() {
        this.http?.dispose();
        this.routes?.close();
      }
      client() {
        const maxSockets = this.options.connections ?? 4;
        this.loading ??= (this.options.early ?? (0, _connections_js__WEBPACK_IMPORTED_MODULE_4__.q)(maxSockets, this.options.timeoutMs)).then(({HttpClient: HttpClient, routes: routes}) => {
          routes.setTimeout(this.options.timeoutMs);
          this.routes = routes;
          return this.http = new HttpClient(this.options.userAgent, [ routes ], {
            allowRedirects: false,
            allowRetries: false,
            keepAlive: true,
            maxSockets: maxSockets,
            socketTimeout: this.options.timeoutMs,
            headers: {
              Accept: "application/json",
              ...this.options.headers
            }
          });
        });
        return this.loading;
      }
      async attempt(spec, attempt, timeoutMs) {
        const {method: method, url: url} = spec;
        const http = await this.client();
        await (this.routes?.route(url));
        const started = Date.now();
        const trace = result => {
          _log_js__WEBPACK_IMPORTED_MODULE_1__.Yz(`${method} ${new URL(url).pathname} -> ${result} (${Date.now() - started} ms, attempt ${attempt})`);
        };
        let answer;
        try {
          answer = await exchange(http, spec, timeoutMs, started);
        } catch (error) {
          const bound = timeoutMs < this.options.timeoutMs ? "timeout-seconds" : "request-timeout-seconds";
          const failure = networkFailure(error, timeoutMs, bound, new URL(url).host);
          trace(failure.summary);
          return failure;
        }
        trace(String(answer.status));
        return replyOf(method, answer, this.options.service);
      }
    }
    async function exchange(http, spec, timeoutMs, started) {
      const {method: method, url: url, payload: payload} = spec;
      const sending = http.request(method, url, payload === void 0 ? null : JSON.stringify(payload), payload === void 0 ? {} : {
        "Content-Type": "application/json"
      });
      const {message: message} = await withDeadline(sending, timeoutMs);
      const text = await withDeadline(readCapped(message), Math.max(1, timeoutMs - (Date.now() - started)), () => message.destroy());
      await new Promise(resolve => setImmediate(resolve));
      return {
        status: message.statusCode ?? 0,
        text: text,
        retryAfter: message.headers["retry-after"]
      };
    }
    function replyOf(method, {status: status, text: text, retryAfter: retryAfter}, service) {
      const body = parseJson(text);
      if (status >= 200 && status < 300) {
        if (body !== void 0 || method === "DELETE") return {
          status: status,
          body: body,
          size: text.length
        };
        return {
          failed: true,
          summary: `HTTP ${status} with a body that is not JSON`,
          mayHaveApplied: method !== "GET"
        };
      }
      const said = (0, _boundary_kapso_js__WEBPACK_IMPORTED_MODULE_0__.kc)(body);
      const looksLikeHtml = body === void 0 && /^\s*</.test(text);
      return {
        failed: true,
        status: status,
        body: body,
        summary: `HTTP ${status}${said ? ` (${service} said: ${said})` : looksLikeHtml ? " (an HTML error page)" : ""}`,
        mayHaveApplied: status >= 500,
        rateLimited: status === 429,
        retryAfterMs: status === 429 ? (0, _retry_js__WEBPACK_IMPORTED_MODULE_2__.Vs)(retryAfter) : void 0
      };
    }
    function networkFailure(error, timeoutMs, bound, host) {
      if (error instanceof DeadlineError || error instanceof Error && error.message.startsWith("Request timeout")) return {
        failed: true,
        summary: `no answer within ${(timeoutMs / 1e3).toFixed(timeoutMs % 1e3 ? 1 : 0)} s (${bound})`,
        mayHaveApplied: true
      };
      if (error instanceof TooLargeError) return {
        failed: true,
        summary: error.message,
        mayHaveApplied: true
      };
      const code = error?.code;
      const notSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
      const what = notSent ? `could not connect to ${host}` : "the connection failed";
      const cause = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
      return {
        failed: true,
        summary: `${what} (${(0, _secrets_js__WEBPACK_IMPORTED_MODULE_3__.F3)(cause, 120)})`,
        mayHaveApplied: !notSent
      };
    }
    class DeadlineError extends Error {}
    class TooLargeError extends Error {}
    function withDeadline(promise, ms, onExpire) {
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new DeadlineError);
          onExpire?.();
        }, ms);
      });
      return Promise.race([ promise, deadline ]).finally(() => clearTimeout(timer));
    }
    function readCapped(message) {
      return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on("data", chunk => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            reject(new TooLargeError(`an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
            message.destroy();
          } else chunks.push(chunk);
        });
        message.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        message.on("error", reject);
        message.on("aborted", () => reject(new Error("ECONNRESET")));
      });
    }
    function parseJson(text) {
      if (text.trim() === "") return;
      try {
        return JSON.parse(text);
      } catch {
        return;
      }
    }
  },
  5625: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      $e: () => warning,
      LZ: () => saveState,
      Yz: () => debug,
      fJ: () => fail,
      lm: () => notice,
      n0: () => setOutputs,
      pq: () => info
    });
    var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1178);
    var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8935);
    var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);
    function line(text) {
      return neutralise((0, _text_js__WEBPACK_IMPORTED_MODULE_3__.hN)((0, _secrets_js__WEBPACK_IMPORTED_MODULE_2__.E$)(text)));
    }
    function neutralise(text) {
      return text.replace(/##\[/g, "##\\[");
    }
    function annotation(text) {
      return text.split("\n").map(line).join("\n");
    }
    function info(text) {
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.pq(line(text));
    }
    function debug(text) {
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.Yz(line(text));
    }
    function notice(text) {
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.lm(annotation(text));
    }
    function warning(text) {
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.$e(annotation(text));
    }
    function fail(text) {
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.C1(annotation(text));
    }
    function setOutputs(outputs, verbatim = []) {
      for (const [name, value] of Object.entries(outputs)) toRunnerFile("GITHUB_OUTPUT", "the step's outputs", () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.uH(name, verbatim.includes(name) ? (0, 
      _text_js__WEBPACK_IMPORTED_MODULE_3__.hN)(value) : line(value)));
    }
    function saveState(name, value) {
      toRunnerFile("GITHUB_STATE", "what the post step is to clean up", () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(name, value));
    }
    function toRunnerFile(variable, what, write) {
      try {
        write();
      } catch (error) {
        const code = error?.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`Could not write ${what} to the file ${variable} ` + `names${typeof code === "string" && /^E[A-Z]{2,12}$/.test(code) ? ` (${code})` : ""}: ` + `the runner sets ${variable} and makes that file; check that it exists and is writable (a step that changed ` + `it or its folder, or a full disk).`);
      }
    }
  },
  9968: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      cleanup: () => main_cleanup,
      run: () => run
    });
    var parse = __webpack_require__(6525);
    var core = __webpack_require__(1178);
    var external_node_crypto_ = __webpack_require__(7598);
    var dist = __webpack_require__(7934);
    var ownership = __webpack_require__(2334);
    var src_text = __webpack_require__(8992);
    var kapso = __webpack_require__(932);
    var ids = __webpack_require__(2325);
    const url = dist.FsL(dist.YjP(), dist.z6Y(s => s.length <= 2048 && !(0, src_text.aQ)(s) && URL.canParse(s)));
    const fingerprint = dist.lqM(dist.FsL(dist.YjP(), dist.yGV(/^[0-9a-f]{64}$/)));
    const record = dist.lqM(dist.FsL(dist.YjP(), dist.z6Y(s => (0, ownership.Hh)(s) !== void 0)));
    const webhookSchema = dist.rej({
      id: parse.uR,
      url: url,
      record: record,
      secret: fingerprint
    });
    const createSchema = dist.rej({
      url: url,
      existing: dist.FsL(dist.YOg(dist.FsL(dist.YjP(), dist.yGV(ids.k))), dist.Ru6(kapso.cT)),
      record: record,
      secret: fingerprint
    });
    function parseSavedWebhook(text) {
      const saved = parseJsonState(webhookSchema, text);
      return saved && {
        id: saved.id,
        url: saved.url,
        record: recordOf(saved.record),
        secret: saved.secret
      };
    }
    function parseSavedCreate(text) {
      const saved = parseJsonState(createSchema, text);
      return saved && {
        url: saved.url,
        existing: saved.existing.map(id => id.toLowerCase()),
        record: recordOf(saved.record),
        secret: saved.secret
      };
    }
    function parseJsonState(schema, text) {
      try {
        const result = dist.xLC(schema, JSON.parse(text));
        return result.success ? result.output : void 0;
      } catch {
        return;
      }
    }
    function recordOf(text) {
      return text === void 0 ? void 0 : (0, ownership.Hh)(text);
    }
    var connect = __webpack_require__(2712);
    var src_deadline = __webpack_require__(6683);
    var github_context = __webpack_require__(9556);
    var kapso_scope = __webpack_require__(8414);
    var log = __webpack_require__(5625);
    var secrets = __webpack_require__(8935);
    var access = __webpack_require__(3787);
    var manifest = __webpack_require__(9324);
    var inputs_control = __webpack_require__(4732);
    var webhook = __webpack_require__(6632);
    function checkOperationNeeds({control: control, operation: operation, kind: kind, scope: scope, events: events, urlGiven: urlGiven, pullRequest: pullRequest, githubToken: githubToken, fail: fail}) {
      const {requested: requested, webhookIdGiven: webhookIdGiven} = control;
      if (operation === "upsert" || operation === "create") {
        if (!urlGiven && !(operation === "upsert" && webhookIdGiven)) {
          const on = requested === "auto" ? "operation auto, which upserts on this event" : `operation ${operation}`;
          fail(`url is required for ${on}${operation === "upsert" ? " (or give webhook-id)" : ""}.`);
        }
        if (kind === "kapso" && events.length === 0) fail(`events is required for operation ${operation}: one or more of ${(0, 
        webhook.FR)(scope, "kapso").join(", ")}.`);
        if (operation === "create" && webhookIdGiven) fail("webhook-id cannot be used with operation create, which always makes a new webhook.");
      }
      if (operation === "delete" && !urlGiven && !webhookIdGiven && pullRequest === void 0) fail("operation delete needs url or webhook-id to know what to delete (on a pull request, it deletes what is " + "recorded for it).");
      if (operation === "sweep" && !githubToken) fail("github-token is required for operation sweep, to ask GitHub which pull requests are closed: leave it at its " + "default, ${{ github.token }}.");
      if (control.maxAgeMs !== void 0 && operation !== void 0 && operation !== "sweep") fail(`max-age is only for operation sweep; operation is ${operation}.`);
    }
    function checkVerify(control, requested, operation, scope, fail) {
      const {verify: verify, verifyTimeoutSeconds: verifyTimeoutSeconds, timeoutSeconds: timeoutSeconds} = control;
      if (!verify) return;
      if (scope === "legacy") fail("verify needs the Platform API's test endpoint, which the legacy API (whatsapp-config-id) does not have: use " + "phone-number-id, or set verify to false.");
      if ((operation === "delete" || operation === "sweep") && requested !== "auto") fail(`verify is for operations upsert, create and auto; operation is ${operation}.`);
      if (verifyTimeoutSeconds !== void 0 && timeoutSeconds !== void 0 && verifyTimeoutSeconds >= timeoutSeconds) fail(`verify-timeout-seconds (${verifyTimeoutSeconds}) must be less than timeout-seconds (${timeoutSeconds}), which ` + `bounds the whole step, verification included.`);
    }
    var inputs_scope = __webpack_require__(725);
    var types = __webpack_require__(3448);
    var values = __webpack_require__(8463);
    var warnings = __webpack_require__(8516);
    function readInputs(context = (0, github_context.L7)()) {
      const secrets = (0, access.q)();
      const problems = new values.Zw;
      const noSecrets = (0, access.S)(secrets.apiKey, context, problems.fail);
      const read = readEach(context, problems.fail);
      checkAcross(read, secrets.githubToken, problems.fail);
      const valid = validOrThrow(read, problems);
      warnAboutInputs(valid);
      logInputs(valid, context);
      return toActionInputs(valid, secrets, context, noSecrets);
    }
    function readEach(context, fail) {
      const control = (0, inputs_control.l)(fail);
      const {requested: requested} = control;
      const unfinished = requested === "auto" ? (0, github_context.DI)(context) : void 0;
      const closing = (0, github_context.Nf)(context);
      const operation = requested === "auto" ? closing ? "delete" : "upsert" : requested;
      const pullRequest = (0, github_context.Z)(context);
      const scope = (0, inputs_scope.hx)(fail);
      const kind = (0, inputs_scope.X0)(scope, fail);
      const apiUrl = (0, inputs_scope.AX)(scope, fail);
      const urlUnused = operation === "delete" && pullRequest !== void 0 && !control.webhookIdGiven || unfinished !== void 0;
      const desired = (0, webhook.oM)(fail, scope, kind, urlUnused);
      for (const value of Object.values(desired.headers)) (0, secrets.iD)(value);
      return {
        control: control,
        requested: requested,
        operation: operation,
        unfinished: unfinished,
        closing: closing,
        pullRequest: pullRequest,
        scope: scope,
        kind: kind,
        apiUrl: apiUrl,
        desired: desired
      };
    }
    function checkAcross(read, githubToken, fail) {
      const {control: control, operation: operation} = read;
      if (!read.unfinished) checkOperationNeeds({
        control: control,
        operation: operation,
        kind: read.kind,
        scope: read.scope,
        events: read.desired.events,
        urlGiven: (0, values.R5)("url") !== "",
        pullRequest: read.pullRequest,
        githubToken: githubToken,
        fail: fail
      });
      checkVerify(control, read.requested, operation, read.scope?.kind, fail);
      (0, manifest.gb)(fail);
    }
    function validOrThrow(read, problems) {
      const {requested: requested, operation: operation, scope: scope, apiUrl: apiUrl} = read;
      const {maxAttempts: maxAttempts, requestTimeoutSeconds: requestTimeoutSeconds, timeoutSeconds: timeoutSeconds} = read.control;
      if (problems.list.length > 0 || !scope || !operation || !requested || !apiUrl || !maxAttempts || !requestTimeoutSeconds || !timeoutSeconds) throw new types.d(problems.list);
      return {
        ...read,
        requested: requested,
        operation: operation,
        scope: scope,
        apiUrl: apiUrl,
        maxAttempts: maxAttempts,
        requestTimeoutSeconds: requestTimeoutSeconds,
        timeoutSeconds: timeoutSeconds
      };
    }
    function warnAboutInputs(valid) {
      const {control: control, operation: operation, desired: desired} = valid;
      (0, warnings.e)(operation, control.cleanup, desired.bufferEnabled, desired.url);
      (0, warnings.Q)(operation, valid.requested, valid.closing, valid.scope, desired.events);
      if (control.verify && control.dryRun) log.pq("verify is skipped in a dry run: nothing is written, not even a test delivery.");
      if (control.verify && operation === "delete") log.pq("verify is skipped: operation auto deletes the webhook on this event.");
    }
    function logInputs(valid, context) {
      const {control: control, requested: requested, operation: operation, desired: desired} = valid;
      log.Yz(`scope: ${(0, kapso_scope.OI)(valid.scope)}; api-url: ${valid.apiUrl.url}; operation: ${requested}${requested === "auto" ? ` -> ${operation}` : ""}; dry-run: ${control.dryRun}`);
      log.Yz(`event: ${context.eventName || "(none)"}; repository: ${context.repository || "(none)"}; pull request: ` + `${valid.pullRequest ?? "(none)"}; name: ${control.name ?? "(none)"}`);
      log.Yz(`url: ${desired.url ?? "(none)"}; webhook-id: ${control.webhookId ?? "(none)"}; events: ` + `${desired.events.join(", ")}; timeout-seconds: ${valid.timeoutSeconds}`);
    }
    function toActionInputs(valid, {apiKey: apiKey, githubToken: githubToken}, context, noSecrets) {
      const {control: control, operation: operation, unfinished: unfinished} = valid;
      return {
        apiKey: apiKey,
        apiUrl: valid.apiUrl.url,
        defaultApiUrl: valid.apiUrl.isDefault,
        scope: valid.scope,
        requested: valid.requested,
        operation: operation,
        webhookId: control.webhookId,
        name: control.name,
        dryRun: control.dryRun,
        maxAttempts: valid.maxAttempts,
        requestTimeoutSeconds: valid.requestTimeoutSeconds,
        timeoutSeconds: valid.timeoutSeconds,
        verifyTimeoutSeconds: control.verify && (operation === "upsert" || operation === "create") && !control.dryRun ? control.verifyTimeoutSeconds : void 0,
        desired: valid.desired,
        cleanup: control.cleanup,
        comment: control.comment,
        githubToken: githubToken,
        maxAgeMs: control.maxAgeMs,
        context: context,
        pullRequest: valid.pullRequest,
        skip: noSecrets ? {
          reason: noSecrets,
          warn: true
        } : unfinished ? {
          reason: unfinishedReason(unfinished),
          warn: false
        } : void 0
      };
    }
    function unfinishedReason(state) {
      return `operation auto: this deployment_status is ${state}, not success: nothing to do until the deployment ` + `succeeds (its URL may not exist yet).`;
    }
    class Progress {
      done=[];
      record(change) {
        this.done.push(change);
      }
      get changedAnything() {
        return this.done.length > 0;
      }
      describe() {
        return this.done.length === 0 ? "Nothing was changed in Kapso before that." : `Done before that: ${this.done.join("; ")}.`;
      }
    }
    var summary = __webpack_require__(8855);
    var urls = __webpack_require__(5769);
    const PROVISIONED = "cleanup-webhook";
    const PENDING = "cleanup-pending-create";
    function saveProvisioned(id, url, record, secretKey) {
      log.LZ(PROVISIONED, JSON.stringify({
        id: id,
        url: url,
        ...savedParts(record, secretKey)
      }));
    }
    function savePendingCreate(url, existing, secretKey, record) {
      log.LZ(PENDING, JSON.stringify({
        url: url,
        existing: existing,
        ...savedParts(record, secretKey)
      }));
    }
    function savedParts(record, secretKey) {
      return {
        ...record && {
          record: (0, ownership.bM)(record)
        },
        ...secretKey && {
          secret: cleanup_fingerprint(secretKey)
        }
      };
    }
    async function cleanup(failureMessage) {
      const provisionedText = core.Gu(PROVISIONED);
      const pendingText = core.Gu(PENDING);
      if (!provisionedText && !pendingText) {
        log.Yz("Nothing to clean up.");
        return;
      }
      const provisioned = provisionedText ? parseSavedWebhook(provisionedText) : void 0;
      const pending = !provisionedText && pendingText ? parseSavedCreate(pendingText) : void 0;
      if (!provisioned && !pending) {
        log.$e(`Cleanup: the saved state (${provisionedText ? PROVISIONED : PENDING}) is not what this action writes; nothing ` + `was deleted.`);
        return;
      }
      const progress = new Progress;
      const closers = [];
      try {
        const inputs = readInputs();
        const {api: api} = (0, connect.Ng)(inputs, new src_deadline.B(inputs.timeoutSeconds), progress, closers);
        const ids = provisioned ? await stillProvisioned(api, provisioned, inputs) : await madeByCreate(api, pending, inputs);
        for (const id of ids) {
          const line = await api.remove(id) ? `Cleanup: deleted webhook ${id}.` : `Cleanup: webhook ${id} was already gone.`;
          log.pq(line);
          await (0, summary.kC)(line);
        }
      } catch (error) {
        log.fJ(`Cleanup failed: ${failureMessage(error, progress)}`);
      } finally {
        for (const close of closers) close();
      }
    }
    async function stillProvisioned(api, saved, inputs) {
      const webhook = await api.get(saved.id);
      if (!webhook) {
        log.pq(`Cleanup: webhook ${saved.id} was already gone.`);
        return [];
      }
      const why = (0, urls.cl)(webhook.url, saved.url) ? notTheStepsBecause(webhook, saved, inputs) : `it now has url ${webhook.url}, not ${saved.url} as provisioned`;
      if (why) log.$e(`Cleanup: webhook ${webhook.id} was left in place: ${why}.`);
      return why ? [] : [ webhook.id ];
    }
    async function madeByCreate(api, saved, inputs) {
      const made = (await api.findByUrl(saved.url)).filter(webhook => !saved.existing.includes(webhook.id.toLowerCase()));
      if (made.length === 0) log.pq("Cleanup: the create the main step sent made no webhook; nothing to delete.");
      const ids = [];
      for (const webhook of made) {
        const why = notTheStepsBecause(webhook, saved, inputs);
        if (why) log.$e(`Cleanup: webhook ${webhook.id} at ${saved.url}, new since the main step's create, was left in place: ${why}.`); else ids.push(webhook.id);
      }
      return ids;
    }
    function notTheStepsBecause(webhook, saved, inputs) {
      const repository = inputs.context.repository;
      if (!repository) return "without GITHUB_REPOSITORY this step cannot tell whose it is";
      const record = (0, ownership.aE)(webhook.headers);
      if (!record) return "it carries no ownership record of this action (made by hand, or by a version before records)";
      if (record.repository.toLowerCase() !== repository.toLowerCase()) return `it is recorded for ${record.repository}, not ${repository}`;
      if (!saved.record || !(0, ownership.qf)(record, saved.record)) return `its ownership record is not the one the main step ${saved.record ? `saved (${(0, 
      ownership.bM)(saved.record)})` : "saved: none"}`;
      const pullRequest = inputs.pullRequest;
      if (pullRequest !== void 0 && record.pullRequest !== pullRequest) return `it is recorded for ${record.pullRequest === void 0 ? "no pull request" : `pull request #${record.pullRequest}`}, not #${pullRequest} this run is for`;
      if (saved.secret && webhook.secret_key !== void 0 && cleanup_fingerprint(webhook.secret_key) !== saved.secret) return "its signing secret is not the one this step set (changed since, or another webhook)";
      return;
    }
    function cleanup_fingerprint(secret) {
      return (0, external_node_crypto_.createHash)("sha256").update(secret).digest("hex");
    }
    var src_early = __webpack_require__(5400);
    var errors = __webpack_require__(3916);
    var operations_identity = __webpack_require__(3886);
    var provision = __webpack_require__(9197);
    var src_concurrency = __webpack_require__(1532);
    var plan = __webpack_require__(2464);
    var operations_types = __webpack_require__(1983);
    async function remove(inputs, effects) {
      const {webhookId: webhookId, desired: desired} = inputs;
      const {api: api} = effects;
      if (webhookId) return removeById(inputs, api, webhookId);
      const identity = await (0, operations_identity.ls)(inputs, effects);
      const owner = identity.owner ?? identity.urlOwner;
      let targets;
      if (owner) {
        if (desired.url) log.pq(`On ${(0, operations_identity.$S)(owner)} the webhooks recorded for it are deleted, whatever their url.`);
        targets = (await api.listAll()).filter(webhook => (0, ownership.Ml)(webhook.headers, owner));
      } else if (desired.url) targets = deletableAtUrl(await api.findByUrl(desired.url), identity.record, desired.url); else if (inputs.pullRequest !== void 0 && !inputs.context.repository) throw new errors.l("operation delete on a pull request needs GITHUB_REPOSITORY, which the runner sets, to know what is recorded " + "for it: run it in a GitHub workflow."); else throw new errors.l("operation delete needs url or webhook-id to know what to delete.");
      const deleted = await removeEach(targets, api, inputs.dryRun, effects.concurrency);
      const last = deleted[deleted.length - 1];
      if (!last) return {
        ...operations_types.S,
        result: "absent",
        webhookId: "",
        url: owner ? "" : desired.url ?? "",
        owner: owner
      };
      const ids = deleted.map(w => w.id);
      return {
        ...operations_types.S,
        result: "deleted",
        webhookId: ids.join(","),
        url: last.url,
        webhook: (0, plan.PV)(last),
        deletedIds: ids,
        owner: owner
      };
    }
    function deletableAtUrl(matches, record, url) {
      const others = matches.filter(webhook => (0, ownership.hh)(webhook.headers) && !(record && (0, 
      ownership.Ml)(webhook.headers, record)));
      if (others.length > 0) {
        const one = others.length === 1;
        log.$e(`${one ? `Webhook ${others[0]?.id} also has` : `${others.length} webhooks (${(0, 
        src_text.Z6)(others.map(w => w.id))}) also have`} url ${url}, ` + `but ${one ? "it is" : "they are"} recorded for someone else than ` + `${record ? (0, 
        operations_identity.TV)(record) : operations_identity.ov} (another repository, pull request or name): ` + `left as ${one ? "it is" : "they are"}. Delete ${one ? "it" : "them"} with webhook-id if ${one ? "it is" : "they are"} stale.`);
      }
      return matches.filter(webhook => !others.includes(webhook));
    }
    async function removeById(inputs, api, id) {
      const gone = {
        ...operations_types.S,
        result: "absent",
        webhookId: "",
        url: ""
      };
      if (inputs.scope.kind === "legacy" && !inputs.dryRun) return await api.remove(id) ? {
        ...operations_types.S,
        result: "deleted",
        webhookId: id,
        url: "",
        deletedIds: [ id ]
      } : gone;
      const found = await api.get(id);
      if (!found) return gone;
      if (found.kind !== inputs.desired.kind) throw new errors.l(`webhook-id ${id} is a ${found.kind}-kind webhook; this step deletes ${inputs.desired.kind}-kind webhooks only ` + `(the kind input). Nothing was deleted.`);
      if (!(0, kapso_scope.SB)(inputs.scope, found)) throw new errors.l(`webhook-id ${id} is not a webhook of ${(0, 
      kapso_scope.OI)(inputs.scope)}; nothing was deleted.`);
      const done = {
        ...operations_types.S,
        result: "deleted",
        webhookId: id,
        url: found.url,
        webhook: (0, plan.PV)(found),
        deletedIds: [ id ]
      };
      if (inputs.dryRun) return done;
      return await api.remove(id) ? done : gone;
    }
    async function sweep(inputs, {api: api, github: github, concurrency: concurrency}) {
      const repository = inputs.context.repository;
      if (!repository || !github) throw new errors.l("operation sweep needs GITHUB_REPOSITORY, which the runner sets: run it in a GitHub workflow.");
      github.prepare?.();
      const all = await api.listAll();
      const ours = all.flatMap(webhook => {
        const pullRequest = (0, ownership.XW)(webhook.headers, repository);
        return pullRequest === void 0 ? [] : [ {
          webhook: webhook,
          pullRequest: pullRequest
        } ];
      });
      const others = all.length - ours.length;
      log.pq(`${(0, src_text.U9)(all.length, "webhook")} in ${(0, kapso_scope.OI)(inputs.scope)}; ${ours.length} recorded for pull requests of ` + `${repository}` + (others === 0 ? "." : `; ${others === 1 ? "the other is" : `the ${others} others are`} left alone.`));
      const numbers = [ ...new Set(ours.map(o => o.pullRequest)) ].sort((a, b) => a - b);
      const states = numbers.length > 0 ? await github.pullRequestStates(numbers) : new Map;
      for (const number of numbers) if (states.get(number) === void 0) {
        const kept = inputs.maxAgeMs === void 0 ? "its webhooks are kept" : "its webhooks are kept unless older than max-age";
        log.$e(`GitHub has no pull request #${number} in ${repository}: ${kept}.`);
      }
      const now = Date.now();
      const swept = [];
      for (const {webhook: webhook, pullRequest: pullRequest} of ours) {
        const age = now - (Date.parse(webhook.created_at ?? "") || now);
        const reason = states.get(pullRequest) === "closed" ? `pull request #${pullRequest} is closed` : inputs.maxAgeMs !== void 0 && age > inputs.maxAgeMs ? `older than max-age (created ${webhook.created_at})` : void 0;
        if (reason) swept.push({
          id: webhook.id,
          url: webhook.url,
          pullRequest: pullRequest,
          reason: reason
        });
      }
      const deletedIds = (await removeEach(swept, api, inputs.dryRun, concurrency)).map(entry => entry.id);
      return {
        ...operations_types.S,
        result: deletedIds.length ? "deleted" : "absent",
        webhookId: deletedIds.join(","),
        url: "",
        deletedIds: deletedIds,
        swept: swept
      };
    }
    async function removeEach(items, api, dryRun, concurrency = 1) {
      if (dryRun) return [ ...items ];
      const ends = await (0, src_concurrency.ZL)(items, concurrency, item => api.remove(item.id));
      const failed = ends.find(end => end.status === "rejected");
      if (failed) throw notAllDeleted(failed.reason, items.filter((_, i) => ends[i]?.status !== "fulfilled"));
      return items.filter((_, i) => {
        const end = ends[i];
        return end?.status === "fulfilled" && end.value;
      });
    }
    function notAllDeleted(reason, left) {
      const known = reason instanceof errors.l || reason instanceof parse.dV || reason instanceof src_deadline.Q;
      if (!known) return reason;
      const applied = reason instanceof src_deadline.Q && reason.mayHaveApplied ? " Kapso may have carried out that last delete." : "";
      return new errors.l(`${reason.message}${applied} Not deleted: ${(0, src_text.Z6)(left.map(item => item.id))}; a re-run deletes ` + `${left.length === 1 ? "it" : "them"}.`, reason instanceof errors.l ? reason.status : void 0);
    }
    async function upsert(inputs, effects) {
      if (inputs.webhookId) return (0, provision.Xh)(await (0, provision.uz)(inputs, effects.api, inputs.webhookId), inputs, effects);
      const identity = await (0, operations_identity.ls)(inputs, effects);
      if (identity.skip) {
        log.lm(identity.skip);
        return {
          ...operations_types.S,
          result: "skipped",
          webhookId: "",
          url: ""
        };
      }
      if (identity.owner) return upsertOwned(inputs, effects, identity, identity.owner);
      return upsertAtUrl(inputs, effects, identity);
    }
    async function upsertAtUrl(inputs, effects, identity) {
      const url = inputs.desired.url;
      const matches = await effects.api.findByUrl(url);
      const existing = matches.map(webhook => webhook.id);
      const record = identity.record;
      const unrecorded = identity.urlOwner ? [] : matches.filter(webhook => !(0, ownership.hh)(webhook.headers));
      if (!record) {
        warnAboutOthersAt(url, matches.filter(webhook => (0, ownership.hh)(webhook.headers)), operations_identity.ov, inputs);
        return unrecorded.length > 0 ? updateNewest(unrecorded, inputs, effects, "") : (0, 
        provision.vt)(inputs, effects, existing, identity);
      }
      const whose = (0, operations_identity.TV)(record);
      const [kept, ...older] = matches.filter(webhook => (0, ownership.Ml)(webhook.headers, record));
      const taken = kept ? [ kept, ...older ] : unrecorded;
      warnAboutOthersAt(url, matches.filter(webhook => !taken.includes(webhook)), whose, inputs);
      if (taken.length === 0) return (0, provision.vt)(inputs, effects, existing, identity);
      if (!kept) return updateNewest(unrecorded, inputs, effects, " without a record of this action");
      const why = `${older.length + 1} webhooks of ${(0, kapso_scope.OI)(inputs.scope)} have url ${url} and are recorded for ${whose} ` + `(${DUPLICATES}: a concurrency group per ${record.pullRequest === void 0 ? "workflow" : "pull request"} ` + `prevents the second)`;
      return keepNewest(kept, older, inputs, effects, why);
    }
    const DUPLICATES = "a create whose answer was lost while Kapso's list lagged behind it, or two runs at once, can each leave one";
    function updateNewest(matches, inputs, effects, which) {
      const [newest, ...rest] = matches;
      if (rest.length > 0) log.$e(`${matches.length} webhooks of ${(0, kapso_scope.OI)(inputs.scope)}${which} have url ${inputs.desired.url}. Updating ` + `the most recent, ${newest.id}; ` + `left as they are: ${(0, 
      src_text.Z6)(rest.map(w => w.id))}. Remove those with operation delete and webhook-id.`);
      return (0, provision.Xh)(newest, inputs, effects);
    }
    async function upsertOwned(inputs, effects, identity, owner) {
      const url = inputs.desired.url;
      const mine = webhook => (0, ownership.Ml)(webhook.headers, owner);
      const all = await effects.api.listAll(mine);
      const [kept, ...older] = all.filter(mine);
      const atUrl = all.filter(webhook => (0, urls.cl)(webhook.url, url));
      warnAboutOthersAt(url, atUrl.filter(webhook => !mine(webhook)), (0, operations_identity.TV)(owner), inputs);
      if (!kept) return {
        ...await (0, provision.vt)(inputs, effects, atUrl.map(webhook => webhook.id), identity),
        owner: owner
      };
      const why = `${older.length + 1} webhooks were recorded for ${(0, operations_identity.TV)(owner)} ` + `(${DUPLICATES}: a concurrency group per pull request prevents the second)`;
      return {
        ...await keepNewest(kept, older, inputs, effects, why),
        owner: owner
      };
    }
    async function keepNewest(kept, older, inputs, effects, why) {
      const outcome = await (0, provision.Xh)(kept, inputs, effects);
      if (older.length === 0) return outcome;
      const removed = await removeEach(older, effects.api, inputs.dryRun);
      log.$e(`${why}: kept the newest, ${kept.id}; ${inputs.dryRun ? "would delete" : "deleted"} ` + `${(0, 
      src_text.Z6)(older.map(webhook => webhook.id))}.`);
      return {
        ...outcome,
        deletedIds: removed.map(webhook => webhook.id)
      };
    }
    function warnAboutOthersAt(url, others, whose, inputs) {
      if (others.length === 0) return;
      const one = others.length === 1;
      const scope = (0, kapso_scope.OI)(inputs.scope);
      log.$e(`${one ? `Webhook ${others[0]?.id} of ${scope} also has` : `${others.length} webhooks of ${scope} (${(0, 
      src_text.Z6)(others.map(w => w.id))}) also have`} ` + `url ${url}, but ${one ? "it is" : "they are"} not recorded for ${whose} (made by hand, by another workflow, ` + `or for another pull request): left as ${one ? "it is" : "they are"}. Kapso delivers each event to that URL ` + `once for each webhook.`);
    }
    var verify = __webpack_require__(1233);
    async function verifyIfAsked(inputs, effects, outcome) {
      const {verifyTimeoutSeconds: verifyTimeoutSeconds, desired: desired} = inputs;
      if (verifyTimeoutSeconds === void 0 || !effects.deliveries || !outcome.webhookId || outcome.result === "skipped") return outcome;
      const event = desired.kind === "meta" ? void 0 : desired.events[0];
      const deadline = effects.deadline ?? new src_deadline.B(inputs.timeoutSeconds);
      const options = {
        timeoutSeconds: verifyTimeoutSeconds,
        pollMs: effects.pollMs ?? 1e3,
        deadline: deadline
      };
      return {
        ...outcome,
        verification: await (0, verify.Wc)({
          id: outcome.webhookId,
          url: outcome.url
        }, event, effects.deliveries, options)
      };
    }
    async function applyOperation(inputs, effects) {
      switch (inputs.operation) {
       case "create":
        {
          const identity = await (0, operations_identity.ls)(inputs, effects);
          const before = await effects.api.findByUrl(inputs.desired.url);
          return (0, provision.vt)(inputs, effects, before.map(w => w.id), identity);
        }

       case "delete":
        return remove(inputs, effects);

       case "upsert":
        return upsert(inputs, effects);

       case "sweep":
        return sweep(inputs, effects);
      }
    }
    var report = __webpack_require__(665);
    async function run(early) {
      const progress = new Progress;
      const closers = early ? [ (0, src_early.k)(early) ] : [];
      try {
        if ((0, manifest.B8)()) return await (await __webpack_require__.e(357).then(__webpack_require__.bind(__webpack_require__, 5357))).runManifest(progress, closers);
        const inputs = readInputs();
        if (inputs.skip) {
          if (inputs.skip.warn) log.$e(inputs.skip.reason); else log.lm(inputs.skip.reason);
          log.n0({
            result: "skipped",
            "dry-run": String(inputs.dryRun)
          }, report.s4);
          await (0, summary.kC)(`Skipped: ${inputs.skip.reason}`);
          return;
        }
        const effects = (0, connect.Ng)(inputs, new src_deadline.B(inputs.timeoutSeconds), progress, closers, early);
        const cleanupOn = inputs.cleanup && !inputs.dryRun && (inputs.operation === "upsert" || inputs.operation === "create");
        if (cleanupOn) effects.beforeCreate = savePendingCreate;
        if (inputs.requested === "auto") log.pq(`operation auto: ${inputs.operation}, for a ${inputs.context.eventName || "workflow"} event.`);
        const done = await applyOperation(inputs, effects);
        (0, report.fW)(done, inputs);
        const outcome = await verifyIfAsked(inputs, effects, done);
        log.n0((0, report.Yz)(outcome, inputs.dryRun), report.s4);
        if (cleanupOn && outcome.webhookId) {
          saveProvisioned(outcome.webhookId, outcome.url, outcome.record, outcome.secretKey);
          log.pq(`cleanup is on: webhook ${outcome.webhookId} will be deleted when the job ends.`);
        }
        await (0, summary.Sy)(outcome, inputs);
        if (inputs.comment) await (await __webpack_require__.e(644).then(__webpack_require__.bind(__webpack_require__, 5644))).commentOnOutcome(outcome, inputs, effects);
        reportVerification(outcome.verification);
      } catch (error) {
        const message = failureMessage(error, progress);
        log.fJ(message);
        await (0, summary.KJ)(message);
      } finally {
        for (const close of closers) close();
      }
    }
    function main_cleanup() {
      return cleanup(failureMessage);
    }
    function reportVerification(verification) {
      if (!verification) return;
      const text = (0, verify.Xm)(verification);
      if (verification.status === "failed") log.fJ(text); else if (verification.status === "unconfirmed") log.$e(text); else log.pq(text);
    }
    function failureMessage(error, progress) {
      if (error instanceof types.d) return error.message;
      if (error instanceof src_deadline.Q) return `${error.message} ${progress.describe()} ` + (error.mayHaveApplied ? `Kapso may have carried out that last request; ` : "That request was not carried out; ") + `nothing after it was started. A re-run picks up from Kapso's state.`;
      const tail = progress.changedAnything ? ` ${progress.describe()} A re-run picks up from Kapso's state.` : "";
      if (error instanceof errors.l || error instanceof parse.dV) return `${error.message}${tail}`;
      log.Yz(`Unexpected error: ${(0, secrets.F3)(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 500)}`);
      return `The step stopped on an unexpected error ` + `(${error instanceof Error ? (0, 
      secrets.F3)(error.name, 40) : typeof error}), a fault of this action: please report ` + `it.${tail || " Nothing was changed in Kapso before it."}`;
    }
  },
  3886: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      ov: () => OUTSIDE,
      $S: () => describeOwner,
      TV: () => describeRecord,
      ls: () => identify
    });
    var context = __webpack_require__(9556);
    var log = __webpack_require__(5625);
    var errors = __webpack_require__(3916);
    async function deployedFor(sha, context, github) {
      if (!github) throw new errors.l(`github-token is empty: on a ${context.eventName} event the action asks GitHub which pull request holds commit ` + `${sha.slice(0, 7)}, ` + "so that a new deployment moves its webhook instead of adding one. Leave github-token at its default, ${{ " + 'github.token }}, with "permissions: pull-requests: read".');
      const ref = context.deploymentRef;
      const branch = ref === void 0 || /^[0-9a-f]{40,64}$/i.test(ref) ? void 0 : ref;
      const pulls = (await github.pullRequestsWith(sha)).filter(pull => branch === void 0 || pull.headRef === branch);
      const isHead = pull => pull.headSha === void 0 || pull.headSha.startsWith(sha.toLowerCase());
      const open = pulls.filter(pull => pull.state === "open");
      const heads = open.filter(isHead);
      const [head, ...moreHeads] = byNumber(heads);
      if (head) {
        if (moreHeads.length > 0) log.$e(`Commit ${sha.slice(0, 7)} is the head of ${heads.length} open pull requests (${byNumber(heads).map(p => `#${p.number}`).join(", ")}): its webhook is pull request #${head.number}'s, the oldest.`);
        return {
          state: "head",
          number: head.number
        };
      }
      const [holder] = byNumber(open);
      if (holder) return {
        state: "stale",
        number: holder.number,
        head: holder.headSha ?? ""
      };
      const [closed] = byNumber(pulls.filter(pull => pull.state !== "open" && isHead(pull)));
      return closed ? {
        state: "closed",
        number: closed.number
      } : {
        state: "none"
      };
    }
    function byNumber(pulls) {
      return [ ...pulls ].sort((a, b) => a.number - b.number);
    }
    function deploymentSkip(sha, deployed) {
      const commit = `The deployed commit ${sha.slice(0, 7)}`;
      if (deployed.state === "stale") return `${commit} is no longer the head of pull request #${deployed.number} (now ${deployed.head.slice(0, 7)}): this ` + `deployment is out of date, ` + "and the pull request's webhook stays with the newer one. Nothing was changed.";
      if (deployed.state === "closed") return `${commit} is the head of pull request #${deployed.number}, which is closed: a deployment that ends after ` + `the close gets no webhook. Nothing was changed.`;
      return;
    }
    const JOB_NAME = "job";
    async function identify(inputs, effects) {
      const repository = inputs.context.repository;
      if (!repository) return {};
      const deployment = inputs.pullRequest === void 0 ? await deploymentPullRequest(inputs, effects) : void 0;
      const pullRequest = inputs.pullRequest ?? deployment?.number;
      const name = inputs.name ?? (inputs.cleanup && pullRequest !== void 0 ? JOB_NAME : void 0);
      const record = {
        repository: repository,
        ...pullRequest !== void 0 && {
          pullRequest: pullRequest
        },
        ...name !== void 0 && {
          name: name
        }
      };
      if (pullRequest === void 0) return {
        record: record,
        ...deployment?.skip && {
          skip: deployment.skip
        }
      };
      const owner = {
        ...record,
        pullRequest: pullRequest
      };
      if (deployment?.skip) return {
        record: record,
        owner: owner,
        skip: deployment.skip
      };
      return inputs.cleanup ? {
        record: record,
        urlOwner: owner
      } : {
        record: record,
        owner: owner
      };
    }
    function describeOwner(owner) {
      return `pull request #${owner.pullRequest}${owner.name ? ` (name ${owner.name})` : ""}`;
    }
    const OUTSIDE = "this step, which runs outside a GitHub workflow (no GITHUB_REPOSITORY) and so records none";
    function describeRecord(record) {
      if (record.manifest !== void 0) return `entry ${record.name ?? "(none)"} of manifest ${record.manifest} of ${record.repository}`;
      const name = record.name ? ` (name ${record.name})` : "";
      return record.pullRequest === void 0 ? `${record.repository} without a pull request${name}` : `pull request #${record.pullRequest}${name} of ${record.repository}`;
    }
    async function deploymentPullRequest(inputs, {github: github}) {
      const sha = (0, context.qc)(inputs.context);
      if (!sha) return;
      const deployed = await deployedFor(sha, inputs.context, github);
      if (deployed.state === "none") return noPullRequest(sha, inputs.requested === "auto");
      const skip = deploymentSkip(sha, deployed);
      if (!skip) log.pq(`The deployed commit ${sha.slice(0, 7)} is the head of pull request #${deployed.number}.`);
      return {
        number: deployed.number,
        ...skip && {
          skip: skip
        }
      };
    }
    function noPullRequest(sha, auto) {
      const commit = `No pull request has the deployed commit ${sha.slice(0, 7)} as its head (a branch without one yet, ` + `or production)`;
      if (auto) return {
        skip: `${commit}: operation auto keeps webhooks for pull requests only, so nothing was done. ` + "A pull request's webhook comes with its branch's next deployment once it is open; for production, use a " + "push workflow with a stable URL."
      };
      log.$e(`${commit}: the webhook is found by its url, as on a push, and recorded without a pull request: closing a pull ` + `request or a sweep will not remove it.`);
      return;
    }
  },
  9197: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      Xh: () => updateExisting,
      uz: () => findById,
      vt: () => create
    });
    var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
    __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
    var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
    var _kapso_scope_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8414);
    var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5625);
    var _ownership_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2334);
    var _plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2464);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8935);
    var _text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8992);
    var _urls_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5769);
    var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1983);
    async function updateExisting(existing, inputs, effects) {
      const held = secretInForce(existing, inputs.desired.secretKey !== void 0);
      for (const value of Object.values(existing.headers)) (0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.iD)(value);
      const {desired: desired} = inputs;
      const record = (0, _ownership_js__WEBPACK_IMPORTED_MODULE_3__.a4)(existing.headers);
      const wanted = record ? {
        ...desired,
        headers: {
          ...desired.headers,
          [record[0]]: record[1]
        }
      } : desired;
      const {changes: changes, patch: patch} = (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.ZL)(wanted, existing);
      const secretKey = desired.secretKey ?? held ?? "";
      if (changes.length === 0) return {
        ..._types_js__WEBPACK_IMPORTED_MODULE_7__.S,
        result: "unchanged",
        webhookId: existing.id,
        url: existing.url,
        secretKey: secretKey,
        webhook: (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.PV)(existing),
        record: (0, _ownership_js__WEBPACK_IMPORTED_MODULE_3__.aE)(existing.headers)
      };
      if (existing.active === false && desired.active) _log_js__WEBPACK_IMPORTED_MODULE_2__.$e(`Webhook ${existing.id} was inactive: Kapso may have paused it after its deliveries kept failing. It is made ` + `active again; ` + "check that the endpoint answers 2xx (verify: true asks Kapso for a test delivery).");
      if (inputs.dryRun) {
        const after = {
          ...existing,
          ...patch,
          headers: patch.headers ?? existing.headers
        };
        return {
          ..._types_js__WEBPACK_IMPORTED_MODULE_7__.S,
          result: "updated",
          webhookId: existing.id,
          url: after.url,
          secretKey: secretKey,
          webhook: (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.PV)(after),
          changes: changes
        };
      }
      const updated = await effects.api.update(existing.id, patch);
      const inForce = secretAfterWrite(updated, secretKey);
      return {
        ..._types_js__WEBPACK_IMPORTED_MODULE_7__.S,
        result: "updated",
        webhookId: updated.id,
        url: updated.url,
        secretKey: inForce,
        webhook: (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.PV)(updated),
        changes: changes,
        record: (0, _ownership_js__WEBPACK_IMPORTED_MODULE_3__.aE)(updated.headers)
      };
    }
    async function findById(inputs, api, webhookId) {
      const {desired: desired, scope: scope} = inputs;
      const found = await api.get(webhookId);
      if (!found) throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`webhook-id ${webhookId} matches no webhook of ${(0, 
      _kapso_scope_js__WEBPACK_IMPORTED_MODULE_8__.OI)(scope)}. Check webhook-id, or leave it empty to ` + `find the webhook by url.`);
      if (found.kind !== desired.kind) throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`webhook-id ${webhookId} is a ${found.kind}-kind webhook; this step manages ${desired.kind}-kind webhooks (the ` + `kind input). A webhook's kind cannot change.`);
      if (!(0, _kapso_scope_js__WEBPACK_IMPORTED_MODULE_8__.SB)(scope, found)) throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(scope.kind === "project" ? `webhook-id ${webhookId} is a webhook of phone number ${found.phone_number_id}, not a project webhook: ` + `give phone-number-id ${found.phone_number_id} instead of scope: project.` : `webhook-id ${webhookId} is a webhook of ${found.phone_number_id ? `phone number ${found.phone_number_id}` : "the project"}, not of ${(0, 
      _kapso_scope_js__WEBPACK_IMPORTED_MODULE_8__.OI)(scope)}. Check webhook-id; nothing was changed.`);
      return found;
    }
    async function create(inputs, effects, existingIds, identity) {
      const {desired: desired} = inputs;
      const generated = desired.secretKey === void 0;
      let secretKey = desired.secretKey ?? "";
      if (generated && !inputs.dryRun) {
        secretKey = (0, node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(32).toString("hex");
        (0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.$l)(secretKey);
      }
      const headers = {
        ...desired.headers
      };
      if (identity.record) headers[_ownership_js__WEBPACK_IMPORTED_MODULE_3__.kN] = (0, 
      _ownership_js__WEBPACK_IMPORTED_MODULE_3__.bM)(identity.record);
      const body = (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__._1)({
        ...desired,
        headers: headers
      }, secretKey);
      const changes = (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.Uj)(body, generated);
      const url = desired.url ?? "";
      if (inputs.dryRun) return {
        ..._types_js__WEBPACK_IMPORTED_MODULE_7__.S,
        result: "created",
        webhookId: "",
        url: url,
        secretKey: secretKey,
        webhook: (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.PV)(body),
        changes: changes
      };
      effects.beforeCreate?.(url, existingIds, secretKey, identity.record);
      const created = await effects.api.create(body, existingIds);
      const inForce = secretAfterWrite(created, secretKey);
      if (created.url !== url) _log_js__WEBPACK_IMPORTED_MODULE_2__.$e(`Kapso holds the new webhook ${created.id} with url ${created.url}, not ${url} as sent.` + ((0, 
      _urls_js__WEBPACK_IMPORTED_MODULE_9__.cl)(created.url, url) ? " Both are the same URL in normal form, so re-runs find it." : " Re-runs with this url will not find it: check what Kapso did with the URL."));
      return {
        ..._types_js__WEBPACK_IMPORTED_MODULE_7__.S,
        result: "created",
        webhookId: created.id,
        url: created.url,
        secretKey: inForce,
        webhook: (0, _plan_js__WEBPACK_IMPORTED_MODULE_4__.PV)(created),
        changes: changes,
        record: (0, _ownership_js__WEBPACK_IMPORTED_MODULE_3__.aE)(created.headers)
      };
    }
    function secretAfterWrite(webhook, sent) {
      return webhook.secret_key === void 0 || webhook.secret_key === sent ? sent : secretInForce(webhook) ?? "";
    }
    function secretInForce(webhook, replaced = false) {
      const secret = webhook.secret_key;
      if (secret === void 0 || (0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.oK)(secret)) return secret;
      if (!replaced) _log_js__WEBPACK_IMPORTED_MODULE_2__.$e(`Webhook ${webhook.id} has a signing secret of ${(0, 
      _text_js__WEBPACK_IMPORTED_MODULE_6__.U9)(secret.length, "character")} in Kapso, fewer than ` + `${_secrets_js__WEBPACK_IMPORTED_MODULE_5__.qv}: ` + "short enough to guess, so a signature made with it proves little, and too short to mask in the log, so this " + "step neither prints it " + "nor gives it as the secret-key output. Rotate it: give secret-key a new secret of 16 characters or more " + "(openssl rand -hex 32 makes one), " + "and give the same to your endpoint.");
      return;
    }
  },
  1983: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      S: () => emptyOutcomeParts
    });
    const emptyOutcomeParts = {
      secretKey: "",
      changes: [],
      deletedIds: []
    };
  },
  1233: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      Wc: () => verifyDelivery,
      Xm: () => describeVerification,
      iZ: () => endpointAnswer
    });
    var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5625);
    async function verifyDelivery(webhook, event, api, options) {
      const before = new Set((await api.list(webhook.id, event)).map(d => d.id));
      const isNew = d => !before.has(d.id) && (event === void 0 || d.event === event);
      await api.test(webhook.id, event, isNew);
      _log_js__WEBPACK_IMPORTED_MODULE_0__.pq(`Asked Kapso for a test delivery${event ? ` of ${event}` : ""} to ${webhook.url}; waiting up to ` + `${options.timeoutSeconds} s for the endpoint's answer.`);
      const ends = Date.now() + Math.min(options.timeoutSeconds * 1e3, options.deadline.remainingMs() - 1e3);
      let last;
      while (Date.now() + options.pollMs < ends) {
        await new Promise(resolve => setTimeout(resolve, options.pollMs));
        last = (await api.list(webhook.id, event)).find(isNew) ?? last;
        if (!last) continue;
        const answered = last.response_status !== void 0;
        const seen = {
          responseStatus: last.response_status,
          attempts: last.attempt_count,
          event: event,
          url: webhook.url
        };
        if (last.status === "delivered") return {
          status: "delivered",
          ...seen
        };
        if (last.status === "failed" || last.attempt_count > 0 && answered && !isSuccess(last.response_status)) return {
          status: "failed",
          ...seen
        };
      }
      return {
        status: "unconfirmed",
        responseStatus: last?.response_status,
        attempts: last?.attempt_count,
        event: event,
        url: webhook.url
      };
    }
    function isSuccess(status) {
      return status !== void 0 && status >= 200 && status < 300;
    }
    function likelyCauses(status) {
      if (status === void 0) return "the endpoint gave no answer within the 10 s Kapso waits: is the preview up, reachable from the internet, " + "and quick to answer?";
      if (status === 401 || status === 403) return "the preview is protected by its host (a Vercel preview with Deployment Protection answers 401 until its " + "bypass header, " + "x-vercel-protection-bypass, is sent: add it through headers), or the receiver rejects the signature " + "(X-Webhook-Signature is the hex HMAC-SHA256 of the raw body, keyed with the secret-key output).";
      if (status === 404 || status === 405 || status === 410) return "url's path is wrong: nothing there takes a POST. Check the route the preview serves.";
      if (status >= 300 && status < 400) return "the endpoint redirects, and Kapso does not follow redirects: give the final URL.";
      if (status === 400 || status === 422) return "the receiver refused the body: check that it reads the payload version the webhook sends " + "(payload-version) and verifies the signature on the raw body.";
      if (status === 429) return "the receiver is rate-limiting.";
      if (status >= 500) return "the receiver failed while handling the event: look at its logs.";
      return "look at the receiver's logs for this request.";
    }
    function endpointAnswer(v) {
      return v.responseStatus === void 0 ? "no answer" : `HTTP ${v.responseStatus}`;
    }
    function describeVerification(v) {
      const what = `Kapso's test delivery${v.event ? ` of ${v.event}` : ""} to ${v.url}`;
      const answer = endpointAnswer(v);
      switch (v.status) {
       case "delivered":
        return `${what} was delivered: the endpoint answered ${answer}.`;

       case "failed":
        if (v.responseStatus === void 0) return `${what} failed: the endpoint never answered${v.attempts ? ` Kapso's ${attempts(v.attempts)}` : ""}. ` + `Likely cause: ${likelyCauses(void 0)}`;
        return `${what} failed: the endpoint answered ${answer}. Likely cause: ${likelyCauses(v.responseStatus)}`;

       case "unconfirmed":
        if (v.attempts && v.responseStatus === void 0) return `${what} is not confirmed yet: the endpoint has not answered Kapso's ${attempts(v.attempts)} so far. Kapso ` + `waits 10 s for an answer, ` + `retries 10, 40 and 90 s after a failed attempt, and only then marks the delivery failed. Likely cause: ` + `${likelyCauses(void 0)}`;
        return `${what} is not confirmed yet (last seen: ${answer}): Kapso had not recorded its outcome within ` + `verify-timeout-seconds. Raise it, or look at the webhook's deliveries in Kapso.`;
      }
    }
    function attempts(n) {
      return n === 1 ? "attempt" : `${n} attempts`;
    }
  },
  2334: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      HS: () => isManifestPath,
      Hh: () => parseRecord,
      Ml: () => isRecordedFor,
      XW: () => recordedPullRequest,
      a4: () => recordEntry,
      aE: () => readRecord,
      bM: () => formatRecord,
      en: () => isRepositoryName,
      hh: () => hasRecordHeader,
      kN: () => RECORD_HEADER,
      lx: () => isRecordName,
      qf: () => sameRecord
    });
    const RECORD_HEADER = "X-Provisioned-By";
    const MARK = "kapso-webhook-action";
    const MAX_PULL_REQUEST = 2 ** 31 - 1;
    const OWNER = "[A-Za-z0-9][A-Za-z0-9_-]{0,38}";
    const NAME = "[A-Za-z0-9._-]{1,100}";
    const REPOSITORY = new RegExp(`^${OWNER}/(${NAME})$`);
    const RECORD_NAME = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";
    const MANIFEST_PATH = "[A-Za-z0-9._/-]{1,200}";
    const RECORD = new RegExp(`^${MARK}; repository=(${OWNER}/${NAME})(?:; pull-request=([1-9][0-9]{0,9})|; manifest=(${MANIFEST_PATH}))?` + `(?:; name=(${RECORD_NAME}))?$`);
    const RECORD_NAME_ONLY = new RegExp(`^${RECORD_NAME}$`);
    function formatRecord(record) {
      const parts = [ MARK, `repository=${record.repository}` ];
      if (record.pullRequest !== void 0) parts.push(`pull-request=${record.pullRequest}`);
      if (record.manifest !== void 0) parts.push(`manifest=${record.manifest}`);
      if (record.name !== void 0) parts.push(`name=${record.name}`);
      return parts.join("; ");
    }
    function isRecordName(name) {
      return RECORD_NAME_ONLY.test(name);
    }
    function isManifestPath(path) {
      return new RegExp(`^${MANIFEST_PATH}$`).test(path) && path.split("/").every(segment => segment !== "" && segment !== "." && segment !== "..");
    }
    function isRepositoryName(repository) {
      const name = REPOSITORY.exec(repository)?.[1];
      return name !== void 0 && name !== "." && name !== "..";
    }
    function readRecord(headers) {
      return parseRecord(recordEntry(headers)?.[1]);
    }
    function parseRecord(value) {
      const match = value === void 0 ? null : RECORD.exec(value);
      if (!match) return;
      const [, repository, pullRequest, manifest, name] = match;
      if (!isRepositoryName(repository)) return;
      if (manifest !== void 0 && !isManifestPath(manifest)) return;
      if (pullRequest !== void 0 && Number(pullRequest) > MAX_PULL_REQUEST) return;
      return {
        repository: repository,
        pullRequest: pullRequest === void 0 ? void 0 : Number(pullRequest),
        ...manifest !== void 0 && {
          manifest: manifest
        },
        ...name !== void 0 && {
          name: name
        }
      };
    }
    function hasRecordHeader(headers) {
      return Object.keys(headers ?? {}).some(name => name.toLowerCase() === RECORD_HEADER.toLowerCase());
    }
    function recordEntry(headers) {
      const entries = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() === RECORD_HEADER.toLowerCase());
      return entries.length === 1 ? entries[0] : void 0;
    }
    function sameRecord(a, b) {
      return a.repository.toLowerCase() === b.repository.toLowerCase() && a.pullRequest === b.pullRequest && a.manifest === b.manifest && a.name === b.name;
    }
    function recordedPullRequest(headers, repository) {
      const record = readRecord(headers);
      return record && repository && record.repository.toLowerCase() === repository.toLowerCase() ? record.pullRequest : void 0;
    }
    function isRecordedFor(headers, owner) {
      const record = readRecord(headers);
      return record !== void 0 && sameRecord(record, owner);
    }
  },
  2464: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      PV: () => publicView,
      Uj: () => describeCreate,
      ZL: () => planUpdate,
      _1: () => planCreate
    });
    var _ownership_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2334);
    var _urls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5769);
    const KAPSO_DEFAULTS = {
      active: true,
      buffer_enabled: false,
      buffer_window_seconds: 5,
      max_buffer_size: 50,
      buffer_events: [ "whatsapp.message.received" ],
      inactivity_minutes: 60,
      payload_version: "v2"
    };
    function planCreate(desired, secretKey) {
      const body = {
        url: desired.url,
        secret_key: secretKey
      };
      if (desired.kind === "meta") body.kind = "meta"; else body.events = desired.events;
      body.active = desired.active;
      if (Object.keys(desired.headers).length > 0) body.headers = desired.headers;
      if (desired.kind === "meta") return body;
      body.buffer_enabled = desired.bufferEnabled;
      if (desired.bufferEnabled) {
        if (desired.bufferWindowSeconds !== void 0) body.buffer_window_seconds = desired.bufferWindowSeconds;
        if (desired.maxBufferSize !== void 0) body.max_buffer_size = desired.maxBufferSize;
        if (desired.bufferEvents !== void 0) body.buffer_events = desired.bufferEvents;
      }
      if (desired.inactivityMinutes !== void 0) body.inactivity_minutes = desired.inactivityMinutes;
      if (desired.payloadVersion !== void 0) body.payload_version = desired.payloadVersion;
      return body;
    }
    function planUpdate(desired, actual) {
      const changes = [];
      const patch = {};
      const change = (input, field, value, from, to) => {
        changes.push({
          input: input,
          field: field,
          from: from,
          to: to
        });
        patch[field] = value;
      };
      if (desired.url !== void 0 && !(0, _urls_js__WEBPACK_IMPORTED_MODULE_1__.cl)(desired.url, actual.url)) change("url", "url", desired.url, actual.url, desired.url);
      if (desired.kind === "kapso" && !sameSet(desired.events, actual.events)) change("events", "events", desired.events, list(actual.events), list(desired.events));
      if (desired.secretKey !== void 0 && desired.secretKey !== actual.secret_key) change("secret-key", "secret_key", desired.secretKey, "(hidden)", "(hidden, changed)");
      const actualActive = actual.active ?? KAPSO_DEFAULTS.active;
      if (desired.active !== actualActive) change("active", "active", desired.active, String(actualActive), String(desired.active));
      if (!sameHeaders(desired.headers, actual.headers)) change("headers", "headers", desired.headers, headerNames(actual.headers), headerNames(desired.headers));
      if (desired.kind === "kapso") planKapsoFormat(desired, actual, change);
      return {
        changes: changes,
        patch: patch
      };
    }
    function planKapsoFormat(desired, actual, change) {
      const actualBuffering = actual.buffer_enabled ?? KAPSO_DEFAULTS.buffer_enabled;
      if (desired.bufferEnabled !== actualBuffering) change("buffer-enabled", "buffer_enabled", desired.bufferEnabled, String(actualBuffering), String(desired.bufferEnabled));
      if (desired.bufferEnabled) {
        const window = desired.bufferWindowSeconds ?? KAPSO_DEFAULTS.buffer_window_seconds;
        const actualWindow = actual.buffer_window_seconds ?? KAPSO_DEFAULTS.buffer_window_seconds;
        if (window !== actualWindow) change("buffer-window-seconds", "buffer_window_seconds", window, String(actualWindow), String(window));
        const size = desired.maxBufferSize ?? KAPSO_DEFAULTS.max_buffer_size;
        const actualSize = actual.max_buffer_size ?? KAPSO_DEFAULTS.max_buffer_size;
        if (size !== actualSize) change("max-buffer-size", "max_buffer_size", size, String(actualSize), String(size));
        const bufferEvents = desired.bufferEvents ?? [ ...KAPSO_DEFAULTS.buffer_events ];
        const actualBufferEvents = actual.buffer_events?.length ? actual.buffer_events : [ ...KAPSO_DEFAULTS.buffer_events ];
        if (!sameSet(bufferEvents, actualBufferEvents)) change("buffer-events", "buffer_events", bufferEvents, list(actualBufferEvents), list(bufferEvents));
      }
      const inactivity = desired.inactivityMinutes ?? KAPSO_DEFAULTS.inactivity_minutes;
      const actualInactivity = actual.inactivity_minutes ?? KAPSO_DEFAULTS.inactivity_minutes;
      if (inactivity !== actualInactivity) change("inactivity-minutes", "inactivity_minutes", inactivity, String(actualInactivity), String(inactivity));
      const version = desired.payloadVersion ?? KAPSO_DEFAULTS.payload_version;
      const actualVersion = actual.payload_version ?? KAPSO_DEFAULTS.payload_version;
      if (version !== actualVersion) change("payload-version", "payload_version", version, actualVersion, version);
    }
    function describeCreate(body, secretGenerated) {
      const lines = [];
      const add = (input, field, to) => {
        lines.push({
          input: input,
          field: field,
          from: "(new)",
          to: to
        });
      };
      add("url", "url", body.url ?? "");
      if (body.kind === "meta") add("kind", "kind", "meta"); else add("events", "events", list(body.events ?? []));
      add("secret-key", "secret_key", secretGenerated ? "(hidden, generated)" : "(hidden, from input)");
      add("active", "active", String(body.active));
      const {[_ownership_js__WEBPACK_IMPORTED_MODULE_0__.kN]: record, ...own} = body.headers ?? {};
      if (Object.keys(own).length > 0) add("headers", "headers", headerNames(own));
      if (record !== void 0) add("(ownership record)", "headers", `${_ownership_js__WEBPACK_IMPORTED_MODULE_0__.kN}: ${record}`);
      if (body.buffer_enabled !== void 0) add("buffer-enabled", "buffer_enabled", String(body.buffer_enabled));
      if (body.buffer_window_seconds !== void 0) add("buffer-window-seconds", "buffer_window_seconds", String(body.buffer_window_seconds));
      if (body.max_buffer_size !== void 0) add("max-buffer-size", "max_buffer_size", String(body.max_buffer_size));
      if (body.buffer_events !== void 0) add("buffer-events", "buffer_events", list(body.buffer_events));
      if (body.inactivity_minutes !== void 0) add("inactivity-minutes", "inactivity_minutes", String(body.inactivity_minutes));
      if (body.payload_version !== void 0) add("payload-version", "payload_version", body.payload_version);
      return lines;
    }
    function publicView(webhook) {
      const view = {};
      for (const [key, value] of Object.entries(webhook)) if (key !== "secret_key" && value !== void 0) view[key] = value;
      if (webhook.headers) view.headers = Object.fromEntries(Object.entries(webhook.headers).map(([name, value]) => [ name, name.toLowerCase() === _ownership_js__WEBPACK_IMPORTED_MODULE_0__.kN.toLowerCase() ? value : HIDDEN ]));
      return view;
    }
    const HIDDEN = "(hidden)";
    function sameSet(a, b) {
      const left = new Set(a);
      const right = new Set(b);
      return left.size === right.size && [ ...left ].every(item => right.has(item));
    }
    function sameHeaders(a, b) {
      const lower = headers => new Map(Object.entries(headers).map(([k, v]) => [ k.toLowerCase(), v ]));
      const left = lower(a);
      const right = lower(b);
      return left.size === Object.keys(a).length && right.size === Object.keys(b).length && left.size === right.size && [ ...left ].every(([k, v]) => right.get(k) === v);
    }
    function list(items) {
      return items.length ? items.join(", ") : "(none)";
    }
    function headerNames(headers) {
      const names = Object.keys(headers);
      return names.length ? `${names.join(", ")} (values hidden)` : "(none)";
    }
  },
  665: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      W3: () => jsonOutput,
      Yz: () => outputsOf,
      fW: () => logOutcome,
      s4: () => VERBATIM_OUTPUTS
    });
    var _kapso_scope_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8414);
    var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5625);
    var _operations_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3886);
    var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
    function logOutcome(outcome, inputs) {
      const {result: result, webhookId: webhookId, url: url, changes: changes} = outcome;
      const {dryRun: dryRun} = inputs;
      const where = (0, _kapso_scope_js__WEBPACK_IMPORTED_MODULE_3__.OI)(inputs.scope);
      if (result === "skipped") return;
      if (outcome.swept) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__.pq(`${dryRun ? "Dry run, nothing written: would delete" : "Deleted"} ${(0, 
        _text_js__WEBPACK_IMPORTED_MODULE_2__.U9)(outcome.swept.length, "webhook")} in ` + `${where}.`);
        for (const entry of outcome.swept) _log_js__WEBPACK_IMPORTED_MODULE_0__.pq(`  ${entry.id} ${entry.url}: ${entry.reason}`);
      } else {
        const several = result === "deleted" && outcome.deletedIds.length > 1;
        const whose = outcome.owner ? `, ${(0, _operations_identity_js__WEBPACK_IMPORTED_MODULE_1__.$S)(outcome.owner)}'s` : "";
        const subject = several ? `${outcome.deletedIds.length} webhooks (${(0, _text_js__WEBPACK_IMPORTED_MODULE_2__.Z6)(outcome.deletedIds)}) in ${where}${whose}` : `${webhookId ? `webhook ${webhookId}` : "a new webhook"}${url ? ` for ${url}` : ""} in ${where}${whose}`;
        const headline = result === "absent" ? `No webhook ${inputs.webhookId ?? (outcome.owner ? `recorded for ${(0, 
        _operations_identity_js__WEBPACK_IMPORTED_MODULE_1__.$S)(outcome.owner)}` : `for ${inputs.desired.url}`)} in ${where}: nothing to delete.` : `${dryRun ? `Dry run, nothing written: would ${verbs[result]}` : capitalise(result)} ${subject}.`;
        _log_js__WEBPACK_IMPORTED_MODULE_0__.pq(headline);
      }
      for (const change of changes) _log_js__WEBPACK_IMPORTED_MODULE_0__.pq(change.from === "(new)" ? `  ${change.input}: ${change.to}` : `  ${change.input}: ${change.from} -> ${change.to}`);
    }
    const VERBATIM_OUTPUTS = [ "webhook-id", "result", "secret-key", "url", "deleted-count", "deleted-ids", "dry-run", "delivery-status", "delivery-response-status" ];
    function outputsOf(outcome, dryRun) {
      return {
        "webhook-id": outcome.webhookId,
        result: outcome.result,
        "secret-key": outcome.secretKey,
        url: outcome.url,
        webhook: outcome.webhook ? jsonOutput(outcome.webhook) : "",
        "deleted-count": String(outcome.deletedIds.length),
        "deleted-ids": outcome.deletedIds.join(","),
        "dry-run": String(dryRun),
        "delivery-status": outcome.verification?.status ?? "",
        "delivery-response-status": outcome.verification?.responseStatus === void 0 ? "" : String(outcome.verification.responseStatus)
      };
    }
    function jsonOutput(value) {
      return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    }
    const verbs = {
      created: "create",
      updated: "update",
      unchanged: "leave unchanged",
      deleted: "delete",
      skipped: "skip"
    };
    function capitalise(word) {
      return word.charAt(0).toUpperCase() + word.slice(1);
    }
  },
  9809: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      LH: () => withRetries,
      N6: () => isFailure,
      Vs: () => retryAfterMs
    });
    var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6683);
    var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
    var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5625);
    const MAX_RETRY_AFTER_SECONDS = 60;
    const MAX_BACKOFF_MS = 3e4;
    function isFailure(value) {
      return typeof value === "object" && value !== null && value.failed === true;
    }
    async function withRetries(options, request) {
      const state = {
        uncertain: false
      };
      for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
        if (state.last) {
          await waitToRetry(options, request, state.last, attempt, state);
          const found = await lookForEarlierEffect(options, request, state.last, state);
          if (found !== void 0) return found;
        }
        const outcome = await attemptInTime(options, request, attempt, state);
        if (!isFailure(outcome)) return outcome;
        if (deletedByEarlierAttempt(request, outcome, state)) return request.gone();
        takeFailure(options, request, outcome, state);
        state.last = outcome;
      }
      throw gaveUp(options, request, state);
    }
    function mayHaveApplied(request, state) {
      return state.uncertain && request.method !== "GET";
    }
    function outOfTime(options, request, state) {
      return new _deadline_js__WEBPACK_IMPORTED_MODULE_0__.Q(request.doing, mayHaveApplied(request, state), options.deadline.seconds);
    }
    async function waitToRetry(options, request, last, attempt, state) {
      const {maxAttempts: maxAttempts, service: service, deadline: deadline} = options;
      const {doing: doing} = request;
      const waitMs = last.retryAfterMs ?? backoff(options.backoffMs, attempt - 1);
      if (waitMs >= deadline.remainingMs()) throw outOfTime(options, request, state);
      if (last.rateLimited) {
        options.gate?.hold(waitMs);
        const how = last.retryAfterMs === void 0 ? "" : " as it asks";
        _log_js__WEBPACK_IMPORTED_MODULE_2__.lm(`${rateLimiting(service, last, doing)}: waiting ${Math.ceil(waitMs / 1e3)} s${how}, then trying again ` + `(attempt ${attempt} of ${maxAttempts}).`);
      } else _log_js__WEBPACK_IMPORTED_MODULE_2__.pq(`Retrying ${doing} in ${(waitMs / 1e3).toFixed(1)} s (attempt ${attempt} of ${maxAttempts}): ` + `${last.summary}.`);
      await sleep(waitMs);
    }
    async function lookForEarlierEffect(options, request, last, state) {
      if (!state.uncertain || !request.reconcile) return;
      const {service: service} = options;
      const {doing: doing} = request;
      const found = await request.reconcile().catch(error => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`The outcome of ${doing} is unknown (${last.summary}), and looking for what it made ` + `failed: ` + `${error instanceof Error ? error.message : String(error)} ${service} may hold it: a re-run finds it ` + `and converges.`, error?.status);
      });
      if (found !== void 0) _log_js__WEBPACK_IMPORTED_MODULE_2__.pq(`The earlier attempt at ${doing} did reach ${service}: using what it made instead of sending it again.`);
      return found;
    }
    async function attemptInTime(options, request, attempt, state) {
      if (options.gate && !await options.gate.pass(options.deadline)) throw outOfTime(options, request, state);
      const remaining = options.deadline.remainingMs();
      if (remaining <= 0) throw outOfTime(options, request, state);
      return request.attempt(attempt, Math.min(options.timeoutMs, remaining));
    }
    function deletedByEarlierAttempt(request, outcome, state) {
      return outcome.status === 404 && state.uncertain && request.method === "DELETE" && request.gone !== void 0;
    }
    function takeFailure(options, request, outcome, state) {
      const {status: status} = outcome;
      if (status !== void 0 && status < 500 && status !== 429 && !outcome.rateLimited) throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.X(status, outcome.body);
      const tooLong = tooLongAWait(options, request.doing, outcome, mayHaveApplied(request, state));
      if (tooLong) throw tooLong;
      if (outcome.mayHaveApplied) state.uncertain = true;
      if (state.uncertain && request.method === "POST" && !request.reconcile) throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`The outcome of ${request.doing} is unknown (${outcome.summary}); it was not sent again. Re-run to pick up ` + `${options.service}'s state.`, outcome.status);
      if (options.deadline.remainingMs() <= 0) throw outOfTime(options, request, state);
    }
    function gaveUp(options, request, state) {
      const {maxAttempts: maxAttempts, service: service} = options;
      const {last: last} = state;
      return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`Gave up ${request.doing} after ${maxAttempts} attempt${maxAttempts === 1 ? "" : "s"}; the last one ended with ` + `${last?.summary ?? "no answer"}.` + (mayHaveApplied(request, state) ? ` ${service} may have applied it: a re-run finds out and converges.` : ""), last?.status);
    }
    function rateLimiting(service, failure, doing) {
      return `${service} is rate-limiting these requests (${failure.status === void 0 ? failure.summary : `HTTP ${failure.status}`}) while ${doing}`;
    }
    function tooLongAWait(options, doing, outcome, earlierMayHaveApplied) {
      const waitMs = outcome.retryAfterMs;
      if (waitMs === void 0) return;
      const {deadline: deadline, service: service} = options;
      const left = deadline.remainingMs();
      const overCap = waitMs > MAX_RETRY_AFTER_SECONDS * 1e3;
      if (!overCap && (waitMs < left || left <= 0)) return;
      const limit = overCap ? `the ${MAX_RETRY_AFTER_SECONDS} s this step will sleep` : `the ${Math.floor(left / 100) / 10} s left of timeout-seconds (${deadline.seconds})`;
      const later = `re-run the job later${overCap ? "" : " or raise timeout-seconds"}`;
      return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.l(`${rateLimiting(service, outcome, doing)} and asks to wait ${Math.ceil(waitMs / 1e3)} s, more than ${limit}. ` + (earlierMayHaveApplied ? `${service} may have applied an earlier attempt: ${later}; the re-run finds out and converges.` : `Nothing was changed by this request; ${later}.`), outcome.status ?? 429);
    }
    function backoff(baseMs, retry) {
      const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1));
      return Math.round(ceiling / 2 + Math.random() * ceiling / 2);
    }
    function sleep(ms) {
      return new Promise(resolve => setTimeout(resolve, ms));
    }
    function retryAfterMs(header, now = Date.now()) {
      const value = Array.isArray(header) ? header[0] : header;
      if (value === void 0 || value.trim() === "") return;
      if (/^\s*\d+\s*$/.test(value)) return Number(value.trim().slice(0, 20)) * 1e3;
      if (value.length > 64 || !/[a-z]{3}/i.test(value) || !/\d{1,2}:\d{2}:\d{2}/.test(value)) return;
      const date = Date.parse(value);
      return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
    }
  },
  5136: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      Sw: () => useUndici,
      hd: () => fetch,
      kT: () => ProxyAgent
    });
    let real;
    function useUndici(module) {
      real = module;
    }
    function loaded() {
      if (!real) throw new Error("undici was used before github/lazy.ts loaded it");
      return real;
    }
    class ProxyAgent {
      constructor(...args) {
        return new (loaded().ProxyAgent)(...args);
      }
    }
    function fetch(...args) {
      return loaded().fetch(...args);
    }
  },
  8855: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      KJ: () => writeFailureSummary,
      Sy: () => writeSummary,
      kC: () => writeSummaryLine,
      tr: () => writeSummarySection
    });
    var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1178);
    var _kapso_scope_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8414);
    var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
    var _operations_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1233);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8935);
    var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8992);
    async function writeSummary(outcome, inputs) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      const {result: result, webhookId: webhookId, url: url, changes: changes, swept: swept} = outcome;
      const operation = inputs.requested === "auto" ? `auto \u2192 ${inputs.operation}` : inputs.operation;
      const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.addHeading(cell(`Kapso webhook: ${operation}${inputs.dryRun ? " (dry run, nothing written)" : ""}`), 3);
      const owner = outcome.owner;
      summary.addTable([ [ th("Scope"), ...owner ? [ th("Pull request") ] : [], th("Webhook"), th("URL"), th("Events"), th("Result") ], [ cell((0, 
      _kapso_scope_js__WEBPACK_IMPORTED_MODULE_5__.OI)(inputs.scope)), ...owner ? [ pullRequestLink(owner, inputs.context) ] : [], cell(webhookId || (result === "created" ? "(new)" : "\u2014")), url ? link(url) : "\u2014", cell(inputs.operation === "upsert" || inputs.operation === "create" ? inputs.desired.events.join(", ") : "\u2014"), cell(inputs.dryRun && result !== "unchanged" && result !== "absent" ? `would be ${result}` : result) ] ]);
      if (result !== "deleted" && outcome.deletedIds.length > 0) {
        const whose = owner ? "of the same pull request" : "of this step at the same url";
        summary.addRaw(`<p>${inputs.dryRun ? "Would also delete" : "Also deleted"}, as older webhooks ${whose}: ` + `${cell((0, 
        _text_js__WEBPACK_IMPORTED_MODULE_4__.Z6)(outcome.deletedIds))}.</p>`);
      }
      if (changes.length > 0) {
        summary.addRaw(inputs.dryRun ? "<p>Planned changes:</p>" : "<p>Changes:</p>");
        summary.addTable([ [ th("Input"), th("Before"), th("After") ], ...changes.map(c => [ c.input, c.from, c.to ].map(cell)) ]);
      }
      if (outcome.verification) {
        const v = outcome.verification;
        summary.addRaw(`<p>Delivery check${v.event ? ` (${cell(v.event)})` : ""}: <strong>${cell(v.status)}</strong>, the endpoint ` + `answered ${cell((0, 
        _operations_verify_js__WEBPACK_IMPORTED_MODULE_2__.iZ)(v))}.</p>`);
      }
      if (swept) if (swept.length === 0) summary.addRaw("<p>No webhook of a closed (or, with max-age, old) pull request of this repository.</p>"); else {
        summary.addRaw(`<p>${inputs.dryRun ? "Would delete" : "Deleted"} ${swept.length} webhook${swept.length === 1 ? "" : "s"}:</p>`);
        summary.addTable([ [ th("Webhook"), th("URL"), th("Pull request"), th("Why") ], ...swept.map(s => [ s.id, s.url, `#${s.pullRequest}`, s.reason ].map(cell)) ]);
      }
      await flush();
    }
    async function writeSummaryLine(text) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.addHeading("Kapso webhook", 3).addRaw(`<p>${cell(text)}</p>`);
      await flush();
    }
    async function writeFailureSummary(message) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      const lines = message.split("\n").map(cell);
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.addHeading("Kapso webhook: failed", 3).addRaw(`<p>${lines.join("<br>")}</p>`);
      await flush();
    }
    async function writeSummarySection(heading, markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.addHeading(heading.replace(/[<>&]/g, ""), 3).addRaw(`\n${markdown}\n`);
      await flush();
    }
    async function flush() {
      try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.write();
      } catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_1__.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    function link(url) {
      return /^https?:\/\//i.test(url) ? `<a href="${cell(url)}">${cell(url)}</a>` : cell(url);
    }
    function pullRequestLink(owner, {serverUrl: serverUrl, repository: repository}) {
      const text = cell(`#${owner.pullRequest}${owner.name ? ` (name ${owner.name})` : ""}`);
      return serverUrl && repository ? `<a href="${cell(`${serverUrl}/${repository}/pull/${owner.pullRequest}`)}">${text}</a>` : text;
    }
    function th(text) {
      return {
        data: text,
        header: true
      };
    }
    function cell(text) {
      return (0, _text_js__WEBPACK_IMPORTED_MODULE_4__.hN)((0, _secrets_js__WEBPACK_IMPORTED_MODULE_3__.E$)(text)).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
    }
  }
};
//# sourceMappingURL=968.index.js.map