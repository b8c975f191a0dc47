import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's shape, checked: layers import only downwards, and SQL lives in src/db/queries.
 * See docs/CONTRIBUTING.md ("Layout"). A failure names the file and what it should do instead.
 */
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

function filesUnder(folder: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (pattern.test(entry.name)) found.push(relative(ROOT, child));
    }
  };
  walk(join(ROOT, folder));
  return found.sort();
}

/** The files a module imports, resolved against the project root ("src/db/schema.ts" style). */
function relativeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(([, target = '']) =>
    relative(ROOT, resolve(ROOT, dirname(file), target)),
  );
}

/** A Kysely query builder call, or a raw sql`…` / sql<T>`…` template or sql.raw(…). */
const QUERY_BUILDER =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(?:<[^>`]*>)?`|\bsql\.raw\(/;

const runsSql = (file: string): boolean => QUERY_BUILDER.test(readFileSync(join(ROOT, file), 'utf8'));

describe('the layout', () => {
  it('keeps every server feature in its own folder (no src/server/routes/)', () => {
    const routeFiles = filesUnder('src/server', /\.routes\.ts$/);
    expect(routeFiles.filter((file) => file.startsWith('src/server/routes/'))).toEqual([]);
  });

  it('runs SQL only in src/db (routes parse, authorise, call a command or query, present)', () => {
    const offenders = filesUnder('src/server', /\.routes\.ts$/).filter(runsSql);
    expect(offenders, 'move the SQL to src/db/queries/<feature>.queries.ts').toEqual([]);
  });

  it('runs SQL nowhere in src/server, src/cli.ts or src/cli/ (commands pass their transaction to queries)', () => {
    const files = [
      ...filesUnder('src/server', /(?<!\.test)\.ts$/),
      'src/cli.ts',
      ...filesUnder('src/cli', /(?<!\.test)\.ts$/),
    ];
    const offenders = files.filter(runsSql);
    expect(offenders, 'move the SQL to src/db/queries/<feature>.queries.ts').toEqual([]);
  });

  it('keeps the domain pure: src/domain imports nothing from db, server, cli, synth or web', () => {
    const offenders = filesUnder('src/domain', /\.tsx?$/).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !target.startsWith('src/domain/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets the web share only the domain with the server', () => {
    const offenders = filesUnder('web/src', /\.tsx?$/).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !target.startsWith('web/src/') && !target.startsWith('src/domain/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps db below server: src/db imports neither server nor web', () => {
    const offenders = filesUnder('src/db', /\.ts$/).flatMap((file) =>
      relativeImports(file)
        .filter((target) => target.startsWith('src/server/') || target.startsWith('web/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has no import circles, so each module can be read and tested on its own', () => {
    const circles = importCircles([
      ...filesUnder('src', /(?<!\.test)\.ts$/),
      ...filesUnder('web/src', /(?<!\.test)\.tsx?$/),
    ]);
    expect(circles, 'break the circle: move what both sides share into a module of its own').toEqual([]);
  });
});

/** The strongly connected groups of two or more files (Tarjan), each as a sorted " ↔ " list. */
function importCircles(files: readonly string[]): string[] {
  const known = new Set(files);
  const resolveModule = (target: string): string | undefined =>
    [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target].find((file) => known.has(file));
  const edges = new Map(
    files.map((file) => [
      file,
      relativeImports(file)
        .map(resolveModule)
        .filter((target): target is string => target !== undefined),
    ]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1) circles.push(group.sort().join(' ↔ '));
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles.sort();
}
