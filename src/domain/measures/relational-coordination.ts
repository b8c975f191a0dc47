import { type CsvProblem, parseCsv, respondentKey, wholeNumberIn } from './csv.js';
import { roundTo } from './rounding.js';

/**
 * Relational coordination (Gittell): how well work groups coordinate, as seen by each group
 * about every group including its own, on seven dimensions. Samspil's own wording of the
 * dimensions (the official RC Survey items are licensed by Brandeis and may be loaded by a
 * licensee as an instrument).
 */
export const RC_DIMENSIONS = [
  { key: 'frequent', part: 'communication', da: 'Hyppig kommunikation', en: 'Frequent communication' },
  { key: 'timely', part: 'communication', da: 'Rettidig kommunikation', en: 'Timely communication' },
  { key: 'accurate', part: 'communication', da: 'Præcis kommunikation', en: 'Accurate communication' },
  {
    key: 'problem_solving',
    part: 'communication',
    da: 'Problemløsende kommunikation',
    en: 'Problem-solving communication',
  },
  { key: 'shared_goals', part: 'relationship', da: 'Fælles mål', en: 'Shared goals' },
  { key: 'shared_knowledge', part: 'relationship', da: 'Fælles viden', en: 'Shared knowledge' },
  { key: 'mutual_respect', part: 'relationship', da: 'Gensidig respekt', en: 'Mutual respect' },
] as const;

export type RcDimension = (typeof RC_DIMENSIONS)[number]['key'];

/**
 * The frequency answer is not ordinal as asked: "just right" is best, "much too often" is
 * close to the worst. Gittell's recode to 1–5.
 */
export const FREQUENCY_RECODE = {
  'not-nearly-enough': 1,
  'much-too-often': 2,
  'not-enough': 3,
  'too-often': 4,
  'just-right': 5,
} as const;

/** No figure for a tie whose rating group has fewer respondents than this. */
export const RC_MIN_RESPONDENTS = 5;

export type RcBand = 'strong' | 'moderate' | 'weak';

/** One respondent's seven answers (coded 1–5) about one group. */
export type RcAnswer = { respondent: string; group: string; aboutGroup: string } & Record<
  RcDimension,
  number
>;

export interface RcTie {
  from: string;
  to: string;
  respondents: number;
  index: number | null;
  communication: number | null;
  relationship: number | null;
  band: RcBand | null;
}

/**
 * The band of an index. Between groups: strong > 4.0, moderate 3.5–4.0, weak < 3.5; within a
 * group (A→A) the bar is higher: strong > 4.5, moderate 4.0–4.5, weak < 4.0.
 */
export function rcBand(index: number, within: boolean): RcBand {
  const [moderateFrom, strongAbove] = within ? [4.0, 4.5] : [3.5, 4.0];
  if (index > strongAbove) return 'strong';
  return index >= moderateFrom ? 'moderate' : 'weak';
}

const COMMUNICATION = RC_DIMENSIONS.filter((d) => d.part === 'communication').map((d) => d.key);
const RELATIONSHIP = RC_DIMENSIONS.filter((d) => d.part === 'relationship').map((d) => d.key);

const sumOf = (answer: RcAnswer, keys: readonly RcDimension[]) =>
  keys.reduce((total, key) => total + answer[key], 0);

/**
 * Every tie A→B (A's respondents about B) in the groups' order. A respondent's index about B is
 * the mean of their 7 answers; the tie is the mean of those indices. Every respondent answers
 * all 7, so the tie is Σ answers / (7·n): one division of whole numbers, exact at the band
 * boundaries (a mean of rounded means would put 4.0 on either side). The subscores likewise
 * over the 4 communication and the 3 relationship items. Bands are of the unrounded index.
 */
