import type { Language } from '../../i18n/index.js';

const formats = new Map<string, Intl.NumberFormat>();

/** A score with two decimals, the Danish way (4,06) or the English way (4.06); signed for a change. */
export function formatScore(value: number, language: Language, signed = false): string {
  const key = `${language}:${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formats.set(key, format);
  }
  return format.format(value);
}
