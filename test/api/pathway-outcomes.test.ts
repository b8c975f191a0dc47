import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathwayOutcomesSheet } from '../../src/domain/analytics/figure-sheets.js';
import { PATHWAY_OUTCOMES } from '../../src/domain/plan/pathway-outcome.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { managementLogins } from '../support/management-logins.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The outcomes of pathways on the synthetic municipality (its "today" is 2026-11-01). */
const CITIZENS = 600;
const YEAR = 2026;
const REFERENCE_DAY = '2026-11-01';

let t: TestApp;
let municipalityId: string;
let leader: string;
let caseworker: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ municipalityId } = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: CITIZENS,
    seed: 1,
  }));
  ({ leader, caseworker } = await managementLogins(t, municipalityId));
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

/** Per year and column, straight from the pathway table: pathways and distinct citizens. */
async function directCounts(templateCode: string | null) {
  const result = await sql<{ year: number; column: string; pathways: number; citizens: number }>`
    WITH years AS (
      SELECT y, least(make_date(y, 12, 31), ${REFERENCE_DAY}::date) AS period_end
      FROM generate_series(${YEAR - 4}::int, ${YEAR}::int) AS y
    )
    SELECT y AS year,
      CASE WHEN p.end_date IS NULL OR p.end_date > period_end THEN 'still-in-pathway'
           ELSE coalesce(p.outcome, 'not-recorded') END AS "column",
      count(*)::int AS pathways, count(DISTINCT p.citizen_id)::int AS citizens
    FROM years JOIN pathway p ON p.municipality_id = ${municipalityId}
      AND p.start_date <= period_end AND (p.end_date IS NULL OR p.end_date >= make_date(y, 1, 1))
      AND (${templateCode}::text IS NULL OR p.template_code = ${templateCode})
    GROUP BY 1, 2`.execute(t.context.database.db);
  return result.rows;
}

describe('GET /api/analytics/pathway-outcomes', () => {
  it('ends a realistic share of the synthetic pathways, with every outcome', async () => {
    const rows = await sql<{ outcome: string | null; ended: boolean; n: number }>`
      SELECT outcome, end_date IS NOT NULL AS ended, count(*)::int AS n FROM pathway
      WHERE municipality_id = ${municipalityId} GROUP BY 1, 2`.execute(t.context.database.db);
    const total = rows.rows.reduce((sum, row) => sum + row.n, 0);
    const ended = rows.rows.filter((row) => row.ended).reduce((sum, row) => sum + row.n, 0);
    expect(ended / total).toBeGreaterThan(0.2);
    expect(ended / total).toBeLessThan(0.6);
    const outcomes = new Set(rows.rows.filter((row) => row.ended).map((row) => row.outcome));
    for (const outcome of PATHWAY_OUTCOMES) expect(outcomes, outcome).toContain(outcome);
  });

  it('equals a direct count per year and outcome, names its definition, hides small cells', async () => {
    for (const pathwayType of [null, 'ressourceforloeb'] as const) {
      const query = pathwayType ? `&pathwayType=${pathwayType}` : '';
      const response = await t.request(leader, {
        method: 'GET',
        url: `/api/analytics/pathway-outcomes?year=${YEAR}${query}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['samspil-definition']).toBe('pathway-outcomes@1');
      const body = response.json();
      expect(body.rows.map((row: { year: number }) => row.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
      const direct = await directCounts(pathwayType);
      let shown = 0;
      for (const row of body.rows) {
        const ofYear = direct.filter((cell) => cell.year === row.year);
        row.cells.forEach((cell: { pathways: number | null; hidden: string | null }, index: number) => {
          const found = ofYear.find((item) => item.column === body.columns[index]);
          const citizens = found?.citizens ?? 0;
          if (citizens > 0 && citizens < 5) expect(cell.hidden).not.toBeNull();
          if (cell.hidden === null) {
            expect(cell.pathways, `${row.year} ${body.columns[index]}`).toBe(found?.pathways ?? 0);
            shown++;
          }
        });
        const total = ofYear.reduce((sum, item) => sum + item.pathways, 0);
        if (row.total.hidden === null) expect(row.total.pathways).toBe(total);
        // With the year's total shown, one hidden cell alone could be worked out from it.
        const hidden = row.cells.filter((cell: { hidden: string | null }) => cell.hidden !== null).length;
        if (row.total.hidden === null) expect(hidden).not.toBe(1);
      }
      expect(shown).toBeGreaterThan(5);
    }
  });

  it('exports the same cells as CSV and XLSX, audited', async () => {
    const figure = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/pathway-outcomes?year=${YEAR}`,
    });
    const sheet = pathwayOutcomesSheet(figure.json());
    const csv = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/pathway-outcomes/export?year=${YEAR}&format=csv`,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['samspil-definition']).toBe('pathway-outcomes@1');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual(
      [sheet.header, ...sheet.rows].map((row) =>
        row.map((cell) => (cell === null ? '' : String(cell))).join(';'),
      ),
    );
    const xlsx = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/pathway-outcomes/export?year=${YEAR}&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const first = book.worksheets[0];
    expect(first?.getRow(1).values).toEqual([undefined, ...sheet.header]);
    const audited = await t.context.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('resource', '=', 'analytics:pathway-outcomes')
      .execute();
    expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(['read', 'export']));
  });

  it('is for leaders only; a bad year is a 400 naming it', async () => {
    const refused = await t.request(caseworker, {
      method: 'GET',
      url: `/api/analytics/pathway-outcomes?year=${YEAR}`,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await t.request(leader, { method: 'GET', url: '/api/analytics/pathway-outcomes?year=1999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.year');
  });
});
