#!/usr/bin/env node
// Builds the web app (web/ → web/dist) when the build is missing or older than its sources.
// `--force` always builds. Prints one line about what it did. Plain Node ESM, no TypeScript,
// so it runs before anything is compiled.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'web', 'dist', 'index.html');
const sources = [
  join(root, 'web', 'src'),
  join(root, 'web', 'public'),
  join(root, 'web', 'index.html'),
  join(root, 'vite.config.ts'),
];
// The shared domain constants (sector and legal-basis labels) are bundled into the web app too.
const domainSources = [join(root, 'src', 'domain')];

/** The newest modification time under a file or folder, with the file it belongs to. */
function newest(path) {
  if (!existsSync(path)) return { time: 0, file: null };
  const stat = statSync(path);
  if (!stat.isDirectory()) return { time: stat.mtimeMs, file: path };
  let best = { time: 0, file: null };
  for (const entry of readdirSync(path)) {
    // Tests are not part of the bundle, so editing one does not make the build stale.
    if (
      entry === 'node_modules' ||
      entry === 'dist' ||
      entry.startsWith('.') ||
      /\.test\.[jt]sx?$/.test(entry)
    )
      continue;
    const candidate = newest(join(path, entry));
    if (candidate.time > best.time) best = candidate;
  }
  return best;
}

function reasonToBuild() {
  if (process.argv.includes('--force')) return 'forced';
  if (!existsSync(output)) return 'no build yet';
  const builtAt = statSync(output).mtimeMs;
  for (const source of [...sources, ...domainSources]) {
    const { time, file } = newest(source);
    if (time > builtAt) return `${relative(root, file)} changed`;
  }
  return null;
}

const reason = reasonToBuild();
if (!reason) {
  console.log('web: web/dist is up to date');
} else {
  const started = performance.now();
  const { build } = await import('vite');
  try {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    console.error(`web: build failed (${reason}): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`web: built web/dist in ${seconds} s (${reason})`);
}
