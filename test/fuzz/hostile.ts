import fc from 'fast-check';
import { sql } from 'kysely';
import type { AccessWorld } from '../support/access-world.js';
import {
  type ApiDocument,
  fillPath,
  type JsonSchema,
  type Operation,
  safeEncode,
  sampleOf,
} from '../support/openapi.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The fuzz run, shared by the suite's share (test/api/fuzz.test.ts) and `npm run fuzz`
 * (test/fuzz/run.ts): hostile requests to every endpoint of the OpenAPI document, each a valid
 * request with one thing spoiled, by class. Per request it checks: never a 5xx; every refusal
 * is problem+json; a refusal changes nothing (the plan's version, a digest of every row of the
 * citizen's and counts of every table); what can never be stored (NUL, a lone surrogate, a
 * control character, an impossible date, an overlong string) is never accepted; and a
 * state-changing request on a percent-encoded path still needs the CSRF header and our Origin.
 */

export const CLASSES = [
  'nul',
  'surrogate',
  'control',
  'year',
  'overlong',
  'wrong-type',
  'extra-field',
  'percent-path',
  'hostile-string',
  'raw-body',
  'path-param',
  'query',
  'if-match',
] as const;
export type HostileClass = (typeof CLASSES)[number];

/** Classes whose value no field may take: a request carrying one in a field is refused. */
const NEVER_ACCEPTED = new Set<HostileClass>(['nul', 'surrogate', 'control', 'year', 'overlong']);

const NUL = ['\u0000', 'a\u0000b', 'Mål\u0000', '\u0000\u0000\u0000', '%00\u0000'];
const SURROGATES = ['\ud800', '\udfff', 'x\ud800', '\ud800x', '\udc00\ud800', 'tommel \ud83d'];
const CONTROLS = ['\u0007', 'a\u001bb', 'x\u0085', '\u007f', 'back\u0008space', '\u000bvt', '\u001f'];
const BAD_DATES = [
  '0000-01-01',
  '1899-12-31',
  '2201-01-01',
  '9999-12-31',
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '20266-01-01',
  '-001-01-01',
  '2026-1-1',
];
const BAD_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-03-02T24:00:01Z',
  '2026-03-02T10:00:00+25:00',
  '99999-01-01T00:00:00Z',
  '2200-12-31T23:30:00-02:00',
  '1899-12-31T23:00:00Z',
];
const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE citizen; --",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '__proto__',
  'constructor',
  '\uFFFF\uFFFE',
  '𝕊𝖆𝖒𝖘𝖕𝖎𝖑 🧑‍🤝‍🧑',
  'ÆØÅ æøå',
  '\u202Egnp.exe',
  ['$', '{7*7}{{7*7}}'].join(''),
  '%00',
  '%',
  '010190-1234',
  '-1',
  '1e309',
  'NaN',
  'null',
  '',
  ' ',
  'Linje 1\nLinje 2\tmed tab',
];
const RAW_BODIES = [
  '{',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  '"just a string"',
  '[]',
  'null',
  '{"a":1,"a":2}',
  '\u0000',
  '{"x":"\\ud800"}',
  '{"\\u0000":1}',
  `{"x":"${'y'.repeat(300_000)}"}`,
];

