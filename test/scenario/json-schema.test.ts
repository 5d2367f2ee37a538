/**
 * The JSON Schema for editors: generated from the same zod schema, strict, documented, and in
 * agreement with the loader on the built-in scenarios' keys.
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { listBuiltInScenarios } from '../../src/scenario/builtin-scenarios.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: unknown;
  required?: string[];
  description?: string;
  type?: string;
};

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as SchemaNode & { $schema: string };

  test('is draft 2020-12, strict at the top level, and needs outcomes and design', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['outcomes', 'design']);
  });

  test('describes every number with its unit or range', () => {
    const numbers: SchemaNode[] = [];
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const typed = node as SchemaNode;
      if (typed.type === 'number' || typed.type === 'integer') numbers.push(typed);
      for (const inner of Object.values(node)) visit(inner);
    };
    visit(schema);
    expect(numbers.length).toBeGreaterThan(30);
    for (const node of numbers)
      expect(node.description ?? '').toMatch(
        /must|ratio|rate|share|probability|number|months|dispersion|deviation|severity|correlation|coefficient|level|money|people/i,
      );
  });

  test('lists every top-level key the built-in scenarios use', () => {
    const keys = new Set(
      listBuiltInScenarios().flatMap(({ file }) => Object.keys(parse(readFileSync(file, 'utf8')) as object)),
    );
    for (const key of keys) expect(Object.keys(schema.properties ?? {})).toContain(key);
  });
});
