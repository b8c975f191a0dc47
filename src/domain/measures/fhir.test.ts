import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_INSTRUMENTS, WHO5_INSTRUMENT } from './builtin-instruments.js';
import {
  FHIR_CANONICAL_BASE,
  fromQuestionnaireResponse,
  type ResponseRecord,
  toQuestionnaire,
  toQuestionnaireResponse,
} from './fhir.js';
import { instrumentSchema } from './instrument.js';

/**
 * The FHIR R4 shapes the mapping must produce, after the R4 specification
 * (hl7.org/fhir/R4/questionnaire.html, questionnaireresponse.html and datatypes.html): the
 * primitive types' regular expressions, the required elements and cardinalities used here.
 */
const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
const uri = z.string().regex(/^\S*$/).min(1);
const code = z.string().regex(/^[^\s]+( [^\s]+)*$/);
const dateTime = z
  .string()
  .regex(
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/,
  );
const extension: z.ZodType = z.lazy(() =>
  z
    .strictObject({
      url: uri,
      valueCode: code.optional(),
      valueString: z.string().min(1).optional(),
      valueDecimal: z.number().optional(),
      extension: z.array(extension).min(1).optional(),
    })
    // An extension has a value or nested extensions, never both (ext-1).
    .refine((e) => (e.extension ? 1 : 0) + Object.keys(e).filter((k) => k.startsWith('value')).length === 1),
);
const coding = z.strictObject({ system: uri, code, display: z.string().min(1).optional() });
const reference = z
  .strictObject({
    reference: z
      .string()
      .regex(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/)
      .optional(),
    identifier: z.strictObject({ system: uri, value: z.string().min(1) }).optional(),
  })
  .refine((r) => r.reference !== undefined || r.identifier !== undefined);
const questionnaireSchema = z.strictObject({
  resourceType: z.literal('Questionnaire'),
  id,
  url: uri,
  version: z.string().min(1),
  // inv que-0: the name is computer-friendly.
  name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/),
  title: z.string().min(1),
  _title: z.strictObject({ extension: z.array(extension) }),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  language: code,
  subjectType: z.array(z.enum(['Patient'])).min(1),
  copyright: z.string().min(1),
  item: z
    .array(
      z.strictObject({
        linkId: z.string().min(1),
        text: z.string().min(1),
        _text: z.strictObject({ extension: z.array(extension) }),
        type: z.enum(['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'string', 'choice']),
        required: z.boolean(),
        answerOption: z
          .array(z.strictObject({ valueCoding: coding, extension: z.array(extension).optional() }))
          .min(1),
      }),
    )
    .min(1),
});
const responseSchema = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  id,
  // canonical: a URL, optionally |version
  questionnaire: z.string().regex(/^\S+\|[^\s|]+$/),
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  subject: reference,
  encounter: reference.optional(),
  authored: dateTime,
  author: reference,
  extension: z.array(extension),
  item: z.array(
    z.strictObject({
      linkId: z.string().min(1),
      answer: z.array(z.strictObject({ valueCoding: coding })).min(1),
    }),
  ),
});

const record: ResponseRecord = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  citizenId: '0190a1b2-0000-7000-8000-0000000000c1',
  instrumentCode: 'who-5',
  instrumentVersion: '1998',
  respondentKind: 'citizen',
  recordedBy: '0190a1b2-0000-7000-8000-0000000000p1',
  answeredAt: new Date('2026-03-02T09:15:00.000Z'),
  contextKind: 'meeting',
  contextId: '0190a1b2-0000-7000-8000-0000000000m1',
  answers: [
    { linkId: 'cheerful', code: '3' },
    { linkId: 'calm', code: '2' },
    { linkId: 'active', code: '4' },
    { linkId: 'rested', code: '1' },
    { linkId: 'interest', code: '5' },
  ],
};

