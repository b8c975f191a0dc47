import { describe, expect, it } from 'vitest';
import { lix } from '../../domain/language/lix.js';
import type { DecisionView } from '../../domain/decisions/decision.schemas.js';
import { composeDecisionLetter } from './decision-letter.document.js';
import { letterTexts } from './decision-letter.texts.js';

const decision: DecisionView = {
  id: '00000000-0000-4000-8000-000000000001',
  unit: { id: '00000000-0000-4000-8000-000000000002', name: 'Jobcentret' },
  title: 'Mentorstøtte',
  proposal: 'Vi vil stoppe mentoren.',
  facts: 'Du er i praktik 10 timer.',
  legalBasis: 'LAB-47',
  negative: true,
  status: 'final',
  hearingUntil: '2026-12-17',
  hearingOpen: false,
  responses: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  steps: [],
  nextStep: null,
  informalContact: null,
  noHearingReason: null,
  final: {
    decidedOn: '2026-12-20',
    text: 'Mentoren fortsætter til februar.',
    changedByHearing: true,
    hearingChanges: 'Vi har rettet timetallet.',
    reasons: {
      rules: 'Reglen om mentor.',
      considerations: 'Du har det godt.',
      facts: 'Du er i praktik 8 timer.',
    },
    appeal: { body: 'Ankestyrelsen', how: 'Skriv til os.', weeks: 4, until: '2027-01-17' },
  },
  appeal: null,
  teamCase: null,
};

/** The letter's own words, as the reader meets them: headings and sentences, no case data. */
function ownProse(kind: 'hearing' | 'final'): string {
  const layout = composeDecisionLetter(decision, kind, { language: 'da', today: '2026-12-20' });
  const caseData = [decision.proposal, decision.facts, decision.final?.text, decision.final?.hearingChanges];
  return layout.blocks
    .flatMap((block) => ('text' in block ? [block.text] : []))
    .filter((text) => !caseData.includes(text))
    .map((text) => (/[.!?:]$/.test(text) ? text : `${text}.`))
    .join(' ');
}

describe('a decision letter', () => {
  it('says the law’s demands in plain words: its own prose is at LIX 30 or below', () => {
    for (const kind of ['hearing', 'final'] as const)
      expect(lix(ownProse(kind)), kind).toBeLessThanOrEqual(30);
  });

  it('has the reasons and the appeal guidance in the final letter, the deadline in the hearing letter', () => {
    const final = composeDecisionLetter(decision, 'final', { language: 'da', today: '2026-12-20' });
    const texts = final.blocks.flatMap((block) => ('text' in block ? [block.text] : []));
    expect(final.title).toBe('Vi har besluttet: Mentorstøtte');
    expect(texts).toEqual(
      expect.arrayContaining([
        letterTexts.da.finalChanged,
        'Du kan klage til Ankestyrelsen.',
        'Vi skal have din klage senest 17. januar 2027. Det er 4 uger efter, at vi besluttede.',
      ]),
    );
    const hearing = composeDecisionLetter(decision, 'hearing', { language: 'da', today: '2026-12-03' });
    expect(hearing.blocks).toContainEqual({
      kind: 'paragraph',
      tone: 'notice',
      text: 'Du kan svare til og med 17. december 2026.',
    });
  });
});
