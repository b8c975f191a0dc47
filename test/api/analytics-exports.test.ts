import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activationSheet,
  concentrationSheet,
  periodCountsSheet,
  spellsSheet,
  costByMonthSheet,
  costTableSheet,
  type FigureSheet,
  flowSheet,
  gasChangesSheet,
  gasScoresSheet,
  lorenzSheet,
  pyramidSheet,
  timeToOfferSheet,
  topGroupsSheet,
} from '../../src/domain/analytics/figure-sheets.js';
import {
  collaborationTiesSheet,
  coordinationFlagsSheet,
  coordinationSummarySheet,
  openFlagsSheet,
  qualityIndicatorsSheet,
  referralAnswersSheet,
  referralsSheet,
} from '../../src/domain/analytics/coordination-sheets.js';
import { recordedScan } from '../../src/server/coordination/scan-runs.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { managementLogins } from '../support/management-logins.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Every management table's export: the cells the figure shows, as CSV and XLSX, audited. */
const YEAR = 2026;

let t: TestApp;
let leader: string;
let administrator: string;
let caseworker: string;
let citizen: string;

beforeAll(async () => {
  t = await startTestApp();
  const { municipalityId } = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: 400,
    seed: 3,
  });
  // The coordination figures read the flags the nightly scan raises.
  await recordedScan(t.context.database.db, municipalityId, 'manual');
  ({ leader, administrator, caseworker, citizen } = await managementLogins(t, municipalityId));
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

/** Each export, the JSON figure it is made from, and the sheet of that figure. */
const EXPORTS: [figure: string, json: string, sheet: (body: never) => FigureSheet][] = [
  ['cost-concentration', 'cost-concentration', concentrationSheet],
  ['lorenz', 'cost-concentration', lorenzSheet],
  ['top-groups', 'cost-concentration/top-groups', topGroupsSheet],
  ['cost-table', 'cost-table', costTableSheet],
  ['cost-by-month', 'cost-by-month', costByMonthSheet],
  ['time-to-offer', 'pathways', timeToOfferSheet],
  ['activity-pyramid', 'pathways', pyramidSheet],
  ['pathway-flow', 'pathways', flowSheet],
  ['activation', 'steering', activationSheet],
  ['pathway-spells', 'steering', spellsSheet],
  ['period-counts', 'steering', periodCountsSheet],
  ['gas-scores', 'gas-distribution', gasScoresSheet],
  ['gas-changes', 'gas-distribution', gasChangesSheet],
  ['coordination-flags', 'coordination', coordinationFlagsSheet],
  ['coordination-open-flags', 'coordination', openFlagsSheet],
  ['coordination-summary', 'coordination', coordinationSummarySheet],
  ['referrals', 'coordination', referralsSheet],
  ['referral-answers', 'coordination', referralAnswersSheet],
  ['collaboration-ties', 'collaboration', collaborationTiesSheet],
  ['quality-indicators', 'collaboration', qualityIndicatorsSheet],
];

/** The filters each JSON figure is asked with (the export takes the same). */
const FILTERS: Record<string, Record<string, string | number>> = {
  'cost-concentration': { year: YEAR, sector: 'employment' },
  'cost-concentration/top-groups': { year: YEAR, sector: 'employment' },
  'cost-table': { year: YEAR, sector: 'employment' },
  'cost-by-month': { year: YEAR, budgetArea: 'Forsørgelse' },
  pathways: { year: YEAR, pathwayType: 'ressourceforloeb' },
  steering: { year: YEAR, ageGroup: 'from30to39' },
  coordination: { year: YEAR, pathwayType: 'ressourceforloeb' },
  collaboration: {},
};

/** The CSV as rows of fields (';', no field here needs quoting). */
function csvRows(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));
}

async function xlsxRows(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      Array.from({ length: width }, (_, column) => (values[column] == null ? '' : String(values[column]))),
    );
  });
  return rows;
}

const asText = (sheet: FigureSheet) =>
  [sheet.header, ...sheet.rows].map((row) => row.map((cell) => (cell === null ? '' : String(cell))));

