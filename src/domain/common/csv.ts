/**
 * CSV of a table: a header row and one row per table row. Fields with the separator, a quote or
 * a line break are quoted (RFC 4180). A text starting with =, +, - or @ is prefixed with an
 * apostrophe so a spreadsheet does not run it as a formula (numbers stay numbers).
 */
export type CsvCell = string | number | null;

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  separator: ',' | ';' = ',',
): string {
  const field = (value: CsvCell): string => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(separator)).join('\r\n')}\r\n`;
}
