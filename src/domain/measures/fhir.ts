import type { Instrument, RespondentKind } from './instrument.js';

/**
 * Instruments and responses as FHIR R4 resources: an instrument version is a Questionnaire, a
 * recorded response a QuestionnaireResponse. The mapping is one-to-one and pure (decision 0012);
 * there is no FHIR HTTP facade yet, so these shapes are what a later facade serves.
 *
 * - Questionnaire.url is the canonical `<base>/<code>`, .version the instrument's version; each
 *   item is a `choice` item with its linkId, Danish text (English as the translation extension)
 *   and answerOption.valueCoding (system `<url>/<linkId>`, code, Danish display); an option's
 *   score is the `ordinalValue` extension (none for an answer that does not count).
 * - QuestionnaireResponse.questionnaire is `url|version`; subject the citizen (Patient), authored
 *   when it was answered, author who recorded it, the respondent kind and the context as
 *   Samspil extensions (a meeting is the encounter), item.answer.valueCoding the chosen code.
 */

/** Where Samspil's canonical Questionnaire URLs live until a facade publishes real ones. */
export const FHIR_CANONICAL_BASE = 'urn:samspil:fhir:Questionnaire';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
export const RESPONDENT_EXTENSION = 'urn:samspil:fhir:StructureDefinition/respondent-kind';
export const CONTEXT_EXTENSION = 'urn:samspil:fhir:StructureDefinition/response-context';
const RECORDED_BY_SYSTEM = 'urn:samspil:fhir:recorded-by';
const RESPONDENT_KINDS: readonly RespondentKind[] = [
  'citizen',
  'relative',
  'professional',
  'independent-assessor',
];

export interface FhirExtension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueDecimal?: number;
  extension?: FhirExtension[];
}

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  _title: { extension: FhirExtension[] };
  status: 'active';
  language: 'da';
  subjectType: ['Patient'];
  copyright: string;
  item: {
    linkId: string;
    text: string;
    _text: { extension: FhirExtension[] };
    type: 'choice';
    required: true;
    answerOption: { valueCoding: FhirCoding; extension?: FhirExtension[] }[];
  }[];
}

export interface FhirReference {
  reference?: string;
  identifier?: { system: string; value: string };
}

export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  questionnaire: string;
  status: 'completed';
  subject: FhirReference;
  encounter?: FhirReference;
  authored: string;
  author: FhirReference;
  extension: FhirExtension[];
  item: { linkId: string; answer: { valueCoding: FhirCoding }[] }[];
}

/** A recorded response as the mapping needs it (the stored row's fields). */
export interface ResponseRecord {
  id: string;
  citizenId: string;
  instrumentCode: string;
  instrumentVersion: string;
  respondentKind: RespondentKind;
  recordedBy: string;
  answeredAt: Date;
  contextKind: string;
  contextId: string | null;
  answers: readonly { linkId: string; code: string }[];
}

const translation = (en: string): { extension: FhirExtension[] } => ({
  extension: [
    {
      url: TRANSLATION,
      extension: [
        { url: 'lang', valueCode: 'en' },
        { url: 'content', valueString: en },
      ],
    },
  ],
});

/** The canonical URL of an instrument (without its version). */
export function questionnaireUrl(code: string, base: string = FHIR_CANONICAL_BASE): string {
  return `${base}/${code}`;
}

/** FHIR's computable name: a capital letter, then letters, digits and _ (who-5 → Who5). */
function computableName(code: string): string {
  return code
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** An instrument version as a FHIR R4 Questionnaire. */
export function toQuestionnaire(
  instrument: Instrument,
  base: string = FHIR_CANONICAL_BASE,
): FhirQuestionnaire {
  const url = questionnaireUrl(instrument.code, base);
  const name = computableName(instrument.code);
  return {
    resourceType: 'Questionnaire',
    id: `${instrument.code}-${instrument.version}`.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64),
    url,
    version: instrument.version,
    name: /^[A-Z]/.test(name) ? name : `Q${name}`,
    title: instrument.title.da,
    _title: translation(instrument.title.en),
    status: 'active',
    language: 'da',
    subjectType: ['Patient'],
    copyright: instrument.licence,
    item: instrument.items.map((item) => ({
      linkId: item.linkId,
      text: item.text.da,
      _text: translation(item.text.en),
      type: 'choice',
      required: true,
      answerOption: item.options.map((option) => ({
        valueCoding: { system: `${url}/${item.linkId}`, code: option.code, display: option.display.da },
        ...(option.score === null ? {} : { extension: [{ url: ORDINAL_VALUE, valueDecimal: option.score }] }),
      })),
    })),
  };
}

