import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import {
  type ApiDocument,
  fillPath,
  type JsonSchema,
  loadApi,
  type Operation,
  safeEncode,
  sampleOf,
} from '../support/openapi.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_ENGINE } from '../support/test-database.js';

/**
 * Hostile input to every endpoint of the OpenAPI document, driven by its schemas: valid-looking
 * requests with one part replaced by something wrong (types, huge strings, unicode, SQL and
 * script injection, path traversal, prototype pollution). Zero 5xx; every rejection is
 * problem+json; a rejected request changes nothing in the database. Fixed seed, so a failure
 * reproduces.
 */
const SEED = 20_261_122;
const RUNS_PER_ENDPOINT = TEST_ENGINE === 'pglite' ? 40 : 12;

let t: TestApp;
let w: AccessWorld;
let api: ApiDocument;
let ids: Record<string, string>;

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
  'prototype',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uFFFF\uFFFE',
  '𝕊𝖆𝖒𝖘𝖕𝖎𝖑 🧑‍🤝‍🧑',
  'ÆØÅ æøå',
  '\u202Egnp.exe',
  ['$', '{7*7}{{7*7}}'].join(''),
  '%00',
  '010190-1234',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '',
  ' ',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((length) => 'x'.repeat(length)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e21, 2 ** 31),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);

/** One way of spoiling a valid request. */
type Spoil =
  | { kind: 'body-field'; field: number; value: unknown }
  | { kind: 'body-extra'; key: string; value: unknown }
  | { kind: 'body-whole'; value: unknown }
  | { kind: 'path'; index: number; value: string }
  | { kind: 'query'; key: string; value: string }
  | { kind: 'raw'; text: string }
  | { kind: 'if-match'; value: string };

const RAW_BODIES = [
  '{',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '"just a string"',
  '[]',
  'null',
  '{"a":1,"a":2}',
  '\u0000',
  `{"x":"${'y'.repeat(300_000)}"}`,
];

const spoilArbitrary: fc.Arbitrary<Spoil> = fc.oneof(
  fc.record({ kind: fc.constant('body-field' as const), field: fc.nat(20), value: hostileValue }),
  fc.record({
    kind: fc.constant('body-extra' as const),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'municipalityId', 'role'), hostileString),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('body-whole' as const), value: hostileValue }),
  fc.record({ kind: fc.constant('path' as const), index: fc.nat(3), value: hostileString }),
  fc.record({
    kind: fc.constant('query' as const),
    key: fc.oneof(fc.constantFrom('limit', 'page', 'q', 'citizenId', 'status', '__proto__'), hostileString),
    value: hostileString,
  }),
  fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom(...RAW_BODIES) }),
  fc.record({ kind: fc.constant('if-match' as const), value: hostileString }),
);

const PERSONAS = ['coordinator', 'citizen', 'administrator'] as const;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  api = await loadApi(t);
  const type = await t.context.database.db
    .selectFrom('intervention_type')
    .select('id')
    .where('municipality_id', '=', w.municipalityId)
    .executeTakeFirstOrThrow();
  ids = {
    citizenId: w.citizen.id,
    unitId: w.units.jobcenter,
    granteeUnitId: w.units.psychiatry,
    typeId: type.id,
    responsibleId: w.coordinator.id,
    subGoalId: w.subGoalId,
    itemId: w.subGoalId,
    professionalId: w.jobcenterColleague.id,
    default: w.citizen.id,
  };
}, 120_000);
afterAll(() => t?.dispose());

