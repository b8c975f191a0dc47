import { z } from 'zod';
import { roundTo } from './rounding.js';

/**
 * Questionnaires as versioned data. An instrument maps one-to-one onto a FHIR Questionnaire
 * (code + version → url + version, items → item with linkId and answerOption, option codes →
 * valueCoding.code, option scores → the ordinalValue extension); a response onto a
 * QuestionnaireResponse (questionnaire = code|version, subject, author, authored, item.answer).
 * The ONE scoring evaluator (`scoreAnswers`) serves the server, the imports and the browser.
 */

const text = z.strictObject({
  da: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

const optionSchema = z.strictObject({
  /** The answer's code as recorded (FHIR valueCoding.code). */
  code: z.string().trim().min(1).max(20),
  /** The score the code is recoded to; null for an answer that does not count ("not relevant"). */
  score: z.number().finite().nullable(),
  display: text,
});

const itemSchema = z.strictObject({
  linkId: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _'),
  text,
  options: z.array(optionSchema).min(2).max(20),
});

/** A band: the first whose bound holds is the score's band; the last has no bound. */
const bandSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The score is in the band when score ≤ atMost … */
  atMost: z.number().finite().optional(),
  /** … or when score < below. */
  below: z.number().finite().optional(),
  label: text,
});

const scoringSchema = z.strictObject({
  /** How the items' scores make the raw score; `none` reports the items only (a profile). */
  method: z.enum(['sum', 'mean', 'none']),
  /** score = raw · multiply + add (WHO-5: × 4). */
  transform: z.strictObject({ multiply: z.number().finite(), add: z.number().finite() }).optional(),
  /** Decimals of the reported score. */
  decimals: z.number().int().min(0).max(4).default(2),
});

export const instrumentSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -'),
    version: z.string().regex(/^[0-9A-Za-z.-]{1,20}$/),
    title: text,
    /** Who may use it and on what terms; shown wherever the instrument is. */
    licence: z.string().trim().min(1).max(1000),
    /** Who may answer it. */
    respondents: z.array(z.enum(['citizen', 'relative', 'professional', 'independent-assessor'])).min(1),
    items: z.array(itemSchema).min(1).max(100),
    scoring: scoringSchema,
    bands: z.array(bandSchema).max(10).default([]),
  })
  .superRefine((instrument, ctx) => {
    const linkIds = new Set<string>();
    instrument.items.forEach((item, index) => {
      if (linkIds.has(item.linkId))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'linkId'], message: 'is used twice' });
      linkIds.add(item.linkId);
      const codes = new Set(item.options.map((option) => option.code));
      if (codes.size !== item.options.length)
        ctx.addIssue({ code: 'custom', path: ['items', index, 'options'], message: 'repeat a code' });
    });
    instrument.bands.forEach((band, index) => {
      const last = index === instrument.bands.length - 1;
      const bounds = Number(band.atMost !== undefined) + Number(band.below !== undefined);
      if (last ? bounds !== 0 : bounds !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index],
          message: last ? 'the last band has no bound' : 'needs exactly one of atMost and below',
        });
    });
  });

export type Instrument = z.output<typeof instrumentSchema>;
export type InstrumentInput = z.input<typeof instrumentSchema>;
export type RespondentKind = Instrument['respondents'][number];

/** Answers by item linkId: the chosen option's code. */
export type Answers = Readonly<Record<string, string>>;

export interface ItemScore {
  linkId: string;
  code: string;
  score: number | null;
}

export interface InstrumentScore {
  items: ItemScore[];
  /** The sum or mean of the counted items; null for a profile or when nothing counted. */
  raw: number | null;
  /** The raw score transformed and rounded; null likewise. */
  score: number | null;
  band: string | null;
}

export interface AnswerProblem {
  linkId: string;
  message: string;
}

export type ScoringResult = { ok: true; value: InstrumentScore } | { ok: false; problems: AnswerProblem[] };

/** The band of a score: the first whose bound holds. */
export function bandOf(bands: Instrument['bands'], score: number): string | null {
  for (const band of bands) {
    if (bandHolds(band, score)) return band.code;
  }
  return null;
}

/** Whether a score is within a band's bound: at most `atMost`, below `below`, or any (no bound). */
function bandHolds(band: Instrument['bands'][number], score: number): boolean {
  if (band.atMost !== undefined) return score <= band.atMost;
  if (band.below !== undefined) return score < band.below;
  return true;
}

/**
 * THE scoring evaluator: recodes each answer to its option's score, makes the raw score (sum
 * or mean of the counted items), transforms it and finds its band. Every item must be
 * answered with one of its codes; an answer to an unknown item is a problem too.
 */
export function scoreAnswers(instrument: Instrument, answers: Answers): ScoringResult {
  const problems: AnswerProblem[] = [];
  const known = new Set(instrument.items.map((item) => item.linkId));
  for (const linkId of Object.keys(answers))
    if (!known.has(linkId)) problems.push({ linkId, message: 'is not an item of this instrument' });
  const items: ItemScore[] = [];
  for (const item of instrument.items) {
    const code = answers[item.linkId];
    const option = item.options.find((candidate) => candidate.code === code);
    if (code === undefined) problems.push({ linkId: item.linkId, message: 'is not answered' });
    else if (!option)
      problems.push({
        linkId: item.linkId,
        message: `must be one of ${item.options.map((o) => o.code).join(', ')}`,
      });
    else items.push({ linkId: item.linkId, code, score: option.score });
  }
  if (problems.length > 0) return { ok: false, problems };
  const counted = items.flatMap((item) => (item.score === null ? [] : [item.score]));
  const { method, transform, decimals } = instrument.scoring;
  if (method === 'none' || counted.length === 0)
    return { ok: true, value: { items, raw: null, score: null, band: null } };
  const sum = counted.reduce((total, score) => total + score, 0);
  const raw = method === 'sum' ? sum : sum / counted.length;
  const score = roundTo(transform ? raw * transform.multiply + transform.add : raw, decimals);
  return { ok: true, value: { items, raw, score, band: bandOf(instrument.bands, score) } };
}
