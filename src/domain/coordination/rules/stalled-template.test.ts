import { describe, expect, it } from 'vitest';
import { citizen, TODAY } from '../fact-builders.js';
import { stalledRule } from './stalled.rule.js';

/** The stalled rule reading a pathway's template version (decision 0019). */
describe('stalled, by the pathway template', () => {
  const pathway = { templateCode: 'ressourceforloeb', startDate: '2026-07-01', firstStartedOn: null };

  it("takes the template's months before the municipality's setting, and none without the rule", () => {
    const evaluate = (months: number | null | undefined) =>
      stalledRule.evaluate(
        citizen({
          pathway: { ...pathway, ...(months === undefined ? {} : { monthsToFirstIntervention: months }) },
        }),
        { ...stalledRule.defaults, monthsToFirstIntervention: 6 },
        TODAY,
      );
    // Four months since the start: the template's three have passed, the setting's six have not.
    expect(evaluate(3)).toHaveLength(1);
    expect(evaluate(3)[0]?.explanation.en).toContain('within 3 months');
    expect(evaluate(undefined)).toEqual([]);
    expect(evaluate(null)).toEqual([]);
  });

  it('flags a stage past its due date, not on it, and names the stage', () => {
    const stage = {
      pathwayId: 'p1',
      pathwayName: { da: 'Ressourceforløb', en: 'Resource pathway' },
      stageCode: 'forberedelse',
      stageName: { da: 'Forberedelse', en: 'Preparation' },
      since: '2026-08-01',
    };
    const onDay = stalledRule.evaluate(
      citizen({ dueStages: [{ ...stage, dueDate: TODAY }] }),
      stalledRule.defaults,
      TODAY,
    );
    expect(onDay).toEqual([]);
    const [late] = stalledRule.evaluate(
      citizen({ dueStages: [{ ...stage, dueDate: '2026-10-31' }] }),
      stalledRule.defaults,
      TODAY,
    );
    expect(late).toMatchObject({
      ruleId: 'stalled',
      severity: 'medium',
      fingerprint: 'stalled:stage-overdue-forberedelse-2026-08-01:p1',
      explanation: { data: { kind: 'stage-overdue', stage: 'forberedelse' } },
    });
    expect(late?.explanation.da).toContain('"Forberedelse"');
  });
});
