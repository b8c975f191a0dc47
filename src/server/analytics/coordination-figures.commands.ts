import { danishToday } from '../../domain/calendar.js';
import {
  collaborationRound,
  COLLABORATION_DEFINITIONS,
  qualityFigures,
} from '../../domain/analytics/collaboration-figures.js';
import type { CountShownTable } from '../../domain/analytics/count-table.js';
import {
  flagFigures,
  multiSectorOpenFlags,
  referralFigures,
} from '../../domain/analytics/coordination-figures.js';
import type {
  CollaborationFigures,
  CoordinationFigures,
} from '../../domain/analytics/coordination.responses.js';
import type { CitizenGroup } from '../../domain/analytics/citizen-groups.js';
import {
  flagHistories,
  multiSectorCitizens,
  referralLoops,
} from '../../db/queries/coordination-figures.queries.js';
import {
  collaborationAnswers,
  collaborationRounds,
  collaborationSurveys,
  qualityAnswers,
  qualitySurveys,
} from '../../db/queries/surveys.queries.js';
import type { AppContext } from '../context.js';

const definitionOf = (definition: { id: string; version: number }) => ({
  id: definition.id,
  version: definition.version,
});

/** A count table with its row keys, as the API shows it. */
function keyedRows<Key>(table: CountShownTable, keys: readonly Key[]) {
  return {
    rows: keys.map((key, index) => ({
      key,
      cells: table.cells[index] ?? [],
      total: table.rowTotals[index] as CountShownTable['total'],
    })),
    totals: { cells: table.columnTotals, total: table.total },
  };
}

/**
 * The coordination figures of a year (coordination-figures.ts): the flags per rule and month,
 * the multi-sector citizens with an open flag and the referral loop, up to the reference day
 * (31 December, or today for the current year), over the citizens countedCitizensSql chooses.
 */
export async function coordinationFigures(
  context: AppContext,
  municipalityId: string,
  query: { year: number; pathwayType?: string | undefined } & CitizenGroup,
  now: Date = new Date(),
): Promise<CoordinationFigures> {
  const { db } = context.database;
  const today = danishToday(now);
  const yearEnd = `${query.year}-12-31`;
  const referenceDay = yearEnd < today ? yearEnd : today;
  const scope = { municipalityId, ...query };
  const [flags, multiSector, referrals] = await Promise.all([
    flagHistories(db, scope, referenceDay),
    multiSectorCitizens(db, scope, referenceDay),
    referralLoops(db, scope, referenceDay),
  ]);
  const flagFigure = flagFigures(flags, query.year, referenceDay);
  const referralFigure = referralFigures(referrals, query.year, referenceDay);
  const kindRows = (table: CountShownTable) => {
    const keyed = keyedRows(table, flagFigure.kinds);
    return { rows: keyed.rows.map(({ key, ...row }) => ({ kind: key, ...row })), totals: keyed.totals };
  };
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  const referralRows = keyedRows(referralFigure.byMonth, months);
  return {
    year: query.year,
    referenceDay,
    pathwayType: query.pathwayType ?? null,
    flags: {
      definition: flagFigure.definition,
      kinds: flagFigure.kinds,
      raised: kindRows(flagFigure.raised),
      resolved: kindRows(flagFigure.resolved),
      openAtMonthEnd: flagFigure.openAtMonthEnd,
      medianDaysToResolution: flagFigure.medianDaysToResolution,
    },
    multiSector: multiSectorOpenFlags(multiSector),
    referrals: {
      definition: referralFigure.definition,
      openAfterDays: referralFigure.openAfterDays,
      states: referralFigure.states,
      rows: referralRows.rows.map(({ key, ...row }) => ({ month: key, ...row })),
      totals: referralRows.totals,
      answerStates: referralFigure.answerStates,
      answered: referralFigure.answered,
      medianDaysToAnswer: referralFigure.medianDaysToAnswer,
      medianDaysToClose: referralFigure.medianDaysToClose,
    },
  };
}

/**
 * Every collaboration survey's rounds and every quality-indicator survey of the municipality
 * (or of one unit: the survey's unit), as management figures with pooled totals, suppressed.
 * No citizen is in them: the respondents are professionals, known by a respondent key only.
 */
export async function collaborationFigures(
  context: AppContext,
  municipalityId: string,
  query: { unit?: string | undefined },
): Promise<CollaborationFigures> {
  const { db } = context.database;
  const filter = query.unit === undefined ? {} : { unitId: query.unit };
  const [collaboration, quality] = await Promise.all([
    collaborationSurveys(db, municipalityId, filter),
    qualitySurveys(db, municipalityId, filter),
  ]);
  const scope = (survey: {
    id: string;
    title: string;
    unitId: string;
    unitName: string;
    project: string | null;
  }) => ({
    id: survey.id,
    title: survey.title,
    unit: { id: survey.unitId, name: survey.unitName },
    project: survey.project,
  });
  return {
    collaboration: {
      definition: definitionOf(COLLABORATION_DEFINITIONS.ties),
      surveys: await Promise.all(
        collaboration.map(async (survey) => {
          const rounds = await collaborationRounds(db, municipalityId, survey.id);
          return {
            ...scope(survey),
            groups: survey.groups,
            rounds: await Promise.all(
              rounds.map(async ({ round }) => ({
                round,
                ...collaborationRound(
                  survey.groups,
                  await collaborationAnswers(db, municipalityId, survey.id, round),
                ),
              })),
            ),
          };
        }),
      ),
    },
    quality: {
      definition: definitionOf(COLLABORATION_DEFINITIONS.quality),
      surveys: await Promise.all(
        quality.map(async (survey) => {
          const codes = survey.items.map((item) => item.code);
          const figures = qualityFigures(codes, await qualityAnswers(db, municipalityId, survey.id));
          return {
            ...scope(survey),
            items: figures.items.map((item, index) => ({
              ...item,
              text: survey.items[index]?.text ?? item.code,
            })),
            overall: figures.overall,
          };
        }),
      ),
    },
  };
}
