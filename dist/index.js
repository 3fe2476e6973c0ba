import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";

var __webpack_modules__ = {
  1532: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      Ut: () => RateGate,
      WC: () => readConcurrency,
      ZL: () => settleBounded,
      n4: () => readPages,
      yJ: () => mapBounded
    });
    var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
    var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8992);
    const DEFAULT_CONCURRENCY = 4;
    const CONCURRENCY_VARIABLE = "KAPSO_ACTION_CONCURRENCY";
    function readConcurrency(raw) {
      if (raw === void 0 || raw.trim() === "") return DEFAULT_CONCURRENCY;
      const value = Number(raw.trim());
      if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.l(`${CONCURRENCY_VARIABLE} must be a whole number of at least 1 (requests in flight at once; default ` + `${DEFAULT_CONCURRENCY}); got "${(0, 
      _text_js__WEBPACK_IMPORTED_MODULE_1__.hN)((0, _text_js__WEBPACK_IMPORTED_MODULE_1__.Jj)(raw, 40))}".`);
      return value;
    }
    class RateGate {
      until=0;
      hold(ms) {
        this.until = Math.max(this.until, Date.now() + ms);
      }
      remainingMs() {
        return Math.max(0, this.until - Date.now());
      }
      async pass(deadline) {
        for (let ms = this.remainingMs(); ms > 0; ms = this.remainingMs()) {
          if (ms >= deadline.remainingMs()) return false;
          await sleep(ms);
        }
        return true;
      }
    }
    async function settleBounded(items, limit, work) {
      const ends = items.map(() => ({
        status: "skipped"
      }));
      let next = 0;
      let failed = false;
      const worker = async () => {
        while (next < items.length && !failed) {
          const index = next++;
          try {
            ends[index] = {
              status: "fulfilled",
              value: await work(items[index], index)
            };
          } catch (reason) {
            ends[index] = {
              status: "rejected",
              reason: reason
            };
            failed = true;
          }
        }
      };
      await Promise.all(Array.from({
        length: Math.min(Math.max(1, limit), items.length)
      }, worker));
      return ends;
    }
    async function mapBounded(items, limit, work) {
      const ends = await settleBounded(items, limit, work);
      const failure = ends.find(end => end.status === "rejected");
      if (failure) throw failure.reason;
      return ends.map(end => end.value);
    }
    async function readPages(limit, fetch, take) {
      const fetching = new Map;
      const inFlight = new Set;
      let started = 0;
      let last = 1;
      let broken = false;
      const start = upTo => {
        while (!broken && started < Math.min(last, upTo)) {
          const page = ++started;
          const answer = fetch(page);
          const settled = answer.then(() => {}, () => void (broken = true));
          inFlight.add(settled);
          void settled.finally(() => inFlight.delete(settled));
          fetching.set(page, answer);
        }
      };
      try {
        for (let page = 1; ;page++) {
          start(page + limit - 1);
          const answer = fetching.get(page) ?? fetch(page);
          fetching.delete(page);
          last = take(page, await answer);
          if (last <= page) return;
        }
      } finally {
        broken = true;
        await Promise.all(inFlight);
      }
    }
    function sleep(ms) {
      return new Promise(resolve => setTimeout(resolve, ms));
    }
  },
  5400: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      k: () => closeEarly,
      o: () => openEarly
    });
    var _concurrency_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1532);
    var _inputs_defaults_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9011);
    var _inputs_scope_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(725);
    var _inputs_values_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8463);
    var _kapso_connections_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(47);
    function openEarly() {
      if ((0, _inputs_values_js__WEBPACK_IMPORTED_MODULE_3__.CB)("manifest") || !(0, _inputs_values_js__WEBPACK_IMPORTED_MODULE_3__.R5)("api-key")) return;
      const scope = (0, _inputs_scope_js__WEBPACK_IMPORTED_MODULE_2__.hx)(() => {});
      const api = (0, _inputs_scope_js__WEBPACK_IMPORTED_MODULE_2__.AX)(scope, () => {});
      if (!scope || !api) return;
      let concurrency;
      try {
        concurrency = (0, _concurrency_js__WEBPACK_IMPORTED_MODULE_0__.WC)(process.env.KAPSO_ACTION_CONCURRENCY);
      } catch {
        return;
      }
      void __nccwpck_require__.e(578).then(__nccwpck_require__.bind(__nccwpck_require__, 9578)).catch(() => {});
      const timeoutSeconds = (0, _inputs_values_js__WEBPACK_IMPORTED_MODULE_3__.cY)(() => {}) ?? Number(_inputs_defaults_js__WEBPACK_IMPORTED_MODULE_1__.O["request-timeout-seconds"]);
      return (0, _kapso_connections_js__WEBPACK_IMPORTED_MODULE_4__.q)(concurrency, timeoutSeconds * 1e3).then(async connections => {
        await connections.routes.warm(api.url).catch(() => {});
        return connections;
      });
    }
    function closeEarly(early) {
      return () => void early.then(({routes: routes}) => routes.close(), () => {});
    }
  },
  3916: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      X: () => StatusError,
      l: () => ActionError
    });
    class ActionError extends Error {
      status;
      constructor(message, status) {
        super(message);
        this.status = status;
        this.name = "ActionError";
      }
    }
    class StatusError extends Error {
      status;
      body;
      constructor(status, body) {
        super(`HTTP ${status}`);
        this.status = status;
        this.body = body;
        this.name = "StatusError";
      }
    }
  },
  2325: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      k: () => UUID
    });
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  },
  9407: (module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => {
      try {
        var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1178);
        var _early_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5400);
        const isPost = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu("isPost") === "true";
        if (!isPost) _actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ("isPost", "true");
        const early = isPost ? void 0 : (0, _early_js__WEBPACK_IMPORTED_MODULE_1__.o)();
        await (early?.catch(() => {}));
        const {cleanup: cleanup, run: run} = await Promise.all([ __nccwpck_require__.e(487), __nccwpck_require__.e(968) ]).then(__nccwpck_require__.bind(__nccwpck_require__, 9968));
        await (isPost ? cleanup() : run(early));
        process.exit();
        __webpack_async_result__();
      } catch (e) {
        __webpack_async_result__(e);
      }
    }, 1);
  },
  9011: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      O: () => ACTION_DEFAULTS
    });
    const ACTION_DEFAULTS = {
      kind: "kapso",
      active: "true",
      "buffer-enabled": "false",
      operation: "upsert",
      cleanup: "false",
      comment: "false",
      prune: "true",
      "fail-on-drift": "false",
      "dry-run": "false",
      "max-attempts": "5",
      "request-timeout-seconds": "30",
      verify: "false",
      "verify-timeout-seconds": "60",
      "timeout-seconds": "300"
    };
  },
  725: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      AX: () => readApiUrl,
      Wi: () => DEFAULT_API_URLS,
      X0: () => readKind,
      hx: () => readScope
    });
    var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2325);
    var _urls_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5769);
    var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8463);
    const DEFAULT_API_URLS = {
      legacy: "https://app.kapso.ai/api/v1",
      platform: "https://api.kapso.ai/platform/v1"
    };
    const PHONE_NUMBER_ID = /^[0-9]{1,32}$/;
    const ONE_SCOPE = "exactly one of whatsapp-config-id (legacy API), phone-number-id (Platform API) or scope: project (Platform API, " + "project-wide)";
    function readScope(fail) {
      const scope = (0, _values_js__WEBPACK_IMPORTED_MODULE_0__.R5)("scope");
      const configId = (0, _values_js__WEBPACK_IMPORTED_MODULE_0__.R5)("whatsapp-config-id");
      const phoneNumberId = (0, _values_js__WEBPACK_IMPORTED_MODULE_0__.R5)("phone-number-id");
      if (scope !== "" && scope !== "project") return fail(`scope must be project, or empty to let whatsapp-config-id or phone-number-id decide; got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_0__.hD)(scope)}.`);
      if (scope === "project") {
        if (configId || phoneNumberId) return fail(`scope project takes neither whatsapp-config-id nor phone-number-id: a project webhook belongs to the API ` + `key's whole project. Give ${ONE_SCOPE}.`);
        return {
          kind: "project",
          id: "",
          input: "scope"
        };
      }
      if (configId && phoneNumberId) return fail(`give ${ONE_SCOPE}, not both ids.`);
      if (configId) {
        if (!_ids_js__WEBPACK_IMPORTED_MODULE_1__.k.test(configId)) return fail(`whatsapp-config-id must be a Kapso configuration UUID (like 550e8400-e29b-41d4-a716-446655440000); got ` + `${(0, 
        _values_js__WEBPACK_IMPORTED_MODULE_0__.hD)(configId)}.`);
        return {
          kind: "legacy",
          id: configId,
          input: "whatsapp-config-id"
        };
      }
      if (phoneNumberId) {
        if (!PHONE_NUMBER_ID.test(phoneNumberId)) return fail(`phone-number-id must be Meta's phone number id, digits only (like 106540352242922); got ` + `${(0, 
        _values_js__WEBPACK_IMPORTED_MODULE_0__.hD)(phoneNumberId)}.`);
        return {
          kind: "platform",
          id: phoneNumberId,
          input: "phone-number-id"
        };
      }
      return fail(`give ${ONE_SCOPE}.`);
    }
    function readKind(scope, fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_0__.R5)("kind");
      if (raw !== "kapso" && raw !== "meta") return fail(`kind must be kapso (Kapso's events) or meta (Meta's raw payloads); got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_0__.hD)(raw)}.`);
      if (raw === "meta" && scope?.kind === "legacy") return fail("kind meta is a Platform API webhook: give phone-number-id instead of whatsapp-config-id.");
      if (raw === "meta" && scope?.kind === "project") return fail("kind meta needs phone-number-id: Meta's raw payloads belong to one phone number, not to the project.");
      return raw;
    }
    function generationOf(url) {
      const path = url.pathname.replace(/\/+$/, "");
      if (path.endsWith("/platform/v1")) return "platform";
      if (path.endsWith("/api/v1")) return "legacy";
      return;
    }
    function readApiUrl(scope, fail) {
      const raw = (0, _values_js__WEBPACK_IMPORTED_MODULE_0__.R5)("api-url");
      const wanted = scope?.kind === "legacy" ? "legacy" : "platform";
      if (!raw) return scope ? {
        url: DEFAULT_API_URLS[wanted],
        isDefault: true
      } : void 0;
      const parsed = (0, _urls_js__WEBPACK_IMPORTED_MODULE_2__.Dl)(raw);
      const accepts = "an absolute https:// URL (http:// only for localhost), without credentials, query or fragment";
      if (!parsed || parsed.protocol !== "https:" && parsed.protocol !== "http:") return fail(`api-url must be ${accepts}; got ${(0, 
      _values_js__WEBPACK_IMPORTED_MODULE_0__.hD)(raw)}.`);
      if (parsed.username || parsed.password) return fail("api-url must not carry a user name or password: the API key is sent as X-API-Key.");
      if (parsed.search || parsed.hash) return fail(`api-url must be ${accepts}.`);
      if (parsed.protocol === "http:" && !(0, _values_js__WEBPACK_IMPORTED_MODULE_0__.U9)(parsed.hostname)) return fail(`api-url may use http:// only for a loopback host (localhost, 127.0.0.1, [::1]); use https:// for ` + `${parsed.hostname}.`);
      const generation = generationOf(parsed);
      if (scope && generation && generation !== wanted) {
        const names = {
          legacy: "Kapso's legacy API",
          platform: "Kapso's Platform API"
        };
        const other = wanted === "legacy" ? "phone-number-id" : "whatsapp-config-id";
        return fail(`api-url ${(0, _values_js__WEBPACK_IMPORTED_MODULE_0__.hD)(raw)} is ${names[generation]}, but ${scope.input === "scope" ? "scope project" : scope.input} ` + `needs ${names[wanted]} (${DEFAULT_API_URLS[wanted]}): ` + `leave api-url empty${scope.kind === "project" ? "" : `, or give ${other} for the other API`}.`);
      }
      return {
        url: parsed.toString().replace(/\/+$/, ""),
        isDefault: false
      };
    }
  },
  8463: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      $7: () => readDuration,
      CB: () => givenInput,
      JI: () => readInteger,
      L: () => readingFrom,
      R5: () => readInput,
      U9: () => isLoopback,
      Vf: () => readBoolean,
      Zw: () => Problems,
      cY: () => readRequestTimeoutSeconds,
      hD: () => quote
    });
    var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1178);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8935);
    var _defaults_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9011);
    const stepInputs = name => _actions_core__WEBPACK_IMPORTED_MODULE_0__.V4(name);
    let source = stepInputs;
    function readInput(name) {
      return source(name) || (_defaults_js__WEBPACK_IMPORTED_MODULE_2__.O[name] ?? "");
    }
    function readingFrom(values, read) {
      const before = source;
      source = values;
      try {
        return read();
      } finally {
        source = before;
      }
    }
    function givenInput(name) {
      return stepInputs(name);
    }
    class Problems {
      list=[];
      fail=message => {
        this.list.push(message);
        return;
      };
    }
    function quote(value) {
      return `"${(0, _secrets_js__WEBPACK_IMPORTED_MODULE_1__.F3)(value.replace(/\/\/[^/?#@\s]*@/g, "//***@"), 80)}"`;
    }
    const BOOLEAN_TRUE = [ "true", "True", "TRUE" ];
    const BOOLEAN_FALSE = [ "false", "False", "FALSE" ];
    function readBoolean(name, fail) {
      const raw = readInput(name);
      if (BOOLEAN_TRUE.includes(raw)) return true;
      if (BOOLEAN_FALSE.includes(raw)) return false;
      return fail(`${name} must be true or false; got ${quote(raw)}.`);
    }
    function readInteger(name, min, max, fail) {
      const raw = readInput(name);
      if (raw === "") return;
      const value = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(value) || value < min || value > max) return fail(`${name} must be a whole number from ${min} to ${max}; got ${quote(raw)}.`);
      return value;
    }
    function readRequestTimeoutSeconds(fail) {
      return readInteger("request-timeout-seconds", 1, 300, fail);
    }
    const DURATION_UNITS = {
      m: 6e4,
      h: 36e5,
      d: 864e5
    };
    function readDuration(name, fail) {
      const raw = readInput(name);
      if (raw === "") return;
      const match = /^([0-9]{1,6})([mhd])$/.exec(raw);
      const ms = match ? Number(match[1]) * (DURATION_UNITS[match[2]] ?? 0) : 0;
      if (!match || ms <= 0 || ms > 366 * 864e5) return fail(`${name} must be a whole number of minutes, hours or days, like 90m, 72h or 7d, up to 366d; got ${quote(raw)}.`);
      return ms;
    }
    function isLoopback(hostname) {
      return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
    }
  },
  47: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      q: () => openConnections
    });
    var http_client = __nccwpck_require__(4106);
    var urls = __nccwpck_require__(5769);
    class Routes {
      proxyOf;
      options;
      byHost=new Map;
      agents=new Map;
      preopened=[];
      constructor(proxyOf, options) {
        this.proxyOf = proxyOf;
        this.options = options;
      }
      async route(url) {
        await this.agentOf(new URL(url));
      }
      async warm(url) {
        const target = new URL(url);
        const {preopen: preopen} = await __nccwpck_require__.e(578).then(__nccwpck_require__.bind(__nccwpck_require__, 9578));
        const opened = preopen(await this.agentOf(target), (0, urls.jG)(target.hostname), port(target));
        this.preopened.push(opened);
        await opened.started;
      }
      setTimeout(ms) {
        this.options.timeoutMs = ms;
      }
      prepareRequest(options) {
        const agent = this.byHost.get(`${options.host ?? ""}:${options.port ?? ""}`);
        if (agent) options.agent = agent;
        if (options.host) options.host = (0, urls.jG)(options.host);
      }
      canHandleAuthentication() {
        return false;
      }
      handleAuthentication() {
        return Promise.reject(new Error("Routes handles no authentication"));
      }
      close() {
        for (const opened of this.preopened) opened.close();
        for (const agent of this.agents.values()) void agent.then(made => made.destroy(), () => {});
        this.agents.clear();
      }
      async agentOf(target) {
        const secure = target.protocol === "https:";
        const proxy = this.proxyOf(target.toString());
        const name = `${target.protocol}${proxy}`;
        let making = this.agents.get(name);
        if (!making) {
          const via = proxy ? new URL(proxy) : void 0;
          making = __nccwpck_require__.e(578).then(__nccwpck_require__.bind(__nccwpck_require__, 9578)).then(({agentFor: agentFor}) => agentFor(secure, via, this.options));
          this.agents.set(name, making);
        }
        const agent = await making;
        this.byHost.set(`${target.hostname}:${port(target)}`, agent);
        return agent;
      }
    }
    const port = target => Number(target.port) || (target.protocol === "https:" ? 443 : 80);
    async function openConnections(maxSockets, timeoutMs) {
      const {HttpClient: HttpClient, getProxyUrl: getProxyUrl} = await (0, http_client.w)();
      return {
        HttpClient: HttpClient,
        routes: new Routes(getProxyUrl, {
          maxSockets: maxSockets,
          timeoutMs: timeoutMs
        })
      };
    }
  },
  8935: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      qv: () => MIN_MASKED_SECRET,
      iD: () => hideInServerText,
      Q7: () => holdSecret,
      $l: () => maskSecret,
      oK: () => maskWebhookSecret,
      F3: () => outsideText,
      E$: () => redact
    });
    var core = __nccwpck_require__(1178);
    const HEX = /[0-9a-fA-F]{20,}/g;
    const BASE64 = /[A-Za-z0-9+/_-]{14,}={0,2}/g;
    const PERCENT_CHAR = "(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!*'()+-])";
    const PERCENT = new RegExp(`${PERCENT_CHAR}*%[0-9A-Fa-f]{2}${PERCENT_CHAR}*`, "g");
    function decodedRuns(text) {
      const runs = [];
      const add = (match, bytes) => {
        const start = match.index ?? 0;
        runs.push({
          start: start,
          end: start + match[0].length,
          decoded: bytes.toString("utf8")
        });
      };
      for (const match of text.matchAll(HEX)) add(match, Buffer.from(match[0].slice(0, match[0].length - match[0].length % 2), "hex"));
      for (const match of text.matchAll(BASE64)) for (let skip = 0; skip < 4; skip++) add(match, Buffer.from(match[0].slice(skip), "base64"));
      for (const match of text.matchAll(PERCENT)) add(match, Buffer.from(match[0].replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))), "latin1"));
      return runs;
    }
    var src_text = __nccwpck_require__(8992);
    const masked = [];
    const serverOnly = [];
    const serverOnlySet = new Set;
    const FRAGMENT_LENGTH = 10;
    const MIN_MASKED_SECRET = 16;
    function maskSecret(value) {
      if (value === "" || masked.includes(value)) return;
      core.Pq(value);
      masked.push(value);
    }
    function maskWebhookSecret(value) {
      if (value.length < MIN_MASKED_SECRET) return false;
      maskSecret(value);
      return true;
    }
    function holdSecret(value) {
      if (value.length >= MIN_MASKED_SECRET) hideInServerText(value);
    }
    function hideInServerText(value) {
      if (value.length < 6 || serverOnlySet.has(value) || masked.includes(value)) return;
      serverOnlySet.add(value);
      serverOnly.push(value);
    }
    function redact(text, serverText = false) {
      if (text === "" || masked.length === 0 && (!serverText || serverOnly.length === 0)) return text;
      const hidden = new Uint8Array(text.length);
      let any = false;
      const values = serverText ? [ ...masked, ...serverOnly ] : masked;
      for (const [at, length] of hits(text, values)) {
        hidden.fill(1, at, at + length);
        any = true;
      }
      const runs = serverText ? decodedRuns(text) : [];
      if (runs.length > 0) {
        const starts = [];
        let decoded = "";
        for (const run of runs) {
          starts.push(decoded.length);
          decoded += `${run.decoded}\0`;
        }
        for (const [at] of hits(decoded, values)) {
          const run = runs[lastAtOrBefore(starts, at)];
          hidden.fill(1, run.start, run.end);
          any = true;
        }
      }
      if (!any) return text;
      let out = "";
      for (let i = 0; i < text.length; i++) if (!hidden[i]) out += text[i]; else if (i === 0 || !hidden[i - 1]) out += "***";
      return out;
    }
    function* hits(text, values) {
      let windows;
      for (const secret of values) {
        if (secret.length < FRAGMENT_LENGTH) {
          for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) yield [ at, secret.length ];
          continue;
        }
        windows ??= windowsOf(text);
        for (let i = 0; i + FRAGMENT_LENGTH <= secret.length; i++) for (const at of windows.get(secret.slice(i, i + FRAGMENT_LENGTH)) ?? []) yield [ at, FRAGMENT_LENGTH ];
      }
    }
    function lastAtOrBefore(ascending, n) {
      let low = 0;
      let high = ascending.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((ascending[middle] ?? 0) <= n) low = middle; else high = middle - 1;
      }
      return low;
    }
    function windowsOf(text) {
      const windows = new Map;
      for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
        const window = text.slice(i, i + FRAGMENT_LENGTH);
        const at = windows.get(window);
        if (at) at.push(i); else windows.set(window, [ i ]);
      }
      return windows;
    }
    function outsideText(text, max) {
      return (0, src_text.Jj)((0, src_text.hN)(redact(text.length > 16 * max + 1024 ? text.slice(0, 16 * max + 1024) : text, true)), max);
    }
  },
  4106: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      Q: () => HttpClient,
      w: () => loadHttpClient
    });
    let real;
    async function loadHttpClient() {
      real ??= await __nccwpck_require__.e(942).then(__nccwpck_require__.bind(__nccwpck_require__, 4942));
      return real;
    }
    function loaded() {
      if (!real) throw new Error("@actions/http-client was used before loadHttpClient() loaded it");
      return real;
    }
    class HttpClient {
      constructor(...args) {
        return new (loaded().HttpClient)(...args);
      }
    }
  },
  8992: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      Jj: () => cut,
      U9: () => count,
      Z6: () => listIds,
      aQ: () => hasControl,
      hN: () => escapeControl
    });
    const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
    const CONTROLS = new RegExp(CONTROL.source, "g");
    function hasControl(text) {
      return CONTROL.test(text);
    }
    function escapeControl(text) {
      return text.replace(CONTROLS, c => {
        if (c === "\n") return "\\n";
        if (c === "\r") return "\\r";
        if (c === "\t") return "\\t";
        const code = c.charCodeAt(0);
        return code > 255 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
      });
    }
    function cut(text, max) {
      return text.length > max ? `${text.slice(0, Math.max(0, max - 3))}...` : text;
    }
    function count(n, noun) {
      return `${n} ${noun}${n === 1 ? "" : "s"}`;
    }
    function listIds(ids, max = 10) {
      if (ids.length <= max) return ids.join(", ");
      return `${ids.slice(0, max).join(", ")} and ${(ids.length - max).toLocaleString("en-US")} more`;
    }
  },
  5769: (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      Dl: () => parseUrl,
      VM: () => hasEmptySegment,
      X9: () => urlKey,
      cl: () => sameUrl,
      jG: () => unbracketed,
      mJ: () => containsFilter
    });
    function urlKey(raw) {
      const url = parseUrl(raw);
      if (!url) return;
      const path = url.pathname.endsWith("/") ? url.pathname.slice(0, -1) : url.pathname;
      const credentials = url.username || url.password ? `${url.username}:${url.password}@` : "";
      return `${url.protocol}//${credentials}${url.host}${path}${url.search}${url.hash}`;
    }
    function sameUrl(a, b) {
      const key = urlKey(a);
      return key !== void 0 && key === urlKey(b);
    }
    function containsFilter(raw) {
      const url = parseUrl(raw);
      if (!url) return;
      const typed = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(raw);
      const path = url.pathname.replace(/\/$/, "");
      const pathAsParsed = (typed?.[2] ?? "").replace(/\/$/, "") === path;
      const hostAsParsed = typed?.[1] === url.host && !url.username && !url.password;
      if (hostAsParsed) return `//${url.host}${pathAsParsed ? path : ""}`;
      return path === "" || !pathAsParsed ? void 0 : path;
    }
    function hasEmptySegment(raw) {
      return parseUrl(raw)?.pathname.includes("//") ?? false;
    }
    function parseUrl(raw) {
      return URL.canParse(raw) ? new URL(raw) : void 0;
    }
    const unbracketed = host => host.replace(/^\[(.*)\]$/, "$1");
  },
  2613: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
  },
  181: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");
  },
  4434: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
  },
  9896: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
  },
  8611: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");
  },
  5692: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");
  },
  9278: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");
  },
  4589: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");
  },
  6698: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");
  },
  4573: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
  },
  7540: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");
  },
  7598: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
  },
  3053: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
  },
  610: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");
  },
  8474: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
  },
  3024: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
  },
  7067: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
  },
  2467: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");
  },
  4708: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
  },
  7030: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
  },
  6760: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
  },
  643: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
  },
  1792: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");
  },
  7075: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
  },
  1692: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
  },
  3136: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
  },
  7975: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
  },
  3429: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");
  },
  5919: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
  },
  8522: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
  },
  857: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
  },
  8551: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");
  },
  3193: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
  },
  4756: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");
  },
  9023: module => {
    module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");
  },
  1178: (__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {
    __nccwpck_require__.d(__webpack_exports__, {
      Yz: () => core_debug,
      V4: () => getInput,
      Gu: () => getState,
      pq: () => info,
      lm: () => notice,
      LZ: () => saveState,
      C1: () => setFailed,
      uH: () => setOutput,
      Pq: () => core_setSecret,
      z: () => summary,
      $e: () => warning
    });
    var external_os_ = __nccwpck_require__(857);
    function utils_toCommandValue(input) {
      if (input === null || input === void 0) return ""; else if (typeof input === "string" || input instanceof String) return input;
      return JSON.stringify(input);
    }
    function toCommandProperties(annotationProperties) {
      if (!Object.keys(annotationProperties).length) return {};
      return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
      };
    }
    function command_issueCommand(command, properties, message) {
      const cmd = new Command(command, properties, message);
      process.stdout.write(cmd.toString() + external_os_.EOL);
    }
    const CMD_STRING = "::";
    class Command {
      constructor(command, properties, message) {
        if (!command) command = "missing.command";
        this.command = command;
        this.properties = properties;
        this.message = message;
      }
      toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
          cmdStr += " ";
          let first = true;
          for (const key in this.properties) if (this.properties.hasOwnProperty(key)) {
            const val = this.properties[key];
            if (val) {
              if (first) first = false; else cmdStr += ",";
              cmdStr += `${key}=${escapeProperty(val)}`;
            }
          }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
      }
    }
    function escapeData(s) {
      return utils_toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    }
    function escapeProperty(s) {
      return utils_toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
    }
    const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
    var external_fs_ = __nccwpck_require__(9896);
    function file_command_issueFileCommand(command, message) {
      const filePath = process.env[`GITHUB_${command}`];
      if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
      if (!external_fs_.existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
      external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: "utf8"
      });
    }
    function file_command_prepareKeyValueMessage(key, value) {
      const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
      const convertedValue = utils_toCommandValue(value);
      if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
      if (convertedValue.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
      return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
    }
    __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
    void 0 && (void 0).__awaiter;
    void 0 && (void 0).__awaiter;
    var summary_awaiter = void 0 && (void 0).__awaiter || function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    const {access: access, appendFile: appendFile, writeFile: writeFile} = external_fs_.promises;
    const SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
    class Summary {
      constructor() {
        this._buffer = "";
      }
      filePath() {
        return summary_awaiter(this, void 0, void 0, function*() {
          if (this._filePath) return this._filePath;
          const pathFromEnv = process.env[SUMMARY_ENV_VAR];
          if (!pathFromEnv) throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
          try {
            yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
          } catch (_a) {
            throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
          }
          this._filePath = pathFromEnv;
          return this._filePath;
        });
      }
      wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
        if (!content) return `<${tag}${htmlAttrs}>`;
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
      }
      write(options) {
        return summary_awaiter(this, void 0, void 0, function*() {
          const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
          const filePath = yield this.filePath();
          const writeFunc = overwrite ? writeFile : appendFile;
          yield writeFunc(filePath, this._buffer, {
            encoding: "utf8"
          });
          return this.emptyBuffer();
        });
      }
      clear() {
        return summary_awaiter(this, void 0, void 0, function*() {
          return this.emptyBuffer().write({
            overwrite: true
          });
        });
      }
      stringify() {
        return this._buffer;
      }
      isEmptyBuffer() {
        return this._buffer.length === 0;
      }
      emptyBuffer() {
        this._buffer = "";
        return this;
      }
      addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
      }
      addEOL() {
        return this.addRaw(external_os_.EOL);
      }
      addCodeBlock(code, lang) {
        const attrs = Object.assign({}, lang && {
          lang: lang
        });
        const element = this.wrap("pre", this.wrap("code", code), attrs);
        return this.addRaw(element).addEOL();
      }
      addList(items, ordered = false) {
        const tag = ordered ? "ol" : "ul";
        const listItems = items.map(item => this.wrap("li", item)).join("");
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
      }
      addTable(rows) {
        const tableBody = rows.map(row => {
          const cells = row.map(cell => {
            if (typeof cell === "string") return this.wrap("td", cell);
            const {header: header, data: data, colspan: colspan, rowspan: rowspan} = cell;
            const tag = header ? "th" : "td";
            const attrs = Object.assign(Object.assign({}, colspan && {
              colspan: colspan
            }), rowspan && {
              rowspan: rowspan
            });
            return this.wrap(tag, data, attrs);
          }).join("");
          return this.wrap("tr", cells);
        }).join("");
        const element = this.wrap("table", tableBody);
        return this.addRaw(element).addEOL();
      }
      addDetails(label, content) {
        const element = this.wrap("details", this.wrap("summary", label) + content);
        return this.addRaw(element).addEOL();
      }
      addImage(src, alt, options) {
        const {width: width, height: height} = options || {};
        const attrs = Object.assign(Object.assign({}, width && {
          width: width
        }), height && {
          height: height
        });
        const element = this.wrap("img", null, Object.assign({
          src: src,
          alt: alt
        }, attrs));
        return this.addRaw(element).addEOL();
      }
      addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = [ "h1", "h2", "h3", "h4", "h5", "h6" ].includes(tag) ? tag : "h1";
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
      }
      addSeparator() {
        const element = this.wrap("hr", null);
        return this.addRaw(element).addEOL();
      }
      addBreak() {
        const element = this.wrap("br", null);
        return this.addRaw(element).addEOL();
      }
      addQuote(text, cite) {
        const attrs = Object.assign({}, cite && {
          cite: cite
        });
        const element = this.wrap("blockquote", text, attrs);
        return this.addRaw(element).addEOL();
      }
      addLink(text, href) {
        const element = this.wrap("a", text, {
          href: href
        });
        return this.addRaw(element).addEOL();
      }
    }
    const _summary = new Summary;
    const summary = _summary;
    void 0 && (void 0).__awaiter;
    external_os_.platform();
    external_os_.arch();
    void 0 && (void 0).__awaiter;
    var ExitCode;
    (function(ExitCode) {
      ExitCode[ExitCode["Success"] = 0] = "Success";
      ExitCode[ExitCode["Failure"] = 1] = "Failure";
    })(ExitCode || (ExitCode = {}));
    function core_setSecret(secret) {
      command_issueCommand("add-mask", {}, secret);
    }
    function getInput(name, options) {
      const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
      if (options && options.required && !val) throw new Error(`Input required and not supplied: ${name}`);
      if (options && options.trimWhitespace === false) return val;
      return val.trim();
    }
    function setOutput(name, value) {
      const filePath = process.env["GITHUB_OUTPUT"] || "";
      if (filePath) return file_command_issueFileCommand("OUTPUT", file_command_prepareKeyValueMessage(name, value));
      process.stdout.write(external_os_.EOL);
      command_issueCommand("set-output", {
        name: name
      }, utils_toCommandValue(value));
    }
    function setFailed(message) {
      process.exitCode = ExitCode.Failure;
      error(message);
    }
    function core_debug(message) {
      command_issueCommand("debug", {}, message);
    }
    function error(message, properties = {}) {
      command_issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
    }
    function warning(message, properties = {}) {
      command_issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
    }
    function notice(message, properties = {}) {
      command_issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
    }
    function info(message) {
      process.stdout.write(message + external_os_.EOL);
    }
    function saveState(name, value) {
      const filePath = process.env["GITHUB_STATE"] || "";
      if (filePath) return file_command_issueFileCommand("STATE", file_command_prepareKeyValueMessage(name, value));
      command_issueCommand("save-state", {
        name: name
      }, utils_toCommandValue(value));
    }
    function getState(name) {
      return process.env[`STATE_${name}`] || "";
    }
  }
};

