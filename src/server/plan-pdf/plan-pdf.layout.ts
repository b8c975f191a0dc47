import { fill, type PdfLanguage } from './plan-pdf.texts.js';

/**
 * The pure layout of a Samspil PDF: what goes on the pages, in order, before any drawing. The
 * documents (plan-pdf.document.ts, export-pdf.document.ts) compose it from what the presenters
 * let the reader see; the renderer (plan-pdf.render.ts) only draws it. Nothing here knows PDF.
 */

export type PdfBlock =
  | { kind: 'heading'; text: string; level: 2 | 3 }
  | { kind: 'paragraph'; text: string; tone?: 'lead' | 'muted' | 'notice' | 'strong' }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: PdfColumn[]; rows: string[][] }
  /** A box with a title and lines: one intervention, one step. `muted` for restricted ones. */
  | { kind: 'card'; title: string; lines: string[]; muted?: boolean };

export interface PdfColumn {
  label: string;
  /** Share of the text width (the shares of a table add up to 1). */
  width: number;
}

export interface PdfLayout {
  language: PdfLanguage;
  /** The document's title, on the first page and in the PDF's metadata. */
  title: string;
  /** The words in the header band of every page. */
  band: string;
  /** Lines under the title: CPR (masked), version, date. */
  meta: string[];
  blocks: PdfBlock[];
  /** Footer text of every page, left: title, date and plan version. */
  running: string;
  /** Footer text of every page, right: a template with {page} and {pages}. */
  pageTemplate: string;
}

/** "Side 2 af 5": the page label of one page. */
export function pageLabel(template: string, page: number, pages: number): string {
  return fill(template, { page, pages });
}

const DATE_FORMATS: Record<PdfLanguage, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const DATE_TIME_FORMATS: Record<PdfLanguage, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }),
};

/** A calendar day (YYYY-MM-DD) in words: "5. januar 2026". */
export function formatDay(day: string, language: PdfLanguage): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : DATE_FORMATS[language].format(date);
}

/** A moment (ISO date-time) in Danish time: "5. jan. 2026 14.30". */
export function formatMoment(at: string, language: PdfLanguage): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : DATE_TIME_FORMATS[language].format(date);
}

const MONEY: Record<PdfLanguage, Intl.NumberFormat> = {
  da: new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'DKK' }),
};

/** Money in øre as kroner: "1.200,00 kr.". */
export function formatMoney(ore: number, language: PdfLanguage): string {
  return MONEY[language].format(ore / 100);
}
