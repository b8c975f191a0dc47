import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinInstrument } from '../../../../../src/domain/measures/builtin-instruments.js';
import type { Instrument } from '../../../../../src/domain/measures/instrument.js';
import type { MeasureResponse } from '../../../api/measures.js';
import { useMeetings } from '../../../api/meetings.js';
import { ExportCsvButton } from '../../../components/ExportCsvButton.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { formatScore } from '../../surveys/format-score.js';
import { MeasureChart } from './MeasureChart.js';
import { answeredDay, sessionFeedbackRows } from './measures-view.js';

const SESSION_FEEDBACK = builtinInstrument('session-feedback') as Instrument;

/**
 * What the citizen said after each meeting (Samspil's four questions, 1–5): the mean over time
 * as a chart, and per meeting each answer and the mean in a table.
 */
export function SessionFeedbackFigure({
  citizenId,
  responses,
}: {
  citizenId: string;
  responses: readonly MeasureResponse[];
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = sessionFeedbackRows(SESSION_FEEDBACK, responses);
  const meetings = useMeetings(citizenId);
  const meetingName = (row: (typeof rows)[number]) => {
    const meeting = meetings.data?.find((candidate) => candidate.id === row.meetingId);
    const day = formatDate(answeredDay(meeting?.startsAt ?? row.at), language);
    return meeting ? t('measures.feedback.meeting', { purpose: meeting.purpose, date: day }) : day;
  };
  const header = [
    t('measures.column.meeting'),
    ...SESSION_FEEDBACK.items.map((item) => t(`measures.feedback.item.${item.linkId}`)),
    t('measures.column.mean'),
    t('measures.column.respondent'),
  ];
  const points = rows.flatMap((row) => (row.mean === null ? [] : [{ at: row.at, value: row.mean }]));
  const label = t('measures.feedback.chartLabel');
  const score = (value: number | null) => (value === null ? '–' : formatScore(value, language));
  return (
    <figure className="samspil-measure-figure samspil-measure-wide">
      <figcaption>
        <h3 className="h4">{t('measures.feedback.heading')}</h3>
      </figcaption>
      {rows.length > 0 ? (
        <>
          <p>{t('measures.feedback.scale')}</p>
          <MeasureChart points={points} min={1} max={5} label={label} />
          {/* Folded: the chart says it; the table gives every figure, for a screen reader too. */}
          <details className="samspil-details">
            <summary>{t('measures.showTable')}</summary>
            <section
              className="samspil-table-scroll"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
              tabIndex={0}
              aria-label={t('measures.feedback.tableLabel')}
            >
              <table className="table table--compact samspil-measure-table samspil-feedback-table">
                <caption className="sr-only">{t('measures.feedback.tableLabel')}</caption>
                <thead>
                  <tr>
                    {header.map((column, index) => (
                      <th
                        scope="col"
                        key={column}
                        className={index > 0 && index < header.length - 1 ? 'samspil-numeric' : undefined}
                      >
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">{meetingName(row)}</th>
                      {row.scores.map((value, index) => (
                        <td className="samspil-numeric" key={SESSION_FEEDBACK.items[index]?.linkId}>
                          {value ?? '–'}
                        </td>
                      ))}
                      <td className="samspil-numeric">{score(row.mean)}</td>
                      <td>{t(`measures.respondent.${row.respondent}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </details>
          <ExportCsvButton
            fileName="moedefeedback.csv"
            header={header}
            rows={() =>
              rows.map((row) => [
                meetingName(row),
                ...row.scores,
                row.mean,
                t(`measures.respondent.${row.respondent}`),
              ])
            }
          />
        </>
      ) : (
        <p>{t('measures.feedback.none')}</p>
      )}
    </figure>
  );
}
