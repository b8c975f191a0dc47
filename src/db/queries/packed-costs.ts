import type { AreaCost, AreaMonths } from '../../domain/analytics/cost-table.js';
import { BUDGET_AREAS } from '../../domain/organisation/budget-areas.js';

/**
 * The cost figures' packed reads (analytics.queries.ts), taken apart in one pass over the
 * characters: a read of ten million cost entries is some 200,000 lines and 5 million numbers,
 * and splitting them into substrings first cost more than the database's part.
 *
 * Lines are separated by `\n`, one per citizen. A budget area is its number in BUDGET_AREAS
 * (1, 2, …; 0 for an area outside it, given as ''). A budget area booked by several sectors
 * comes once per sector and is summed here.
 */

const NEWLINE = 10;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

const areaOfNumber = (number: number): string => BUDGET_AREAS[number - 1] ?? '';

/** `area|amount;area|amount` per citizen; each citizen's areas summed, only positive sums kept. */
export function parseAreaCosts(packed: string): AreaCost[][] {
  const citizens: AreaCost[][] = [];
  let costs: AreaCost[] = [];
  let area = 0;
  let value = 0;
  let negative = false;
  const endPair = () => {
    const amount = negative ? -value : value;
    const name = areaOfNumber(area);
    const same = costs.find((cost) => cost.area === name);
    if (same) same.amount += amount;
    else costs.push({ area: name, amount });
    value = 0;
    negative = false;
  };
  for (let at = 0; at <= packed.length; at++) {
    const code = at === packed.length ? NEWLINE : packed.charCodeAt(at);
    if (code >= ZERO && code <= NINE) value = value * 10 + (code - ZERO);
    else if (code === MINUS) negative = true;
    else if (code === 124 /* | */) {
      area = value;
      value = 0;
    } else if (code === 59 /* ; */) endPair();
    else if (code === NEWLINE) {
      endPair();
      citizens.push(costs.filter((cost) => cost.amount > 0));
      costs = [];
    }
  }
  return citizens;
}

/** `area{m1,…,m12}area{…}` per citizen: each citizen's months per area, summed over sectors. */
export function parseAreaMonths(packed: string): AreaMonths[][] {
  const citizens: AreaMonths[][] = [];
  let costs: AreaMonths[] = [];
  let months: number[] = [];
  let area = 0;
  let value = 0;
  let negative = false;
  const endMonth = () => {
    months.push(negative ? -value : value);
    value = 0;
    negative = false;
  };
  for (let at = 0; at <= packed.length; at++) {
    const code = at === packed.length ? NEWLINE : packed.charCodeAt(at);
    if (code >= ZERO && code <= NINE) value = value * 10 + (code - ZERO);
    else if (code === MINUS) negative = true;
    else if (code === 123 /* { */) {
      area = value;
      value = 0;
    } else if (code === 44 /* , */) endMonth();
    else if (code === 125 /* } */) {
      endMonth();
      const name = areaOfNumber(area);
      const same = costs.find((cost) => cost.area === name);
      if (same) same.months = same.months.map((amount, index) => amount + (months[index] as number));
      else costs.push({ area: name, months });
      months = [];
      area = 0;
    } else if (code === NEWLINE) {
      citizens.push(costs);
      costs = [];
    }
  }
  return citizens;
}
