// The virtual users of the load run (test/bench/load-run.ts), in a process of their own so the
// load does not share a thread with the servers or the bench. Each user has its own session and
// works through the proxy with a weighted mix; beside them a checker writes through one server
// and reads through the other at once, and logs out on one and tries the session on the other.
// Plain JavaScript like load-worker.js: forked by node without a TypeScript loader.
import http from 'node:http';

/**
 * @typedef {{ token: string, reads: string[], edits: string[], names: string[] }} User
 * @typedef {{ checkerToken: string, checkerCitizens: string[], logoutTokens: string[] }} Checks
 * @typedef {{ proxyUrl: string, serverUrls: [string, string], users: User[], checks: Checks,
 *   seconds: number, thinkMs: number, mix: Record<string, number> }} Spec
 * @typedef {{ count: number, errors: number, conflicts: number, durations: number[], statuses: Record<string, number> }} Tally
 */

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const COOKIE = 'samspil_session';

/**
 * One HTTP request; resolves with status, headers and body, never rejects (a network failure
 * is status 0).
 * @param {string} base @param {string} method @param {string} path @param {string} token
 * @param {{ body?: unknown, ifMatch?: string }} [options]
 * @returns {Promise<{ status: number, etag: string | null, server: string | null, body: string, ms: number }>}
 */
function request(base, method, path, token, options = {}) {
  const url = new URL(path, base);
  const payload = options.body === undefined ? null : JSON.stringify(options.body);
  /** @type {Record<string, string>} */
  const headers = { cookie: `${COOKIE}=${token}`, accept: 'application/json' };
  if (method !== 'GET') headers['x-requested-with'] = 'samspil';
  if (payload !== null) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = http.request(
      { host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers, agent },
      (response) => {
        const chunks = /** @type {Buffer[]} */ ([]);
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const served = response.headers['x-samspil-server'];
          resolve({
            status: response.statusCode ?? 0,
            etag: typeof response.headers.etag === 'string' ? response.headers.etag : null,
            server: typeof served === 'string' ? served : null,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          });
        });
        response.on('error', () =>
          resolve({ status: 0, etag: null, server: null, body: '', ms: performance.now() - started }),
        );
      },
    );
    outgoing.on('error', (error) =>
      resolve({ status: 0, etag: null, server: null, body: String(error), ms: performance.now() - started }),
    );
    if (payload !== null) outgoing.write(payload);
    outgoing.end();
  });
}

/** @param {string | null} etag */
function versionOf(etag) {
  const match = /"(\d+)"/.exec(etag ?? '');
  return match ? Number(match[1]) : -1;
}

