import { LEGAL_BASES, type LegalBasisCode } from '../../domain.js';

/** "LAB § 47 · Mentorstøtte"; bases without a section (voluntary, own effort) leave it out. */
export function legalBasisText(code: LegalBasisCode): string {
  const legal = LEGAL_BASES[code];
  if (!legal) return code;
  const reference = legal.section === '—' ? legal.law : `${legal.law} ${legal.section}`;
  return `${reference} · ${legal.title}`;
}
