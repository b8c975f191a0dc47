import { describe, expect, it } from 'vitest';
import { normaliseCsv, parseCostCsv, splitLine } from './cost-csv.js';

const A = '0190a4f2-0000-7000-8000-000000000001';
const B = '0190a4f2-0000-7000-8000-000000000002';

describe('cost file', () => {
  it('reads good lines in any column order, with ; or , and quotes', () => {
    const parsed = parseCostCsv(
      `\uFEFFamount_ore;month;citizen_id;sector;budget_area\r\n1250000;2026-02;${A};employment;Forsørgelse\r\n0;2026-12;${B};"social-adult";"Botilbud"\r\n`,
    );
    expect(parsed).toEqual({
      ok: true,
      amountOre: 1_250_000,
      lines: [
        {
          line: 2,
          citizenId: A,
          interventionId: null,
          sector: 'employment',
          budgetArea: 'Forsørgelse',
          periodStart: '2026-02-01',
          periodEnd: '2026-02-28',
          amountOre: 1_250_000,
        },
        expect.objectContaining({
          line: 3,
          periodStart: '2026-12-01',
          periodEnd: '2026-12-31',
          amountOre: 0,
        }),
      ],
    });
    const comma = parseCostCsv(
      `citizen_id,sector,budget_area,month,amount_ore\n${A},housing,Boligsocialt arbejde,2024-02,5`,
    );
    expect(comma.ok && comma.lines[0]?.periodEnd).toBe('2024-02-29');
  });

  it('reports every wrong field by line and column, without the value', () => {
    const parsed = parseCostCsv(
      [
        'citizen_id;sector;budget_area;month;amount_ore',
        `${A};employment;Forsørgelse;2026-01;100`,
        `0101901234;employment;Forsørgelse;2026-13;-5`,
        `${A};finance;Nowhere;2026-01;12,50`,
        `${A};employment`,
        `${A};"employment;Forsørgelse;2026-01;1`,
      ].join('\n'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => `${error.line}:${error.column}`)).toEqual([
      '3:citizen_id',
      '3:month',
      '3:amount_ore',
      '4:sector',
      '4:budget_area',
      '4:amount_ore',
      '5:line',
      '6:line',
    ]);
    expect(JSON.stringify(parsed.errors)).not.toContain('0101901234');
    expect(parsed.errorCount).toBe(8);
  });

  it('refuses a header without the required columns or with unknown ones', () => {
    const parsed = parseCostCsv(
      `citizen;sector;budget_area;month;amount_ore\n${A};employment;Forsørgelse;2026-01;1`,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.column)).toEqual(['citizen_id', 'citizen']);
    expect(parseCostCsv('citizen_id;sector;budget_area;month;amount_ore\n').ok).toBe(false);
  });

  it('normalises what the file hash is taken over', () => {
    expect(normaliseCsv('\uFEFFa;b\r\n1;2\r\n\r\n')).toBe('a;b\n1;2');
    expect(splitLine('"a;b";"c""d";e', ';')).toEqual(['a;b', 'c"d', 'e']);
  });
});
