// Field lists for the data page, read from the contract itself: names, types and descriptions
// from the Zod schema (as JSON Schema; descriptions are the fields' `.describe()` metadata, the
// same that dist/data/schema.json carries). Nothing is described twice, no source code is parsed.
import { z } from 'zod';

export interface FieldDoc {
  name: string;
  /** A short type description, e.g. `string | null`, `array of object`, `"fixed" | "cap"`. */
  type: string;
  /** The field's description in the schema, or an empty string. */
  doc: string;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  format?: string;
  pattern?: string;
  description?: string;
};

/** A readable one-line type for a JSON Schema node. */
export function describeType(node: JsonSchema): string {
  const variants = node.anyOf ?? node.oneOf;
  if (variants) return [...new Set(variants.map(describeType))].join(' | ');
  if (node.enum) return node.enum.length > 6 ? `enum (${node.enum.length} values)` : node.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (node.const !== undefined) return JSON.stringify(node.const);
  const type = Array.isArray(node.type) ? node.type.join(' | ') : node.type;
  if (type === 'array') return node.items ? `array of ${describeType(node.items)}` : 'array';
  if (type === 'integer') return 'integer';
  if (type === 'string' && node.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date (YYYY-MM-DD)';
  return type ?? 'any';
}

/** Field names, types and descriptions of an object schema, in declaration order. */
export function fieldDocs(schema: z.ZodType): FieldDoc[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, node]) => ({ name, type: describeType(node), doc: node.description ?? '' }));
}
