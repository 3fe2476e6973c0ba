/**
 * What the bundle's `@actions/exec` is (tsconfig.json maps the name here for ncc; tests use the real package).
 *
 * @actions/core imports it at its top for core.platform, which runs `lsb_release`, `sw_vers` or PowerShell
 * to describe the OS. This action runs no program and never calls core.platform, yet the import put
 * child_process and @actions/io (assert, fs/promises) on every start. Here it is a stand-in: a call fails
 * loudly instead of running anything.
 */
function notBundled(): never {
  throw new Error('@actions/exec is not in this bundle: the action runs no program (see src/shims/exec.ts)')
}

export function exec(..._args: unknown[]): Promise<number> {
  return Promise.resolve().then(notBundled)
}

export function getExecOutput(..._args: unknown[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return Promise.resolve().then(notBundled)
}
