#!/usr/bin/env node
// Compiles the server (src/ → dist/, tsconfig.build.json) and copies what it reads at run time
// besides JavaScript: the migrations' SQL. `node dist/cli.js` then needs no TypeScript compiler.
// Plain Node ESM, so it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

// A fresh folder: a source file removed since the last build must not linger as JavaScript.
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
cpSync(join(root, 'src', 'db', 'migrations'), join(dist, 'db', 'migrations'), {
  recursive: true,
  filter: (source) => !source.includes('.') || source.endsWith('.sql'),
});
console.log('Server built into dist/ (start it with: node dist/cli.js serve).');
