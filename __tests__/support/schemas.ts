/**
 * SchemaStore's schemas for action.yml, workflow files and dependabot.yml (vendored in ./schemastore/, with
 * their source commit), compiled once with ajv. A YAML text in, every error out as "/path message".
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export type SchemaName = 'github-action' | 'github-workflow' | 'dependabot-2.0'

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'schemastore')
const compiled = new Map<SchemaName, ValidateFunction>()

function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name)
  if (!validate) {
    // strict: false, because SchemaStore's schemas use keywords (markdownDescription, …) ajv does not know.
    const ajv = new Ajv({ allErrors: true, strict: false })
    // ajv-formats is CommonJS: under NodeNext its function is the default export's default.
    formats.default(ajv)
    validate = ajv.compile(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as object)
    compiled.set(name, validate)
  }
  return validate
}

/** What the schema finds wrong with the YAML text: empty when it is valid. */
export function schemaErrors(name: SchemaName, yamlText: string): string[] {
  const validate = validator(name)
  return validate(parse(yamlText)) ? [] : (validate.errors ?? []).map(describe)
}

function describe(error: ErrorObject): string {
  const extra =
    error.keyword === 'additionalProperties'
      ? `: '${String((error.params as { additionalProperty: string }).additionalProperty)}'`
      : error.keyword === 'enum'
        ? `: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
        : ''
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`
}