/** A recorded response as a FHIR R4 QuestionnaireResponse of its instrument version. */
export function toQuestionnaireResponse(
  response: ResponseRecord,
  instrument: Instrument,
  base: string = FHIR_CANONICAL_BASE,
): FhirQuestionnaireResponse {
  if (instrument.code !== response.instrumentCode || instrument.version !== response.instrumentVersion) {
    throw new RangeError(
      `The response answers ${response.instrumentCode}|${response.instrumentVersion}, not ${instrument.code}|${instrument.version}.`,
    );
  }
  const url = questionnaireUrl(instrument.code, base);
  const items = new Map(instrument.items.map((item) => [item.linkId, item]));
  const contextParts: FhirExtension[] = [{ url: 'kind', valueCode: response.contextKind }];
  if (response.contextId !== null) contextParts.push({ url: 'id', valueString: response.contextId });
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    questionnaire: `${url}|${instrument.version}`,
    status: 'completed',
    subject: { reference: `Patient/${response.citizenId}` },
    ...(response.contextKind === 'meeting' && response.contextId
      ? { encounter: { reference: `Encounter/${response.contextId}` } }
      : {}),
    authored: response.answeredAt.toISOString(),
    author: { identifier: { system: RECORDED_BY_SYSTEM, value: response.recordedBy } },
    extension: [
      { url: RESPONDENT_EXTENSION, valueCode: response.respondentKind },
      { url: CONTEXT_EXTENSION, extension: contextParts },
    ],
    item: response.answers.map((answer) => {
      const option = items.get(answer.linkId)?.options.find((candidate) => candidate.code === answer.code);
      return {
        linkId: answer.linkId,
        answer: [
          {
            valueCoding: {
              system: `${url}/${answer.linkId}`,
              code: answer.code,
              ...(option ? { display: option.display.da } : {}),
            },
          },
        ],
      };
    }),
  };
}

/**
 * A QuestionnaireResponse made by `toQuestionnaireResponse`, read back into a response record
 * (the round trip a facade's reader relies on). Throws on a resource of another shape.
 */
export function fromQuestionnaireResponse(
  resource: FhirQuestionnaireResponse,
  base: string = FHIR_CANONICAL_BASE,
): ResponseRecord {
  const canonical = /^(.*)\|([^|]+)$/.exec(resource.questionnaire);
  const prefix = `${base}/`;
  if (!canonical?.[1]?.startsWith(prefix) || !canonical[2])
    throw new RangeError(`questionnaire ${resource.questionnaire} is not a Samspil instrument`);
  const citizen = /^Patient\/(.+)$/.exec(resource.subject.reference ?? '');
  if (!citizen?.[1]) throw new RangeError('subject must be a Patient reference');
  const respondent = resource.extension.find((e) => e.url === RESPONDENT_EXTENSION)?.valueCode;
  const context = resource.extension.find((e) => e.url === CONTEXT_EXTENSION)?.extension ?? [];
  const recordedBy = resource.author.identifier?.value;
  if (!respondent || !RESPONDENT_KINDS.includes(respondent as RespondentKind) || !recordedBy)
    throw new RangeError('a known respondent kind and the author are required');
  return {
    id: resource.id,
    citizenId: citizen[1],
    instrumentCode: canonical[1].slice(prefix.length),
    instrumentVersion: canonical[2],
    respondentKind: respondent as RespondentKind,
    recordedBy,
    answeredAt: new Date(resource.authored),
    contextKind: context.find((part) => part.url === 'kind')?.valueCode ?? 'other',
    contextId: context.find((part) => part.url === 'id')?.valueString ?? null,
    answers: resource.item.map((item) => {
      const [answer] = item.answer;
      if (!answer) throw new RangeError(`item ${item.linkId} has no answer`);
      return { linkId: item.linkId, code: answer.valueCoding.code };
    }),
  };
}