var __webpack_module_cache__ = {};

function __nccwpck_require__(moduleId) {
  var cachedModule = __webpack_module_cache__[moduleId];
  if (cachedModule !== void 0) return cachedModule.exports;
  var module = __webpack_module_cache__[moduleId] = {
    exports: {}
  };
  var threw = true;
  try {
    __webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
    threw = false;
  } finally {
    if (threw) delete __webpack_module_cache__[moduleId];
  }
  return module.exports;
}

__nccwpck_require__.m = __webpack_modules__;

if (typeof __nccwpck_require__ !== "undefined") __nccwpck_require__.ab = decodeURIComponent(new URL(".", import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";

(() => {
  var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
  var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
  var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
  var resolveQueue = queue => {
    if (queue && queue.d < 1) {
      queue.d = 1;
      queue.forEach(fn => fn.r--);
      queue.forEach(fn => fn.r-- ? fn.r++ : fn());
    }
  };
  var wrapDeps = deps => deps.map(dep => {
    if (dep !== null && typeof dep === "object") {
      if (dep[webpackQueues]) return dep;
      if (dep.then) {
        var queue = [];
        queue.d = 0;
        dep.then(r => {
          obj[webpackExports] = r;
          resolveQueue(queue);
        }, e => {
          obj[webpackError] = e;
          resolveQueue(queue);
        });
        var obj = {};
        obj[webpackQueues] = fn => fn(queue);
        return obj;
      }
    }
    var ret = {};
    ret[webpackQueues] = x => {};
    ret[webpackExports] = dep;
    return ret;
  });
  __nccwpck_require__.a = (module, body, hasAwait) => {
    var queue;
    hasAwait && ((queue = []).d = -1);
    var depQueues = new Set;
    var exports = module.exports;
    var currentDeps;
    var outerResolve;
    var reject;
    var promise = new Promise((resolve, rej) => {
      reject = rej;
      outerResolve = resolve;
    });
    promise[webpackExports] = exports;
    promise[webpackQueues] = fn => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
    module.exports = promise;
    body(deps => {
      currentDeps = wrapDeps(deps);
      var fn;
      var getResult = () => currentDeps.map(d => {
        if (d[webpackError]) throw d[webpackError];
        return d[webpackExports];
      });
      var promise = new Promise(resolve => {
        fn = () => resolve(getResult);
        fn.r = 0;
        var fnQueue = q => q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, 
        q.push(fn)));
        currentDeps.map(dep => dep[webpackQueues](fnQueue));
      });
      return fn.r ? promise : getResult();
    }, err => (err ? reject(promise[webpackError] = err) : outerResolve(exports), resolveQueue(queue)));
    queue && queue.d < 0 && (queue.d = 0);
  };
})();

