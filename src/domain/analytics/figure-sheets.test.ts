import { describe, expect, it } from 'vitest';
import { toCsv } from '../common/csv.js';
import type { CostTable, GasDistribution } from './analytics.responses.js';
import { costTableSheet, gasScoresSheet } from './figure-sheets.js';

const shown = (citizens: number, amount: number) => ({ citizens, amount, hidden: null });
const hidden = { citizens: null, amount: null, hidden: 'small' as const };

describe('management tables as sheets', () => {
  it('writes the cells a cost table shows and leaves every hidden cell empty', () => {
    const table: CostTable = {
      definition: { id: 'cost-by-area-and-band', version: 1 },
      year: 2026,
      citizens: 10,
      bands: ['top1', 'rest'],
      rows: [
        { budgetArea: 'Forsørgelse', cells: [hidden, shown(8, 800)], total: hidden },
        { budgetArea: 'Botilbud', cells: [hidden, shown(5, 500)], total: hidden },
      ],
      totals: { cells: [shown(7, 700), shown(9, 1300)], total: shown(10, 2000) },
    };
    const sheet = costTableSheet(table);
    expect(sheet.definitions).toEqual(['cost-by-area-and-band@1']);
    expect(toCsv(sheet.header, sheet.rows, ';')).toBe(
      [
        'budget_area;top1_citizens;top1_amount_ore;rest_citizens;rest_amount_ore;total_citizens;total_amount_ore',
        'Forsørgelse;;;8;800;;',
        'Botilbud;;;5;500;;',
        'total;7;700;9;1300;10;2000',
        '',
      ].join('\r\n'),
    );
  });

  it('names units by name (never a professional), and the citizens without a coordinator apart', () => {
    const count = (citizens: number | null) => ({
      citizens,
      hidden: citizens === null ? ('small' as const) : null,
    });
    const gas = {
      definition: { id: 'gas-distribution', version: 1 },
      year: 2026,
      scoreBands: ['below40', 'from40to50', 'from50to60', 'from60'],
      changeBands: ['fell', 'from0to5', 'from5to10', 'from10'],
      scores: {
        rows: [
          {
            unit: { id: 'u', name: '=Jobcenter; Syd' },
            cells: [count(5), count(null), count(6), count(0)],
            total: count(null),
          },
          { unit: null, cells: [count(0), count(null), count(null), count(0)], total: count(7) },
        ],
        totals: { cells: [count(5), count(9), count(8), count(0)], total: count(22) },
      },
      changes: { rows: [], totals: { cells: [], total: count(0) } },
    } as GasDistribution;
    const sheet = gasScoresSheet(gas);
    expect(sheet.rows[0]).toEqual(['=Jobcenter; Syd', 5, null, 6, 0, null]);
    expect(sheet.rows[1]?.[0]).toBe('no_coordinator');
    // A unit's name cannot run as a formula, nor break the line into more fields.
    expect(toCsv(sheet.header, sheet.rows, ';').split('\r\n')[1]).toBe('"\'=Jobcenter; Syd";5;;6;0;');
  });
});
