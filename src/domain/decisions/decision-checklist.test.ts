import { describe, expect, it } from 'vitest';
import {
  appealBlocker,
  appealResultBlocker,
  checklist,
  type DecisionRecord,
  finaliseBlockers,
  nextStep,
  reconsiderationBlocker,
  reconsiderationDue,
  reconsiderationOverdue,
} from './decision-checklist.js';

const draft = (overrides: Partial<DecisionRecord> = {}): DecisionRecord => ({
  status: 'draft',
  negative: true,
  facts: 'Du har været i praktik 10 timer om ugen.',
  legalBasis: 'LAB-47',
  informalContact: null,
  hearingUntil: null,
  hearingSent: false,
  noHearingReason: null,
  responses: 0,
  appeal: null,
  ...overrides,
});
const inHearing = (overrides: Partial<DecisionRecord> = {}) =>
  draft({ status: 'hearing', hearingSent: true, hearingUntil: '2026-12-17', ...overrides });
const final = (appeal: DecisionRecord['appeal'] = null) =>
  inHearing({ status: 'final', responses: 1, appeal });
const appeal = (overrides: Partial<NonNullable<DecisionRecord['appeal']>> = {}) => ({
  receivedOn: '2027-01-04',
  reconsiderationDue: '2027-02-01',
  reconsideredOn: null,
  reconsiderationOutcome: null,
  forwardedOn: null,
  result: null,
  ...overrides,
});
const states = (record: DecisionRecord, today: string) =>
  Object.fromEntries(checklist(record, today).map((step) => [step.key, step.state]));

describe('finalising a decision', () => {
  it('is refused for a negative decision without a hearing, unless the record says why none is needed', () => {
    expect(finaliseBlockers(draft(), '2026-12-01')).toEqual(['decision.hearing-required']);
    expect(finaliseBlockers(draft({ noHearingReason: '  ' }), '2026-12-01')).toEqual([
      'decision.hearing-required',
    ]);
    expect(
      finaliseBlockers(draft({ noHearingReason: 'Borgeren får alt, hun har søgt om.' }), '2026-12-01'),
    ).toEqual([]);
    // A decision in her favour needs no hearing.
    expect(finaliseBlockers(draft({ negative: false }), '2026-12-01')).toEqual([]);
  });

  it('waits for the hearing: her answer or its last day passed, and says what it changed', () => {
    expect(finaliseBlockers(inHearing(), '2026-12-17', 'Intet')).toEqual(['decision.hearing-open']);
    expect(finaliseBlockers(inHearing(), '2026-12-18', 'Intet')).toEqual([]);
    expect(finaliseBlockers(inHearing({ responses: 1 }), '2026-12-10', 'Timetallet er rettet')).toEqual([]);
    expect(finaliseBlockers(inHearing({ responses: 1 }), '2026-12-10', ' ')).toEqual([
      'decision.hearing-changes-required',
    ]);
  });

  it('is refused once final: a final decision is immutable', () => {
    expect(finaliseBlockers(final(), '2026-12-20', 'Igen')).toEqual(['decision.already-final']);
  });
});