export function rcTies(
  groups: readonly string[],
  answers: readonly RcAnswer[],
  minRespondents: number = RC_MIN_RESPONDENTS,
): RcTie[] {
  const ties: RcTie[] = [];
  for (const from of groups) {
    for (const to of groups) {
      const about = answers.filter((answer) => answer.group === from && answer.aboutGroup === to);
      const respondents = new Set(about.map((answer) => answer.respondent)).size;
      if (respondents < minRespondents) {
        ties.push({
          from,
          to,
          respondents,
          index: null,
          communication: null,
          relationship: null,
          band: null,
        });
        continue;
      }
      const n = about.length;
      const communication = about.reduce((t, a) => t + sumOf(a, COMMUNICATION), 0);
      const relationship = about.reduce((t, a) => t + sumOf(a, RELATIONSHIP), 0);
      const index = (communication + relationship) / (RC_DIMENSIONS.length * n);
      ties.push({
        from,
        to,
        respondents,
        index: roundTo(index),
        communication: roundTo(communication / (COMMUNICATION.length * n)),
        relationship: roundTo(relationship / (RELATIONSHIP.length * n)),
        band: rcBand(index, from === to),
      });
    }
  }
  return ties;
}

export const RC_CSV_HEADER = [
  'respondent',
  'group',
  'about_group',
  ...RC_DIMENSIONS.map((dimension) => dimension.key),
] as const;

export type RcImport = { ok: true; answers: RcAnswer[] } | { ok: false; problems: CsvProblem[] };

/**
 * A round's answers from CSV (answers already coded 1–5, frequency as FREQUENCY_RECODE). A
 * respondent belongs to one group and rates every group of the survey once, their own
 * included (Gittell's survey asks each respondent about each work group): a respondent who
 * left a group out is a problem on their first line, naming them and the groups missing.
 * That check runs once every line is readable, so its problems are about whole respondents.
 */
export function parseRcCsv(text: string, groups: readonly string[]): RcImport {
  const parsed = parseCsv(text, RC_CSV_HEADER);
  if (!parsed.ok) return parsed;
  const problems: CsvProblem[] = [];
  const answers: RcAnswer[] = [];
  const groupOf = new Map<string, string>();
  const seen = new Set<string>();
  const firstLine = new Map<string, number>();
  for (const row of parsed.rows) {
    const before = problems.length;
    const respondent = respondentKey(row, problems);
    const group = row.values.group ?? '';
    const aboutGroup = row.values.about_group ?? '';
    for (const [field, value] of [
      ['group', group],
      ['about_group', aboutGroup],
    ] as const) {
      if (!groups.includes(value))
        problems.push({
          line: row.line,
          field,
          message: `must be one of the survey's groups: ${groups.join(', ')}`,
        });
    }
    const scores = Object.fromEntries(
      RC_DIMENSIONS.map((dimension) => [dimension.key, wholeNumberIn(row, dimension.key, 1, 5, problems)]),
    ) as Record<RcDimension, number>;
    if (problems.length > before) continue;
    const known = groupOf.get(respondent);
    if (known !== undefined && known !== group) {
      problems.push({
        line: row.line,
        field: 'group',
        message: `respondent ${respondent} was in ${known} on an earlier line`,
      });
      continue;
    }
    groupOf.set(respondent, group);
    const key = JSON.stringify([respondent, aboutGroup]);
    if (seen.has(key)) {
      problems.push({
        line: row.line,
        field: 'about_group',
        message: `respondent ${respondent} answered about ${aboutGroup} on an earlier line`,
      });
      continue;
    }
    seen.add(key);
    if (!firstLine.has(respondent)) firstLine.set(respondent, row.line);
    answers.push({ respondent, group, aboutGroup, ...scores });
  }
  if (problems.length > 0) return { ok: false, problems };
  problems.push(...missingRatings(answers, groups, firstLine));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** A problem for each respondent who did not rate every group, on their first line. */
function missingRatings(
  answers: readonly RcAnswer[],
  groups: readonly string[],
  firstLine: ReadonlyMap<string, number>,
): CsvProblem[] {
  const rated = new Map<string, { group: string; about: Set<string> }>();
  for (const answer of answers) {
    const entry = rated.get(answer.respondent) ?? { group: answer.group, about: new Set<string>() };
    entry.about.add(answer.aboutGroup);
    rated.set(answer.respondent, entry);
  }
  const problems: CsvProblem[] = [];
  for (const [respondent, { group, about }] of rated) {
    const missing = groups.filter((candidate) => !about.has(candidate));
    if (missing.length === 0) continue;
    problems.push({
      line: firstLine.get(respondent) ?? 2,
      field: 'about_group',
      message: `respondent ${respondent} (${group}) did not rate ${missing.join(', ')}; every respondent rates every group, their own included`,
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}
