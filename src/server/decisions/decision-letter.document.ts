import type { DecisionView } from '../../domain/decisions/decision.schemas.js';
import { LEGAL_BASES } from '../../domain/organisation/legal-bases.js';
import { formatDay, type PdfBlock, type PdfLayout } from '../plan-pdf/plan-pdf.layout.js';
import { fill, type PdfLanguage } from '../plan-pdf/plan-pdf.texts.js';
import { type LetterTextKey, letterTexts } from './decision-letter.texts.js';

/** The two letters of a decision: the hearing letter (§ 19) and the final decision (§§ 22–25). */
export const LETTER_KINDS = ['hearing', 'final'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export interface LetterOptions {
  language: PdfLanguage;
  /** The day the letter is made (a Danish calendar day). */
  today: string;
}

/**
 * A decision's letter as a PdfLayout, drawn by the plan PDF's renderer (the same DKFDS look):
 * the decision's own data under headings in plain words. Only what the decision's view holds
 * goes in, so a reader gets no more than the API would show her.
 */
export function composeDecisionLetter(
  decision: DecisionView,
  kind: LetterKind,
  options: LetterOptions,
): PdfLayout {
  const { language, today } = options;
  const tx = letterTexts[language];
  const t = (key: LetterTextKey, values?: Record<string, string | number>): string => fill(tx[key], values);
  const basis = LEGAL_BASES[decision.legalBasis];
  const law = `${basis.law} ${basis.section}: ${basis.title}`;
  const blocks =
    kind === 'hearing' ? hearingBlocks(decision, t, law, language) : finalBlocks(decision, t, law, language);
  const title = kind === 'hearing' ? t('hearingTitle') : t('finalTitle', { title: decision.title });
  return {
    language,
    title,
    band: t('band', { unit: decision.unit.name }),
    meta: [t('metaDate', { date: formatDay(today, language) })],
    blocks,
    running: t('running', { title: decision.title, date: formatDay(today, language) }),
    pageTemplate: tx.page,
  };
}

type T = (key: LetterTextKey, values?: Record<string, string | number>) => string;

const paragraphs = (text: string): PdfBlock[] =>
  text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ kind: 'paragraph', text: part }));

function hearingBlocks(decision: DecisionView, t: T, law: string, language: PdfLanguage): PdfBlock[] {
  const until = decision.hearingUntil ? formatDay(decision.hearingUntil, language) : '';
  return [
    { kind: 'paragraph', tone: 'lead', text: t('hearingLead', { title: decision.title }) },
    { kind: 'heading', level: 2, text: t('hearingPlan') },
    ...paragraphs(decision.proposal),
    { kind: 'heading', level: 2, text: t('hearingFacts') },
    ...paragraphs(decision.facts),
    { kind: 'paragraph', tone: 'muted', text: t('hearingFactsHelp') },
    { kind: 'heading', level: 3, text: t('law') },
    { kind: 'paragraph', text: law },
    { kind: 'heading', level: 2, text: t('hearingAnswer') },
    { kind: 'paragraph', tone: 'notice', text: t('hearingDeadline', { date: until }) },
    { kind: 'paragraph', text: t('hearingHow') },
    { kind: 'paragraph', text: t('hearingWait') },
    { kind: 'paragraph', tone: 'muted', text: t('hearingRight') },
  ];
}

function finalBlocks(decision: DecisionView, t: T, law: string, language: PdfLanguage): PdfBlock[] {
  const final = decision.final;
  if (!final) throw new Error('A final letter needs a final decision.');
  const heard: PdfBlock[] = [];
  if (final.hearingChanges) {
    heard.push(
      { kind: 'heading', level: 2, text: t('finalHeard') },
      {
        kind: 'paragraph',
        tone: 'strong',
        text: final.changedByHearing ? t('finalChanged') : t('finalUnchanged'),
      },
      ...paragraphs(final.hearingChanges),
    );
  } else if (decision.noHearingReason) {
    heard.push(
      { kind: 'paragraph', tone: 'strong', text: t('finalNoHearing') },
      ...paragraphs(decision.noHearingReason),
    );
  }
  const team: PdfBlock[] = decision.teamCase?.departureReason
    ? [
        { kind: 'paragraph', tone: 'strong', text: t('finalTeam') },
        ...paragraphs(decision.teamCase.departureReason),
      ]
    : [];
  return [
    { kind: 'paragraph', tone: 'lead', text: t('finalLead') },
    { kind: 'heading', level: 2, text: t('finalWhat') },
    ...paragraphs(final.text),
    ...heard,
    { kind: 'heading', level: 2, text: t('finalWhy') },
    { kind: 'heading', level: 3, text: t('finalRules') },
    { kind: 'paragraph', text: law },
    ...paragraphs(final.reasons.rules),
    { kind: 'heading', level: 3, text: t('finalWeighed') },
    ...paragraphs(final.reasons.considerations),
    { kind: 'heading', level: 3, text: t('finalFacts') },
    ...paragraphs(final.reasons.facts),
    ...team,
    { kind: 'heading', level: 2, text: t('appealHeading') },
    { kind: 'paragraph', tone: 'notice', text: t('appealWho', { body: final.appeal.body }) },
    {
      kind: 'paragraph',
      text: t('appealWhen', { date: formatDay(final.appeal.until, language), weeks: final.appeal.weeks }),
    },
    { kind: 'paragraph', text: t('appealHow', { how: final.appeal.how }) },
    { kind: 'paragraph', text: t('appealNext', { body: final.appeal.body }) },
  ];
}
