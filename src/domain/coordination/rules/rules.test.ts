import { describe, expect, it } from 'vitest';
import { citizen, intervention, TODAY } from '../fact-builders.js';
import { collisionRule } from './collision.rule.js';
import { contradictionRule } from './contradiction.rule.js';
import { duplicateRule } from './duplicate.rule.js';
import { gapsRule } from './gaps.rule.js';
import { pyramidRule } from './pyramid.rule.js';
import { referralOverdueRule } from './referral-overdue.rule.js';
import { stalledRule } from './stalled.rule.js';

const weekdays = (days: string[], from = '09:00', to = '15:00') =>
  days.map((day) => ({ day: day as 'mon', from, to }));

describe('duplicate', () => {
  const run = (...items: ReturnType<typeof intervention>[]) =>
    duplicateRule.evaluate(citizen({ interventions: items }), duplicateRule.defaults, TODAY);

  it('flags the same type from two units in overlapping periods', () => {
    const a = intervention();
    const b = intervention({ unitId: 'unit-social', unitName: 'Socialpsykiatri', startDate: '2026-06-01' });
    const [finding] = run(a, b);
    expect(finding).toMatchObject({ ruleId: 'duplicate', severity: 'high', subjectIds: [a.id, b.id].sort() });
    expect(finding?.explanation.da).toContain('Socialpsykiatri');
    expect(finding?.fingerprint).toBe(run(b, a)[0]?.fingerprint);
  });

  it('does not flag one unit, periods apart, or what has ended or paused', () => {
    expect(run(intervention(), intervention())).toEqual([]);
    expect(
      run(
        intervention({ endDate: '2026-03-01', status: 'active' }),
        intervention({ unitId: 'u2', startDate: '2026-04-01' }),
      ),
    ).toEqual([]);
    expect(run(intervention(), intervention({ unitId: 'u2', status: 'paused' }))).toEqual([]);
    expect(run(intervention(), intervention({ unitId: 'u2', endDate: '2026-10-01' }))).toEqual([]);
  });

  it('flags the same purpose across sectors only for the configured categories', () => {
    const coordination = intervention({ typeId: 't1', category: 'coordination' });
    const otherPlan = intervention({
      typeId: 't2',
      category: 'coordination',
      unitId: 'u2',
      sector: 'social-adult',
    });
    expect(run(coordination, otherPlan)[0]).toMatchObject({
      severity: 'medium',
      explanation: { data: { kind: 'category' } },
    });
    const sameSector = intervention({ typeId: 't2', category: 'coordination', unitId: 'u2' });
    expect(run(coordination, sameSector)).toEqual([]);
    const jobs = [
      intervention({ typeId: 't1' }),
      intervention({ typeId: 't2', unitId: 'u2', sector: 'civil-society' }),
    ];
    expect(run(...jobs)).toEqual([]);
  });
});

describe('collision', () => {
  const run = (items: ReturnType<typeof intervention>[], settings = collisionRule.defaults) =>
    collisionRule.evaluate(citizen({ interventions: items }), settings, TODAY);

  it('flags a full-time activation and a daytime treatment on the same weekdays', () => {
    const activation = intervention({
      businessDirected: true,
      schedule: weekdays(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '15:30'),
    });
    const treatment = intervention({
      typeId: 'day',
      unitId: 'u2',
      schedule: weekdays(['tue', 'thu'], '10:00', '14:00'),
    });
    const [finding] = run([activation, treatment]);
    expect(finding).toMatchObject({
      severity: 'high',
      explanation: { data: { days: ['tue', 'thu'], minutesPerWeek: 480 } },
    });
  });

  it('does not flag one unit, different hours, or a few minutes', () => {
    const a = intervention({ schedule: weekdays(['mon'], '09:00', '10:00') });
    expect(run([a, intervention({ schedule: weekdays(['mon'], '09:00', '10:00') })])).toEqual([]);
    expect(run([a, intervention({ unitId: 'u2', schedule: weekdays(['mon'], '10:00', '11:00') })])).toEqual(
      [],
    );
    expect(run([a, intervention({ unitId: 'u2', schedule: weekdays(['mon'], '09:50', '11:00') })])).toEqual(
      [],
    );
    expect(run([a, intervention({ unitId: 'u2', schedule: null })])).toEqual([]);
  });

  it('flags more home visits by different units on one day than the limit', () => {
    const visit = (unitId: string) =>
      intervention({
        unitId,
        schedule: [{ day: 'tue', from: `0${unitId.length}:00`, to: `0${unitId.length}:30`, homeVisit: true }],
      });
    const four = [visit('a'), visit('bb'), visit('ccc'), visit('dddd')];
    const findings = run(four);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      explanation: { data: { kind: 'home-visits', day: 'tue', units: 4 } },
    });
    expect(run(four.slice(0, 3))).toEqual([]);
    expect(run(four, { ...collisionRule.defaults, maxHomeVisitUnitsPerDay: 4 })).toEqual([]);
  });
});

