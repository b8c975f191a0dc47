import type { CollaborationFigures, CoordinationFigures } from './coordination.responses.js';
import type { FigureSheet } from './figure-sheets.js';

/**
 * The coordination, collaboration and quality figures as sheets (like figure-sheets.ts): built
 * from the very response the page gets, so a hidden cell is an empty field and nothing else is in
 * the file. Counts only (the distinct citizens behind a cell are on the page, not in the file).
 */
const definitionOf = (definition: { id: string; version: number }) =>
  `${definition.id}@${definition.version}`;
const MONTH_COLUMNS = Array.from({ length: 12 }, (_, index) => `month_${index + 1}`);

export function coordinationFlagsSheet(figure: CoordinationFigures): FigureSheet {
  const { flags } = figure;
  const rows = (measure: string, table: CoordinationFigures['flags']['raised']) => [
    ...table.rows.map((row) => [measure, row.kind, ...row.cells.map((cell) => cell.count), row.total.count]),
    [measure, 'all', ...table.totals.cells.map((cell) => cell.count), table.totals.total.count],
  ];
  return {
    figure: 'coordination-flags',
    definitions: [definitionOf(flags.definition)],
    header: ['measure', 'kind', ...MONTH_COLUMNS, 'total'],
    rows: [...rows('raised', flags.raised), ...rows('resolved', flags.resolved)],
  };
}

export function openFlagsSheet(figure: CoordinationFigures): FigureSheet {
  const { flags } = figure;
  return {
    figure: 'coordination-open-flags',
    definitions: [definitionOf(flags.definition)],
    header: ['month', 'day', ...flags.kinds, 'all'],
    rows: flags.openAtMonthEnd.map((month) => [
      month.month,
      month.day,
      ...month.cells.map((cell) => cell.count),
      month.total.count,
    ]),
  };
}

export function coordinationSummarySheet(figure: CoordinationFigures): FigureSheet {
  const { flags, multiSector } = figure;
  return {
    figure: 'coordination-summary',
    definitions: [definitionOf(flags.definition), definitionOf(multiSector.definition)],
    header: ['measure', 'kind', 'value'],
    rows: [
      ...flags.medianDaysToResolution.map((row) => ['median_days_to_resolution', row.kind, row.medianDays]),
      ['multi_sector_citizens', 'all', multiSector.citizens],
      ['multi_sector_with_open_flag', 'all', multiSector.withOpenFlag],
      ['multi_sector_open_flag_share', 'all', multiSector.share],
    ],
  };
}

export function referralsSheet(figure: CoordinationFigures): FigureSheet {
  const { referrals } = figure;
  return {
    figure: 'referrals',
    definitions: [definitionOf(referrals.definition)],
    header: ['month', ...referrals.states, 'sent'],
    rows: [
      ...referrals.rows.map((row) => [row.month, ...row.cells.map((cell) => cell.count), row.total.count]),
      ['total', ...referrals.totals.cells.map((cell) => cell.count), referrals.totals.total.count],
    ],
  };
}

export function referralAnswersSheet(figure: CoordinationFigures): FigureSheet {
  const { referrals } = figure;
  return {
    figure: 'referral-answers',
    definitions: [definitionOf(referrals.definition)],
    header: ['measure', 'value'],
    rows: [
      ...referrals.answerStates.map((state, index) => [state, referrals.answered[index]?.count ?? null]),
      ['median_days_to_answer', referrals.medianDaysToAnswer],
      ['median_days_to_close', referrals.medianDaysToClose],
    ],
  };
}

export function collaborationTiesSheet(figure: CollaborationFigures): FigureSheet {
  const { collaboration } = figure;
  return {
    figure: 'collaboration-ties',
    definitions: [definitionOf(collaboration.definition)],
    header: ['survey', 'unit', 'project', 'round', 'from_group', 'to_group', 'respondents', 'index'],
    rows: collaboration.surveys.flatMap((survey) =>
      survey.rounds.flatMap((round) => {
        const line = (from: string, to: string, tie: { respondents: number; index: number | null }) => [
          survey.title,
          survey.unit.name,
          survey.project,
          round.round,
          from,
          to,
          tie.respondents,
          tie.index,
        ];
        return [
          ...round.rows.flatMap((row) => [
            ...row.cells.map((cell, index) => line(row.group, survey.groups[index] ?? '', cell)),
            line(row.group, 'all', row.total),
          ]),
          ...round.totals.cells.map((cell, index) => line('all', survey.groups[index] ?? '', cell)),
          line('all', 'all', round.totals.total),
        ];
      }),
    ),
  };
}

export function qualityIndicatorsSheet(figure: CollaborationFigures): FigureSheet {
  const { quality } = figure;
  type Figures = CollaborationFigures['quality']['surveys'][number]['overall'];
  const line = (
    survey: CollaborationFigures['quality']['surveys'][number],
    item: string,
    text: string,
    f: Figures,
  ) => [
    survey.title,
    survey.unit.name,
    survey.project,
    item,
    text,
    f.baseline.mean,
    f.baseline.respondents,
    f.end.mean,
    f.end.respondents,
    f.changePercent,
  ];
  return {
    figure: 'quality-indicators',
    definitions: [definitionOf(quality.definition)],
    header: [
      'survey',
      'unit',
      'project',
      'item',
      'text',
      'baseline_mean',
      'baseline_respondents',
      'end_mean',
      'end_respondents',
      'change_percent',
    ],
    rows: quality.surveys.flatMap((survey) => [
      ...survey.items.map((item) => line(survey, item.code, item.text, item)),
      line(survey, 'overall', '', survey.overall),
    ]),
  };
}
