import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Database, openDatabase } from './database.js';
import { messageOf } from '../error-message.js';

/*
 * The embedded (PGlite) data folder:
 *
 *   <dataDir>/samspil.lock       who owns the folder: {"pid","hostname","startedAt"}
 *   <dataDir>/pgdata/            the PostgreSQL cluster, only ever created by a rename
 *   <dataDir>/pgdata.init-*      a first initialisation in progress (or interrupted)
 *
 * Anything else in dataDir (demo-keys.json, …) belongs to others and is left alone.
 *
 * Durability. PGlite starts PostgreSQL with fsync off (-F) and its Emscripten NODEFS has no
 * fsync at all, yet an acknowledged commit survives the process being killed: the default
 * synchronous_commit=on makes COMMIT write its WAL record before returning, and NODEFS passes
 * every write straight to fs.writeSync, i.e. into the operating system's page cache, which
 * outlives the process. `relaxedDurability` only defers the sync of browser file systems
 * (IndexedDB, OPFS) and does nothing for NODEFS; openDatabase leaves it unset. After a
 * SIGKILL, PostgreSQL's crash recovery replays the WAL on the next start. What this does NOT
 * survive is a power cut or kernel crash before the OS writes its cache out — no PGlite option
 * can change that. test/db/data-folder.test.ts kills writers with SIGKILL to hold this true.
 */

const LOCK_FILE = 'samspil.lock';
const PGDATA = 'pgdata';
const INIT_PREFIX = 'pgdata.init-';
/** Helper files of lock attempts (`samspil.lock.new-…`, `.stale-…`) older than this are debris. */
const LOCK_DEBRIS_AGE_MS = 60_000;
const LOCK_ATTEMPTS = 5;

/** Who holds a data folder, as written in its lock file. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A lock left by a process that no longer runs; it was removed and replaced by ours. */
export interface StaleLock {
  /** The recorded owner, or null when the file was not a readable lock. */
  owner: LockOwner | null;
  reason: 'process-gone' | 'unreadable' | 'other-host';
}

/** What opening found and repaired, for the caller to log. */
export interface OpenReport {
  /** True when this open created the database (and ran `initialise`). */
  initialised: boolean;
  staleLock: StaleLock | null;
  /** Interrupted first initialisations that were deleted. */
  removedInitFolders: string[];
}

/** An open embedded database together with the lock on its folder. */
export interface EmbeddedStore {
  database: Database;
  /** The absolute data folder. */
  dataDir: string;
  report: OpenReport;
  /** Closes the database, then releases the lock. */
  close(): Promise<void>;
}

/** Hooks for openEmbeddedStore. */
export interface OpenEmbeddedOptions {
  /** Runs once, on a brand-new database, before it is moved into place (migrations + demo data). */
  initialise?: (database: Database) => Promise<void>;
  /** Runs on every open after initialisation (e.g. migrations). */
  prepare?: (database: Database) => Promise<void>;
}

/** Another live process owns the data folder. */
export class DataFolderLockedError extends Error {
  override readonly name = 'DataFolderLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Samspil process (PID ${pid}). ` +
        'Stop that process first, or set SAMSPIL_DATA_DIR to another folder.',
    );
  }
}

/** `pgdata` exists but is not a PGlite database; it is never deleted for the user. */
export class InvalidDataFolderError extends Error {
  override readonly name = 'InvalidDataFolderError';
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super(
      `The folder ${folder} is not a Samspil database (${reason}). Samspil will not touch it: ` +
        'move it away (or delete it if it holds nothing you need), or set SAMSPIL_DATA_DIR to another folder.',
    );
  }
}