(() => {
  __nccwpck_require__.n = module => {
    var getter = module && module.__esModule ? () => module["default"] : () => module;
    __nccwpck_require__.d(getter, {
      a: getter
    });
    return getter;
  };
})();

(() => {
  var getProto = Object.getPrototypeOf ? obj => Object.getPrototypeOf(obj) : obj => obj.__proto__;
  var leafPrototypes;
  __nccwpck_require__.t = function(value, mode) {
    if (mode & 1) value = this(value);
    if (mode & 8) return value;
    if (typeof value === "object" && value) {
      if (mode & 4 && value.__esModule) return value;
      if (mode & 16 && typeof value.then === "function") return value;
    }
    var ns = Object.create(null);
    __nccwpck_require__.r(ns);
    var def = {};
    leafPrototypes = leafPrototypes || [ null, getProto({}), getProto([]), getProto(getProto) ];
    for (var current = mode & 2 && value; typeof current == "object" && !~leafPrototypes.indexOf(current); current = getProto(current)) Object.getOwnPropertyNames(current).forEach(key => def[key] = () => value[key]);
    def["default"] = () => value;
    __nccwpck_require__.d(ns, def);
    return ns;
  };
})();

(() => {
  __nccwpck_require__.d = (exports, definition) => {
    for (var key in definition) if (__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) Object.defineProperty(exports, key, {
      enumerable: true,
      get: definition[key]
    });
  };
})();

