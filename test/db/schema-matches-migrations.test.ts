import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * `src/db/schema.ts` is Kysely's hand-kept view of the tables the migrations make. This test
 * holds the two together: every table and column of the migrated database is in the view, with
 * the same nullability, and the view names nothing the database lacks.
 */
const SCHEMA_PATH = new URL('../../src/db/schema.ts', import.meta.url);

interface ViewColumn {
  nullable: boolean;
}

/**
 * Table name → column name → what schema.ts says of it. The file keeps one member per line
 * (`  name: Type;`), which a line-by-line read is enough for; a member it cannot read fails.
 */
function readSchemaView(): Map<string, Map<string, ViewColumn>> {
  const text = readFileSync(SCHEMA_PATH, 'utf8');
  const interfaces = new Map<string, Map<string, ViewColumn>>();
  for (const match of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const [, name = '', body = ''] = match;
    const members = new Map<string, ViewColumn>();
    for (const line of body.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || /^(\/\*\*|\*|\/\/)/.test(trimmed)) continue;
      const member = /^(\w+)\??: (.+);$/.exec(trimmed);
      if (!member) throw new Error(`schema.ts, interface ${name}: cannot read "${trimmed}"`);
      // "| null" anywhere in the written type (also inside ColumnType<…>) marks a nullable column.
      members.set(member[1] ?? '', { nullable: /\bnull\b/.test(member[2] ?? '') });
    }
    interfaces.set(name, members);
  }
  const database = interfaces.get('DB');
  if (!database) throw new Error('schema.ts has no `interface DB`');
  const tables = new Map<string, Map<string, ViewColumn>>();
  const typeNames = /^ {2}(\w+): (\w+);$/gm;
  const dbBody = /^export interface DB \{\n([\s\S]*?)^\}/m.exec(text)?.[1] ?? '';
  for (const [, table = '', typeName = ''] of dbBody.matchAll(typeNames)) {
    const columns = interfaces.get(typeName);
    if (!columns) throw new Error(`schema.ts: DB.${table} names ${typeName}, which is not there`);
    tables.set(table, columns);
  }
  return tables;
}

let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
});

afterAll(async () => {
  await testDatabase?.dispose();
});

describe('src/db/schema.ts', () => {
  it('has every table and column of the migrated database, nullable where the database is', async () => {
    const rows = await testDatabase.database.db
      .selectFrom('information_schema.columns' as never)
      .select(['table_name as table', 'column_name as column', 'is_nullable as nullable'] as never[])
      .where('table_schema' as never, '=', 'public' as never)
      .execute();
    const actual = new Map<string, Map<string, ViewColumn>>();
    for (const row of rows as unknown as { table: string; column: string; nullable: string }[]) {
      const table = actual.get(row.table) ?? new Map<string, ViewColumn>();
      table.set(row.column, { nullable: row.nullable === 'YES' });
      actual.set(row.table, table);
    }
    const view = readSchemaView();
    const differences: string[] = [];
    for (const [table, columns] of actual) {
      const viewColumns = view.get(table);
      if (!viewColumns) {
        differences.push(`table ${table} is missing from DB`);
        continue;
      }
      for (const [column, { nullable }] of columns) {
        const viewColumn = viewColumns.get(column);
        if (!viewColumn) differences.push(`${table}.${column} is missing`);
        else if (viewColumn.nullable !== nullable)
          differences.push(`${table}.${column} is ${nullable ? 'nullable' : 'NOT NULL'} in the database`);
      }
      for (const column of viewColumns.keys())
        if (!columns.has(column)) differences.push(`${table}.${column} is not in the database`);
    }
    for (const table of view.keys())
      if (!actual.has(table)) differences.push(`DB.${table} is not a table in the database`);
    expect(differences).toEqual([]);
  });
});
