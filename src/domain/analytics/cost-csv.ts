import { daysInMonth } from '../calendar.js';
import { BUDGET_AREAS } from '../organisation/budget-areas.js';
import { SECTORS } from '../organisation/sectors.js';

/**
 * The cost file a municipality's finance system delivers: one line per citizen, sector, budget
 * area and month. Header line required; separator ';' or ',' (taken from the header); fields may
 * be quoted ("…", "" inside). Columns (any order):
 *
 *   citizen_id      the citizen's Samspil id (never a CPR number: files travel and get mailed)
 *   sector          one of SECTORS
 *   budget_area     one of BUDGET_AREAS
 *   month           YYYY-MM, the month the cost is booked to
 *   amount_ore      whole øre, 0 or more (corrections are a new file, not negative lines)
 *   intervention_id optional: the intervention the cost is for
 */
export const REQUIRED_COLUMNS = ['citizen_id', 'sector', 'budget_area', 'month', 'amount_ore'] as const;
export const OPTIONAL_COLUMNS = ['intervention_id'] as const;
/** More lines than this in one file is refused: split it. */
export const MAX_LINES = 1_000_000;
/** A file with errors reports at most this many (and how many there were). */
export const MAX_REPORTED_ERRORS = 200;

/** One cost: whose, for which intervention (if any), booked where, for which period, in øre. */
export interface CostEntry {
  citizenId: string;
  interventionId: string | null;
  sector: string;
  budgetArea: string;
  periodStart: string;
  periodEnd: string;
  amountOre: number;
}

export interface CostLine extends CostEntry {
  /** Line number in the file (the header is line 1). */
  line: number;
}

export interface LineError {
  line: number;
  column: string;
  message: string;
}

export type ParsedCostFile =
  | { ok: true; lines: CostLine[]; amountOre: number }
  | { ok: false; errors: LineError[]; errorCount: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const AMOUNT = /^\d{1,15}$/;
const sectors = new Set<string>(SECTORS);
const budgetAreas = new Set<string>(BUDGET_AREAS);

/** The text the file hash is taken over: without a byte-order mark, line endings as \n, no trailing blank lines. */
export function normaliseCsv(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '');
}

/** Splits one line into fields (RFC 4180 quoting); null when a quote is not closed. */
export function splitLine(line: string, separator: string): string[] | null {
  if (!line.includes('"')) return line.split(separator);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * Parses and validates a whole cost file. Either every line is good, or the errors of the file
 * (line, column, what is wrong; never the value itself, which could be personal data).
 */
export function parseCostCsv(text: string): ParsedCostFile {
  const errors: LineError[] = [];
  let errorCount = 0;
  const fail = (line: number, column: string, message: string) => {
    errorCount++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line, column, message });
  };
  const rows = normaliseCsv(text).split('\n');
  const header = rows[0] ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const names = (splitLine(header, separator) ?? []).map((name) => name.trim().toLowerCase());
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  for (const column of REQUIRED_COLUMNS)
    if (!names.includes(column)) fail(1, column, `the header has no column ${column}`);
  names.forEach((name, index) => {
    if (!known.has(name)) fail(1, name || `column ${index + 1}`, 'is not a column of a cost file');
    else if (names.indexOf(name) !== index) fail(1, name, 'appears twice in the header');
  });
  if (rows.length - 1 > MAX_LINES) fail(rows.length, 'file', `has more than ${MAX_LINES} lines: split it`);
  if (rows.length < 2) fail(1, 'file', 'has no cost lines under the header');
  if (errorCount > 0) return { ok: false, errors, errorCount };

  const at = Object.fromEntries(names.map((name, index) => [name, index])) as Record<string, number>;
  const citizenAt = at.citizen_id as number;
  const interventionAt = at.intervention_id;
  const sectorAt = at.sector as number;
  const budgetAreaAt = at.budget_area as number;
  const monthAt = at.month as number;
  const amountAt = at.amount_ore as number;
  // A file books few distinct months: each is checked and turned into its period once.
  const periods = new Map<string, { start: string; end: string } | string>();
  const periodOf = (value: string) => {
    let period = periods.get(value);
    if (period === undefined) {
      const month = MONTH.exec(value);
      if (!month) period = 'must be a month as YYYY-MM';
      else if (Number(month[1]) < 2000 || Number(month[1]) > 2100) period = 'must be in the years 2000–2100';
      else
        period = {
          start: `${month[1]}-${month[2]}-01`,
          end: lastDayOfMonth(Number(month[1]), Number(month[2])),
        };
      periods.set(value, period);
    }
    return period;
  };
  const lines: CostLine[] = [];
  let amountOre = 0;
  // No closure per line: a file has up to a million of them.
  for (let index = 1; index < rows.length; index++) {
    const lineNumber = index + 1;
    const fields = splitLine(rows[index] as string, separator);
    if (fields === null) {
      fail(lineNumber, 'line', 'has a quote that is not closed');
      continue;
    }
    if (fields.length !== names.length) {
      fail(lineNumber, 'line', `has ${fields.length} fields, the header ${names.length}`);
      continue;
    }
    const before = errorCount;
    const citizenId = (fields[citizenAt] ?? '').trim();
    if (!UUID.test(citizenId)) fail(lineNumber, 'citizen_id', 'must be a citizen id (UUID)');
    const interventionId = interventionAt === undefined ? '' : (fields[interventionAt] ?? '').trim();
    if (interventionId !== '' && !UUID.test(interventionId))
      fail(lineNumber, 'intervention_id', 'must be an intervention id (UUID) or empty');
    const sector = (fields[sectorAt] ?? '').trim();
    if (!sectors.has(sector)) fail(lineNumber, 'sector', `must be one of ${SECTORS.join(', ')}`);
    const budgetArea = (fields[budgetAreaAt] ?? '').trim();
    if (!budgetAreas.has(budgetArea))
      fail(lineNumber, 'budget_area', `must be one of ${BUDGET_AREAS.join(', ')}`);
    const period = periodOf((fields[monthAt] ?? '').trim());
    if (typeof period === 'string') fail(lineNumber, 'month', period);
    const amount = (fields[amountAt] ?? '').trim();
    if (!AMOUNT.test(amount))
      fail(lineNumber, 'amount_ore', 'must be whole øre, 0 or more (no sign, no decimals)');
    if (errorCount > before || typeof period === 'string') continue;
    lines.push({
      line: lineNumber,
      citizenId: citizenId.toLowerCase(),
      interventionId: interventionId === '' ? null : interventionId.toLowerCase(),
      sector,
      budgetArea,
      periodStart: period.start,
      periodEnd: period.end,
      amountOre: Number(amount),
    });
    amountOre += Number(amount);
  }
  if (errorCount > 0) return { ok: false, errors, errorCount };
  return { ok: true, lines, amountOre };
}
