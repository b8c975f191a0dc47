import { formatDay } from './dates.js';
import type { Sex } from './names.js';
import type { Random } from './random.js';

/**
 * CPR-like numbers in the substitute-number form (erstatningspersonnummer): the day of birth
 * plus 60, so the day field is 61–91 and no number can belong to a real person's ordinary CPR
 * number. The last digit is even for women and odd for men, as in real numbers.
 */
export class SubstituteCprNumbers {
  private readonly issued = new Set<string>();

  /** A new, unique ten-digit number for someone born on `birthDay`. */
  issue(random: Random, birthDay: number, sex: Sex): string {
    const iso = formatDay(birthDay);
    const birthPart = `${String(Number(iso.slice(8, 10)) + 60)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
    let serial =
      random.int(0, 999) * 10 + (sex === 'female' ? 2 * random.int(0, 4) : 2 * random.int(0, 4) + 1);
    let cpr = `${birthPart}${String(serial).padStart(4, '0')}`;
    // Two citizens on the same birthday may draw the same serial; step on by two to keep the sex digit.
    while (this.issued.has(cpr)) {
      serial = (serial + 2) % 10_000;
      cpr = `${birthPart}${String(serial).padStart(4, '0')}`;
    }
    this.issued.add(cpr);
    return cpr;
  }
}
