export const id = 357;

export const ids = [ 357, 644 ];

export const modules = {
  5357: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.r(__webpack_exports__);
    __webpack_require__.d(__webpack_exports__, {
      runManifest: () => runManifest
    });
    var src_concurrency = __webpack_require__(1532);
    var connect = __webpack_require__(2712);
    var src_deadline = __webpack_require__(6683);
    var inputs_manifest = __webpack_require__(9324);
    var log = __webpack_require__(5625);
    var report = __webpack_require__(665);
    var summary = __webpack_require__(8855);
    var src_text = __webpack_require__(8992);
    var inputs_scope = __webpack_require__(725);
    var kapso_client = __webpack_require__(3149);
    const PROJECT = {
      kind: "project",
      id: "",
      input: "scope"
    };
    class ManifestClients {
      transport;
      progress;
      deadline;
      apiUrl;
      concurrency;
      clients=new Map;
      constructor(transport, progress, deadline, apiUrl, concurrency = 1) {
        this.transport = transport;
        this.progress = progress;
        this.deadline = deadline;
        this.apiUrl = apiUrl;
        this.concurrency = concurrency;
      }
      for(scope, kind, everyScope = false) {
        const key = [ scope.kind, scope.id, kind, everyScope ].join(" ");
        let client = this.clients.get(key);
        if (!client) {
          const generation = scope.kind === "legacy" ? "legacy" : "platform";
          client = new kapso_client.G({
            apiUrl: this.apiUrl || inputs_scope.Wi[generation],
            defaultApiUrl: !this.apiUrl,
            scope: scope,
            kind: kind,
            deadline: this.deadline,
            lookAgain: {
              paceMs: connect.o5,
              deadline: this.deadline
            },
            everyScope: everyScope,
            concurrency: this.concurrency
          }, this.transport, this.progress);
          this.clients.set(key, client);
        }
        return client;
      }
      ofWebhook(webhook) {
        const number = webhook.phone_number_id;
        const scope = number ? {
          kind: "platform",
          id: number,
          input: "phone-number-id"
        } : PROJECT;
        return this.for(scope, webhook.kind);
      }
    }
    var github_context = __webpack_require__(9556);
    var comment_body = __webpack_require__(5644);
    var comment = __webpack_require__(2611);
    var secrets = __webpack_require__(8935);
    function planJson(plan) {
      return plan.map(row => ({
        name: row.name,
        action: row.action,
        "webhook-id": row.webhookId,
        url: row.url,
        changes: row.changes,
        ...row.adopted && {
          adopted: true
        }
      }));
    }
    function planChanges(plan) {
      return plan.some(row => row.action !== "unchanged");
    }
    function manifestPlanMarkdown(plan, dryRun = false) {
      if (plan.length === 0) return "_No webhooks: the manifest has no entries, and none of its webhooks is left._\n";
      const rows = plan.map(row => [ row.name, actionText(row, dryRun), row.scope, row.webhookId || "(new)", row.url, row.changes.length > 0 ? row.changes.join(", ") : "\u2014" ].map(cell));
      return [ "| Entry | Action | Scope | Webhook | URL | Changes |", "| --- | --- | --- | --- | --- | --- |", ...rows.map(cells => `| ${cells.join(" | ")} |`), "" ].join("\n");
    }
    function actionText(row, dryRun) {
      const action = row.adopted ? "update (adopt)" : row.action;
      if (!dryRun || row.action === "unchanged") return action;
      return `would ${action}`;
    }
    function cell(text) {
      return (0, src_text.hN)((0, secrets.E$)(text)).replace(/[|\\`*_[\]<>&]/g, c => `&#${c.charCodeAt(0)};`);
    }
    async function commentOnPlan(path, plan, inputs, comments) {
      const {context: context, dryRun: dryRun, operation: operation} = inputs;
      const heading = `### Kapso webhooks: ${(0, comment_body.md)(path)}, ${operation}` + (dryRun ? " (dry run: the plan, nothing written)" : "");
      await (0, comment.rh)({
        marker: (0, comment.Ql)(context, [ "manifest", path ]),
        body: [ heading, "", manifestPlanMarkdown(plan, dryRun), "", `<sub>${(0, comment_body.md)((0, 
        comment.l6)(context))}</sub>` ].join("\n")
      }, {
        pullRequest: (0, github_context.Z)(context),
        eventName: context.eventName,
        comments: comments
      });
    }
    var kapso_scope = __webpack_require__(8414);
    var ownership = __webpack_require__(2334);
    var identity = __webpack_require__(3886);
    var provision = __webpack_require__(9197);
    var plan = __webpack_require__(2464);
    var urls = __webpack_require__(5769);
    function groupKey(entry) {
      return [ entry.scope.kind, entry.scope.id, entry.kind ].join(" ");
    }
    async function reconcileEntries(manifest, inputs, clients, effects) {
      const done = {
        rows: [],
        kept: new Set,
        listed: new Map
      };
      const names = new Set(manifest.entries.map(entry => entry.name));
      const rows = new Map;
      for (const group of groups(manifest.entries)) {
        const first = group[0];
        const api = clients.for(first.scope, first.kind);
        const candidate = webhook => group.some(entry => (0, ownership.Ml)(webhook.headers, entry.record) || (0, 
        urls.cl)(webhook.url, entry.desired.url ?? ""));
        const listing = await api.listAll(candidate);
        done.listed.set(groupKey(first), listing);
        for (const entry of group) {
          const row = await reconcileEntry(entry, listing, {
            ...effects,
            api: api
          }, {
            inputs: inputs,
            names: names,
            kept: done.kept
          });
          rows.set(entry, row);
          if (row.webhookId) done.kept.add(row.webhookId.toLowerCase());
        }
      }
      done.rows = manifest.entries.map(entry => rows.get(entry));
      return done;
    }
    async function reconcileEntry(entry, listing, effects, context) {
      const inputs = entryInputs(context.inputs, entry);
      const [own, ...older] = listing.filter(webhook => (0, ownership.Ml)(webhook.headers, entry.record));
      if (own) {
        if (older.length > 0) log.$e(`${entry.name}: ${older.length + 1} webhooks are recorded for it; kept the newest, ${own.id}. ` + `${context.inputs.prune ? "The others are pruned" : "prune is false: the others stay"}: ` + `${(0, 
        src_text.Z6)(older.map(webhook => webhook.id))}.`);
        return row(entry, await (0, provision.Xh)(own, inputs, effects));
      }
      const url = entry.desired.url;
      const atUrl = listing.filter(webhook => (0, urls.cl)(webhook.url, url));
      const [adoptable] = atUrl.filter(webhook => mayAdopt(webhook, context));
      if (adoptable) return adopt(entry, adoptable, inputs, effects);
      if (atUrl.length > 0) log.$e(`${entry.name}: ${(0, src_text.Z6)(atUrl.map(webhook => webhook.id))} at ${url} in ${(0, 
      kapso_scope.OI)(entry.scope)} ` + `${atUrl.length === 1 ? "is" : "are"} recorded for someone else (another repository, manifest or pull ` + "request): left as it is; a webhook of its own is created. Kapso delivers each event once for each webhook.");
      return row(entry, await (0, provision.vt)(inputs, effects, atUrl.map(webhook => webhook.id), {
        record: entry.record
      }));
    }
    function mayAdopt(webhook, {inputs: inputs, names: names, kept: kept}) {
      if (kept.has(webhook.id.toLowerCase())) return false;
      if (!(0, ownership.hh)(webhook.headers)) return true;
      const record = (0, ownership.aE)(webhook.headers);
      if (!record || record.pullRequest !== void 0) return false;
      if (record.repository.toLowerCase() !== inputs.repository.toLowerCase()) return false;
      return record.manifest === void 0 || record.manifest === inputs.path && !names.has(record.name ?? "");
    }
    async function adopt(entry, found, inputs, effects) {
      const before = (0, ownership.aE)(found.headers);
      const text = `${entry.name}: adopting webhook ${found.id} at ${found.url} (${before ? `recorded for ${(0, 
      identity.TV)(before)}` : "no ownership record"}): it is recorded for entry ${entry.name} of ${entry.record.manifest} from now on.`;
      if (before && before.manifest === void 0) log.$e(`${text} Remove the workflow step that made it.`); else log.pq(text);
      const headers = {
        ...found.headers
      };
      const held = (0, ownership.a4)(headers);
      if (held) delete headers[held[0]];
      const unrecorded = {
        ...found,
        headers: headers
      };
      const recorded = {
        ...inputs,
        desired: {
          ...inputs.desired,
          headers: {
            ...inputs.desired.headers,
            [ownership.kN]: (0, ownership.bM)(entry.record)
          }
        }
      };
      const outcome = await (0, provision.Xh)(unrecorded, recorded, effects);
      const changes = (0, plan.ZL)(inputs.desired, unrecorded).changes.map(change => change.input);
      return {
        ...row(entry, outcome),
        changes: [ ...changes, "ownership-record" ],
        adopted: true
      };
    }
    function entryInputs(inputs, entry) {
      return {
        apiKey: inputs.apiKey,
        apiUrl: entry.apiUrl.url,
        defaultApiUrl: entry.apiUrl.isDefault,
        scope: entry.scope,
        requested: "upsert",
        operation: "upsert",
        dryRun: inputs.dryRun,
        maxAttempts: inputs.maxAttempts,
        requestTimeoutSeconds: inputs.requestTimeoutSeconds,
        timeoutSeconds: inputs.timeoutSeconds,
        desired: entry.desired,
        cleanup: false,
        comment: false,
        githubToken: inputs.githubToken,
        context: inputs.context
      };
    }
    const ACTIONS = {
      created: "create",
      updated: "update",
      unchanged: "unchanged"
    };
    function row(entry, outcome) {
      const action = ACTIONS[outcome.result];
      const changes = outcome.changes.map(change => change.input).filter(input => !input.startsWith("("));
      return {
        name: entry.name,
        action: action,
        webhookId: outcome.webhookId,
        url: outcome.url || (entry.desired.url ?? ""),
        changes: [ ...new Set(changes) ],
        scope: (0, kapso_scope.OI)(entry.scope)
      };
    }
    function groups(entries) {
      const byKey = new Map;
      for (const entry of entries) {
        const key = groupKey(entry);
        byKey.set(key, [ ...byKey.get(key) ?? [], entry ]);
      }
      return [ ...byKey.values() ];
    }
    const KINDS = [ "kapso", "meta" ];
    async function deleteOwned(manifest, inputs, clients, kept, listed = new Map) {
      const owned = await listOwned(manifest, inputs, clients, listed);
      const rows = [];
      for (const {webhook: webhook, api: api, scope: scope} of owned) {
        if (kept.has(webhook.id.toLowerCase())) continue;
        if (!inputs.dryRun && !await api.remove(webhook.id)) continue;
        const name = (0, ownership.aE)(webhook.headers)?.name ?? "";
        rows.push({
          name: name,
          action: "delete",
          webhookId: webhook.id,
          url: webhook.url,
          changes: [],
          scope: scope
        });
      }
      return rows;
    }
    async function listOwned(manifest, inputs, clients, listed) {
      const ours = webhook => {
        const record = (0, ownership.aE)(webhook.headers);
        return record !== void 0 && record.pullRequest === void 0 && record.manifest === manifest.path && record.repository.toLowerCase() === inputs.repository.toLowerCase();
      };
      const found = new Map;
      const add = (webhook, api, scope) => {
        if (ours(webhook) && !found.has(webhook.id.toLowerCase())) found.set(webhook.id.toLowerCase(), {
          webhook: webhook,
          api: api,
          scope: scope
        });
      };
      const legacy = new Map;
      for (const entry of manifest.entries) if (entry.scope.kind === "legacy") legacy.set(entry.scope.id, entry.scope);
      for (const scope of legacy.values()) {
        const api = clients.for(scope, "kapso");
        const listing = listed.get(groupKey({
          scope: scope,
          kind: "kapso"
        })) ?? await api.listAll();
        for (const webhook of listing) add(webhook, api, (0, kapso_scope.OI)(scope));
      }
      const platform = manifest.entries.some(entry => entry.scope.kind !== "legacy") || legacy.size === 0;
      if (platform) for (const kind of KINDS) for (const webhook of await clients.for(PROJECT, kind, true).listAll()) {
        const number = webhook.phone_number_id;
        add(webhook, clients.ofWebhook(webhook), number ? `phone-number-id ${number}` : (0, 
        kapso_scope.OI)(PROJECT));
      }
      return [ ...found.values() ];
    }
    var external_node_fs_ = __webpack_require__(3024);
    var types = __webpack_require__(3448);
    var events = __webpack_require__(5694);
    var webhook = __webpack_require__(6632);
    var inputs_values = __webpack_require__(8463);
    var warnings = __webpack_require__(8516);
    const TOP_LEVEL = [ "webhooks" ];
    async function parseEntries(text, report) {
      const yaml = await __webpack_require__.e(815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
      const lines = new yaml.LineCounter;
      const doc = yaml.parseDocument(text, {
        lineCounter: lines,
        uniqueKeys: false,
        intAsBigInt: true
      });
      if (doc.errors.length > 0) {
        for (const error of doc.errors) report(error.linePos?.[0].line ?? 0, firstLine(error.message));
        return;
      }
      const lineOf = node => {
        const range = node?.range;
        return range ? lines.linePos(range[0]).line : 0;
      };
      const root = doc.contents;
      if (!yaml.isMap(root)) {
        report(lineOf(root), "the file must be a mapping with one key, webhooks: a mapping of entry names to webhooks.");
        return;
      }
      let webhooks;
      for (const pair of root.items) {
        const key = keyText(pair, yaml);
        if (key === "webhooks" && !webhooks) webhooks = pair; else if (key === "webhooks") report(lineOf(pair.key), "webhooks is given twice."); else report(lineOf(pair.key), unknownKey(key, TOP_LEVEL, "a key of the file"));
      }
      if (!webhooks) {
        report(lineOf(root), "the file has no webhooks key: give webhooks, a mapping of entry names to webhooks.");
        return;
      }
      if (!yaml.isMap(webhooks.value)) {
        report(lineOf(webhooks.key), "webhooks must be a mapping of entry names to webhooks (write webhooks: {} for none, to delete every webhook " + "this manifest made).");
        return;
      }
      return readEntries(webhooks.value.items, doc, lineOf, report, yaml);
    }
    function readEntries(pairs, doc, lineOf, report, yaml) {
      const entries = [];
      for (const pair of pairs) {
        const name = keyText(pair, yaml);
        const label = keyLabel(name);
        const line = lineOf(pair.key);
        const first = entries.find(entry => entry.name === name);
        if (first) {
          report(line, `${label}: the entry name is given twice (first on line ${first.line}): entry names are unique.`);
          continue;
        }
        const fields = new Map;
        entries.push({
          name: name,
          label: label,
          line: line,
          fields: fields
        });
        if (!yaml.isMap(pair.value)) {
          report(line, `${label}: an entry must be a mapping of fields (url, events, phone-number-id, ...).`);
          continue;
        }
        for (const field of pair.value.items) {
          const key = keyText(field, yaml);
          const at = lineOf(field.key);
          const before = fields.get(key);
          if (before) report(at, `${label}.${keyLabel(key)} is given twice (first on line ${before.line}).`); else fields.set(key, {
            ...fieldValue(field.value, doc),
            line: at
          });
        }
      }
      return entries;
    }
    function fieldValue(node, doc) {
      const problem = {
        value: null,
        problem: "uses YAML aliases (*name) that expand too far or refer to their own anchor: write the value out, or " + "use each alias for a plain list or mapping."
      };
      let value;
      try {
        value = node?.toJS(doc, {
          maxAliasCount: MAX_ALIAS_COUNT
        }) ?? null;
      } catch {
        return problem;
      }
      return holdsItself(value, new Set, new Set) ? problem : {
        value: value
      };
    }
    const MAX_ALIAS_COUNT = 100;
    function holdsItself(value, path, done) {
      if (typeof value !== "object" || value === null) return false;
      if (path.has(value)) return true;
      if (done.has(value)) return false;
      path.add(value);
      const found = Object.values(value).some(item => holdsItself(item, path, done));
      path.delete(value);
      done.add(value);
      return found;
    }
    function keyLabel(name) {
      return name.length <= 60 && !(0, src_text.aQ)(name) ? name : (0, src_text.Jj)((0, 
      src_text.hN)(JSON.stringify(name)), 60);
    }
    function keyText(pair, yaml) {
      const key = pair.key;
      return yaml.isScalar(key) ? String(key.value) : String(key);
    }
    function unknownKey(key, known, what) {
      const near = (0, events.ZA)(key, known);
      return `${keyLabel(key)} is not ${what}${near ? `: did you mean "${near}"?` : `. Accepted: ${known.join(", ")}.`}`;
    }
    function firstLine(message) {
      return message.split("\n")[0] ?? message;
    }
    const ENTRY_FIELDS = [ ...webhook.$w, "secret-key-env" ];
    const LISTS = [ "events", "buffer-events" ];
    const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
    function readEntry(raw, context, report) {
      const before = problems(report);
      const {name: name, label: label} = raw;
      if (!(0, ownership.lx)(name)) before.add(raw.line, `${label === name ? JSON.stringify(name) : label} is no entry name: 1 to 40 lower-case letters, digits and ` + "dashes, starting and ending with a letter or digit (like orders or staging-2).");
      const suggested = new Set;
      const values = inputValues(raw, before.add, suggested);
      const variable = values.get("secret-key-env");
      values.delete("secret-key-env");
      const secret = variable ? readSecretEnv(raw, variable, context.env, before) : void 0;
      if (secret !== void 0) values.set("secret-key", secret);
      values.set("api-url", context.apiUrl);
      const fail = message => {
        const field = fieldOf(message);
        const line = field && raw.fields.get(field === "secret-key" ? "secret-key-env" : field)?.line || raw.line;
        const text = field === "secret-key" ? `${label}.secret-key-env (${variable})${message.slice("secret-key".length)}` : field ? `${label}.${message}` : `${label}: ${message}`;
        before.add(line, text);
        return;
      };
      const read = (0, inputs_values.L)(field => values.get(field) ?? "", () => {
        const scope = (0, inputs_scope.hx)(fail);
        const kind = (0, inputs_scope.X0)(scope, fail);
        const apiUrl = (0, inputs_scope.AX)(scope, fail);
        const desired = (0, webhook.oM)(fail, scope, kind);
        if (!values.get("url") && !suggested.has("url")) fail("url is required: the absolute https:// URL Kapso delivers to.");
        if (kind === "kapso" && desired.events.length === 0 && !suggested.has("events")) fail(`events is required for kind kapso: one or more of ${(0, 
        webhook.FR)(scope, "kapso").join(", ")}.`);
        if (before.count === 0) (0, warnings.e)("upsert", false, desired.bufferEnabled, desired.url, `${name}.`);
        return {
          scope: scope,
          kind: kind,
          apiUrl: apiUrl,
          desired: desired
        };
      });
      const {scope: scope, kind: kind, apiUrl: apiUrl, desired: desired} = read;
      for (const value of Object.values(desired.headers)) (0, secrets.iD)(value);
      if (before.count > 0 || !scope || !kind || !apiUrl || !(0, ownership.lx)(name)) return;
      (0, warnings.Q)("upsert", "upsert", false, scope, desired.events, `${name}.`);
      return {
        name: name,
        line: raw.line,
        scope: scope,
        kind: kind,
        apiUrl: apiUrl,
        desired: desired,
        record: {
          repository: context.repository,
          manifest: context.manifest,
          name: name
        }
      };
    }
    function inputValues(raw, report, suggested) {
      const values = new Map;
      for (const [field, {value: value, line: line, problem: problem}] of raw.fields) if (problem !== void 0) {
        report(line, `${raw.label}.${keyLabel(field)} ${problem}`);
        suggested.add(field);
      } else if (!ENTRY_FIELDS.includes(field)) {
        report(line, unknownField(raw.label, field));
        const near = (0, events.ZA)(field, ENTRY_FIELDS);
        if (near) suggested.add(near);
      } else {
        const text = asInput(field, value);
        if (typeof text === "string") values.set(field, text); else report(line, `${raw.label}.${field} ${text.problem}`);
      }
      return values;
    }
    function problems(report) {
      const counter = {
        count: 0,
        add: (line, text) => {
          counter.count++;
          report(line, text);
        }
      };
      return counter;
    }
    function unknownField(entry, field) {
      if (field === "secret-key") return `${entry}.secret-key is not taken in a manifest: no secret is written in a file of the repository. Give ` + "secret-key-env, the name of an environment variable the workflow sets from a secret.";
      return `${entry}.${unknownKey(field, ENTRY_FIELDS, "a field of an entry")}`;
    }
    function asInput(field, value) {
      if (value === null) return "";
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
      if (Array.isArray(value) && LISTS.includes(field)) {
        const bad = value.some(item => typeof item !== "string" || /[,\r\n]/.test(item));
        return bad ? {
          problem: "must be a list of event names (each one text, without commas)."
        } : value.join(",");
      }
      if (field === "headers" && typeof value === "object" && !Array.isArray(value)) return JSON.stringify(value, (_key, item) => typeof item === "bigint" ? Number(item) : item);
      return {
        problem: field === "headers" ? "must be a mapping of header names to values, like { X-Env: prod }." : LISTS.includes(field) ? "must be a list of event names, like [whatsapp.message.received]." : `must be one value (text, a number, true or false); got a ${Array.isArray(value) ? "list" : "mapping"}.`
      };
    }
    function readSecretEnv(raw, variable, env, counter) {
      const line = raw.fields.get("secret-key-env")?.line ?? raw.line;
      if (!ENV_NAME.test(variable)) {
        counter.add(line, `${raw.label}.secret-key-env must be the name of an environment variable (letters, digits and _, like ` + `ORDERS_WEBHOOK_SECRET), not the secret itself.`);
        return;
      }
      const secret = env[variable] ?? "";
      if (secret.length >= webhook.nZ) (0, secrets.$l)(secret);
      if (secret === "") {
        counter.add(line, `${raw.label}.secret-key-env names ${variable}, which is not set or empty: set it in the step's env from a ` + `secret (env: ${variable}: \${{ secrets.${variable} }}). Is that secret set for this run?`);
        return;
      }
      return secret;
    }
    function fieldOf(message) {
      const names = [ ...ENTRY_FIELDS, "secret-key" ].filter(name => message.startsWith(`${name} `));
      return names.sort((a, b) => b.length - a.length)[0];
    }
    const MAX_MANIFEST_BYTES = 1024 * 1024;
    const MAX_LISTED_PROBLEMS = 100;
    class ManifestError extends types.d {
      constructor(path, problems) {
        super(problems);
        this.name = "ManifestError";
        const more = problems.length - MAX_LISTED_PROBLEMS;
        this.message = `The manifest ${path} has ${(0, src_text.U9)(problems.length, "problem")}; nothing was sent to Kapso:\n` + problems.slice(0, MAX_LISTED_PROBLEMS).map(problem => `  - ${problem}`).join("\n") + (more > 0 ? `\n  - and ${(0, 
        src_text.U9)(more, "more problem")} further down the file.` : "");
      }
    }
    async function readManifest(source) {
      const path = source.manifest;
      const found = [];
      const report = (line, text) => {
        found.push({
          line: line,
          text: line > 0 ? `${path}:${line}: ${text}` : `${path}: ${text}`
        });
      };
      const text = readText(source.file, path);
      const raw = await parseEntries(text, report);
      const entries = [];
      for (const entry of raw ?? []) {
        const read = readEntry(entry, source, report);
        if (read) entries.push(read);
      }
      checkAcross(entries, report);
      if (found.length > 0) throw new ManifestError(path, found.sort((a, b) => a.line - b.line).map(problem => problem.text));
      return {
        path: path,
        entries: entries
      };
    }
    function readText(file, path) {
      try {
        const stats = (0, external_node_fs_.statSync)(file);
        if (!stats.isFile()) throw new ManifestError(path, [ `${path}: it is not a regular file: give the path of the manifest itself.` ]);
        const size = stats.size;
        if (size > MAX_MANIFEST_BYTES) throw new ManifestError(path, [ `the file is ${size} bytes; a manifest may be at most ${MAX_MANIFEST_BYTES}.` ]);
        return decodeUtf8((0, external_node_fs_.readFileSync)(file), path);
      } catch (error) {
        if (error instanceof ManifestError) throw error;
        const code = error.code;
        throw new types.d([ code === "ENOENT" ? `manifest: there is no file ${path} in the workspace (${file}). Check the path, relative to the ` + "repository's root, and that the job checks the repository out first (actions/checkout)." : `manifest: could not read ${path} (${typeof code === "string" ? code : "unreadable"}).` ]);
      }
    }
    function decodeUtf8(bytes, path) {
      const decoder = new TextDecoder("utf-8", {
        fatal: true
      });
      try {
        return decoder.decode(bytes);
      } catch {
        let line = 1;
        for (let start = 0; start < bytes.length; line++) {
          const end = bytes.indexOf(10, start);
          const stop = end < 0 ? bytes.length : end;
          try {
            new TextDecoder("utf-8", {
              fatal: true
            }).decode(bytes.subarray(start, stop));
          } catch {
            break;
          }
          start = stop + 1;
        }
        throw new ManifestError(path, [ `${path}:${line}: the file is not UTF-8 text (YAML's encoding): save it as UTF-8, without changing its words.` ]);
      }
    }
    function checkAcross(entries, report) {
      const seen = new Map;
      for (const entry of entries) {
        const key = [ entry.scope.kind, entry.scope.id, entry.kind, (0, urls.X9)(entry.desired.url ?? "") ].join(" ");
        const first = seen.get(key);
        if (!first) {
          seen.set(key, entry);
          continue;
        }
        report(entry.line, `${entry.name}: the same webhook as ${first.name} (line ${first.line}): ${(0, 
        kapso_scope.OI)(entry.scope)}, kind ` + `${entry.kind}, url ${entry.desired.url}. One entry per scope, kind and URL: merge their events into one entry.`);
      }
    }
    async function runManifest(progress, closers) {
      const inputs = (0, inputs_manifest.VU)();
      if (inputs.skip) {
        log.$e(inputs.skip.reason);
        log.n0({
          result: "skipped",
          "dry-run": String(inputs.dryRun)
        }, [ "result", "dry-run" ]);
        await (0, summary.kC)(`Skipped: ${inputs.skip.reason}`);
        return;
      }
      const manifest = await readManifest({
        file: inputs.file,
        manifest: inputs.path,
        repository: inputs.repository,
        apiUrl: inputs.apiUrl,
        env: process.env
      });
      log.pq(`Manifest ${manifest.path}: ${manifest.entries.length} ${manifest.entries.length === 1 ? "entry" : "entries"}; ` + `operation ${inputs.operation}` + `${inputs.operation === "upsert" ? `, prune ${inputs.prune}` : ""}${inputs.dryRun ? "; dry run" : ""}.`);
      const deadline = new src_deadline.B(inputs.timeoutSeconds);
      const concurrency = (0, src_concurrency.WC)(process.env.KAPSO_ACTION_CONCURRENCY);
      const transport = (0, connect.S7)(inputs, deadline, closers, concurrency);
      const clients = new ManifestClients(transport, progress, deadline, inputs.apiUrl, concurrency);
      const {plan: plan, webhookIds: webhookIds} = await apply(manifest, inputs, clients, deadline);
      const drift = planChanges(plan);
      logPlan(plan, inputs.dryRun);
      log.n0({
        result: drift ? "changed" : "unchanged",
        plan: (0, report.W3)(planJson(plan)),
        "webhook-ids": (0, report.W3)(webhookIds),
        drift: String(drift),
        "dry-run": String(inputs.dryRun)
      }, [ "result", "drift", "dry-run" ]);
      await writeManifestSummary(manifest.path, plan, inputs);
      if (inputs.comment) await commentOnPlan(manifest.path, plan, inputs, (0, connect.g)(inputs, deadline, closers, concurrency)?.comments);
      if (drift && inputs.failOnDrift) {
        const changed = plan.filter(row => row.action !== "unchanged").length;
        log.fJ(`Drift: ${(0, src_text.U9)(changed, "webhook")} in Kapso ${changed === 1 ? "differs" : "differ"} from ${manifest.path} ` + "(see the plan). A run without dry-run applies the file.");
      }
    }
    async function apply(manifest, inputs, clients, deadline) {
      if (inputs.operation === "delete") return {
        plan: await deleteOwned(manifest, inputs, clients, new Set),
        webhookIds: {}
      };
      const done = await reconcileEntries(manifest, inputs, clients, {
        deadline: deadline
      });
      const pruned = inputs.prune ? await deleteOwned(manifest, inputs, clients, done.kept, done.listed) : [];
      const webhookIds = Object.fromEntries(done.rows.map(row => [ row.name, row.webhookId ]));
      return {
        plan: [ ...done.rows, ...pruned ],
        webhookIds: webhookIds
      };
    }
    function logPlan(plan, dryRun) {
      if (dryRun) log.pq("Dry run, nothing written: the plan says what would be done.");
      for (const row of plan) {
        const action = dryRun && row.action !== "unchanged" ? `would ${row.action}` : DONE[row.action];
        log.pq(`${row.name || "(no name)"}: ${action}${row.adopted ? " (adopted)" : ""} ` + `${row.webhookId ? `webhook ${row.webhookId}` : "a new webhook"} for ${row.url} in ${row.scope}` + (row.changes.length > 0 ? ` (${row.changes.join(", ")})` : ""));
      }
    }
    const DONE = {
      create: "created",
      update: "updated",
      delete: "deleted",
      unchanged: "unchanged"
    };
    async function writeManifestSummary(path, plan, inputs) {
      const heading = `Kapso webhooks: ${path}, ${inputs.operation}${inputs.dryRun ? " (dry run, nothing written)" : ""}`;
      await (0, summary.tr)(heading, manifestPlanMarkdown(plan, inputs.dryRun));
    }
  },
  5644: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.r(__webpack_exports__);
    __webpack_require__.d(__webpack_exports__, {
      commentOnOutcome: () => commentOnOutcome,
      md: () => md,
      singleWebhookComment: () => singleWebhookComment
    });
    var _kapso_scope_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8414);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8935);
    var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
    var _comment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2611);
    var _verify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1233);
    async function commentOnOutcome(outcome, inputs, effects) {
      if (outcome.result === "skipped") return;
      const {scope: scope, desired: desired, name: name, context: context} = inputs;
      await (0, _comment_js__WEBPACK_IMPORTED_MODULE_2__.rh)({
        marker: (0, _comment_js__WEBPACK_IMPORTED_MODULE_2__.Ql)(context, [ "webhook", (0, 
        _kapso_scope_js__WEBPACK_IMPORTED_MODULE_4__.OI)(scope), desired.kind, name ?? "" ]),
        body: singleWebhookComment(outcome, inputs)
      }, {
        pullRequest: outcome.owner?.pullRequest ?? outcome.record?.pullRequest ?? inputs.pullRequest,
        eventName: context.eventName,
        comments: effects.comments
      });
    }
    function singleWebhookComment(outcome, inputs) {
      const {result: result, webhookId: webhookId, url: url, changes: changes, deletedIds: deletedIds, swept: swept, verification: verification} = outcome;
      const {dryRun: dryRun, operation: operation, name: name} = inputs;
      const lines = [ `### Kapso webhook${name ? ` ${md(name)}` : ""}: ${md(headline(outcome, inputs))}`, "", "| Scope | Webhook | URL | Result |", "| --- | --- | --- | --- |", `| ${md((0, 
      _kapso_scope_js__WEBPACK_IMPORTED_MODULE_4__.OI)(inputs.scope))} | ${md(webhookId || (result === "created" ? "(new)" : "\u2014"))} | ${url ? link(url) : "\u2014"} | ${md(dryRun && result !== "unchanged" && result !== "absent" ? `would be ${result}` : result)} |` ];
      if (result !== "deleted" && deletedIds.length > 0) lines.push("", `${dryRun ? "Would also delete" : "Also deleted"}, as older webhooks: ${md((0, 
      _text_js__WEBPACK_IMPORTED_MODULE_1__.Z6)(deletedIds))}.`);
      if (changes.length > 0) {
        lines.push("", dryRun ? "**Planned changes**" : "**Changes**", "");
        lines.push("| Input | Before | After |", "| --- | --- | --- |");
        for (const c of changes.slice(0, 50)) lines.push(`| ${md(c.input)} | ${md(c.from)} | ${md(c.to)} |`);
      }
      if (swept && swept.length > 0) {
        lines.push("", "| Webhook | URL | Why |", "| --- | --- | --- |");
        for (const s of swept.slice(0, 100)) lines.push(`| ${md(s.id)} | ${link(s.url)} | ${md(s.reason)} |`);
        if (swept.length > 100) lines.push("", `And ${md((0, _text_js__WEBPACK_IMPORTED_MODULE_1__.U9)(swept.length - 100, "more webhook"))}: see the job summary.`);
      }
      if (verification) lines.push("", `Delivery check${verification.event ? ` (${md(verification.event)})` : ""}: **${md(verification.status)}**, ` + `the endpoint answered ${md((0, 
      _verify_js__WEBPACK_IMPORTED_MODULE_3__.iZ)(verification))}.`);
      if (inputs.cleanup && outcome.webhookId && !dryRun && operation !== "delete") lines.push("", "cleanup is on: this webhook is deleted when the job ends.");
      lines.push("", `<sub>${md((0, _comment_js__WEBPACK_IMPORTED_MODULE_2__.l6)(inputs.context))}</sub>`);
      return lines.join("\n");
    }
    function headline(outcome, inputs) {
      const {result: result, deletedIds: deletedIds, swept: swept} = outcome;
      const operation = inputs.requested === "auto" ? `auto \u2192 ${inputs.operation}` : inputs.operation;
      const owner = outcome.owner ? ` of pull request #${outcome.owner.pullRequest}` : "";
      const dry = inputs.dryRun ? " (dry run, nothing written)" : "";
      const deleting = inputs.dryRun ? "would delete" : "deleted";
      if (swept) return `${operation}${dry}, ${deleting} ${(0, _text_js__WEBPACK_IMPORTED_MODULE_1__.U9)(swept.length, "webhook")}`;
      if (result === "absent") return `${operation}${dry}, no webhook${owner} to delete`;
      if (result === "deleted" && deletedIds.length > 1) return `${operation}${dry}, ${deleting} ${(0, 
      _text_js__WEBPACK_IMPORTED_MODULE_1__.U9)(deletedIds.length, "webhook")}`;
      return `${operation}${dry}, ${inputs.dryRun ? `would be ${result}` : result}`;
    }
    function md(text) {
      return (0, _text_js__WEBPACK_IMPORTED_MODULE_1__.hN)((0, _secrets_js__WEBPACK_IMPORTED_MODULE_0__.E$)(text)).replace(/[\\`*_{}[\]<>|&@~"']/g, c => `&#${c.charCodeAt(0)};`);
    }
    function link(url) {
      const href = (0, _text_js__WEBPACK_IMPORTED_MODULE_1__.hN)((0, _secrets_js__WEBPACK_IMPORTED_MODULE_0__.E$)(url)).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
      return /^https?:\/\//i.test(url) ? `<a href="${href}">${md(url)}</a>` : md(url);
    }
  },
  2611: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      Ql: () => commentMarker,
      l6: () => stepLine,
      rh: () => commentOnPullRequest
    });
    var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
    __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
    var _boundary_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6525);
    var _deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6683);
    var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
    var _log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5625);
    var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8935);
    const MARK = "kapso-webhook-action:comment";
    const MAX_COMMENT_LENGTH = 6e4;
    function commentMarker(context, parts = []) {
      const {workflow: workflow = "", job: job = "", step: step = ""} = context.place ?? {};
      const hash = (0, node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(JSON.stringify([ workflow, job, step, ...parts ])).digest("hex");
      return `\x3c!-- ${MARK} ${hash.slice(0, 24)} --\x3e`;
    }
    function stepLine(context) {
      const {workflow: workflow, job: job, step: step} = context.place ?? {
        workflow: "",
        job: "",
        step: ""
      };
      const at = [ step && `step ${step}`, job && `job ${job}`, workflow && `workflow ${workflow}` ].filter(Boolean);
      const place = at.length ? ` (${at.join(", ")})` : "";
      return `Kept up to date by kapso-webhook-action${place}: each run edits this comment.`;
    }
    async function commentOnPullRequest(comment, target) {
      const {pullRequest: pullRequest, comments: comments} = target;
      if (pullRequest === void 0) {
        _log_js__WEBPACK_IMPORTED_MODULE_4__.lm(`comment is true, but this ${target.eventName || "run"} event is about no pull request: no comment was posted.`);
        return;
      }
      if (!comments) {
        _log_js__WEBPACK_IMPORTED_MODULE_4__.$e("comment is true, but github-token is empty: no comment was posted. Leave github-token at its default, " + '${{ github.token }}, with "permissions: pull-requests: write".');
        return;
      }
      const body = `${comment.marker}\n${cutToFit((0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.E$)(comment.body))}`;
      let stage = "reading its comments";
      try {
        const earlier = await comments.findComment(pullRequest, comment.marker);
        if (earlier?.body === body) {
          _log_js__WEBPACK_IMPORTED_MODULE_4__.pq(`The comment on pull request #${pullRequest} already says this: left as it is${where(earlier.url)}.`);
          return;
        }
        stage = earlier ? `updating comment ${earlier.id}` : "posting a comment";
        const posted = earlier ? await comments.updateComment(earlier.id, body) : await comments.createComment(pullRequest, body, comment.marker);
        _log_js__WEBPACK_IMPORTED_MODULE_4__.pq(`${earlier ? "Updated the" : "Posted a"} comment on pull request #${pullRequest}${where(posted.url)}.`);
      } catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_4__.$e(commentFailure(error, pullRequest, stage));
      }
    }
    function where(url) {
      return url ? `: ${url}` : "";
    }
    function cutToFit(body) {
      if (body.length <= MAX_COMMENT_LENGTH) return body;
      const cut = body.slice(0, MAX_COMMENT_LENGTH);
      return `${cut.slice(0, Math.max(cut.lastIndexOf("\n"), 0))}\n\n_Cut to fit a comment: the job summary has it all._`;
    }
    function commentFailure(error, pullRequest, stage) {
      const prefix = `Could not comment on pull request #${pullRequest} (${stage})`;
      const suffix = ": the step's work in Kapso is done, only the comment is missing.";
      if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.X) {
        if (error.status === 401) return `${prefix}: GitHub refused github-token (HTTP 401)${suffix}`;
        if (error.status === 403 || error.status === 404) return `${prefix}: GitHub answered HTTP ${error.status}, as it does when github-token may not write to pull ` + `requests. Add "permissions: pull-requests: write" to the job (a pull request from a fork gets a ` + `read-only token whatever it asks)${suffix}`;
        return `${prefix}: GitHub answered HTTP ${error.status}${suffix}`;
      }
      if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.l || error instanceof _boundary_parse_js__WEBPACK_IMPORTED_MODULE_1__.dV || error instanceof _deadline_js__WEBPACK_IMPORTED_MODULE_2__.Q) return `${prefix}: ${error.message.replace(/\.$/, "")}${suffix}`;
      const name = error instanceof Error ? (0, _secrets_js__WEBPACK_IMPORTED_MODULE_5__.F3)(error.name, 40) : typeof error;
      return `${prefix}: an unexpected error (${name}), a fault of this action: please report it${suffix}`;
    }
  }
};
//# sourceMappingURL=357.index.js.map