describe('the checklist', () => {
  it('shows each step in the order of the law', () => {
    expect(states(draft(), '2026-12-01')).toEqual({
      draft: 'done',
      'informal-contact': 'open',
      hearing: 'open',
      final: 'later',
      appeal: 'later',
    });
    const contact = { kind: 'call' as const, plannedOn: '2026-12-02', heldOn: null, outcome: null };
    expect(states(draft({ informalContact: contact }), '2026-12-01')['informal-contact']).toBe('waiting');
    expect(
      states(draft({ informalContact: { ...contact, heldOn: '2026-12-02', outcome: 'Talt' } }), '2026-12-03')[
        'informal-contact'
      ],
    ).toBe('done');
    expect(states(inHearing(), '2026-12-10')).toMatchObject({ hearing: 'waiting', final: 'later' });
    expect(states(inHearing(), '2026-12-18')).toMatchObject({ hearing: 'done', final: 'open' });
    expect(states(draft({ noHearingReason: 'Alt bevilget' }), '2026-12-01')).toMatchObject({
      hearing: 'not-needed',
      final: 'open',
    });
    expect(states(final(), '2026-12-20')).toMatchObject({ final: 'done', appeal: 'none' });
  });

  it('names the next step', () => {
    const contact = { kind: 'meeting' as const, plannedOn: '2026-12-02', heldOn: null, outcome: null };
    expect(nextStep(draft(), '2026-12-01')).toBe('informal-contact');
    expect(nextStep(draft({ informalContact: contact }), '2026-12-01')).toBe('informal-outcome');
    const talked = { ...contact, heldOn: '2026-12-02', outcome: 'Hun er uenig' };
    expect(nextStep(draft({ informalContact: talked }), '2026-12-03')).toBe('hearing');
    expect(nextStep(draft({ informalContact: talked, negative: false }), '2026-12-03')).toBe('finalise');
    expect(nextStep(inHearing(), '2026-12-10')).toBe('await-hearing');
    expect(nextStep(inHearing(), '2026-12-18')).toBe('finalise');
    expect(nextStep(final(), '2026-12-20')).toBeNull();
    expect(nextStep(final(appeal()), '2027-01-05')).toBe('reconsider');
    expect(
      nextStep(
        final(
          appeal({
            reconsideredOn: '2027-01-20',
            reconsiderationOutcome: 'upheld',
            forwardedOn: '2027-01-20',
          }),
        ),
        '2027-01-21',
      ),
    ).toBe('appeal-result');
    expect(
      nextStep(
        final(appeal({ reconsideredOn: '2027-01-20', reconsiderationOutcome: 'changed' })),
        '2027-01-21',
      ),
    ).toBeNull();
  });
});

describe('an appeal', () => {
  it('is reconsidered within 4 weeks, counted in Danish calendar days', () => {
    expect(reconsiderationDue('2027-01-04')).toBe('2027-02-01');
    // Across the end of February in a leap year, and across the change to summer time.
    expect(reconsiderationDue('2028-02-10')).toBe('2028-03-09');
    expect(reconsiderationDue('2027-03-20')).toBe('2027-04-17');
    expect(reconsiderationDue('2026-12-20')).toBe('2027-01-17');
  });

  it('is overdue the day after the last day, until the reconsideration is made', () => {
    const open = appeal();
    expect(reconsiderationOverdue(open, '2027-02-01')).toBe(false);
    expect(reconsiderationOverdue(open, '2027-02-02')).toBe(true);
    expect(states(final(open), '2027-02-02').appeal).toBe('overdue');
    expect(
      reconsiderationOverdue(
        appeal({ reconsideredOn: '2027-02-03', reconsiderationOutcome: 'upheld' }),
        '2027-03-01',
      ),
    ).toBe(false);
    expect(reconsiderationOverdue(null, '2027-03-01')).toBe(false);
  });

  it('follows the order: final → appeal → reconsideration → forwarded → result', () => {
    expect(appealBlocker(inHearing())).toBe('decision.not-final');
    expect(appealBlocker(final())).toBeNull();
    expect(appealBlocker(final(appeal()))).toBe('decision.appeal-exists');
    expect(reconsiderationBlocker(final())).toBe('decision.no-appeal');
    expect(reconsiderationBlocker(final(appeal()))).toBeNull();
    expect(appealResultBlocker(final(appeal()))).toBe('decision.not-forwarded');
    const forwarded = appeal({
      reconsideredOn: '2027-01-20',
      reconsiderationOutcome: 'upheld',
      forwardedOn: '2027-01-21',
    });
    expect(reconsiderationBlocker(final(forwarded))).toBe('decision.already-reconsidered');
    expect(appealResultBlocker(final(forwarded))).toBeNull();
    expect(states(final(forwarded), '2027-01-22').appeal).toBe('waiting');
    expect(appealResultBlocker(final({ ...forwarded, result: 'remitted' }))).toBe('decision.result-exists');
  });
});