const anyString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e21, 2 ** 31, '12', 'true'),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyString, { maxLength: 5 }),
  fc.dictionary(anyString, anyString, { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);

/** One way of spoiling a valid request. */
export type Spoil =
  | { kind: 'field'; class: HostileClass; pick: number; value: unknown }
  | { kind: 'extra-field'; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'raw-body'; text: string }
  | { kind: 'path-param'; index: number; value: string }
  | { kind: 'query'; key: string; value: string }
  | { kind: 'if-match'; value: string }
  | { kind: 'percent-path'; mask: number; guard: 'no-csrf-header' | 'foreign-origin' | 'none' };

const field = (klass: HostileClass, value: fc.Arbitrary<unknown>): fc.Arbitrary<Spoil> =>
  fc.record({ kind: fc.constant('field' as const), class: fc.constant(klass), pick: fc.nat(50), value });

/** Each class about as often as the others, so a short run still meets every one. */
export const spoilArbitrary: fc.Arbitrary<Spoil> = fc.oneof(
  field(
    'nul',
    fc.oneof(
      fc.constantFrom(...NUL),
      fc.tuple(anyString, anyString).map(([a, b]) => `${a}\u0000${b}`),
    ),
  ),
  field(
    'surrogate',
    fc.oneof(
      fc.constantFrom(...SURROGATES),
      fc
        .tuple(anyString, fc.integer({ min: 0xd800, max: 0xdfff }))
        .map(([a, code]) => a + String.fromCharCode(code)),
    ),
  ),
  field('control', fc.constantFrom(...CONTROLS)),
  field('year', fc.constantFrom(...BAD_DATES, ...BAD_DATE_TIMES)),
  field('overlong', fc.integer({ min: 0, max: 3 })),
  field('wrong-type', wrongType),
  field('hostile-string', anyString),
  fc.record({
    kind: fc.constant('extra-field' as const),
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'id', 'municipalityId', 'role', 'version', 'citizenId'),
      anyString,
    ),
    value: fc.oneof(anyString, wrongType),
  }),
  fc.record({ kind: fc.constant('whole' as const), value: wrongType }),
  fc.record({ kind: fc.constant('raw-body' as const), text: fc.constantFrom(...RAW_BODIES) }),
  fc.record({
    kind: fc.constant('path-param' as const),
    index: fc.nat(3),
    value: fc.oneof(anyString, fc.constantFrom(...NUL, ...SURROGATES, ...CONTROLS)),
  }),
  fc.record({
    kind: fc.constant('query' as const),
    key: fc.oneof(
      fc.constantFrom('limit', 'page', 'q', 'citizenId', 'status', 'from', '__proto__'),
      anyString,
    ),
    value: fc.oneof(anyString, fc.constantFrom(...NUL, ...BAD_DATE_TIMES)),
  }),
  fc.record({ kind: fc.constant('if-match' as const), value: anyString }),
  fc.record({
    kind: fc.constant('percent-path' as const),
    mask: fc.integer({ min: 1, max: 2 ** 20 }),
    guard: fc.constantFrom('no-csrf-header' as const, 'foreign-origin' as const, 'none' as const),
  }),
);

export function classOf(spoil: Spoil): HostileClass {
  if (spoil.kind === 'field') return spoil.class;
  return spoil.kind === 'whole' ? 'wrong-type' : spoil.kind;
}

