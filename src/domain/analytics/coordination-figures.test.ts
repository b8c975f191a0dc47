import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../calendar.js';
import { RULE_IDS } from '../coordination/rule.js';
import {
  type FlagEventAction,
  type FlagHistory,
  flagFigures,
  multiSectorOpenFlags,
  openAt,
  type ReferralLoop,
  referralFigures,
} from './coordination-figures.js';
import { determinedCells, hiddenGrid } from './suppression-proof.js';

const YEAR = 2026;
const flag = (citizen: number, kind: string, ...events: [string, FlagEventAction][]): FlagHistory => ({
  citizen,
  kind,
  events: events.map(([day, action]) => ({ day, action })),
});

describe('flag figures (coordination-flags@1)', () => {
  // Six citizens get a duplicate flag in March; four of them close by themselves in April after
  // 10, 12, 20 and 30 days; one more is dismissed; one reopened in May after closing in April.
  const flags = [
    flag(1, 'duplicate', ['2026-03-01', 'opened'], ['2026-03-11', 'auto_resolved']),
    flag(2, 'duplicate', ['2026-03-02', 'opened'], ['2026-03-14', 'auto_resolved']),
    flag(3, 'duplicate', ['2026-03-03', 'opened'], ['2026-03-23', 'resolved']),
    flag(4, 'duplicate', ['2026-03-04', 'opened'], ['2026-04-03', 'auto_resolved']),
    flag(5, 'duplicate', ['2026-03-05', 'opened'], ['2026-03-06', 'dismissed']),
    flag(
      6,
      'duplicate',
      ['2026-03-06', 'opened'],
      ['2026-04-10', 'auto_resolved'],
      ['2026-05-01', 'reopened'],
      ['2026-05-05', 'acknowledged'],
    ),
    // Last year's flag, still open: counted as open, not as raised this year.
    flag(7, 'gaps', ['2025-11-01', 'opened']),
  ];
  const figures = flagFigures(flags, YEAR, '2026-06-30');
  const duplicate = RULE_IDS.indexOf('duplicate');

  it('counts raised and resolved flags per kind and month as a direct count does', () => {
    // Raised in March: six flags of six citizens.
    expect(figures.raised.cells[duplicate]?.[2]).toEqual({ count: 6, citizens: 6, hidden: null });
    // Resolved in March: three (citizens 1–3), in April two (4 and 6): small, hidden.
    expect(figures.raised.rowTotals[duplicate]?.count).toBe(6);
    expect(figures.resolved.cells[duplicate]?.[2]?.hidden).toBe('small');
    expect(figures.resolved.cells[duplicate]?.[3]?.hidden).toBe('small');
    // Five resolutions of five citizens in the year: the row total is shown.
    expect(figures.resolved.rowTotals[duplicate]).toEqual({ count: 5, citizens: 5, hidden: null });
    expect(determinedCells(hiddenGrid(figures.resolved))).toEqual([]);
  });

  it('open at a month end replays the status changes; dismissed flags rest', () => {
    expect(openAt(flags[4] as FlagHistory, '2026-03-05')).toBe(true);
    expect(openAt(flags[4] as FlagHistory, '2026-03-31')).toBe(false);
    expect(figures.openAtMonthEnd.map((month) => month.day)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    const direct = (day: string) => flags.filter((one) => openAt(one, day)).length;
    // End of March: citizens 4, 6 (duplicate) and 7 (gaps): three citizens, hidden.
    expect(direct('2026-03-31')).toBe(3);
    expect(figures.openAtMonthEnd[2]?.total.hidden).toBe('small');
    expect(figures.openAtMonthEnd[0]?.total.hidden).toBe('small');
  });

  it('the median days to resolution, from the last opening, only over 5+ citizens', () => {
    // 10, 12, 20, 30 and 35 days: the median is 20.
    expect(figures.medianDaysToResolution.find((row) => row.kind === 'duplicate')?.medianDays).toBe(20);
    expect(figures.medianDaysToResolution.find((row) => row.kind === 'gaps')?.medianDays).toBeNull();
    expect(figures.medianDaysToResolution.find((row) => row.kind === 'all')?.medianDays).toBe(20);
  });

  it('counts nothing after the reference day', () => {
    const early = flagFigures(flags, YEAR, '2026-03-31');
    expect(early.openAtMonthEnd).toHaveLength(3);
    expect(early.resolved.rowTotals[duplicate]?.hidden).toBe('small');
    expect(early.raised.cells[duplicate]?.[3]).toEqual({ count: 0, citizens: 0, hidden: null });
  });

  it('on random histories: shown raised cells equal a direct count; no hidden cell derivable', () => {
    const historyArbitrary = fc.record({
      citizen: fc.integer({ min: 1, max: 30 }),
      kind: fc.constantFrom(...RULE_IDS),
      opened: fc.integer({ min: 0, max: 364 }),
      after: fc.option(fc.integer({ min: 0, max: 100 })),
    });
    fc.assert(
      fc.property(fc.array(historyArbitrary, { maxLength: 120 }), (drawn) => {
        const histories = drawn.map(({ citizen, kind, opened, after }) => {
          const day = addDays('2026-01-01', opened);
          return flag(
            citizen,
            kind,
            [day, 'opened'],
            ...(after === null ? [] : [[addDays(day, after), 'auto_resolved'] as [string, FlagEventAction]]),
          );
        });
        const result = flagFigures(histories, YEAR, '2026-12-31');
        for (const [r, kind] of RULE_IDS.entries())
          for (let month = 1; month <= 12; month++) {
            const cell = result.raised.cells[r]?.[month - 1];
            const direct = histories.filter(
              (one) => one.kind === kind && Number(one.events[0]?.day.slice(5, 7)) === month,
            );
            if (cell?.hidden === null) expect(cell.count).toBe(direct.length);
          }
        expect(determinedCells(hiddenGrid(result.raised))).toEqual([]);
        expect(determinedCells(hiddenGrid(result.resolved))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('multi-sector citizens with an open flag (multi-sector-open-flags@1)', () => {
  it('shows the share when both parts are 0 or 5+, else nothing', () => {
    const citizens = (open: number, closed: number) => [
      ...Array.from({ length: open }, () => ({ openFlag: true })),
      ...Array.from({ length: closed }, () => ({ openFlag: false })),
    ];
    expect(multiSectorOpenFlags(citizens(6, 14))).toMatchObject({
      citizens: 20,
      withOpenFlag: 6,
      share: 0.3,
    });
    expect(multiSectorOpenFlags(citizens(3, 14))).toMatchObject({
      citizens: null,
      withOpenFlag: null,
      share: null,
    });
    expect(multiSectorOpenFlags(citizens(0, 8))).toMatchObject({ citizens: 8, withOpenFlag: 0, share: 0 });
  });
});

describe('referral figures (referral-loop@1)', () => {
  const referral = (
    citizen: number,
    sent: string,
    answeredAfter: number | null,
    closedAfter: number | null,
  ): ReferralLoop => ({
    citizen,
    sent,
    due: addDays(sent, 14),
    answered: answeredAfter === null ? null : addDays(sent, answeredAfter),
    closed: closedAfter === null ? null : addDays(sent, closedAfter),
  });
  const referrals = [
    // February: six closed within 30 days, answered in time.
    ...[1, 2, 3, 4, 5, 6].map((citizen) => referral(citizen, '2026-02-02', 3 + citizen, 10 + citizen)),
    // March: five still open after 30 days (two answered late), two closed later.
    ...[7, 8, 9, 10, 11].map((citizen) => referral(citizen, '2026-03-02', citizen < 9 ? 20 : null, null)),
    ...[12, 13].map((citizen) => referral(citizen, '2026-03-05', 5, 45)),
    // Last year's: not counted.
    referral(14, '2025-12-30', 2, 3),
  ];
  const figures = referralFigures(referrals, YEAR, '2026-06-30');

  it('counts referrals per month sent and state on the reference day, as a direct count does', () => {
    expect(figures.byMonth.cells[1]?.[0]).toEqual({ count: 6, citizens: 6, hidden: null });
    // March: openOver 5 shown, closedLater 2 hidden (small) with a complement.
    expect(figures.byMonth.cells[2]?.[1]?.hidden).toBe('small');
    expect(figures.byMonth.total).toEqual({ count: 13, citizens: 13, hidden: null });
    expect(determinedCells(hiddenGrid(figures.byMonth))).toEqual([]);
  });

  it('answered by the due date, late, or not: a small part hidden with a complement', () => {
    // By due: 6 (February) + 2 (March 5th, day 5) = 8; late: 2; not answered: 3.
    expect(figures.answered[0]).toEqual({ count: 8, citizens: 8, hidden: null });
    expect(figures.answered[1]?.hidden).toBe('small');
    expect(figures.answered[2]?.hidden).not.toBeNull();
  });

  it('median days to the answer and to the close, over those answered (closed)', () => {
    // Answers: 4…9 (February), 20, 20 (March 2nd), 5, 5: sorted 4 5 5 5 6 7 8 9 20 20 → 6.5.
    expect(figures.medianDaysToAnswer).toBe(6.5);
    // Closes: 11…16, 45, 45: median of eight → (14 + 15) / 2.
    expect(figures.medianDaysToClose).toBe(14.5);
    const direct = referrals
      .filter((one) => one.sent >= '2026-01-01' && one.closed !== null)
      .map((one) => daysBetween(one.sent, one.closed as string))
      .sort((a, b) => a - b);
    expect(figures.medianDaysToClose).toBe(((direct[3] as number) + (direct[4] as number)) / 2);
  });
});
