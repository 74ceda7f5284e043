/**
 * The subset of JSON Schema (draft 3) that Chromium accepts for `storage.managed_schema`, and
 * a validator for it: enough to hold managed_schema.json to Chromium's rules and to check the
 * example policies against it without a schema library. Chromium's own rules: the top level is
 * an object without additionalProperties, and every schema has exactly one `type` (or a $ref,
 * which we do not use).
 */
export interface SubsetSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, SubsetSchema>;
  additionalProperties?: boolean | SubsetSchema;
  items?: SubsetSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const KNOWN = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items', 'enum', 'minimum', 'maximum', 'pattern']);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** What is wrong with a schema for Chromium (and for this validator), as `path: problem`. */
export function schemaProblems(schema: unknown, path = '', top = true): string[] {
  const at = path || '(top)';
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [`${at}: not a schema object`];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  for (const k of Object.keys(s)) if (!KNOWN.has(k)) out.push(`${at}: "${k}" is outside the supported subset`);
  if (typeof s.type !== 'string' || !TYPES.has(s.type)) out.push(`${at}: needs exactly one type`);
  if (top && s.type !== 'object') out.push(`${at}: the top level must be an object`);
  if (top && 'additionalProperties' in s) out.push(`${at}: Chromium refuses additionalProperties at the top level`);
  if (s.properties !== undefined) {
    if (s.type !== 'object' || typeof s.properties !== 'object' || s.properties === null) out.push(`${at}: properties on a non-object`);
    else for (const [k, v] of Object.entries(s.properties)) out.push(...schemaProblems(v, path ? `${path}.${k}` : k, false));
  }
  if (s.items !== undefined) {
    if (s.type !== 'array') out.push(`${at}: items on a non-array`);
    else out.push(...schemaProblems(s.items, `${path}[]`, false));
  }
  if (s.type === 'array' && s.items === undefined) out.push(`${at}: an array needs items`);
  if (typeof s.additionalProperties === 'object') out.push(...schemaProblems(s.additionalProperties, `${path}{}`, false));
  return out;
}

const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);

/**
 * Where `value` does not match `schema`, as `path: problem`. Strict where Chromium is lenient:
 * a property the schema does not name is a problem (Chromium drops it with a warning).
 */
export function validate(schema: SubsetSchema, value: unknown, path = ''): string[] {
  const at = path || '(top)';
  const t = typeOf(value);
  const ok = schema.type === t || (schema.type === 'number' && t === 'integer');
  if (!ok) return [`${at}: expected ${schema.type}, got ${t}`];
  const out: string[] = [];
  if (schema.enum && !schema.enum.some((e) => e === value)) out.push(`${at}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${at}: above ${schema.maximum}`);
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) out.push(`${at}: does not match ${schema.pattern}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...validate(schema.items!, v, `${path}[${i}]`)));
  if (t === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub) out.push(...validate(sub, v, path ? `${path}.${k}` : k));
      else if (schema.additionalProperties !== true) out.push(`${path ? `${path}.${k}` : k}: not in the schema`);
    }
  }
  return out;
}
