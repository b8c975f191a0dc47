import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKeyText } from './security/cpr-vault.js';

/** Everything Samspil reads from its environment, in one place. See the README's table. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  cprKeys: string;
  cprHmacKey: string;
  sessionHours: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(env.SAMSPIL_DATA_DIR ?? '.samspil');
  const demo = overrides.demo ?? env.SAMSPIL_DEMO === 'true';
  const port = Number(env.PORT ?? 3000);
  const base: Omit<Config, 'cprKeys' | 'cprHmacKey'> = {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    demo,
    publicUrl: env.SAMSPIL_PUBLIC_URL ?? `http://localhost:${port}`,
    sessionHours: Number(env.SAMSPIL_SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    ...overrides,
  };
  const keys = resolveKeys(env, base.demo, base.databaseUrl, dataDir);
  return { ...base, ...keys, ...overrides };
}

/**
 * CPR keys come from the environment. Only in demo mode on the embedded database may
 * Samspil make its own, kept beside the data so the synthetic citizens stay readable.
 */
function resolveKeys(
  env: NodeJS.ProcessEnv,
  demo: boolean,
  databaseUrl: string | null,
  dataDir: string,
): { cprKeys: string; cprHmacKey: string } {
  if (env.SAMSPIL_CPR_KEYS && env.SAMSPIL_CPR_HMAC_KEY) {
    return { cprKeys: env.SAMSPIL_CPR_KEYS, cprHmacKey: env.SAMSPIL_CPR_HMAC_KEY };
  }
  if (!demo || databaseUrl) {
    throw new Error(
      'SAMSPIL_CPR_KEYS and SAMSPIL_CPR_HMAC_KEY must be set (base64, 32 bytes each) outside demo mode',
    );
  }
  const file = join(dataDir, 'demo-keys.json');
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as { cprKeys: string; cprHmacKey: string };
  const keys = { cprKeys: `1:${generateKeyText()}`, cprHmacKey: generateKeyText() };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
