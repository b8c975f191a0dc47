#!/usr/bin/env node
// Runs Biome (lint and format). Biome ships one binary package per platform behind its
// `@biomejs/biome` wrapper, whose optional dependencies name every platform; the package
// registry our machines and CI use carries only the linux-x64 binary, which makes `npm ci`
// reject the lock file. So we depend on that binary package directly (optional) and run it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const name = `@biomejs/cli-${process.platform}-${process.arch}`;
let binary;
try {
  binary = join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'biome');
} catch {
  console.error(`Biome's binary for this platform (${name}) is not installed: npm install --no-save ${name}`);
  process.exit(2);
}
const result = spawnSync(binary, process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);