describe('contradiction', () => {
  const job = intervention({ category: 'job' });
  const pension = intervention({ typeId: 'pension', category: 'disability-pension-prep', unitId: 'u2' });

  it('flags a job goal while a disability pension is being prepared', () => {
    const findings = contradictionRule.evaluate(
      citizen({ interventions: [job, pension] }),
      contradictionRule.defaults,
      TODAY,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
  });

  it('follows the municipality’s table', () => {
    expect(
      contradictionRule.evaluate(citizen({ interventions: [job, pension] }), { pairs: [] }, TODAY),
    ).toEqual([]);
    expect(
      contradictionRule.evaluate(
        citizen({ interventions: [job, intervention({ category: 'education', unitId: 'u3' })] }),
        contradictionRule.defaults,
        TODAY,
      ),
    ).toEqual([]);
  });
});

describe('gaps', () => {
  const run = (facts: Parameters<typeof gapsRule.evaluate>[0], settings = gapsRule.defaults) =>
    gapsRule.evaluate(facts, settings, TODAY).map((finding) => finding.explanation.data.kind);

  it('finds each kind of gap', () => {
    const unlinked = intervention({ subGoalIds: [], followUpDate: '2026-09-01' });
    const facts = citizen({
      hasOwnGoal: false,
      coordinatorId: null,
      interventions: [unlinked],
      subGoals: [{ id: 'goal-1', title: 'Noget', gasHistory: [] }],
    });
    expect(run(facts).sort()).toEqual([
      'follow-up-overdue',
      'intervention-without-sub-goal',
      'no-coordinator',
      'no-own-goal',
      'sub-goal-without-intervention',
    ]);
  });

  it('finds none in a coherent plan, or in a plan nobody works on yet', () => {
    expect(run(citizen({ interventions: [intervention()] }))).toEqual([]);
    expect(run(citizen({ hasOwnGoal: false, coordinatorId: null }))).toEqual([]);
  });

  it('gives a follow-up its grace days and honours switched-off kinds', () => {
    const late = citizen({ interventions: [intervention({ followUpDate: '2026-10-25' })] });
    expect(run(late)).toEqual([]);
    expect(run(late, { ...gapsRule.defaults, followUpGraceDays: 0 })).toEqual(['follow-up-overdue']);
    const goalLate = citizen({
      subGoals: [{ id: 'goal-1', title: 'Komme i praktik', followUpDate: '2026-10-01', gasHistory: [] }],
      interventions: [intervention({ subGoalIds: ['goal-1'] })],
    });
    const [goalFinding] = gapsRule.evaluate(goalLate, gapsRule.defaults, TODAY);
    expect(goalFinding).toMatchObject({
      subjectIds: ['goal-1'],
      severity: 'medium',
      explanation: { data: { kind: 'follow-up-overdue', followUpDate: '2026-10-01' } },
    });
    expect(goalFinding?.explanation.da).toContain('Komme i praktik');
    expect(run(goalLate, { ...gapsRule.defaults, followUpOverdue: false })).toEqual([]);
    expect(
      run(
        citizen({
          subGoals: [{ id: 'goal-1', title: 'x', followUpDate: '2026-10-25', gasHistory: [] }],
          interventions: [intervention({ subGoalIds: ['goal-1'] })],
        }),
      ),
    ).toEqual([]);
    expect(
      run(citizen({ coordinatorId: null, interventions: [intervention()] }), {
        ...gapsRule.defaults,
        noCoordinator: false,
      }),
    ).toEqual([]);
  });
});

describe('stalled', () => {
  it('flags a pathway with no intervention started within six months', () => {
    const facts = citizen({
      pathway: { templateCode: 'ressourceforloeb', startDate: '2026-03-15', firstStartedOn: null },
    });
    expect(stalledRule.evaluate(facts, stalledRule.defaults, TODAY)[0]).toMatchObject({
      severity: 'high',
      explanation: { data: { kind: 'no-intervention-started', deadline: '2026-09-15' } },
    });
  });

  it('does not flag a pathway in time or with an intervention started', () => {
    const recent = citizen({ pathway: { templateCode: 'x', startDate: '2026-06-01', firstStartedOn: null } });
    expect(stalledRule.evaluate(recent, stalledRule.defaults, TODAY)).toEqual([]);
    const started = citizen({
      pathway: { templateCode: 'x', startDate: '2026-01-01', firstStartedOn: '2026-09-01' },
    });
    expect(stalledRule.evaluate(started, stalledRule.defaults, TODAY)).toEqual([]);
  });

  it('flags GAS flat or falling over the last K follow-ups, not rising or at the top', () => {
    const run = (gasHistory: number[]) =>
      stalledRule.evaluate(
        citizen({ subGoals: [{ id: 'g', title: 'Mål', gasHistory }] }),
        stalledRule.defaults,
        TODAY,
      );
    expect(run([1, 0, 0, 0])[0]?.severity).toBe('medium');
    expect(run([0, -1, -1])[0]?.severity).toBe('high');
    expect(run([-1, 0, 0])).toEqual([]);
    expect(run([0, 0])).toEqual([]);
    expect(run([2, 2, 2])).toEqual([]);
    expect(run([-2, -1, 0])).toEqual([]);
  });
});

describe('pyramid', () => {
  const specialised = intervention({ pyramidLevel: 5 });

  it('flags a specialised service with no lower-level support recorded', () => {
    const facts = citizen({ hasNetworkSupport: false, interventions: [specialised] });
    expect(pyramidRule.evaluate(facts, pyramidRule.defaults, TODAY)).toHaveLength(1);
  });

  it('does not flag when less intrusive support is in the plan', () => {
    expect(
      pyramidRule.evaluate(
        citizen({
          hasNetworkSupport: false,
          interventions: [specialised, intervention({ pyramidLevel: 3 })],
        }),
        pyramidRule.defaults,
        TODAY,
      ),
    ).toEqual([]);
    expect(
      pyramidRule.evaluate(citizen({ interventions: [specialised] }), pyramidRule.defaults, TODAY),
    ).toEqual([]);
    expect(
      pyramidRule.evaluate(
        citizen({ interventions: [specialised] }),
        { ...pyramidRule.defaults, networkCounts: false },
        TODAY,
      ),
    ).toHaveLength(1);
    expect(
      pyramidRule.evaluate(
        citizen({
          hasNetworkSupport: false,
          interventions: [intervention({ pyramidLevel: 5, status: 'planned' })],
        }),
        pyramidRule.defaults,
        TODAY,
      ),
    ).toEqual([]);
  });
});

describe('referral-overdue', () => {
  const referral = {
    id: 'r1',
    fromUnitId: 'u1',
    fromProfessionalId: 'p1',
    toUnitId: 'u2',
    toName: 'Bostøtte',
    answerDue: '2026-10-30',
  };

  it('flags a referral not answered by its date, owned by the sender', () => {
    const [finding] = referralOverdueRule.evaluate(
      citizen({ pendingReferrals: [referral] }),
      referralOverdueRule.defaults,
      TODAY,
    );
    expect(finding).toMatchObject({ ownerId: 'p1', subjectIds: ['r1'] });
    // The due day in words, as every other text writes a date.
    expect(finding?.explanation.da).toBe(
      'Henvisningen til Bostøtte skulle have været besvaret senest 30. oktober 2026.',
    );
    expect(finding?.explanation.en).toBe(
      'The referral to Bostøtte should have been answered by 30 October 2026.',
    );
  });

  it('waits until the date and the grace days have passed', () => {
    expect(
      referralOverdueRule.evaluate(
        citizen({ pendingReferrals: [{ ...referral, answerDue: TODAY }] }),
        referralOverdueRule.defaults,
        TODAY,
      ),
    ).toEqual([]);
    expect(
      referralOverdueRule.evaluate(citizen({ pendingReferrals: [referral] }), { graceDays: 5 }, TODAY),
    ).toEqual([]);
  });
});
