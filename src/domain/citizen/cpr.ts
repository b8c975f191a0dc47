/**
 * CPR numbers: 10 digits, DDMMYY-SSSS. The modulus-11 check is deliberately NOT applied:
 * numbers issued since 2007 may fail it.
 */
const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** Normalises "DDMMYY-SSSS" or "DDMMYYSSSS" to ten digits, or returns null when it is not a CPR number. */
export function normaliseCpr(input: string): string | null {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return null;
  const [, dd, mm] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  // Day 61–91 would be a substitute number (erstatningspersonnummer): day + 60.
  const realDay = day > 60 ? day - 60 : day;
  if (month < 1 || month > 12 || realDay < 1 || realDay > 31) return null;
  return input.trim().replace('-', '');
}

/** The birth part DDMMYY, which is what a masked CPR number shows. */
export function cprBirthPart(normalised: string): string {
  return normalised.slice(0, 6);
}

/** The masked form shown everywhere unless a reveal is asked for (and audited). */
export function maskCpr(birthPart: string): string {
  return `${birthPart}-xxxx`;
}
