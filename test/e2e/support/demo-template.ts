import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_DEMO_CITIZENS, startDemoServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped demo server's data folder, generated once for the run; copied per test file. */
    demoTemplateDir: string;
  }
}

/**
 * Global setup of the browser project: generates the demo municipality once, with the real
 * `samspil serve --demo`, and stops it cleanly. Each test file's server starts on a copy of
 * that folder instead of generating the same municipality again (about ten seconds a file).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const parent = mkdtempSync(join(tmpdir(), 'samspil-e2e-template-'));
  const template = join(parent, 'data');
  const server = await startDemoServer({ citizens: DEFAULT_DEMO_CITIZENS, dataDir: template, keep: true });
  await server.stop();
  project.provide('demoTemplateDir', template);
  return () => rmSync(parent, { recursive: true, force: true });
}
