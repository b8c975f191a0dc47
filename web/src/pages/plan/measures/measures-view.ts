import { danishToday } from '../../../../../src/domain/calendar.js';
import type { Instrument } from '../../../../../src/domain/measures/instrument.js';
import type { MeasureResponse } from '../../../api/measures.js';

/** A theme's rating in one recording: its level 0–4, "not relevant", or not rated then. */
export type Level = number | 'not-relevant' | null;

export interface ProfileColumn {
  id: string;
  at: string;
  respondent: MeasureResponse['respondent'];
}

export interface Profiles {
  /** The recordings, oldest first. */
  columns: ProfileColumn[];
  /** One row per theme, in the instrument's order, with its level in each recording. */
  rows: { linkId: string; text: Instrument['items'][number]['text']; levels: Level[] }[];
}

/**
 * Function levels as a profile over time: each recording's level per theme, the option's score
 * (0–4), "not relevant" for an option without a score (9), nothing for a theme not in a recording
 * (an older version's). Recordings of another instrument are left out.
 */
export function functionLevelProfiles(
  instrument: Instrument,
  responses: readonly MeasureResponse[],
): Profiles {
  const recordings = responses
    .filter((response) => response.instrument.code === instrument.code)
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  return {
    columns: recordings.map(({ id, answeredAt, respondent }) => ({ id, at: answeredAt, respondent })),
    rows: instrument.items.map((item) => ({
      linkId: item.linkId,
      text: item.text,
      levels: recordings.map((response) => {
        const code = response.answers.find((answer) => answer.linkId === item.linkId)?.code;
        const option = item.options.find((candidate) => candidate.code === code);
        if (!option) return null;
        return option.score === null ? 'not-relevant' : option.score;
      }),
    })),
  };
}

export interface FeedbackRow {
  id: string;
  at: string;
  /** The meeting answered about (its id), when the answers name one. */
  meetingId: string | null;
  respondent: MeasureResponse['respondent'];
  /** Each item's score (1–5) in the instrument's order; null when the item was not answered. */
  scores: (number | null)[];
  /** The mean of the four, as the evaluator scored it. */
  mean: number | null;
}

/** Session feedback per meeting, oldest first: the four answers' scores and their mean. */
export function sessionFeedbackRows(
  instrument: Instrument,
  responses: readonly MeasureResponse[],
): FeedbackRow[] {
  return responses
    .filter((response) => response.instrument.code === instrument.code)
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((response) => ({
      id: response.id,
      at: response.answeredAt,
      meetingId: response.context.kind === 'meeting' ? response.context.id : null,
      respondent: response.respondent,
      scores: instrument.items.map((item) => {
        const code = response.answers.find((answer) => answer.linkId === item.linkId)?.code;
        return item.options.find((option) => option.code === code)?.score ?? null;
      }),
      mean: response.score,
    }));
}

/** The Danish calendar day (YYYY-MM-DD) a measure was answered on, whatever the browser's zone. */
export function answeredDay(iso: string): string {
  return danishToday(new Date(iso));
}
