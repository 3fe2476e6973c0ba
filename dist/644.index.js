export const id = 644;

export const ids = [ 644 ];

export const modules = {
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
//# sourceMappingURL=644.index.js.map