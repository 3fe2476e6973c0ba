// Written by scripts/action-defaults.ts from action.yml's input defaults (npm run build). Do not edit: edit action.yml.

/** The defaults action.yml declares, but those that are expressions: what an input left empty means. */
export const ACTION_DEFAULTS: Readonly<Record<string, string>> = {
  'kind': "kapso",
  'active': "true",
  'buffer-enabled': "false",
  'operation': "upsert",
  'cleanup': "false",
  'comment': "false",
  'prune': "true",
  'fail-on-drift': "false",
  'dry-run': "false",
  'max-attempts': "5",
  'request-timeout-seconds': "30",
  'verify': "false",
  'verify-timeout-seconds': "60",
  'timeout-seconds': "300"
}
