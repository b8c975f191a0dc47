import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DataFolderLockedError,
  type EmbeddedStore,
  InvalidDataFolderError,
  openEmbeddedStore,
} from '../../src/db/data-folder.js';
import { brokenBatches, initialiseProbe, probeRowIds } from '../fixtures/probe-schema.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../fixtures/embedded-store-child.ts', import.meta.url));
// Generous: a child's first start includes PGlite's initdb (~5 s), slower on a busy machine.
const CHILD_WAIT_MS = 60_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A fixture process and what it has said so far. */
class Child {
  readonly process: ChildProcessWithoutNullStreams;
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<Exit>;
  private readonly listeners = new Set<() => void>();
  private exit: Exit | null = null;

  constructor(mode: string, dataDir: string) {
    this.process = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], { cwd: REPO });
    let partial = '';
    this.process.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
      for (const listener of this.listeners) listener();
    });
    this.process.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const listener of this.listeners) listener();
        resolve(this.exit);
      });
    });
    running.add(this);
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** The first line starting with prefix; fails if the child exits or time runs out first. */
  waitFor(prefix: string, timeoutMs = CHILD_WAIT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const line = this.lines.find((candidate) => candidate.startsWith(prefix));
        if (line !== undefined) finish(() => resolve(line));
        else if (this.exit)
          finish(() => reject(new Error(`child exited ${JSON.stringify(this.exit)}: ${this.stderr}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no "${prefix}" within ${timeoutMs} ms: ${this.stderr}`))),
        timeoutMs,
      );
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Calls onLine for every line, including those already received, until it returns true. */
  watch(onLine: (line: string) => boolean): void {
    let seen = 0;
    const check = (): void => {
      while (seen < this.lines.length) {
        if (onLine(this.lines[seen++] ?? '')) {
          this.listeners.delete(check);
          return;
        }
      }
    };
    this.listeners.add(check);
    check();
  }

  tell(word: string): void {
    this.process.stdin.write(`${word}\n`);
  }

  /** Waits for the exit, killing the child if it takes too long. */
  async settled(timeoutMs = CHILD_WAIT_MS): Promise<Exit> {
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

const running = new Set<Child>();
const openStores = new Set<EmbeddedStore>();
let root = '';

async function open(dataDir: string): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore(dataDir, { initialise: initialiseProbe });
  openStores.add(store);
  return store;
}

async function close(store: EmbeddedStore): Promise<void> {
  openStores.delete(store);
  await store.close();
}

function ackedIds(lines: string[]): number[] {
  return lines
    .filter((line) => line.startsWith('ack '))
    .flatMap((line) => line.slice(4).split(' ').map(Number));
}

