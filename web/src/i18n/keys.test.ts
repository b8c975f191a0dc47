import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import da from './da.json';

const SOURCE = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

function has(resource: unknown, key: string): boolean {
  let node: unknown = resource;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    const record = node as Record<string, unknown>;
    // Plural and context keys live as key_one / key_other / key_citizen.
    if (part in record) node = record[part];
    else node = Object.keys(record).some((name) => name.startsWith(`${part}_`)) ? '' : undefined;
  }
  return node !== undefined;
}

describe('translation keys used in the code', () => {
  it('all exist in the Danish resource', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(SOURCE)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1] as string;
        if (!has(da, key)) missing.push(`${file.slice(SOURCE.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
