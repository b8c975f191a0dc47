import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { WHO5_INSTRUMENT, who5Answers } from '../domain/measures/builtin-instruments.js';
import { scoreAnswers } from '../domain/measures/instrument.js';
import { RC_DIMENSIONS } from '../domain/measures/relational-coordination.js';
import { formatTimestamp } from './dates.js';
import type { IdSource } from './ids.js';
import { Random } from './random.js';

/**
 * The demo unit's surveys, so a team leader sees results at once: a collaboration survey with a
 * baseline and a follow-up round (coordination improving between most groups, one group too
 * small to report on), and a quality-indicator survey at baseline and end.
 */
const GROUPS = [
  { name: 'Jobkonsulenter', respondents: 8 },
  { name: 'Socialrådgivere', respondents: 7 },
  { name: 'Sundhedsfaglige', respondents: 6 },
  // Fewer than five: their ratings are suppressed, as they are in a real survey.
  { name: 'Mentorer', respondents: 4 },
];

/** How well each group sees each other group at baseline (rows: from, columns: about). */
const BASELINE = [
  [4.4, 3.6, 3.0, 3.9],
  [3.4, 4.3, 3.2, 3.6],
  [2.9, 3.3, 4.1, 3.2],
  [4.0, 3.7, 3.1, 4.4],
];

const QUALITY_ITEMS = [
  { code: 'handleplan', text: 'Der er en handleplan for hver borger', baseline: 2.8, end: 3.9 },
  {
    code: 'roller',
    text: 'Faggruppernes roller og ansvar er beskrevet og kendt',
    baseline: 2.5,
    end: 3.6,
  },
  {
    code: 'paaroerende',
    text: 'Pårørende oplever at være reelle samarbejdspartnere',
    baseline: 2.2,
    end: 2.9,
  },
  {
    code: 'overgange',
    text: 'Borgeren oplever sammenhæng, når en indsats slutter og en ny begynder',
    baseline: 2.6,
    end: 3.4,
  },
];

const clamp = (value: number) => Math.min(5, Math.max(1, Math.round(value)));

export async function writeDemoSurveys(
  db: Kysely<DB>,
  municipalityId: string,
  leader: { id: string; unitId: string },
  ids: IdSource,
  seed: number,
): Promise<void> {
  const random = Random.of(seed, 'surveys');
  const surveyId = ids.next();
  await db
    .insertInto('collaboration_survey')
    .values({
      municipality_id: municipalityId,
      id: surveyId,
      title: 'Samarbejde i Team Ressource',
      groups: GROUPS.map((group) => group.name),
      unit_id: leader.unitId,
      project: 'Sammen om ressourceforløb',
      created_by: leader.id,
    })
    .execute();
  const rows: Insertable<DB['collaboration_response']>[] = [];
  for (const [round, lift] of [
    ['baseline', 0],
    ['follow-up', 0.45],
  ] as const) {
    GROUPS.forEach((group, from) => {
      for (let r = 0; r < group.respondents; r++) {
        GROUPS.forEach((about, to) => {
          // The weakest ties improve most: that is what the unit worked on.
          const base = (BASELINE[from]?.[to] ?? 3) + lift * (from === to ? 0.3 : 1);
          const answers = Object.fromEntries(
            RC_DIMENSIONS.map((dimension) => [dimension.key, clamp(base + random.normal() * 0.6)]),
          ) as Record<(typeof RC_DIMENSIONS)[number]['key'], number>;
          rows.push({
            municipality_id: municipalityId,
            id: ids.next(),
            survey_id: surveyId,
            round,
            respondent: `${from + 1}-${r + 1}`,
            group_name: group.name,
            about_group: about.name,
            ...answers,
          });
        });
      }
    });
  }
  await db.insertInto('collaboration_response').values(rows).execute();

  const qualityId = ids.next();
  await db
    .insertInto('quality_survey')
    .values({
      municipality_id: municipalityId,
      id: qualityId,
      title: 'Kvalitet i ressourceforløbene',
      items: JSON.stringify(QUALITY_ITEMS.map(({ code, text }) => ({ code, text }))),
      unit_id: leader.unitId,
      project: 'Sammen om ressourceforløb',
      created_by: leader.id,
    })
    .execute();
  const answers: DB['quality_response'][] = [];
  for (const round of ['baseline', 'end'] as const) {
    for (let r = 0; r < 12; r++) {
      for (const item of QUALITY_ITEMS) {
        answers.push({
          municipality_id: municipalityId,
          id: ids.next(),
          survey_id: qualityId,
          round,
          respondent: `p${r + 1}`,
          item_code: item.code,
          score: clamp(item[round] + random.normal() * 0.7),
        });
      }
    }
  }
  await db.insertInto('quality_response').values(answers).execute();
}

/** The demo citizen's WHO-5 answers at three follow-ups, well-being slowly rising (raw 8 → 11 → 15). */
const DEMO_WHO5: readonly (readonly [daysAgo: number, answers: readonly number[]])[] = [
  [150, [2, 1, 2, 1, 2]],
  [80, [2, 2, 3, 2, 2]],
  [12, [3, 3, 3, 3, 3]],
];

export async function writeDemoMeasures(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  recordedBy: string,
  ids: IdSource,
  today: number,
): Promise<void> {
  const rows = DEMO_WHO5.map(([daysAgo, answers]) => {
    const values: Record<string, string> = who5Answers(answers);
    const scored = scoreAnswers(WHO5_INSTRUMENT, values);
    if (!scored.ok) throw new Error('demo WHO-5 answers do not score');
    return {
      municipality_id: municipalityId,
      id: ids.next(),
      citizen_id: citizenId,
      instrument_code: WHO5_INSTRUMENT.code,
      instrument_version: WHO5_INSTRUMENT.version,
      respondent_kind: 'citizen',
      recorded_by: recordedBy,
      answered_at: formatTimestamp(today - daysAgo, 10 * 60),
      context_kind: 'follow-up',
      context_id: null,
      answers: JSON.stringify(scored.value.items.map(({ linkId, code }) => ({ linkId, code }))),
      raw: scored.value.raw,
      score: scored.value.score,
      band: scored.value.band,
    };
  });
  await db.insertInto('measure_response').values(rows).execute();
}