async function audits(resource: string) {
  return t.context.database.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'citizen_id', 'details'])
    .where('resource', '=', resource)
    .where('action', '=', 'export')
    .orderBy('seq')
    .execute();
}

describe('GET /api/analytics/<figure>/export', () => {
  it.each(EXPORTS)(
    '%s: the XLSX opens and equals the CSV, and both are the figure’s shown cells',
    async (figure, json, sheet) => {
      const filters = FILTERS[json] ?? { year: YEAR };
      const query = new URLSearchParams(
        Object.entries(filters).map(([key, value]) => [key, String(value)]),
      ).toString();
      const shown = await t.request(leader, { method: 'GET', url: `/api/analytics/${json}?${query}` });
      expect(shown.statusCode, shown.body).toBe(200);
      const expected = asText(sheet(shown.json() as never));

      const csv = await t.request(leader, { method: 'GET', url: `/api/analytics/${figure}/export?${query}` });
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain(`samspil-${figure}-`);
      expect(csvRows(csv.body)).toEqual(expected);

      const xlsx = await t.request(leader, {
        method: 'GET',
        url: `/api/analytics/${figure}/export?${query}&format=xlsx`,
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(await xlsxRows(xlsx.rawPayload)).toEqual(expected);

      // Audited: the figure, the format and the filters, never a citizen.
      const audited = await audits(`analytics:${figure}`);
      expect(
        audited.map((row) => [row.outcome, row.citizen_id, (row.details as { format: string }).format]),
      ).toEqual([
        ['allowed', null, 'csv'],
        ['allowed', null, 'xlsx'],
      ]);
      const details = audited[0]?.details as { figure: string; filters: Record<string, unknown> };
      expect(details.figure).toBe(figure);
      expect(details.filters).toEqual(filters);
    },
  );

  it('keeps hidden cells hidden: an empty field wherever the figure hides a cell, none under five', async () => {
    const body = (
      await t.request(leader, { method: 'GET', url: `/api/analytics/cost-table?year=${YEAR}` })
    ).json();
    const exported = csvRows(
      (await t.request(leader, { method: 'GET', url: `/api/analytics/cost-table/export?year=${YEAR}` })).body,
    );
    type Cell = { citizens: number | null; amount: number | null; hidden: string | null };
    const lines: { label: string; cells: Cell[] }[] = [
      ...body.rows.map((row: { budgetArea: string; cells: Cell[]; total: Cell }) => ({
        label: row.budgetArea,
        cells: [...row.cells, row.total],
      })),
      { label: 'total', cells: [...body.totals.cells, body.totals.total] },
    ];
    let hidden = 0;
    lines.forEach((line, index) => {
      const fields = exported[index + 1] as string[];
      expect(fields[0]).toBe(line.label);
      line.cells.forEach((cell, column) => {
        const [citizens, amount] = [fields[1 + 2 * column], fields[2 + 2 * column]];
        if (cell.hidden) {
          hidden++;
          expect([citizens, amount]).toEqual(['', '']);
        } else {
          expect(Number(citizens) === 0 || Number(citizens) >= 5).toBe(true);
          expect([citizens, amount]).toEqual([String(cell.citizens), String(cell.amount)]);
        }
      });
    });
    // The synthetic municipality's top 1 % is small: some cells are hidden, and stay so.
    expect(hidden).toBeGreaterThan(0);
  });

  it('is for team leaders and the administrator only; refusals are audited, bad input named', async () => {
    const url = `/api/analytics/gas-scores/export?year=${YEAR}&format=xlsx`;
    expect((await t.request(administrator, { method: 'GET', url })).statusCode).toBe(200);
    for (const cookie of [caseworker, citizen]) {
      const refused = await t.request(cookie, { method: 'GET', url });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.request(null, { method: 'GET', url })).statusCode).toBe(401);
    const denied = (await audits('analytics:gas-scores')).filter((row) => row.outcome === 'denied');
    expect(denied).toHaveLength(2);
    const bad = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-table/export?year=${YEAR}&format=pdf`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.format');
  });
});