/** A held data-folder lock. */
export interface DataFolderLock {
  readonly dataDir: string;
  /** The stale lock this one replaced, if any. */
  readonly replaced: StaleLock | null;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

/**
 * Opens the embedded store in dataDir: takes the folder's lock, creates the database on first
 * use (in a side folder, moved into place only once `initialise` has finished) and opens it.
 */
export async function openEmbeddedStore(
  dataDir: string,
  options: OpenEmbeddedOptions = {},
): Promise<EmbeddedStore> {
  const dir = resolve(dataDir);
  const lock = await lockDataFolder(dir);
  try {
    // We hold the lock, so no other process can be initialising: these are dead leftovers.
    const removedInitFolders = await removeInterruptedInitialisations(dir);
    const pgdata = join(dir, PGDATA);
    const initialised = await ensureInitialised(dir, pgdata, options.initialise);
    const database = await openDatabase({ engine: 'pglite', dataDir: pgdata }).catch((error: unknown) => {
      throw new Error(`Cannot open the embedded database in ${pgdata}: ${messageOf(error)}`, {
        cause: error,
      });
    });
    try {
      await options.prepare?.(database);
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
    let closing: Promise<void> | undefined;
    return {
      database,
      dataDir: dir,
      report: { initialised, staleLock: lock.replaced, removedInitFolders },
      close(): Promise<void> {
        closing ??= database.close().finally(() => lock.release());
        return closing;
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Lock files held (or being taken) by this process, so a second open here is refused too. */
const claimedHere = new Set<string>();

/**
 * Takes the lock file of a data folder (creating the folder), replacing a stale lock whose
 * process is gone. Throws DataFolderLockedError while a live process on this host holds it.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  // Claimed before the first await, so two opens racing inside one process cannot both win.
  if (claimedHere.has(path)) throw new DataFolderLockedError(dir, process.pid);
  claimedHere.add(path);
  try {
    await mkdir(dir, { recursive: true });
    const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
    const content = `${JSON.stringify(me)}\n`;
    let replaced: StaleLock | null = null;
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      if (await createExclusively(path, content)) {
        await removeLockDebris(dir);
        return holdLock(dir, path, me, replaced);
      }
      const existing = await readLock(path);
      if (existing === null) continue; // released meanwhile: try again
      const stale = judge(existing.owner);
      if (stale === null) throw new DataFolderLockedError(dir, existing.owner?.pid ?? 0);
      // If another process replaced the stale lock first, the next round reads its fresh lock
      // and, that process being alive, refuses.
      if (await removeIfUnchanged(path, existing.text)) replaced = stale;
    }
    throw new Error(
      `Could not take the lock ${path}: other processes kept taking it at the same moment. Try again.`,
    );
  } catch (error) {
    claimedHere.delete(path);
    throw error;
  }
}

function holdLock(dir: string, path: string, me: LockOwner, replaced: StaleLock | null): DataFolderLock {
  const isOurs = (text: string | null): boolean => {
    const owner = text === null ? null : parseLock(text);
    return owner?.pid === me.pid && owner.startedAt === me.startedAt;
  };
  // Best effort on a normal exit without close(). A SIGKILL leaves the file behind; the next
  // start sees its process gone and takes over.
  const onExit = (): void => {
    try {
      if (isOurs(readFileSync(path, 'utf8'))) unlinkSync(path);
    } catch {
      // Nothing more can be done while exiting.
    }
  };
  process.on('exit', onExit);
  let released = false;
  return {
    dataDir: dir,
    replaced,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      try {
        if (isOurs(await readFile(path, 'utf8').catch(() => null))) await unlink(path);
      } finally {
        claimedHere.delete(path);
      }
    },
  };
}

/**
 * Creates the lock file only if none exists, with its content complete from the first moment
 * it is visible: written beside it, then hard-linked into place (link never overwrites). A
 * plain open('wx') would show an empty file for an instant, which a racing process could
 * judge unreadable and therefore stale.
 */
async function createExclusively(path: string, content: string): Promise<boolean> {
  const draft = `${path}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(draft, content, { flag: 'wx' });
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(codeOf(error) ?? '')) throw error;
    // No hard links here (FAT, some network shares): open('wx') is still exclusive.
    try {
      await writeFile(path, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if (codeOf(fallbackError) === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

interface ExistingLock {
  text: string;
  owner: LockOwner | null;
}

/** Reads the lock file; null if it is gone. */
async function readLock(path: string): Promise<ExistingLock | null> {
  const read = (): Promise<string | null> =>
    readFile(path, 'utf8').catch((error: unknown) => {
      if (codeOf(error) === 'ENOENT') return null;
      throw error;
    });
  let text = await read();
  if (text === null) return null;
  let owner = parseLock(text);
  if (owner === null) {
    // Only the open('wx') fallback can show a lock half-written; give its writer a moment.
    await sleep(200);
    text = await read();
    if (text === null) return null;
    owner = parseLock(text);
  }
  return { text, owner };
}

function parseLock(text: string): LockOwner | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, hostname: host, startedAt } = value as Record<string, unknown>;
    // pid 0 or below would make process.kill address process groups.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    if (typeof host !== 'string' || typeof startedAt !== 'string') return null;
    return { pid, hostname: host, startedAt };
  } catch {
    return null;
  }
}

/** Null while the owner may still be running; otherwise why the lock is stale. */
function judge(owner: LockOwner | null): StaleLock | null {
  if (owner === null) return { owner, reason: 'unreadable' };
  // A process on another host cannot be probed. The usual case is a container restarted with
  // a new hostname over the same volume, whose previous life is over.
  if (owner.hostname !== hostname()) return { owner, reason: 'other-host' };
  // Our own PID but not claimed in this process: an earlier life that happened to get the
  // same PID (PID 1 in a container restarts as PID 1).
  if (owner.pid === process.pid) return { owner, reason: 'process-gone' };
  return isAlive(owner.pid) ? null : { owner, reason: 'process-gone' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return codeOf(error) === 'EPERM';
  }
}

/** How long a takeover may hold its mutex before others treat it as left by a crashed process. */
const TAKEOVER_AGE_MS = 10_000;

/**
 * Removes the lock file only if it still holds the stale text we judged. Only the holder of a
 * takeover mutex (`samspil.lock.takeover`, created exclusively) removes a lock, and nobody else
 * can replace a lock file that exists, so under the mutex the file read is the file removed. A
 * fresh lock is never moved or deleted (moving one aside and failing to put it back once let two
 * processes hold the folder).
 */
async function removeIfUnchanged(path: string, staleText: string): Promise<boolean> {
  const mutex = `${path}.takeover`;
  try {
    await writeFile(mutex, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
    // Another process is taking over: give it a moment, or clear a mutex a crash left behind.
    const info = await stat(mutex).catch(() => null);
    if (info && Date.now() - info.mtimeMs > TAKEOVER_AGE_MS) await unlink(mutex).catch(() => undefined);
    else await new Promise((done) => setTimeout(done, 50));
    return false;
  }
  try {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current !== staleText) return false;
    await unlink(path);
    return true;
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}

async function removeLockDebris(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    if (!name.startsWith(`${LOCK_FILE}.new-`) && !name.startsWith(`${LOCK_FILE}.stale-`)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    // Young ones may belong to another process trying the lock right now.
    if (info && now - info.mtimeMs > LOCK_DEBRIS_AGE_MS) await unlink(path).catch(() => undefined);
  }
}

async function removeInterruptedInitialisations(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (!name.startsWith(INIT_PREFIX)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Makes sure `pgdata` holds a database. A new one is built in a side folder and renamed into
 * place (atomic on one file system), so `pgdata` is either absent or complete: an
 * interrupted initdb or `initialise` can never leave a half-made database to be opened later.
 */
async function ensureInitialised(
  dir: string,
  pgdata: string,
  initialise: OpenEmbeddedOptions['initialise'],
): Promise<boolean> {
  const state = await inspect(pgdata);
  if (state === 'valid') return false;
  if (state !== 'absent' && state !== 'empty') throw new InvalidDataFolderError(pgdata, state.problem);
  // An empty folder holds nothing to lose (and rename cannot replace it everywhere).
  if (state === 'empty') {
    await rmdir(pgdata).catch((error: unknown) => {
      // EBUSY: a volume mounted at pgdata itself, which the finished database cannot be moved onto.
      throw new InvalidDataFolderError(
        pgdata,
        `it is empty but cannot be removed (${codeOf(error) ?? messageOf(error)}); if it is a mounted volume, mount the whole data folder instead`,
      );
    });
  }
  const staging = join(dir, `${INIT_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const database = await openDatabase({ engine: 'pglite', dataDir: staging });
    try {
      await initialise?.(database);
    } finally {
      await database.close();
    }
    await rename(staging, pgdata);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return true;
}

type FolderState = 'absent' | 'empty' | 'valid' | { problem: string };

async function inspect(pgdata: string): Promise<FolderState> {
  const info = await stat(pgdata).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return 'absent';
  if (!info.isDirectory()) return { problem: 'it is not a folder' };
  const names = await readdir(pgdata);
  if (names.length === 0) return 'empty';
  // PGlite itself decides by PG_VERSION whether to run initdb, which would write over the rest.
  if (!names.includes('PG_VERSION')) return { problem: 'it has no PG_VERSION file' };
  return 'valid';
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
