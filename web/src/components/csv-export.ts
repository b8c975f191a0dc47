/** CSV export of a results table, as shown (the rule is the domain's: src/domain/common/csv.ts). */
export { type CsvCell, toCsv } from '../../../src/domain/common/csv.js';

/** Offers the CSV as a file download (with a BOM, so spreadsheets read æøå right). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
