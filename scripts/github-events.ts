/**
 * The events that start the action's runs, shaped like what GitHub writes to GITHUB_EVENT_PATH: the fields
 * the action (or a reader of its logs) relies on, plus enough of the rest to look like the real thing. Each
 * builder returns a GitHubEvent for scripts/run-action.ts, with `actor` set to the login GitHub would put in
 * GITHUB_ACTOR for that event (the event's sender).
 *
 * Where the shapes come from (read, not copied):
 * - Webhook payloads: octokit/webhooks payload-examples/api.github.com/{pull_request/closed,push/payload,
 *   workflow_dispatch/payload,deployment_status/payload}.payload.json (commits 36a93e95…, 2bd8c0e7…, 0ec20b74…).
 * - Which events set which variables, and who the actor is: github/docs
 *   content/actions/reference/workflows-and-actions/{events-that-trigger-workflows,variables,contexts}.md.
 * - Dependabot: github/docs content/code-security/dependabot/troubleshooting-dependabot/
 *   troubleshooting-dependabot-on-github-actions.md (commit 09d19490…).
 * - Vercel, Netlify and Cloudflare Pages: see deploymentStatusEvent in github-events/deployments.ts.
 */
export * from './github-events/common.js'
export * from './github-events/deployments.js'
export * from './github-events/pull-requests.js'
