import { z } from 'zod';
import { dayInWords, daysBetween } from '../../calendar.js';
import type { CitizenFacts } from '../facts.js';
import { type Finding, fingerprintOf, type RuleDefinition } from '../rule.js';

export interface ReferralOverdueSettings extends Record<string, unknown> {
  /** Days past the answer date before the referral is flagged. */
  graceDays: number;
}

/** A referral nobody has answered by its answer date: the loop must be closed. */
export const referralOverdueRule: RuleDefinition<ReferralOverdueSettings> = {
  id: 'referral-overdue',
  title: { da: 'Henvisning uden svar', en: 'Referral not answered' },
  description: {
    da: 'En henvisning er ikke besvaret inden svarfristen.',
    en: 'A referral has not been answered by its answer date.',
  },
  severity: 'medium',
  defaults: { graceDays: 0 },
  settingsSchema: z.strictObject({ graceDays: z.number().int().min(0).max(90).optional() }),
  evaluate(facts: CitizenFacts, settings: ReferralOverdueSettings, today: string): Finding[] {
    return facts.pendingReferrals
      .filter((referral) => daysBetween(referral.answerDue, today) > settings.graceDays)
      .map((referral) => ({
        ruleId: 'referral-overdue',
        fingerprint: fingerprintOf('referral-overdue', 'no-answer', [referral.id]),
        severity: 'medium',
        subjectIds: [referral.id],
        unitIds: referral.toUnitId ? [referral.fromUnitId, referral.toUnitId] : [referral.fromUnitId],
        sectors: [],
        ownerId: referral.fromProfessionalId,
        explanation: {
          da: `Henvisningen til ${referral.toName} skulle have været besvaret senest ${dayInWords(referral.answerDue, 'da')}.`,
          en: `The referral to ${referral.toName} should have been answered by ${dayInWords(referral.answerDue, 'en')}.`,
          data: { kind: 'no-answer', answerDue: referral.answerDue },
        },
      }));
  },
};
