import { type CsvProblem, parseCsv } from './csv.js';
import { type Instrument, type InstrumentScore, type RespondentKind, scoreAnswers } from './instrument.js';

/**
 * Questionnaires answered on paper (a WHO-5 at a follow-up, function levels from an assessor),
 * imported as CSV for one citizen: one line per answered item. The lines with the same
 * instrument, time and respondent are one response, scored by THE evaluator (`scoreAnswers`),
 * so an import gives the same figures as the form. Every line is checked, and every problem is
 * named by line and field; the caller stores nothing unless there is none.
 */
export const RESPONSE_CSV_HEADER = ['instrument', 'answered_at', 'answered_by', 'item', 'answer'] as const;

const RESPONDENT_KINDS: readonly RespondentKind[] = [
  'citizen',
  'relative',
  'professional',
  'independent-assessor',
];

/** An answer time as the API takes it: a date-time with a time zone (Z or ±hh:mm). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** How far ahead of the clock an answer time may be (clock skew), as for one recorded answer. */
export const FUTURE_TOLERANCE_MS = 60_000;

export interface ImportedResponse {
  instrument: Instrument;
  respondent: RespondentKind;
  answeredAt: Date;
  score: InstrumentScore;
  /** The file's lines that make it up. */
  lines: number[];
}

export type ResponseImport =
  | { ok: true; responses: ImportedResponse[] }
  | { ok: false; problems: CsvProblem[] };

/** The instrument a line names: `code` (the newest version here) or `code|version`. */
function findInstrument(instruments: readonly Instrument[], value: string): Instrument | undefined {
  const [code, version] = value.split('|');
  const candidates = instruments.filter((instrument) => instrument.code === code);
  return version === undefined ? candidates.at(-1) : candidates.find((c) => c.version === version);
}

interface Group {
  instrument: Instrument;
  respondent: RespondentKind;
  answeredAt: Date;
  answers: Record<string, string>;
  lineOf: Map<string, number>;
}

/**
 * Reads the lines of a response import. `instruments` are those the municipality may use
 * (oldest version first), `now` the clock: an answer time may not be in the future.
 */
export function parseResponseCsv(
  text: string,
  instruments: readonly Instrument[],
  now: Date,
): ResponseImport {
  const parsed = parseCsv(text, RESPONSE_CSV_HEADER);
  if (!parsed.ok) return parsed;
  const problems: CsvProblem[] = [];
  const groups = new Map<string, Group>();
  for (const row of parsed.rows) {
    const before = problems.length;
    const problem = (field: string, message: string) => problems.push({ line: row.line, field, message });
    const {
      instrument: named = '',
      answered_at: at = '',
      answered_by: by = '',
      item = '',
      answer = '',
    } = row.values;
    const instrument = findInstrument(instruments, named);
    // The value itself is not echoed: a problem never repeats what may be personal data.
    if (!instrument) problem('instrument', 'must be the code of an instrument here, or code|version');
    const answeredAt = new Date(at);
    if (!DATE_TIME.test(at) || Number.isNaN(answeredAt.getTime()))
      problem('answered_at', 'must be a date-time with a time zone, e.g. 2026-03-02T10:00:00+01:00');
    else if (answeredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      problem('answered_at', 'must not be in the future');
    const respondent = RESPONDENT_KINDS.find((kind) => kind === by);
    if (!respondent) problem('answered_by', `must be one of ${RESPONDENT_KINDS.join(', ')}`);
    else if (instrument && !instrument.respondents.includes(respondent))
      problem('answered_by', `${instrument.code} is answered by ${instrument.respondents.join(', ')}`);
    if (instrument && !instrument.items.some((candidate) => candidate.linkId === item))
      problem(
        'item',
        `must be an item of ${instrument.code}: ${instrument.items.map((i) => i.linkId).join(', ')}`,
      );
    if (answer === '') problem('answer', 'must be the code of the answer given');
    if (problems.length > before || !instrument || !respondent) continue;
    const key = JSON.stringify([instrument.code, instrument.version, answeredAt.getTime(), respondent]);
    const group = groups.get(key) ?? {
      instrument,
      respondent,
      answeredAt,
      answers: {},
      lineOf: new Map<string, number>(),
    };
    groups.set(key, group);
    const earlier = group.lineOf.get(item);
    if (earlier !== undefined) {
      problem('item', `${item} is answered on line ${earlier} already, for the same response`);
      continue;
    }
    group.answers[item] = answer;
    group.lineOf.set(item, row.line);
  }
  const responses: ImportedResponse[] = [];
  for (const group of groups.values()) {
    const firstLine = Math.min(...group.lineOf.values());
    const scored = scoreAnswers(group.instrument, group.answers);
    if (!scored.ok) {
      for (const found of scored.problems) {
        const line = group.lineOf.get(found.linkId);
        problems.push(
          line === undefined
            ? {
                line: firstLine,
                field: 'item',
                message: `${found.linkId} ${found.message} in the ${group.instrument.code} answered at ${group.answeredAt.toISOString()} by the ${group.respondent}`,
              }
            : { line, field: 'answer', message: found.message },
        );
      }
      continue;
    }
    responses.push({
      instrument: group.instrument,
      respondent: group.respondent,
      answeredAt: group.answeredAt,
      score: scored.value,
      lines: [...group.lineOf.values()].sort((a, b) => a - b),
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, responses };
}
