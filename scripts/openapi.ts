/**
 * `npm run openapi`: writes the API's OpenAPI 3.1 document to docs/openapi.json, so an API
 * change shows in review. `npm run openapi -- --check` exits 1 when the committed document is
 * stale (CI runs the same comparison as a test). The document is the production API's (demo
 * login is left out), generated from the same Zod schemas that validate the requests.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { buildApp } from '../src/server/app.js';

export const OPENAPI_PATH = resolve(fileURLToPath(new URL('../docs/openapi.json', import.meta.url)));

/** The OpenAPI document as the server serves it, formatted for a readable diff. */
export async function renderOpenApiDocument(): Promise<string> {
  const database = await openDatabase({ engine: 'pglite' });
  try {
    await migrate(database);
    const config = loadConfig(
      {
        SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
        SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
        SAMSPIL_COORDINATION_SCAN_AT: 'off',
        SAMSPIL_AUDIT_ANCHOR_MINUTES: '0',
        LOG_LEVEL: 'silent',
      },
      { demo: false, publicUrl: 'http://localhost:3000' },
    );
    const { app } = await buildApp(config, database, false);
    try {
      const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json: ${response.statusCode}`);
      return `${JSON.stringify(response.json(), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const document = await renderOpenApiDocument();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OPENAPI_PATH, 'utf8');
    if (committed !== document) {
      console.error('docs/openapi.json is stale: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('docs/openapi.json is current.');
    return;
  }
  writeFileSync(OPENAPI_PATH, document);
  console.log(`Wrote ${OPENAPI_PATH}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
