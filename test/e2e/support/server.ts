import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/** A free loopback port, asked of the operating system (no hard-coded ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The size of the demo municipality the browser tests use unless they ask for another. */
export const DEFAULT_DEMO_CITIZENS = 150;

export interface DemoServerOptions {
  citizens?: number;
  env?: NodeJS.ProcessEnv;
  /** A stopped demo server's data folder to start from a copy of, instead of generating anew. */
  template?: string;
  /** The data folder to use (default: a fresh temporary one). */
  dataDir?: string;
  /** Keep the data folder when stopping (the template is made this way). */
  keep?: boolean;
}

/**
 * Starts the real `samspil serve --demo` in a child process on a fresh data folder, and waits
 * until /healthz answers. The same command a user runs, so the browser sees the real product.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'samspil-e2e-'));
  if (options.template) cpSync(options.template, dataDir, { recursive: true });
  const url = `http://localhost:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--demo'], {
    env: {
      ...process.env,
      PORT: String(port),
      SAMSPIL_DATA_DIR: dataDir,
      SAMSPIL_DEMO_CITIZENS: String(options.citizens ?? DEFAULT_DEMO_CITIZENS),
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      // No background reminders in browser tests: they would add to the inboxes tests count.
      SAMSPIL_JOB_POLL_SECONDS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`samspil serve exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`samspil serve did not become healthy in time:\n${output}`);
  }
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
