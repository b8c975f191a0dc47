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
  let sign = 1;
  const length = packed.length;
  for (let at = 0; at <= length; at++) {
    const code = at === length ? NEWLINE : packed.charCodeAt(at);
    if (code >= ZERO && code <= NINE) value = value * 10 + (code - ZERO);
    else if (code === 124 /* | */) {
      area = value;
      value = 0;
    } else if (code === 59 /* ; */ || code === NEWLINE) {
      addAmount(costs, areaOfNumber(area), sign * value);
      value = 0;
      sign = 1;
      if (code === NEWLINE) {
        citizens.push(costs.filter((cost) => cost.amount > 0));
        costs = [];
      }
    } else if (code === MINUS) sign = -1;
  }
  return citizens;
}

function addAmount(costs: AreaCost[], area: string, amount: number): void {
  for (const cost of costs)
    if (cost.area === area) {
      cost.amount += amount;
      return;
    }
  costs.push({ area, amount });
}

/** `area{m1,…,m12}area{…}` per citizen: each citizen's months per area, summed over sectors. */
export function parseAreaMonths(packed: string): AreaMonths[][] {
  const citizens: AreaMonths[][] = [];
  let costs: AreaMonths[] = [];
  let months = twelveZeros();
  let month = 0;
  let area = 0;
  let value = 0;
  let sign = 1;
  // One loop, no closures: its variables stay local (5 million numbers at 10 million entries).
  const length = packed.length;
  for (let at = 0; at <= length; at++) {
    const code = at === length ? NEWLINE : packed.charCodeAt(at);
    if (code >= ZERO && code <= NINE) value = value * 10 + (code - ZERO);
    else if (code === 44 /* , */) {
      months[month++] = sign * value;
      value = 0;
      sign = 1;
    } else if (code === 125 /* } */) {
      months[month] = sign * value;
      value = 0;
      sign = 1;
      addMonths(costs, areaOfNumber(area), months);
      months = twelveZeros();
      month = 0;
    } else if (code === 123 /* { */) {
      area = value;
      value = 0;
    } else if (code === MINUS) sign = -1;
    else if (code === NEWLINE) {
      citizens.push(costs);
      costs = [];
    }
  }
  return citizens;
}

/** A fresh array of the twelve months (a literal: packed, not holey, for V8). */
const twelveZeros = (): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

function addMonths(costs: AreaMonths[], area: string, months: number[]): void {
  for (const cost of costs)
    if (cost.area === area) {
      for (let index = 0; index < months.length; index++)
        cost.months[index] = (cost.months[index] as number) + (months[index] as number);
      return;
    }
  costs.push({ area, months });
}
