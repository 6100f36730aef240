// Field lists for the data page and the methodology page, read from the contract itself:
// names and types from the Zod schema (as JSON Schema), descriptions from the JSDoc comments
// in src/schema/*.ts. Nothing is described twice.
import ts from 'typescript';
import { z } from 'zod';

export interface FieldDoc {
  name: string;
  /** A short type description, e.g. `string | null`, `array of object`, `"fixed" | "cap"`. */
  type: string;
  /** The JSDoc comment above the field, or an empty string. */
  doc: string;
}

/** JSDoc text above each property of the `z.object({...})` assigned to `schemaName`. */
export function jsDocByField(sourceText: string, schemaName: string): Map<string, string> {
  const file = ts.createSourceFile('schema.ts', sourceText, ts.ScriptTarget.Latest, true);
  const docs = new Map<string, string>();
  let objectLiteral: ts.ObjectLiteralExpression | undefined;
  const findObject = (node: ts.Node): void => {
    if (objectLiteral) return;
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'object' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      objectLiteral = node.arguments[0];
      return;
    }
    ts.forEachChild(node, findObject);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === schemaName && node.initializer) {
      findObject(node.initializer);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!objectLiteral) return docs;
  for (const prop of objectLiteral.properties) {
    if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue;
    const ranges = ts.getLeadingCommentRanges(sourceText, prop.getFullStart()) ?? [];
    const jsdoc = ranges
      .map((r) => sourceText.slice(r.pos, r.end))
      .filter((c) => c.startsWith('/**'))
      .pop();
    if (!jsdoc) continue;
    const text = jsdoc
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ');
    docs.set(prop.name.text, text);
  }
  return docs;
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

/** Field names, types and JSDoc descriptions of an object schema, in declaration order. */
export function fieldDocs(schema: z.ZodType, sourceText: string, schemaName: string): FieldDoc[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as JsonSchema;
  const docs = jsDocByField(sourceText, schemaName);
  return Object.entries(json.properties ?? {}).map(([name, node]) => ({ name, type: describeType(node), doc: docs.get(name) ?? '' }));
}
