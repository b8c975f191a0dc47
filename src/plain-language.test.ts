import { describe, expect, it } from 'vitest';
import da from '../web/src/i18n/da.json' with { type: 'json' };
import { glossaryTermsIn } from './domain/language/glossary.js';
import { addCounts, lixCount, lixOf } from './domain/language/lix.js';
import { RC_QUESTIONS } from './domain/measures/rc-questionnaire.js';
import { minutesTexts } from './server/plan-pdf/meeting-minutes.texts.js';
import { citizenPdfTexts } from './server/plan-pdf/plan-pdf.texts.js';
import { letterTexts } from './server/decisions/decision-letter.texts.js';

/**
 * Plain language, measured (issue 11): every Danish text a citizen or a relative reads, in the
 * web app and in the citizen's PDF. Each screen's texts read together stay at LIX 40 or below,
 * and so does each text long enough to be a sentence of its own (eight words or more: below
 * that, one long word decides the figure and says nothing). No text uses a glossary term.
 */
const LIX_LIMIT = 40;
const SENTENCE_WORDS = 8;

type Texts = { [key: string]: string | Texts };

/** The parts of the app's texts that only professionals read, inside the citizen's screens. */
const PROFESSIONAL_PARTS = [
  'consents.professional',
  'consents.provisions',
  'reminders.inbox',
  'reminders.calendar.professional',
  'reportingObjection.professional',
];

/** The citizen's screens: the i18n namespaces of her pages, and the PDF's citizen texts. */
function citizenScreens(): Map<string, [key: string, text: string][]> {
  const screens = new Map<string, [string, string][]>();
  for (const namespace of [
    'citizen',
    'accessLog',
    'consents',
    'delegations',
    'delegationChoice',
    'surveyAnswer',
    'myFollowUps',
    'reminders',
    'myDecisions',
    'reportingObjection',
  ]) {
    const texts = (da as unknown as Record<string, Texts>)[namespace];
    if (!texts) throw new Error(`no texts for ${namespace}`);
    screens.set(
      namespace,
      flatten(texts, namespace).filter(
        ([key]) => !PROFESSIONAL_PARTS.some((part) => key.startsWith(`${part}.`)),
      ),
    );
  }
  // The collaboration questions a survey link opens beside the surveyAnswer texts.
  screens.set(
    'surveyQuestions',
    RC_QUESTIONS.flatMap((question): [string, string][] => [
      [`rc.${question.key}`, question.question.da],
      ...question.options.map((option): [string, string] => [`rc.${question.key}.${option.code}`, option.da]),
    ]),
  );
  // The decision letters' own words (the hearing letter, the final decision).
  screens.set(
    'letters',
    Object.entries(letterTexts.da).map(([key, text]) => [`letter.${key}`, text]),
  );
  screens.set(
    'pdf',
    Object.entries(citizenPdfTexts.da).map(([key, text]) => [`pdf.${key}`, text]),
  );
  // A network meeting's minutes: everyone involved reads them, the citizen first.
  screens.set(
    'minutes',
    Object.entries(minutesTexts.da).map(([key, text]) => [`minutes.${key}`, text]),
  );
  return screens;
}

function flatten(texts: Texts, prefix: string): [string, string][] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}.${key}`, value] as [string, string]]
      : flatten(value, `${prefix}.${key}`),
  );
}

/** A text as read: placeholders become a short name, markup goes. */
function asRead(text: string): string {
  return text
    .replace(/\{\{[^}]+\}\}|\{\w+\}/g, 'Sara')
    .replace(/<[^>]+>/g, '')
    .trim();
}

describe('plain language for the citizen', () => {
  const screens = citizenScreens();

  it(`keeps every citizen screen and every sentence-long text at LIX ${LIX_LIMIT} or below`, () => {
    const rows: string[] = [];
    const tooHard: string[] = [];
    for (const [screen, texts] of screens) {
      const counts = texts.map(([key, text]) => [key, lixCount(asRead(text))] as const);
      const total = lixOf(addCounts(counts.map(([, count]) => count)));
      const sentences = counts.filter(([, count]) => count.words >= SENTENCE_WORDS);
      const hardest = Math.max(0, ...sentences.map(([, count]) => lixOf(count)));
      rows.push(
        `${screen.padEnd(17)} LIX ${total.toFixed(1).padStart(4)}  texts ${String(texts.length).padStart(3)}  hardest sentence ${hardest.toFixed(0)}`,
      );
      if (total > LIX_LIMIT) tooHard.push(`${screen}: LIX ${total.toFixed(1)} over all its texts`);
      for (const [key, count] of sentences) {
        if (lixOf(count) > LIX_LIMIT) tooHard.push(`${key}: LIX ${lixOf(count).toFixed(1)}`);
      }
    }
    console.info(`Plain language (LIX, Danish citizen texts):\n${rows.join('\n')}`);
    expect(tooHard, 'shorter sentences, shorter words').toEqual([]);
  });

  it('uses no word of the trade without its explanation (src/domain/language/glossary.ts)', () => {
    const jargon = [...screens.values()]
      .flat()
      .flatMap(([key, text]) => glossaryTermsIn(text).map((term) => `${key}: ${term}`));
    expect(jargon, 'say it in everyday words, or show the glossary explanation beside it').toEqual([]);
  });
});
