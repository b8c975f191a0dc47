import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '../../api/analytics.js';
import { type CollaborationFigures, useCollaborationFigures } from '../../api/coordination-figures.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { FigureWithTable } from './FigureWithTable.js';

type Tie = CollaborationFigures['collaboration']['surveys'][number]['rounds'][number]['totals']['total'];
type QualityCell = CollaborationFigures['quality']['surveys'][number]['overall']['baseline'];

/**
 * How the professional groups work together and the quality indicators, from the measures:
 * each collaboration survey's ties per round (rating group × rated group, with how every group is
 * rated and the round overall) and each quality survey's statements at baseline and end. The
 * server hides a figure resting on 1–4 respondents and its complements.
 */
export function CollaborationSection({
  headingId,
  filter,
}: {
  headingId: string;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const figures = useCollaborationFigures(filter);
  const data = figures.data;
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <h2 id={headingId}>{t('collaborationFigures.title')}</h2>
      <p>{t('collaborationFigures.intro')}</p>
      <QueryStatus query={figures} />
      {data && data.collaboration.surveys.length === 0 && data.quality.surveys.length === 0 ? (
        <p>{t('collaborationFigures.none')}</p>
      ) : null}
      {data?.collaboration.surveys.map((survey) => (
        <CollaborationSurvey
          key={survey.id}
          survey={survey}
          definition={data.collaboration.definition}
          filter={filter}
        />
      ))}
      {data?.quality.surveys.map((survey) => (
        <QualitySurvey key={survey.id} survey={survey} definition={data.quality.definition} filter={filter} />
      ))}
      <p className="samspil-muted">{t('collaborationFigures.privacy')}</p>
    </section>
  );
}

function useShown(): { tie: (tie: Tie | QualityCell, value: number | null) => ReactElement | string } {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    tie: (cell, value) => {
      if (cell.hidden)
        return (
          <span title={t(`collaborationFigures.hiddenReason.${cell.hidden}`)}>
            {t('management.hidden')}
            <span className="sr-only"> ({t(`collaborationFigures.hiddenReason.${cell.hidden}`)})</span>
          </span>
        );
      return value === null ? t('management.hidden') : formatNumber(value, language);
    },
  };
}

function CollaborationSurvey({
  survey,
  definition,
  filter,
}: {
  survey: CollaborationFigures['collaboration']['surveys'][number];
  definition: { id: string; version: number };
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const { tie } = useShown();
  const chart = useMemo(
    () => ({
      categories: survey.groups,
      series: survey.rounds.slice(-2).map((round) => ({
        name: round.round,
        values: round.totals.cells.map((cell) => cell.index),
      })),
      label: t('collaborationFigures.chart', { survey: survey.title }),
      axisLabel: t('collaborationFigures.axis'),
      testId: `collaboration-chart-${survey.id}`,
    }),
    [survey, t],
  );
  return (
    <>
      <h3 className="h4">
        {survey.title} · {survey.unit.name}
        {survey.project ? ` · ${survey.project}` : ''}
      </h3>
      {survey.rounds.map((round, index) => {
        const caption = t('collaborationFigures.tiesCaption', {
          round: round.round,
          respondents: round.respondents,
          definition: `${definition.id}@${definition.version}`,
        });
        return (
          <FigureWithTable
            key={round.round}
            {...(index === survey.rounds.length - 1 ? { chart } : {})}
            tableLabel={caption}
            exportFigure="collaboration-ties"
            filter={filter}
          >
            <table className="table table--zebra table--compact">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('collaborationFigures.from')}</th>
                  {survey.groups.map((group) => (
                    <th key={group} scope="col" className="samspil-numeric">
                      {group}
                    </th>
                  ))}
                  <th scope="col" className="samspil-numeric">
                    {t('collaborationFigures.allGroups')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {round.rows.map((row) => (
                  <tr key={row.group}>
                    <th scope="row">
                      {row.group}
                      <br />
                      <span className="samspil-muted">
                        {t('collaborationFigures.respondents', { count: row.total.respondents })}
                      </span>
                    </th>
                    {row.cells.map((cell, column) => (
                      <td key={survey.groups[column]} className="samspil-numeric">
                        {tie(cell, cell.index)}
                      </td>
                    ))}
                    <td className="samspil-numeric">{tie(row.total, row.total.index)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('collaborationFigures.everyone')}</th>
                  {round.totals.cells.map((cell, column) => (
                    <td key={survey.groups[column]} className="samspil-numeric">
                      {tie(cell, cell.index)}
                    </td>
                  ))}
                  <td className="samspil-numeric">{tie(round.totals.total, round.totals.total.index)}</td>
                </tr>
              </tfoot>
            </table>
          </FigureWithTable>
        );
      })}
    </>
  );
}

function QualitySurvey({
  survey,
  definition,
  filter,
}: {
  survey: CollaborationFigures['quality']['surveys'][number];
  definition: { id: string; version: number };
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { tie } = useShown();
  const chart = useMemo(
    () => ({
      categories: survey.items.map((item) => item.code),
      series: (['baseline', 'end'] as const).map((round) => ({
        name: t(`collaborationFigures.round.${round}`),
        values: survey.items.map((item) => item[round].mean),
      })),
      label: t('collaborationFigures.qualityChart', { survey: survey.title }),
      axisLabel: t('collaborationFigures.qualityAxis'),
      testId: `quality-chart-${survey.id}`,
    }),
    [survey, t],
  );
  const caption = `${survey.title} · ${survey.unit.name} (${definition.id}@${definition.version})`;
  const change = (value: number | null) =>
    value === null ? t('management.hidden') : `${value > 0 ? '+' : ''}${formatNumber(value, language)} %`;
  const line = (
    key: string,
    label: string,
    figures: { baseline: QualityCell; end: QualityCell; changePercent: number | null },
  ) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      {(['baseline', 'end'] as const).map((round) => (
        <td key={round} className="samspil-numeric">
          {tie(figures[round], figures[round].mean)}
          <br />
          <span className="samspil-muted">
            {t('collaborationFigures.respondents', { count: figures[round].respondents })}
          </span>
        </td>
      ))}
      <td className="samspil-numeric">{change(figures.changePercent)}</td>
    </tr>
  );
  return (
    <>
      <h3 className="h4">{t('collaborationFigures.qualityTitle', { survey: survey.title })}</h3>
      <FigureWithTable chart={chart} tableLabel={caption} exportFigure="quality-indicators" filter={filter}>
        <table className="table table--zebra table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collaborationFigures.item')}</th>
              <th scope="col" className="samspil-numeric">
                {t('collaborationFigures.round.baseline')}
              </th>
              <th scope="col" className="samspil-numeric">
                {t('collaborationFigures.round.end')}
              </th>
              <th scope="col" className="samspil-numeric">
                {t('collaborationFigures.change')}
              </th>
            </tr>
          </thead>
          <tbody>{survey.items.map((item) => line(item.code, `${item.code}: ${item.text}`, item))}</tbody>
          <tfoot>{line('overall', t('collaborationFigures.overall'), survey.overall)}</tfoot>
        </table>
      </FigureWithTable>
    </>
  );
}
