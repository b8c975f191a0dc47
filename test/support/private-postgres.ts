import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/support/server.js';

/**
 * A PostgreSQL server of a test's own (initdb into a temp folder, a free port on 127.0.0.1),
 * so fault tests can kill and restart it without touching the shared server at 5432. As root
 * (CI) it runs as the `postgres` OS user, which PostgreSQL requires.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  url: string;
  dataDir: string;
  start(): void;
  /** pg_ctl stop: fast (disconnects clients, clean) or immediate (no checkpoint, recovery at start). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** SIGKILL to the postmaster: a crash, recovered from WAL at the next start. */
  kill(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

/** The newest PostgreSQL's binaries (Debian: /usr/lib/postgresql/<version>/bin). */
export function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions[versions.length - 1];
  return newest ? join(base, newest, 'bin') : null;
}

/** The processes whose parent is `pid` (from /proc: no procps needed). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid …": the command may hold spaces, so read after its ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A temp folder the PostgreSQL server may write to (a WAL archive, say). */
export function postgresOwnedFolder(prefix = 'samspil-pg-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  return folder;
}

export interface PrivatePostgresOptions {
  /** Lines for postgresql.auto.conf, e.g. { archive_mode: 'on' }. */
  settings?: Record<string, string>;
  /**
   * Makes the data folder instead of initdb (e.g. pg_basebackup), running PostgreSQL's tools
   * as the right user. The server is then not started until start() is called.
   */
  prepare?: (dataDir: string, run: (tool: string, args: string[]) => void) => void;
}

/** initdb (or `prepare`) into a temp folder, then start, unless `prepare` made the folder. */
export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const bin = postgresBinaries();
  if (!bin)
    throw new Error('No PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  const port = await freePort();
  const root = postgresOwnedFolder();
  const dataDir = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]): void => {
    const [command, all] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    execFileSync(command, all as string[], { stdio: 'pipe', timeout: 60_000 });
  };
  if (options.prepare) options.prepare(dataDir, run);
  else
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
  const settings = Object.entries(options.settings ?? {});
  if (settings.length > 0) {
    const lines = settings.map(([key, value]) => `${key} = '${value.replaceAll("'", "''")}'\n`).join('');
    appendFileSync(join(dataDir, 'postgresql.auto.conf'), lines);
  }
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=50 -c shared_buffers=32MB`;
  const server: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    start: () =>
      run('pg_ctl', [
        'start',
        '-w',
        '-t',
        '30',
        '-D',
        dataDir,
        '-l',
        join(root, 'server.log'),
        '-o',
        serverOptions,
      ]),
    stop: (mode = 'fast') => run('pg_ctl', ['stop', '-w', '-t', '30', '-m', mode, '-D', dataDir]),
    async kill() {
      const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = childrenOf(pid);
      process.kill(pid, 'SIGKILL');
      // Its children notice the postmaster is gone and exit; a start before then would find
      // their shared memory still in use.
      const alive = (child: number): boolean => {
        try {
          process.kill(child, 0);
          return true;
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 20_000;
      while ([pid, ...children].some(alive)) {
        if (Date.now() > deadline) throw new Error('PostgreSQL children still alive 20 s after the kill');
        // Polling processes we do not control: the pause only paces the checks.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    destroy() {
      try {
        server.stop('immediate');
      } catch {
        // not running
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  if (!options.prepare) server.start();
  return server;
}