export const PERSONAS = ['coordinator', 'citizen', 'administrator', 'anonymous'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface FuzzReport {
  requests: number;
  serverErrors: number;
  /** Refused requests after which the database was not as before. */
  partialWrites: number;
  byClass: Record<string, { requests: number; refused: number }>;
  byStatus: Record<string, number>;
  logins: number;
  failures: string[];
}

interface Target {
  /** Where the hostile value went, or null when it went nowhere the server reads. */
  where: string | null;
  format: string | undefined;
  maxLength: number | undefined;
}

/**
 * Everything a refusal must leave as it was: per table a row count, per table holding the
 * citizen a digest of the citizen's rows, and the plan's version. The table list is read
 * from information_schema once; each fingerprint is then one query.
 */
async function fingerprinter(
  t: TestApp,
  citizenId: string,
): Promise<() => Promise<{ text: string; version: number }>> {
  const db = t.context.database.db;
  const ignored = [
    'audit_event',
    'audit_chain_head',
    'audit_checkpoint',
    'session',
    'login_attempt',
    // Counts requests on rate-limited routes, refused ones too: that is its purpose.
    'rate_limit_hit',
    'schema_migration',
  ];
  const tables = await sql<{ table_name: string; has_citizen: boolean }>`
    SELECT t.table_name, EXISTS (
      SELECT 1 FROM information_schema.columns c
      WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'citizen_id'
    ) AS has_citizen
    FROM information_schema.tables t
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY t.table_name`.execute(db);
  const kept = tables.rows.filter((row) => !ignored.includes(row.table_name));
  const parts = kept.flatMap((row) => {
    const table = sql.table(row.table_name);
    const count = sql`(SELECT count(*)::int FROM ${table}) AS ${sql.ref(`${row.table_name}_count`)}`;
    if (!row.has_citizen) return [count];
    return [
      count,
      sql`(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${table} x
           WHERE x.citizen_id = ${citizenId}) AS ${sql.ref(`${row.table_name}_rows`)}`,
    ];
  });
  const query = sql<Record<string, unknown>>`SELECT ${sql.join(parts)},
    (SELECT coalesce(max(version), 0)::int FROM plan WHERE citizen_id = ${citizenId}) AS citizen_plan_version,
    (SELECT coalesce(sum(version), 0)::int FROM plan) AS plan_versions,
    (SELECT count(*)::int FROM professional WHERE active) AS active,
    (SELECT count(*)::int FROM municipality WHERE audit_shows_names) AS names`;
  return async () => {
    const row = (await query.execute(db)).rows[0] ?? {};
    return { text: JSON.stringify(row), version: Number(row.citizen_plan_version) };
  };
}

/** Runs `requests` hostile requests across every operation (round-robin), seeded. */
export async function runFuzz(options: {
  t: TestApp;
  w: AccessWorld;
  api: ApiDocument;
  requests: number;
  seed: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}): Promise<FuzzReport> {
  const { t, w, api } = options;
  const type = await t.context.database.db
    .selectFrom('intervention_type')
    .select('id')
    .where('municipality_id', '=', w.municipalityId)
    .executeTakeFirstOrThrow();
  const ids: Record<string, string> = {
    citizenId: w.citizen.id,
    unitId: w.units.jobcenter,
    granteeUnitId: w.units.psychiatry,
    toUnitId: w.units.psychiatry,
    typeId: type.id,
    responsibleId: w.coordinator.id,
    subGoalId: w.subGoalId,
    itemId: w.subGoalId,
    professionalId: w.jobcenterColleague.id,
    default: w.citizen.id,
  };
  const report: FuzzReport = {
    requests: 0,
    serverErrors: 0,
    partialWrites: 0,
    byClass: {},
    byStatus: {},
    logins: 0,
    failures: [],
  };
  const cookies = new Map<Persona, string | null>();
  const cookieOf = async (persona: Persona, fresh = false): Promise<string | null> => {
    if (persona === 'anonymous') return null;
    const known = cookies.get(persona);
    if (known && !fresh) return known;
    report.logins += 1;
    const cookie =
      persona === 'citizen'
        ? await t.login({ municipalityId: w.municipalityId, kind: 'citizen', id: w.citizen.id })
        : await t.login({ municipalityId: w.municipalityId, kind: 'professional', id: w[persona].id });
    cookies.set(persona, cookie);
    return cookie;
  };
  const fingerprint = await fingerprinter(t, w.citizen.id);
  let state = await fingerprint();
  const fail = (message: string): void => {
    if (report.failures.length < 50) report.failures.push(message);
  };

  const perOperation = Math.ceil(options.requests / api.operations.length);
  const samples = fc.sample(fc.tuple(fc.constantFrom(...PERSONAS), spoilArbitrary), {
    seed: options.seed,
    numRuns: perOperation * api.operations.length,
  });
  for (const [index, [persona, spoil]] of samples.entries()) {
    if (report.requests >= options.requests) break;
    const operation = api.operations[index % api.operations.length] as Operation;
    const cookie = await cookieOf(persona);
    const request = build(api, operation, spoil, ids, state.version);
    const response = await t.app.inject({
      method: operation.method,
      url: request.url,
      headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
      ...(request.body !== undefined ? { payload: request.body } : {}),
    });
    report.requests += 1;
    const status = response.statusCode;
    const klass = classOf(spoil);
    const tally = report.byClass[klass] ?? { requests: 0, refused: 0 };
    report.byClass[klass] = tally;
    tally.requests += 1;
    if (status >= 400) tally.refused += 1;
    report.byStatus[String(status)] = (report.byStatus[String(status)] ?? 0) + 1;
    const label = `${operation.method} ${request.url.slice(0, 120)} as ${persona}, ${klass} ${request.target.where ?? ''} ${JSON.stringify(spoil).slice(0, 160)}`;

    if (status >= 500) {
      report.serverErrors += 1;
      fail(`${label}: ${status} ${response.body.slice(0, 200)}`);
    }
    const contentType = String(response.headers['content-type'] ?? '');
    if (status >= 400 && !contentType.includes('application/problem+json'))
      fail(`${label}: ${status} is not problem+json`);
    if (status < 400 && NEVER_ACCEPTED.has(klass) && request.target.where !== null)
      fail(`${label}: accepted (${status}) what may never be stored`);
    if (
      spoil.kind === 'percent-path' &&
      spoil.guard !== 'none' &&
      !['GET', 'HEAD'].includes(operation.method) &&
      status !== 403
    )
      fail(`${label}: ${status}, not 403, on a percent-encoded path (${spoil.guard})`);

    const after = await fingerprint();
    if (status >= 400 && after.text !== state.text) {
      report.partialWrites += 1;
      fail(`${label}: refused (${status}) but the database changed`);
    }
    state = after;
    // A request that ended the session (logout, a step-up that ran out): log in again, once.
    if (status === 401 && cookie) await cookieOf(persona, true);
    options.onProgress?.(report.requests, report);
  }
  return report;
}

interface BuiltRequest {
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  target: Target;
}

function stringish(schema: JsonSchema): boolean {
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  return type.includes('string') && !schema.enum && schema.format !== 'uuid';
}

/** The schema of a property without its `null` alternative. */
function unwrap(api: ApiDocument, schema: JsonSchema | undefined): JsonSchema {
  const resolved = api.resolve(schema);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants)
    return api.resolve(variants.find((variant) => api.resolve(variant).type !== 'null') ?? variants[0]);
  return resolved;
}