/** Everything a request could change, except the audit trail and sessions (which rejections may write). */
async function fingerprint(): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('audit_event', 'audit_chain_head', 'audit_checkpoint', 'session', 'login_attempt', 'schema_migration')
    ORDER BY table_name`.execute(t.context.database.db);
  const counts = await sql<Record<string, number>>`SELECT ${sql.join(
    tables.rows.map(
      (row) => sql`(SELECT count(*)::int FROM ${sql.table(row.table_name)}) AS ${sql.ref(row.table_name)}`,
    ),
  )},
    (SELECT coalesce(sum(version), 0)::int FROM plan) AS plan_versions,
    (SELECT count(*)::int FROM consent WHERE withdrawn_at IS NOT NULL) AS withdrawn,
    (SELECT count(*)::int FROM delegation WHERE revoked_at IS NOT NULL) AS revoked,
    (SELECT count(*)::int FROM professional WHERE active) AS active,
    (SELECT count(*)::int FROM municipality WHERE audit_shows_names) AS names,
    (SELECT count(*)::int FROM break_glass WHERE reviewed_at IS NOT NULL) AS reviewed`.execute(
    t.context.database.db,
  );
  return JSON.stringify(counts.rows[0]);
}

function cookieFor(persona: (typeof PERSONAS)[number]): Promise<string> {
  if (persona === 'citizen')
    return t.login({ municipalityId: w.municipalityId, kind: 'citizen', id: w.citizen.id });
  return t.login({ municipalityId: w.municipalityId, kind: 'professional', id: w[persona].id });
}

async function send(
  operation: Operation,
  persona: (typeof PERSONAS)[number],
  spoil: Spoil,
): Promise<{ status: number; type: string; body: string }> {
  const cookie = await cookieFor(persona);
  const version = await t.context.database.db
    .selectFrom('plan')
    .select('version')
    .where('citizen_id', '=', w.citizen.id)
    .executeTakeFirstOrThrow();
  let pathIndex = -1;
  let url = fillPath(operation.path, (name) => {
    pathIndex += 1;
    if (spoil.kind === 'path' && spoil.index === pathIndex) return spoil.value;
    return ids[name] ?? w.citizen.id;
  });
  if (spoil.kind === 'query') url += `?${safeEncode(spoil.key)}=${safeEncode(spoil.value)}`;
  let payload: unknown = operation.body ? sampleOf(api, operation.body as JsonSchema, ids) : undefined;
  if (spoil.kind === 'body-whole') payload = spoil.value;
  if (spoil.kind === 'body-extra' && payload && typeof payload === 'object') {
    payload = { ...(payload as object) };
    Object.defineProperty(payload, spoil.key, {
      value: spoil.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  if (spoil.kind === 'body-field' && payload && typeof payload === 'object') {
    const properties = Object.keys(api.resolve(operation.body as JsonSchema).properties ?? {});
    const key = properties[spoil.field % Math.max(properties.length, 1)];
    if (key) payload = { ...(payload as object), [key]: spoil.value };
  }
  const headers: Record<string, string> = {
    'if-match': spoil.kind === 'if-match' ? spoil.value.replace(/[\r\n]/g, '') : `"${version.version}"`,
  };
  let body: string | undefined;
  if (spoil.kind === 'raw') body = spoil.text;
  else if (payload !== undefined) body = JSON.stringify(payload);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await t.request(cookie, {
    method: operation.method,
    url,
    headers,
    ...(body !== undefined ? { payload: body } : {}),
  });
  return {
    status: response.statusCode,
    type: String(response.headers['content-type'] ?? ''),
    body: response.body,
  };
}

describe('fuzzing every endpoint with hostile input', () => {
  it('never answers 5xx, rejects with problem+json, and a rejection changes nothing', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [index, operation] of api.operations.entries()) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...PERSONAS), spoilArbitrary, async (persona, spoil) => {
          const before = await fingerprint();
          const result = await send(operation, persona, spoil);
          requests += 1;
          const label = `${operation.method} ${operation.path} as ${persona} with ${JSON.stringify(spoil).slice(0, 200)}`;
          if (result.status >= 500) failures.push(`${label}: ${result.status} ${result.body.slice(0, 200)}`);
          if (result.status >= 400) {
            if (!result.type.includes('application/problem+json'))
              failures.push(`${label}: ${result.status} is not problem+json`);
            const after = await fingerprint();
            if (after !== before)
              failures.push(`${label}: rejected (${result.status}) but the database changed`);
          }
          return true;
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ENDPOINT },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(requests).toBe(api.operations.length * RUNS_PER_ENDPOINT);
  }, 600_000);

  it('refuses path traversal and prototype pollution outright', async () => {
    const cookie = await cookieFor('coordinator');
    for (const url of [
      '/api/citizens/../../etc/passwd',
      '/api/citizens/%2e%2e%2f%2e%2e%2fetc%2fpasswd/plan',
      '/api/../healthz?x=1',
      '/api/citizens/..%5c..%5c/plan',
    ]) {
      const response = await t.request(cookie, { method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body).not.toMatch(/root:/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
