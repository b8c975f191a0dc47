import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { builtinInstrument, WHO5_INSTRUMENT, who5Answers } from '../domain/measures/builtin-instruments.js';
import { type Instrument, scoreAnswers } from '../domain/measures/instrument.js';
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

/** The demo citizen's held meetings (over a month ago) and what she answered after each (1–5). */
const DEMO_MEETINGS: readonly {
  daysAgo: number;
  purpose: string;
  summary: string;
  feedback: Readonly<Record<'heard' | 'matters' | 'approach' | 'overall', string>>;
}[] = [
  {
    daysAgo: 100,
    purpose: 'Netværksmøde om praktik',
    summary: 'Vi aftalte at undersøge en praktik på dyrehospitalet. Mentoren hjælper med at komme i gang.',
    feedback: { heard: '3', matters: '3', approach: '2', overall: '3' },
  },
  {
    daysAgo: 45,
    purpose: 'Opfølgning på praktikken',
    summary: 'Praktikken går godt. Timerne går fra 8 til 10 om ugen, og mentoren kommer hver anden uge.',
    feedback: { heard: '5', matters: '4', approach: '4', overall: '4' },
  },
];

/** The caseworker's ratings of her function levels (0–4, 9 = not relevant), some lighter by now. */
const DEMO_FUNCTION_LEVELS: readonly (readonly [
  daysAgo: number,
  levels: Readonly<Record<string, string>>,
])[] = [
  [
    140,
    {
      practical: '2',
      'self-care': '1',
      communication: '2',
      mobility: '9',
      community: '3',
      social: '3',
      health: '2',
    },
  ],
  [
    20,
    {
      practical: '1',
      'self-care': '1',
      communication: '1',
      mobility: '9',
      community: '2',
      social: '2',
      health: '2',
    },
  ],
];

/** A response row as the API stores it, scored by the one evaluator. */
function responseRow(
  instrument: Instrument,
  answers: Readonly<Record<string, string>>,
  fields: {
    municipality_id: string;
    id: string;
    citizen_id: string;
    respondent_kind: string;
    recorded_by: string;
    answered_at: string;
    context_kind: string;
    context_id: string | null;
  },
) {
  const scored = scoreAnswers(instrument, answers);
  if (!scored.ok) throw new Error(`demo ${instrument.code} answers do not score`);
  return {
    ...fields,
    instrument_code: instrument.code,
    instrument_version: instrument.version,
    answers: JSON.stringify(scored.value.items.map(({ linkId, code }) => ({ linkId, code }))),
    raw: scored.value.raw,
    score: scored.value.score,
    band: scored.value.band,
  };
}

/**
 * The demo citizen's measures, so a new user sees them at once: WHO-5 at three follow-ups, two
 * function-level ratings by her caseworker, and her answers after two held meetings.
 */
export async function writeDemoMeasures(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  caseworker: { id: string; unitId: string },
  ids: IdSource,
  today: number,
): Promise<void> {
  const common = (daysAgo: number, minute: number) => ({
    municipality_id: municipalityId,
    id: ids.next(),
    citizen_id: citizenId,
    answered_at: formatTimestamp(today - daysAgo, minute),
  });
  const rows = DEMO_WHO5.map(([daysAgo, answers]) =>
    responseRow(WHO5_INSTRUMENT, who5Answers(answers), {
      ...common(daysAgo, 10 * 60),
      respondent_kind: 'citizen',
      recorded_by: caseworker.id,
      context_kind: 'follow-up',
      context_id: null,
    }),
  );
  for (const [daysAgo, levels] of DEMO_FUNCTION_LEVELS) {
    rows.push(
      responseRow(builtin('function-levels'), levels, {
        ...common(daysAgo, 11 * 60),
        respondent_kind: 'professional',
        recorded_by: caseworker.id,
        context_kind: 'follow-up',
        context_id: null,
      }),
    );
  }
  for (const meeting of DEMO_MEETINGS) {
    const meetingId = ids.next();
    const startsAt = formatTimestamp(today - meeting.daysAgo, 9 * 60);
    await db
      .insertInto('meeting')
      .values({
        municipality_id: municipalityId,
        id: meetingId,
        citizen_id: citizenId,
        kind: 'network',
        purpose: meeting.purpose,
        agenda: null,
        starts_at: startsAt,
        place: 'Jobcentret',
        online: false,
        organiser_id: caseworker.id,
        organiser_unit_id: caseworker.unitId,
        status: 'held',
        summary: meeting.summary,
        cancel_reason: null,
        created_at: formatTimestamp(today - meeting.daysAgo - 7, 13 * 60),
        updated_at: formatTimestamp(today - meeting.daysAgo, 12 * 60),
        updated_by: caseworker.id,
      })
      .execute();
    await db
      .insertInto('meeting_participant')
      .values({
        municipality_id: municipalityId,
        id: ids.next(),
        meeting_id: meetingId,
        kind: 'professional',
        professional_id: caseworker.id,
        name: null,
        created_at: formatTimestamp(today - meeting.daysAgo - 7, 13 * 60),
      })
      .execute();
    // She answers herself, the afternoon after the meeting.
    rows.push(
      responseRow(builtin('session-feedback'), meeting.feedback, {
        ...common(meeting.daysAgo, 15 * 60),
        respondent_kind: 'citizen',
        recorded_by: citizenId,
        context_kind: 'meeting',
        context_id: meetingId,
      }),
    );
  }
  await db.insertInto('measure_response').values(rows).execute();
}

function builtin(code: string): Instrument {
  const instrument = builtinInstrument(code);
  if (!instrument) throw new Error(`no built-in instrument ${code}`);
  return instrument;
}