/** Object schemas of a body: the body itself, or each alternative of a union body. */
function bodyShapes(api: ApiDocument, body: JsonSchema): JsonSchema[] {
  const resolved = api.resolve(body);
  const variants = resolved.anyOf ?? resolved.oneOf;
  return variants ? variants.map((variant) => api.resolve(variant)) : [resolved];
}

function hostileFor(klass: HostileClass, value: unknown, schema: JsonSchema): unknown {
  if (klass === 'overlong') {
    const over = (schema.maxLength ?? 60_000) + 1 + Number(value) * 997;
    return Number(value) === 3 ? '👍'.repeat(over) : 'x'.repeat(over);
  }
  if (klass === 'year') {
    const list = schema.format === 'date' ? BAD_DATES : BAD_DATE_TIMES;
    return list[String(value).length % list.length];
  }
  return value;
}

function fits(klass: HostileClass, schema: JsonSchema): boolean {
  if (klass === 'year') return schema.format === 'date' || schema.format === 'date-time';
  if (klass === 'wrong-type') return true;
  return stringish(schema);
}

/** A valid request for the operation, with the spoil applied. */
export function build(
  api: ApiDocument,
  operation: Operation,
  spoil: Spoil,
  ids: Record<string, string>,
  version: number,
): BuiltRequest {
  const target: Target = { where: null, format: undefined, maxLength: undefined };
  let pathIndex = -1;
  let url = fillPath(operation.path, (name) => {
    pathIndex += 1;
    if (spoil.kind === 'path-param' && spoil.index === pathIndex) {
      target.where = `params.${name}`;
      return spoil.value;
    }
    return ids[name] ?? ids.default ?? '';
  });
  if (spoil.kind === 'percent-path') url = percentEncodeLetters(url, spoil.mask);

  const shapes = operation.body ? bodyShapes(api, operation.body) : [];
  const shape = shapes[spoil.kind === 'field' ? spoil.pick % Math.max(shapes.length, 1) : 0];
  let payload: unknown = shape ? sampleOf(api, shape, ids) : undefined;
  const query: [string, string][] = [];

  if (spoil.kind === 'field') {
    const properties = Object.entries(shape?.properties ?? {})
      .map(([key, schema]) => ({ key, schema: unwrap(api, schema) }))
      .filter((item) => fits(spoil.class, item.schema));
    // One level down too: a list of objects (meeting participants, schedule slots).
    const nested = Object.entries(shape?.properties ?? {}).flatMap(([key, schema]) => {
      const list = unwrap(api, schema);
      const item = list.type === 'array' ? unwrap(api, list.items) : undefined;
      if (!item?.properties) return [];
      return Object.entries(item.properties)
        .map(([inner, innerSchema]) => ({ key, inner, item, schema: unwrap(api, innerSchema) }))
        .filter((entry) => fits(spoil.class, entry.schema));
    });
    const queryParams = operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => ({ key: parameter.name, schema: unwrap(api, parameter.schema) }))
      .filter((item) => spoil.class !== 'wrong-type' && fits(spoil.class, item.schema));
    const choices = properties.length + nested.length + queryParams.length;
    const choice = choices > 0 ? spoil.pick % choices : -1;
    if (choice >= 0 && choice < properties.length && payload && typeof payload === 'object') {
      const chosen = properties[choice] as { key: string; schema: JsonSchema };
      payload = { ...(payload as object), [chosen.key]: hostileFor(spoil.class, spoil.value, chosen.schema) };
      Object.assign(target, {
        where: chosen.key,
        format: chosen.schema.format,
        maxLength: chosen.schema.maxLength,
      });
    } else if (choice >= properties.length && choice < properties.length + nested.length && payload) {
      const chosen = nested[choice - properties.length] as (typeof nested)[number];
      const element = {
        ...(sampleOf(api, chosen.item, ids) as object),
        [chosen.inner]: hostileFor(spoil.class, spoil.value, chosen.schema),
      };
      payload = { ...(payload as object), [chosen.key]: [element] };
      Object.assign(target, { where: `${chosen.key}.0.${chosen.inner}`, format: chosen.schema.format });
    } else if (choice >= properties.length + nested.length) {
      const chosen = queryParams[choice - properties.length - nested.length] as {
        key: string;
        schema: JsonSchema;
      };
      query.push([chosen.key, asText(hostileFor(spoil.class, spoil.value, chosen.schema))]);
      // A URL cannot carry a lone surrogate: its bytes are not UTF-8, so the server keeps the
      // escapes as they are ("%ED%A0%80"), which is harmless text; only the other classes must fail.
      const where = spoil.class === 'surrogate' ? null : `querystring.${chosen.key}`;
      Object.assign(target, { where, format: chosen.schema.format });
    } else {
      // Nothing of the kind in this operation: send it where nothing reads it (must still not fail).
      query.push(['unused', asText(hostileFor(spoil.class, spoil.value, { maxLength: 100 }))]);
    }
  }
  if (spoil.kind === 'whole') payload = spoil.value;
  if (spoil.kind === 'extra-field' && payload && typeof payload === 'object') {
    payload = { ...(payload as object) };
    Object.defineProperty(payload, spoil.key, {
      value: spoil.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  if (spoil.kind === 'query') query.push([spoil.key, spoil.value]);
  if (query.length > 0)
    url += `?${query.map(([key, value]) => `${safeEncode(key)}=${encodeLoosely(value)}`).join('&')}`;

  const headers: Record<string, string> = {
    'x-requested-with': 'samspil',
    'if-match': spoil.kind === 'if-match' ? spoil.value.replace(/[^\x20-\x7e]/g, '') : `"${version}"`,
  };
  if (spoil.kind === 'percent-path' && spoil.guard === 'no-csrf-header') delete headers['x-requested-with'];
  if (spoil.kind === 'percent-path' && spoil.guard === 'foreign-origin') {
    headers.origin = 'http://evil.example';
    headers.host = 'evil.example';
  }
  let body: string | undefined;
  if (spoil.kind === 'raw-body') body = spoil.text;
  else if (payload !== undefined) body = JSON.stringify(payload);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { url, headers, body, target };
}

/** A value as query text: strings as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** Percent-encodes the letters of the path picked by a bit mask (at least one). */
function percentEncodeLetters(url: string, mask: number): string {
  let bit = 0;
  let encoded = 0;
  const result = url.replace(/[a-z]/g, (letter) => {
    bit += 1;
    if ((mask >> (bit % 20)) & 1) {
      encoded += 1;
      return `%${letter.charCodeAt(0).toString(16)}`;
    }
    return letter;
  });
  return encoded > 0 ? result : url.replace(/a/, '%61');
}

/** encodeURIComponent that sends a lone surrogate as the bytes a careless client would (CESU-8). */
function encodeLoosely(value: string): string {
  return value.replace(/[\s\S]/gu, (char) => {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(char);
  });
}
