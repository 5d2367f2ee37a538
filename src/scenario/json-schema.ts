/**
 * The scenario language as a JSON Schema (draft 2020-12), generated from the zod schema, for editor
 * completion and checking, e.g. with the YAML language server:
 * `# yaml-language-server: $schema=./trialsim.schema.json` on the first line of a scenario.
 * Cross-field rules (shares add up, ids refer to outcomes) cannot be said in JSON Schema; only
 * `trialsim validate` checks them.
 */
import * as z from 'zod';
import { scenarioSchema } from './schema.js';

/** The JSON Schema object of a scenario file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return { ...schema, title: 'trialsim scenario' };
}
