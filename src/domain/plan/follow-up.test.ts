import { describe, expect, it } from 'vitest';
import {
  type FollowUpCode,
  followUpIssues,
  interventionFollowUpSchema,
  needsNextDate,
  needsReasons,
  subGoalFollowUpSchema,
} from './follow-up.js';

const heldOn = '2026-12-04';
const fields = (issues: ReturnType<typeof followUpIssues>) => issues.map((issue) => issue.field);

describe('the FSIII follow-up codes', () => {
  it('needs reasons for change, end and re-assess, and a next date for continue and change', () => {
    const codes: FollowUpCode[] = ['continue', 'change', 'end', 'reassess'];
    expect(codes.filter(needsReasons)).toEqual(['change', 'end', 'reassess']);
    expect(codes.filter(needsNextDate)).toEqual(['continue', 'change']);
  });

  it('continue: a next date, reasons optional', () => {
    expect(followUpIssues({ code: 'continue', heldOn, nextDate: '2027-03-01' })).toEqual([]);
    expect(fields(followUpIssues({ code: 'continue', heldOn }))).toEqual(['nextDate']);
  });

  it('change: reasons, a next date and what changes', () => {
    const ok = { code: 'change' as const, heldOn, reasons: 'For meget', nextDate: '2027-01-15' };
    expect(followUpIssues({ ...ok, change: { frequency: 'Hver uge' } })).toEqual([]);
    expect(fields(followUpIssues({ code: 'change', heldOn }))).toEqual(['reasons', 'nextDate', 'change']);
    expect(fields(followUpIssues({ ...ok, reasons: '   ', change: { frequency: 'x' } }))).toEqual([
      'reasons',
    ]);
  });

  it('end: reasons, and no next date', () => {
    expect(followUpIssues({ code: 'end', heldOn, reasons: 'Målet er nået' })).toEqual([]);
    expect(fields(followUpIssues({ code: 'end', heldOn, reasons: 'x', nextDate: '2027-01-01' }))).toEqual([
      'nextDate',
    ]);
    expect(fields(followUpIssues({ code: 'end', heldOn }))).toEqual(['reasons']);
  });

  it('re-assess: reasons; a next date is optional', () => {
    expect(followUpIssues({ code: 'reassess', heldOn, reasons: 'Ny situation' })).toEqual([]);
    expect(fields(followUpIssues({ code: 'reassess', heldOn }))).toEqual(['reasons']);
  });

  it('the next date comes after the day of the follow-up', () => {
    expect(fields(followUpIssues({ code: 'continue', heldOn, nextDate: heldOn }))).toEqual(['nextDate']);
    expect(fields(followUpIssues({ code: 'continue', heldOn, nextDate: '2026-12-01' }))).toEqual([
      'nextDate',
    ]);
    expect(followUpIssues({ code: 'continue', heldOn, nextDate: '2026-12-05' })).toEqual([]);
  });

  it('only a change within the frame changes the item', () => {
    expect(
      fields(followUpIssues({ code: 'continue', heldOn, nextDate: '2027-01-01', change: { purpose: 'x' } })),
    ).toEqual(['change']);
  });
});

describe('the follow-up bodies', () => {
  it('name the field at fault', () => {
    const parsed = interventionFollowUpSchema.safeParse({ code: 'change', change: { frequency: 'Dagligt' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['nextDate', 'reasons']);
  });

  it('keep to what changes within the frame', () => {
    const outside = interventionFollowUpSchema.safeParse({
      code: 'change',
      reasons: 'x',
      nextDate: '2027-01-01',
      change: { legalBasis: 'SEL-85' },
    });
    expect(outside.success).toBe(false);
    const goal = subGoalFollowUpSchema.safeParse({ code: 'continue', nextDate: '2027-01-01', gasLevel: 1 });
    expect(goal.success).toBe(true);
    expect(
      subGoalFollowUpSchema.safeParse({ code: 'continue', nextDate: '2027-01-01', gasLevel: 3 }).success,
    ).toBe(false);
  });
});