/** @template T @param {T[]} items @returns {T} */
function pick(items) {
  return /** @type {T} */ (items[Math.floor(Math.random() * items.length)]);
}

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {Spec} spec */
async function run(spec) {
  /** @type {Record<string, Tally>} */
  const tallies = {};
  /** @type {Record<string, number>} */
  const servedBy = {};
  /** @type {string[]} */
  const samples = [];
  const deadline = Date.now() + spec.seconds * 1000;
  const weights = Object.entries(spec.mix);
  const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0);

  /**
   * Counts one response: 2xx is success; 412 on an edit is an expected conflict; anything else
   * (or a network failure) is an error, with its first few bodies kept for the report.
   * @param {string} kind @param {{ status: number, server: string | null, body: string, ms: number }} response
   * @param {boolean} [conflictExpected]
   */
  function tally(kind, response, conflictExpected = false) {
    tallies[kind] ??= { count: 0, errors: 0, conflicts: 0, durations: [], statuses: {} };
    const entry = tallies[kind];
    entry.count += 1;
    entry.durations.push(response.ms);
    entry.statuses[response.status] = (entry.statuses[response.status] ?? 0) + 1;
    if (response.server) servedBy[response.server] = (servedBy[response.server] ?? 0) + 1;
    if (response.status >= 200 && response.status < 300) return;
    if (conflictExpected && response.status === 412) {
      entry.conflicts += 1;
      return;
    }
    entry.errors += 1;
    if (samples.length < 10) samples.push(`${kind} ${response.status}: ${response.body.slice(0, 300)}`);
  }

  function chooseKind() {
    let point = Math.random() * totalWeight;
    for (const [kind, weight] of weights) {
      point -= weight;
      if (point < 0) return kind;
    }
    return weights[0]?.[0] ?? 'plan';
  }

  /** @param {User} user */
  async function virtualUser(user) {
    /** @type {Map<string, string>} the last ETag this user saw of each plan */
    const etags = new Map();
    const base = spec.proxyUrl;
    /** @param {string} citizenId */
    const readPlan = async (citizenId) => {
      const response = await request(base, 'GET', `/api/citizens/${citizenId}/plan`, user.token);
      tally('plan', response);
      if (response.etag) etags.set(citizenId, response.etag);
      return response.etag;
    };
    // Users start spread over the first think time, not all in the same millisecond.
    await pause(Math.random() * spec.thinkMs);
    while (Date.now() < deadline) {
      const chosen = chooseKind();
      // A user with no plan of their own to edit reads one instead.
      const kind = chosen === 'edit' && user.edits.length === 0 ? 'plan' : chosen;
      if (kind === 'plan') await readPlan(pick(user.reads));
      else if (kind === 'myDay') tally('myDay', await request(base, 'GET', '/api/my-day', user.token));
      else if (kind === 'search') {
        const q = encodeURIComponent(pick(user.names));
        tally('search', await request(base, 'GET', `/api/citizens?q=${q}&pageSize=25`, user.token));
      } else if (kind === 'referrals') {
        const direction = Math.random() < 0.5 ? 'incoming' : 'outgoing';
        tally(
          'referrals',
          await request(base, 'GET', `/api/referrals?direction=${direction}&status=open`, user.token),
        );
      } else if (kind === 'inbox') tally('inbox', await request(base, 'GET', '/api/inbox', user.token));
      else if (kind === 'edit') {
        const citizenId = pick(user.edits);
        const body = { ownWords: `Mål skrevet under belastning ${Date.now()} af en virtuel bruger` };
        const path = `/api/citizens/${citizenId}/plan/goal`;
        let etag = etags.get(citizenId) ?? (await readPlan(citizenId));
        // A 412 means someone else changed the plan since this user read it: read it again and
        // retry once, as the web app does after showing the conflict.
        for (let attempt = 0; attempt < 2 && etag; attempt += 1) {
          const response = await request(base, 'PUT', path, user.token, { body, ifMatch: etag });
          tally('edit', response, true);
          if (response.status !== 412) {
            if (response.etag) etags.set(citizenId, response.etag);
            break;
          }
          etag = await readPlan(citizenId);
        }
      }
      await pause(Math.random() * 2 * spec.thinkMs);
    }
  }

  /** Writes through one server, reads through the other right after the 2xx; counts misses. */
  async function crossCheck() {
    const result = { writes: 0, misses: 0, lateMs: /** @type {number[]} */ ([]), errors: 0 };
    const { checkerToken, checkerCitizens } = spec.checks;
    let round = Math.floor(Math.random() * 2);
    while (Date.now() < deadline) {
      const [writer, reader] = round % 2 === 0 ? spec.serverUrls : [spec.serverUrls[1], spec.serverUrls[0]];
      round += 1;
      const citizenId = pick(checkerCitizens);
      const read = await request(writer, 'GET', `/api/citizens/${citizenId}/plan`, checkerToken);
      tally('check: read', read);
      if (!read.etag) continue;
      const write = await request(writer, 'PUT', `/api/citizens/${citizenId}/plan/goal`, checkerToken, {
        body: { ownWords: `Skrevet på én server, læst på den anden (${round})` },
        ifMatch: read.etag,
      });
      tally('check: write', write, true);
      if (write.status !== 200) continue;
      result.writes += 1;
      const written = versionOf(write.etag);
      const seen = await request(reader, 'GET', `/api/citizens/${citizenId}/plan`, checkerToken);
      tally('check: read', seen);
      // A later version is fine: a virtual user may have edited the same plan since.
      if (versionOf(seen.etag) < written) {
        result.misses += 1;
        // How long the other server took to see it, for the report (bounded to 5 s).
        const started = performance.now();
        while (performance.now() - started < 5000) {
          const again = await request(reader, 'GET', `/api/citizens/${citizenId}/plan`, checkerToken);
          if (versionOf(again.etag) >= written) break;
        }
        result.lateMs.push(performance.now() - started);
      }
      await pause(50);
    }
    return result;
  }

  /** A session used on one server, logged out on the other, must be refused there at once. */
  async function logoutCheck() {
    const result = { logouts: 0, misses: 0, lateMs: /** @type {number[]} */ ([]), errors: 0 };
    const tokens = [...spec.checks.logoutTokens];
    const interval = (spec.seconds * 1000) / (tokens.length + 1);
    for (let index = 0; index < tokens.length && Date.now() < deadline; index += 1) {
      await pause(interval * Math.random());
      const token = /** @type {string} */ (tokens[index]);
      const [first, second] = index % 2 === 0 ? spec.serverUrls : [spec.serverUrls[1], spec.serverUrls[0]];
      // Both servers hold the session in their caches before the logout.
      const before = [
        await request(first, 'GET', '/api/my-day', token),
        await request(second, 'GET', '/api/my-day', token),
      ];
      if (before.some((response) => response.status !== 200)) {
        result.errors += 1;
        continue;
      }
      const logout = await request(first, 'POST', '/api/auth/logout', token, { body: {} });
      if (logout.status !== 204) {
        result.errors += 1;
        if (samples.length < 10) samples.push(`logout ${logout.status}: ${logout.body.slice(0, 300)}`);
        continue;
      }
      result.logouts += 1;
      const after = await request(second, 'GET', '/api/my-day', token);
      if (after.status !== 401) {
        result.misses += 1;
        // How long the other server went on accepting it, for the report (bounded to 5 s).
        const started = performance.now();
        while (performance.now() - started < 5000) {
          if ((await request(second, 'GET', '/api/my-day', token)).status === 401) break;
        }
        result.lateMs.push(performance.now() - started);
      }
    }
    return result;
  }

  // Four checkers side by side, so a run of a minute or two still makes some hundred checks.
  const [, checkers, logout] = await Promise.all([
    Promise.all(spec.users.map((user) => virtualUser(user))),
    Promise.all([crossCheck(), crossCheck(), crossCheck(), crossCheck()]),
    logoutCheck(),
  ]);
  const consistency = {
    writes: checkers.reduce((sum, item) => sum + item.writes, 0),
    misses: checkers.reduce((sum, item) => sum + item.misses, 0),
    lateMs: checkers.flatMap((item) => item.lateMs),
    errors: checkers.reduce((sum, item) => sum + item.errors, 0),
  };
  /** @type {Record<string, { count: number, errors: number, conflicts: number, p50: number, p99: number, statuses: Record<string, number> }>} */
  const summary = {};
  for (const [kind, entry] of Object.entries(tallies)) {
    const sorted = entry.durations.sort((a, b) => a - b);
    const at = (/** @type {number} */ q) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    summary[kind] = {
      count: entry.count,
      errors: entry.errors,
      conflicts: entry.conflicts,
      p50: at(0.5),
      p99: at(0.99),
      statuses: entry.statuses,
    };
  }
  return { summary, servedBy, consistency, logout, samples };
}

process.once('message', (/** @type {Spec} */ spec) => {
  run(spec).then(
    (result) => {
      process.send?.(result, () => process.disconnect?.());
      agent.destroy();
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
