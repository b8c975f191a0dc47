/**
 * Reading CSV imports (RFC 4180: comma-separated, fields optionally in double quotes with ""
 * for a quote, CRLF or LF line ends, an optional byte-order mark). Problems name the line, as
 * a spreadsheet shows it (the header is line 1), so the person importing can fix the file.
 */

export interface CsvProblem {
  line: number;
  field?: string;
  message: string;
}

export interface CsvRow {
  line: number;
  /** Values by header name. */
  values: Record<string, string>;
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; problems: CsvProblem[] };

/** At most this many data lines in one import. */
export const MAX_CSV_ROWS = 50_000;

/** Splits CSV text into records of fields, each with the line it starts on. */
function records(text: string): { line: number; fields: string[] }[] | CsvProblem {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let fieldStarted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === '"') {
      return { line, message: 'has a quote inside an unquoted field' };
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: startLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      startLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { line: startLine, message: 'has a quoted field that is never closed' };
  if (fieldStarted || fields.length > 0) {
    fields.push(field);
    out.push({ line: startLine, fields });
  }
  return out;
}

/**
 * Parses CSV with exactly the expected header; every other line must have as many fields.
 * Blank lines are skipped.
 */
export function parseCsv(text: string, header: readonly string[]): CsvParse {
  const parsed = records(text);
  if (!Array.isArray(parsed)) return { ok: false, problems: [parsed] };
  const [first, ...rest] = parsed.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const actual = first?.fields.map((field) => field.trim().toLowerCase());
  if (!first || actual?.join(',') !== header.join(',')) {
    return {
      ok: false,
      problems: [
        { line: first?.line ?? 1, message: `the first line must be the header ${header.join(',')}` },
      ],
    };
  }
  if (rest.length === 0) return { ok: false, problems: [{ line: 2, message: 'there are no answers' }] };
  if (rest.length > MAX_CSV_ROWS)
    return { ok: false, problems: [{ line: 1, message: `at most ${MAX_CSV_ROWS} lines per import` }] };
  const problems: CsvProblem[] = [];
  const rows: CsvRow[] = [];
  for (const record of rest) {
    if (record.fields.length !== header.length) {
      problems.push({
        line: record.line,
        message: `has ${record.fields.length} fields, the header ${header.length}`,
      });
      continue;
    }
    rows.push({
      line: record.line,
      values: Object.fromEntries(header.map((name, index) => [name, (record.fields[index] ?? '').trim()])),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** A whole number from `min` to `max` in a CSV field, or a problem about it. */
export function wholeNumberIn(
  row: CsvRow,
  field: string,
  min: number,
  max: number,
  problems: CsvProblem[],
): number {
  const value = row.values[field] ?? '';
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    problems.push({ line: row.line, field, message: `must be a whole number from ${min} to ${max}` });
    return Number.NaN;
  }
  return Number(value);
}

/** A respondent key: anything short that is not a name or an e-mail (anonymous answers). */
export function respondentKey(row: CsvRow, problems: CsvProblem[]): string {
  const value = row.values.respondent ?? '';
  if (value === '' || value.length > 64) {
    problems.push({ line: row.line, field: 'respondent', message: 'must be a key of 1–64 characters' });
  } else if (value.includes('@')) {
    problems.push({
      line: row.line,
      field: 'respondent',
      message: 'must be an anonymous key, not an e-mail address',
    });
  }
  return value;
}
