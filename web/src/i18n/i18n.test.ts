import { describe, expect, it } from 'vitest';
import da from './da.json';
import en from './en.json';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in Danish and English', () => {
    const keysOf = (resource: unknown): string[] =>
      leaves(resource)
        .map(([key]) => key)
        .sort();
    expect(keysOf(en)).toEqual(keysOf(da));
  });

  it('are all non-empty strings', () => {
    const bad = [...leaves(da), ...leaves(en)].filter(
      ([, text]) => typeof text !== 'string' || text.trim() === '',
    );
    expect(bad).toEqual([]);
  });
});
