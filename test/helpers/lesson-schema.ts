// The JSON Schema of lesson.jsonc (schema/lesson.schema.json), compiled by
// ajv in strict mode, as an editor would apply it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';

export const schemaPath = fileURLToPath(new URL('../../schema/lesson.schema.json', import.meta.url));
export const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// Strict, so a misspelt keyword is an error rather than ignored. The schema also carries two of
// VS Code's own annotation keywords (a message in place of "Matches a schema that is not allowed",
// and no completion for fields that are texts); they are declared so strict mode accepts them.
// strictRequired is off: `not: {required: [...]}` names fields the same object defines.
const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
ajv.addVocabulary(['errorMessage', 'doNotSuggest']);
const check = ajv.compile(schema);

export function validateStructure(value: unknown): { valid: boolean; errors: ErrorObject[] } {
  const valid = check(value);
  return { valid, errors: check.errors ?? [] };
}
