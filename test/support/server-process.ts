import { type ChildProcess, spawn } from 'node:child_process';

/** A Samspil server (or any command) running as a child process, its output collected. */
export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once GET url answers 2xx; fails when the process exits first or time runs out. */
  waitFor(url: string, timeoutMs?: number): Promise<void>;
  /** Sends a signal and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ServerProcess {
  let output = '';
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitFor(url, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`the process exited (${child.exitCode ?? child.signalCode}):\n${output}`);
        try {
          const response = await fetch(url);
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        // Polling a process we do not control: the pause only paces the retries.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${url} did not answer in ${timeoutMs} ms:\n${output}`);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