async function lockOwnerPid(dataDir: string): Promise<number | null> {
  try {
    return (JSON.parse(await readFile(join(dataDir, 'samspil.lock'), 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}

/** The PID of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? -1;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'samspil-data-folder-'));
});

afterEach(async () => {
  for (const child of running) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  running.clear();
  for (const store of openStores) await store.close().catch(() => undefined);
  openStores.clear();
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

// The tests run in order and share one store, so PGlite's slow first initdb happens only twice.
describe('embedded data folder', () => {
  const store = (): string => join(root, 'store');

  it('a start killed during initialise leaves no pgdata, and the next start begins afresh', async () => {
    await mkdir(store(), { recursive: true });
    await writeFile(join(store(), 'demo-keys.json'), '{"not":"ours"}');
    const child = new Child('hang-init', store());
    await child.waitFor('initialising');
    child.process.kill('SIGKILL');
    expect((await child.settled()).signal).toBe('SIGKILL');

    const left = await readdir(store());
    expect(left).not.toContain('pgdata');
    const interrupted = left.filter((name) => name.startsWith('pgdata.init-'));
    expect(interrupted).toEqual([expect.stringMatching(new RegExp(`^pgdata\\.init-${child.pid}-`))]);
    expect(await lockOwnerPid(store())).toBe(child.pid);

    let initialisations = 0;
    const reopened = await openEmbeddedStore(store(), {
      async initialise(database) {
        initialisations++;
        await initialiseProbe(database);
      },
    });
    openStores.add(reopened);
    expect(initialisations).toBe(1);
    expect(reopened.report).toEqual({
      initialised: true,
      staleLock: { owner: expect.objectContaining({ pid: child.pid }), reason: 'process-gone' },
      removedInitFolders: interrupted,
    });
    expect((await readdir(store())).sort()).toEqual(['demo-keys.json', 'pgdata', 'samspil.lock']);
    const migrations = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migration`.execute(
      reopened.database.db,
    );
    expect(migrations.rows[0]?.n).toBeGreaterThan(0);
    await close(reopened);

    expect((await readdir(store())).sort()).toEqual(['demo-keys.json', 'pgdata']);
    expect(await readFile(join(store(), 'demo-keys.json'), 'utf8')).toBe('{"not":"ours"}');
  }, 120_000);

  it('every acknowledged write survives SIGKILL mid-write, three times over', async () => {
    const allAcked: number[] = [];
    for (let cycle = 1; cycle <= 3; cycle++) {
      const writer = new Child('write', store());
      await writer.waitFor('ready');
      // Kill from inside the stdout handler, at an uneven point, while commits keep coming.
      const killAt = 200 + Math.floor(Math.random() * 300);
      const killed = new Promise<void>((resolve) => {
        writer.watch(() => {
          if (ackedIds(writer.lines).length < killAt) return false;
          writer.process.kill('SIGKILL');
          resolve();
          return true;
        });
      });
      const exitedEarly = writer.exited.then((exit) => {
        throw new Error(`writer exited before the kill: ${JSON.stringify(exit)} ${writer.stderr}`);
      });
      const timer = setTimeout(() => writer.process.kill('SIGKILL'), CHILD_WAIT_MS);
      try {
        await Promise.race([killed, exitedEarly]);
      } finally {
        clearTimeout(timer);
      }
      expect((await writer.settled()).signal).toBe('SIGKILL');
      const acked = ackedIds(writer.lines);
      expect(acked.length).toBeGreaterThanOrEqual(200);
      allAcked.push(...acked);

      const reopened = await open(store());
      expect(reopened.report.staleLock).toEqual({
        owner: expect.objectContaining({ pid: writer.pid }),
        reason: 'process-gone',
      });
      expect(reopened.report.initialised).toBe(false);
      const present = new Set(await probeRowIds(reopened.database));
      expect(allAcked.filter((id) => !present.has(id))).toEqual([]);
      expect(await brokenBatches(reopened.database)).toBe(0);
      // And it takes new writes.
      const fresh = Math.max(...present) + 1;
      await sql`INSERT INTO probe_row (id, payload) VALUES (${fresh}, 'after the crash')`.execute(
        reopened.database.db,
      );
      expect(await probeRowIds(reopened.database)).toContain(fresh);
      await close(reopened);
    }
  }, 180_000);

  it('refuses a second process while the first holds the folder', async () => {
    const holder = new Child('hold', store());
    await holder.waitFor('ready');
    const expected = `The data folder ${store()} is in use by another Samspil process (PID ${holder.pid}).`;

    const refused = await openEmbeddedStore(store()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as DataFolderLockedError).pid).toBe(holder.pid);
    expect((refused as Error).message).toBe(
      `${expected} Stop that process first, or set SAMSPIL_DATA_DIR to another folder.`,
    );

    const second = new Child('hold', store());
    expect((await second.settled()).code).toBe(3);
    expect(second.stderr).toContain(expected);
    expect(await lockOwnerPid(store())).toBe(holder.pid);

    holder.tell('close');
    await holder.waitFor('closed');
    expect((await holder.settled()).code).toBe(0);
    expect(existsSync(join(store(), 'samspil.lock'))).toBe(false);
  }, 120_000);

  it('refuses a second open inside the same process', async () => {
    const first = await open(store());
    await expect(openEmbeddedStore(store())).rejects.toThrow(DataFolderLockedError);
    // The refused attempt left the lock alone.
    expect(await lockOwnerPid(store())).toBe(process.pid);
    await close(first);
    expect(existsSync(join(store(), 'samspil.lock'))).toBe(false);
  }, 60_000);

  it('takes over a lock left by a dead process, and an unreadable one', async () => {
    const dead = await deadPid();
    const lock = { pid: dead, hostname: hostname(), startedAt: new Date().toISOString() };
    await writeFile(join(store(), 'samspil.lock'), JSON.stringify(lock));
    const afterDead = await open(store());
    expect(afterDead.report.staleLock).toEqual({ owner: lock, reason: 'process-gone' });
    expect(await lockOwnerPid(store())).toBe(process.pid);
    await close(afterDead);

    await writeFile(join(store(), 'samspil.lock'), 'garbage');
    const afterGarbage = await open(store());
    expect(afterGarbage.report.staleLock).toEqual({ owner: null, reason: 'unreadable' });
    await close(afterGarbage);
  }, 60_000);

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    const folder = join(root, 'race');
    await mkdir(folder);
    const stale = { pid: await deadPid(), hostname: hostname(), startedAt: new Date().toISOString() };
    await writeFile(join(folder, 'samspil.lock'), JSON.stringify(stale));
    const racers = Array.from({ length: 4 }, () => new Child('lock', folder));
    await Promise.all(racers.map((racer) => racer.waitFor('waiting')));
    for (const racer of racers) racer.tell('go');

    const outcomes = await Promise.all(
      racers.map((racer) =>
        racer.waitFor('locked').then(
          () => 'won' as const,
          async () => ((await racer.settled()).code === 3 ? ('refused' as const) : ('failed' as const)),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'won')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(racers.length - 1);
    const winner = racers[outcomes.indexOf('won')];
    if (!winner) throw new Error('no winner');
    expect(await lockOwnerPid(folder)).toBe(winner.pid);
    for (const loser of racers.filter((racer) => racer !== winner)) {
      expect(loser.stderr).toContain(`is in use by another Samspil process (PID ${winner.pid})`);
    }

    // Leaving without release(): the exit handler removes the lock, and no helper files remain.
    winner.tell('exit');
    expect((await winner.settled()).code).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  }, 120_000);

  it('refuses a pgdata folder that is not a database, and leaves it untouched', async () => {
    const folder = join(root, 'foreign');
    await mkdir(join(folder, 'pgdata'), { recursive: true });
    await writeFile(join(folder, 'pgdata', 'notes.txt'), 'precious');

    const refused = await openEmbeddedStore(folder).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidDataFolderError);
    expect((refused as Error).message).toContain(join(folder, 'pgdata'));
    expect(await readFile(join(folder, 'pgdata', 'notes.txt'), 'utf8')).toBe('precious');
    expect(await readdir(folder)).toEqual(['pgdata']);
  });
});
