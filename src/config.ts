import { BREAK_GLASS_HOURS } from './domain/access/policy.js';
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
  /** Sessions end after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Revealing a CPR number, breaking the glass or exporting with a CPR number need a login this recent. */
  stepUpMinutes: number;
  /** How long a break-the-glass (emergency) access lasts, in hours. */
  breakGlassHours: number;
  logLevel: string;
  /** OpenID Connect providers: the municipality's IdP for professionals, a MitID broker for citizens. */
  oidc: { professional: OidcProviderConfig | null; citizen: OidcProviderConfig | null };
  /** How long audit records are kept before `samspil audit purge` removes them. */
  auditRetentionYears: number;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs), so the audit trail
   * and rate limits see the client's address; none by default.
   */
  trustProxy: string[];
  /** SMTP server for e-mail notifications (smtp:// or smtps://, user and password in the URL); none: no e-mail. */
  smtpUrl: string | null;
  /** The sender address of e-mail notifications. */
  smtpFrom: string;
  /** Minutes between copies of the audit chains' heads out of the database; 0: none. */
  auditAnchorMinutes: number;
  /** JSON-lines file the anchors are appended to (besides the log); null: the log only. */
  auditAnchorFile: string | null;
  /** Danish time after which the server runs each night's coordination scan; null: not at all. */
  coordinationScanAt: { hour: number; minute: number } | null;
  /** Bearer token that lets other machines scrape /metrics (this machine needs none); null: this machine only. */
  metricsToken: string | null;
  /** Log format: one readable line per request (demo default) or pino JSON (default otherwise). */
  logFormat: 'pretty' | 'json';
  /** Seconds between looks for due background jobs (reminders); 0: this process runs none. */
  jobPollSeconds: number;
}

/** One OpenID Connect provider Samspil logs users in with. */
export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lowest acceptable assurance level (NSIS: low < substantial < high). */
  minimumAssurance: 'low' | 'substantial' | 'high';
  /** The claim carrying the CPR number (citizens only; MitID brokers use different names). */
  cprClaim: string;
  /** Scopes to ask for. */
  scope: string;
}

function oidcFrom(env: NodeJS.ProcessEnv, prefix: string): OidcProviderConfig | null {
  const issuer = env[`${prefix}_ISSUER`];
  if (!issuer) return null;
  const clientId = env[`${prefix}_CLIENT_ID`];
  const clientSecret = env[`${prefix}_CLIENT_SECRET`];
  if (!clientId || !clientSecret)
    throw new Error(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET must be set with ${prefix}_ISSUER`);
  const minimum = env[`${prefix}_MIN_ASSURANCE`] ?? 'substantial';
  if (minimum !== 'low' && minimum !== 'substantial' && minimum !== 'high') {
    throw new Error(`${prefix}_MIN_ASSURANCE must be low, substantial or high`);
  }
  return {
    issuer,
    clientId,
    clientSecret,
    minimumAssurance: minimum,
    cprClaim: env[`${prefix}_CPR_CLAIM`] ?? 'dk.cpr',
    scope: env[`${prefix}_SCOPE`] ?? 'openid',
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(env.SAMSPIL_DATA_DIR ?? '.samspil');
  const demo = overrides.demo ?? env.SAMSPIL_DEMO === 'true';
  const port = wholeNumber(env, 'PORT', 3000, 0, 65_535);
  const base: Omit<Config, 'cprKeys' | 'cprHmacKey'> = {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    demo,
    publicUrl: env.SAMSPIL_PUBLIC_URL ?? `http://localhost:${port}`,
    sessionHours: wholeNumber(env, 'SAMSPIL_SESSION_HOURS', 12, 1, 24 * 14),
    sessionIdleMinutes: wholeNumber(env, 'SAMSPIL_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    stepUpMinutes: positiveNumber(env, 'SAMSPIL_STEP_UP_MINUTES', 15, 24 * 60),
    breakGlassHours: wholeNumber(env, 'SAMSPIL_BREAK_GLASS_HOURS', BREAK_GLASS_HOURS, 1, 72),
    logLevel: env.LOG_LEVEL ?? 'info',
    oidc: {
      professional: oidcFrom(env, 'SAMSPIL_OIDC_PROFESSIONAL'),
      citizen: oidcFrom(env, 'SAMSPIL_OIDC_CITIZEN'),
    },
    auditRetentionYears: wholeNumber(env, 'SAMSPIL_AUDIT_RETENTION_YEARS', 5, 1, 100),
    trustProxy: (env.SAMSPIL_TRUST_PROXY ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
    smtpUrl: env.SAMSPIL_SMTP_URL || null,
    smtpFrom: env.SAMSPIL_SMTP_FROM ?? 'samspil@localhost',
    auditAnchorMinutes: wholeNumber(env, 'SAMSPIL_AUDIT_ANCHOR_MINUTES', 15, 0, 24 * 60),
    // On the embedded database, beside the data by default: better than nothing, and the demo shows it.
    auditAnchorFile:
      env.SAMSPIL_AUDIT_ANCHOR_FILE || (env.DATABASE_URL ? null : join(dataDir, 'audit-anchors.jsonl')),
    coordinationScanAt: parseScanTime(env.SAMSPIL_COORDINATION_SCAN_AT),
    metricsToken: env.SAMSPIL_METRICS_TOKEN || null,
    logFormat: parseLogFormat(env.SAMSPIL_LOG_FORMAT, demo),
    jobPollSeconds: Math.max(0, Number(env.SAMSPIL_JOB_POLL_SECONDS ?? 5) || 0),
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

/**
 * A whole number from the environment, or the default when unset. A typo ("12h", "") must stop
 * the start with the variable's name, not run with NaN (a session that never ends, a port 0).
 */
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[name];
  if (text === undefined) return fallback;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

/** Like wholeNumber, for a duration that may be a fraction (a test's step-up of 3 seconds: 0.05). */
function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name];
  if (text === undefined) return fallback;
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= max))
    throw new Error(`${name} must be a number above 0 and at most ${max}, not "${text}"`);
  return value;
}

function parseLogFormat(text: string | undefined, demo: boolean): Config['logFormat'] {
  if (!text) return demo ? 'pretty' : 'json';
  if (text !== 'pretty' && text !== 'json')
    throw new Error(`SAMSPIL_LOG_FORMAT must be pretty or json, not "${text}"`);
  return text;
}

/** Parses "HH:MM" (24-hour), or "off"/"" for no nightly scan. */
export function parseScanTime(text: string | undefined): Config['coordinationScanAt'] {
  const value = (text ?? '02:30').trim();
  if (value === '' || value === 'off') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`SAMSPIL_COORDINATION_SCAN_AT must be HH:MM (24-hour) or off, not "${value}"`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Whether a URL points at this machine only (demo mode and plain-HTTP cookies need it). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
