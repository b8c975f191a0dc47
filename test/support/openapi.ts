import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestApp } from './test-app.js';

/** A JSON Schema as found in our OpenAPI document (loosely typed on purpose: it is data). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

/** One operation of the API, as discovered from /api/openapi.json. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: ParameterSpec[];
  body: JsonSchema | null;
  bodyRequired: boolean;
}

export interface ApiDocument {
  operations: Operation[];
  resolve(schema: JsonSchema | undefined): JsonSchema;
}

/** The shape of an OpenAPI document, as far as these helpers read it. */
export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: ParameterSpec[];
        requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Reads the OpenAPI document the app serves: every endpoint, so new ones are covered automatically. */
export async function loadApi(t: TestApp): Promise<ApiDocument> {
  const document = (
    await t.request(null, { method: 'GET', url: '/api/openapi.json' })
  ).json() as OpenApiDocument;
  return apiOf(document);
}

/**
 * The committed document (docs/openapi.json, held to the served one by
 * test/db/openapi-document.test.ts), read without starting an app: a test file can name one test
 * per endpoint when it is collected.
 */
export function committedApi(): ApiDocument {
  const file = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));
  return apiOf(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
}

/** "METHOD /path" of an operation, as the tests name it. */
export function operationKey(operation: Pick<Operation, 'method' | 'path'>): string {
  return `${operation.method} ${operation.path}`;
}

/** The operations of an OpenAPI document, with a resolver for its schema references. */
export function apiOf(document: OpenApiDocument): ApiDocument {
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined): JsonSchema => {
    let current = schema ?? {};
    for (let depth = 0; current.$ref && depth < 10; depth += 1) {
      current = components[current.$ref.split('/').pop() ?? ''] ?? {};
    }
    return current;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema ?? null;
      operations.push({
        method: upper as Operation['method'],
        path,
        parameters: operation.parameters ?? [],
        body: body ? resolve(body) : null,
        bodyRequired: operation.requestBody?.required ?? false,
      });
    }
  }
  return { operations, resolve };
}

/** A minimal valid-looking value for a schema: required properties only, first enum values. */
export function sampleOf(
  api: ApiDocument,
  raw: JsonSchema | undefined,
  ids: Record<string, string> = {},
  name = '',
): unknown {
  const schema = api.resolve(raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const nonNull = variants.find((variant) => api.resolve(variant).type !== 'null') ?? variants[0];
    return sampleOf(api, nonNull, ids, name);
  }
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((part) => sampleOf(api, part, ids, name) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = sampleOf(api, schema.properties?.[key], ids, key);
      return value;
    }
    case 'array':
      return schema.minItems
        ? Array.from({ length: schema.minItems }, () => sampleOf(api, schema.items, ids, name))
        : [];
    case 'integer':
    case 'number':
      return schema.minimum !== undefined ? Math.max(schema.minimum, Math.min(1, schema.maximum ?? 1)) : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      if (schema.format === 'uuid') return ids[name] ?? ids.default ?? '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date') return '2026-03-02';
      if (schema.format === 'date-time') return '2026-03-02T10:00:00.000Z';
      if (schema.format === 'uri') return 'https://idp.example/';
      const length = Math.max(schema.minLength ?? 1, 12);
      return 'Prøve tekst til test'
        .padEnd(length, 'x')
        .slice(0, Math.min(length, schema.maxLength ?? length));
    }
  }
}

/** Fills a path template's parameters. */
export function fillPath(path: string, values: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => safeEncode(values(name)));
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced first. */
export function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}