describe('FHIR R4 mapping', () => {
  it('WHO-5 is a Questionnaire: url and version, items with linkId, text and coded answer options', () => {
    const questionnaire = toQuestionnaire(WHO5_INSTRUMENT);
    expect(questionnaireSchema.safeParse(questionnaire).error).toBeUndefined();
    expect(questionnaire).toMatchObject({
      url: `${FHIR_CANONICAL_BASE}/who-5`,
      version: '1998',
      name: 'Who5',
      title: 'WHO-5 Trivselsindeks',
    });
    expect(questionnaire.item.map((item) => item.linkId)).toEqual([
      'cheerful',
      'calm',
      'active',
      'rested',
      'interest',
    ]);
    expect(questionnaire.item[0]).toMatchObject({
      text: 'Jeg har været glad og i godt humør',
      type: 'choice',
      _text: {
        extension: [
          { extension: [{ valueCode: 'en' }, { valueString: 'I have felt cheerful and in good spirits' }] },
        ],
      },
    });
    expect(questionnaire.item[0]?.answerOption[0]).toEqual({
      valueCoding: { system: `${FHIR_CANONICAL_BASE}/who-5/cheerful`, code: '5', display: 'Hele tiden' },
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 5 }],
    });
  });

  it('every built-in instrument maps to a valid Questionnaire, option for option', () => {
    for (const instrument of BUILTIN_INSTRUMENTS) {
      const questionnaire = toQuestionnaire(instrument);
      expect(questionnaireSchema.safeParse(questionnaire).error, instrument.code).toBeUndefined();
      expect(questionnaire.item.map((item) => item.answerOption.map((o) => o.valueCoding.code))).toEqual(
        instrument.items.map((item) => item.options.map((o) => o.code)),
      );
    }
    // "Not relevant" (function levels 9) has no score, so no ordinal value.
    const levels = toQuestionnaire(
      BUILTIN_INSTRUMENTS.find((i) => i.code === 'function-levels') ?? WHO5_INSTRUMENT,
    );
    expect(levels.item[0]?.answerOption.find((o) => o.valueCoding.code === '9')).not.toHaveProperty(
      'extension',
    );
  });

  it('a response is a QuestionnaireResponse: canonical url|version, subject, author, authored, answers', () => {
    const resource = toQuestionnaireResponse(record, WHO5_INSTRUMENT);
    expect(responseSchema.safeParse(resource).error).toBeUndefined();
    expect(resource).toMatchObject({
      questionnaire: `${FHIR_CANONICAL_BASE}/who-5|1998`,
      status: 'completed',
      subject: { reference: `Patient/${record.citizenId}` },
      encounter: { reference: `Encounter/${record.contextId}` },
      authored: '2026-03-02T09:15:00.000Z',
      author: { identifier: { value: record.recordedBy } },
    });
    expect(resource.item[1]).toEqual({
      linkId: 'calm',
      answer: [
        {
          valueCoding: {
            system: `${FHIR_CANONICAL_BASE}/who-5/calm`,
            code: '2',
            display: 'Lidt mindre end halvdelen af tiden',
          },
        },
      ],
    });
  });

  it('round-trips: response → QuestionnaireResponse → back is the same response', () => {
    expect(fromQuestionnaireResponse(toQuestionnaireResponse(record, WHO5_INSTRUMENT))).toEqual(record);
    const other: ResponseRecord = {
      ...record,
      instrumentCode: 'function-levels',
      instrumentVersion: '1',
      respondentKind: 'independent-assessor',
      contextKind: 'other',
      contextId: null,
      answers:
        BUILTIN_INSTRUMENTS.find((i) => i.code === 'function-levels')?.items.map((item, index) => ({
          linkId: item.linkId,
          code: index % 2 === 0 ? '9' : '2',
        })) ?? [],
    };
    const levels = BUILTIN_INSTRUMENTS.find((i) => i.code === 'function-levels');
    if (!levels) throw new Error('function-levels is shipped');
    const resource = toQuestionnaireResponse(other, levels);
    expect(responseSchema.safeParse(resource).error).toBeUndefined();
    expect(resource).not.toHaveProperty('encounter');
    expect(fromQuestionnaireResponse(resource)).toEqual(other);
  });

  it('maps a licensed instrument as loaded, and refuses a response of another version', () => {
    const licensed = instrumentSchema.parse({
      code: 'licensed-scale',
      version: '2.0.1',
      title: { da: 'Skala', en: 'Scale' },
      licence: 'Licensed to the municipality',
      respondents: ['professional'],
      items: [
        {
          linkId: 'q1',
          text: { da: 'Spørgsmål', en: 'Question' },
          options: [
            { code: 'a', score: 1, display: { da: 'A', en: 'A' } },
            { code: 'b', score: 2, display: { da: 'B', en: 'B' } },
          ],
        },
      ],
      scoring: { method: 'sum' },
    });
    expect(questionnaireSchema.safeParse(toQuestionnaire(licensed)).error).toBeUndefined();
    expect(toQuestionnaire(licensed).name).toBe('LicensedScale');
    expect(() => toQuestionnaireResponse(record, licensed)).toThrow(RangeError);
  });
});