(() => {
  __nccwpck_require__.f = {};
  __nccwpck_require__.e = chunkId => Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
    __nccwpck_require__.f[key](chunkId, promises);
    return promises;
  }, []));
})();

(() => {
  __nccwpck_require__.u = chunkId => chunkId + ".index.js";
})();

(() => {
  __nccwpck_require__.o = (obj, prop) => Object.prototype.hasOwnProperty.call(obj, prop);
})();

(() => {
  __nccwpck_require__.r = exports => {
    if (typeof Symbol !== "undefined" && Symbol.toStringTag) Object.defineProperty(exports, Symbol.toStringTag, {
      value: "Module"
    });
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
  };
})();

(() => {
  var installedChunks = {
    792: 0
  };
  var installChunk = data => {
    var {ids: ids, modules: modules, runtime: runtime} = data;
    var moduleId, chunkId, i = 0;
    for (moduleId in modules) if (__nccwpck_require__.o(modules, moduleId)) __nccwpck_require__.m[moduleId] = modules[moduleId];
    if (runtime) runtime(__nccwpck_require__);
    for (;i < ids.length; i++) {
      chunkId = ids[i];
      if (__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) installedChunks[chunkId][0]();
      installedChunks[ids[i]] = 0;
    }
  };
  __nccwpck_require__.f.j = (chunkId, promises) => {
    var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : void 0;
    if (installedChunkData !== 0) if (installedChunkData) promises.push(installedChunkData[1]); else if (true) {
      var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, e => {
        if (installedChunks[chunkId] !== 0) installedChunks[chunkId] = void 0;
        throw e;
      });
      promise = Promise.race([ promise, new Promise(resolve => installedChunkData = installedChunks[chunkId] = [ resolve ]) ]);
      promises.push(installedChunkData[1] = promise);
    }
  };
})();

var __webpack_exports__ = __nccwpck_require__(9407);

__webpack_exports__ = await __webpack_exports__;
//# sourceMappingURL=index.js.map