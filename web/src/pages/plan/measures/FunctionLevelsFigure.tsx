import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinInstrument } from '../../../../../src/domain/measures/builtin-instruments.js';
import type { Instrument } from '../../../../../src/domain/measures/instrument.js';
import type { MeasureResponse } from '../../../api/measures.js';
import { ExportCsvButton } from '../../../components/ExportCsvButton.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { answeredDay, functionLevelProfiles, type Level } from './measures-view.js';
import { ProfileChart, profileStyle } from './ProfileChart.js';

const FUNCTION_LEVELS = builtinInstrument('function-levels') as Instrument;
/** The chart draws the latest few recordings; the table has them all. */
const CHARTED = 4;

/** Function levels per VUM 2.0 theme over time: a profile chart and the same figures in a table. */
export function FunctionLevelsFigure({ responses }: { responses: readonly MeasureResponse[] }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const profiles = functionLevelProfiles(FUNCTION_LEVELS, responses);
  const columnName = (column: (typeof profiles.columns)[number]) =>
    t('measures.functionLevels.recording', {
      date: formatDate(answeredDay(column.at), language),
      respondent: t(`measures.respondent.${column.respondent}`),
    });
  const levelText = (level: Level): string => {
    if (level === null) return '–';
    return level === 'not-relevant' ? t('measures.functionLevels.notRelevant') : String(level);
  };
  const charted = profiles.columns.slice(-CHARTED);
  const offset = profiles.columns.length - charted.length;
  const series = charted.map((column, index) => ({
    name: columnName(column),
    levels: profiles.rows.map((row) => row.levels[offset + index] ?? null),
  }));
  const header = [t('measures.column.theme'), ...profiles.columns.map(columnName)];
  const label = t('measures.functionLevels.chartLabel');
  return (
    <figure className="samspil-measure-figure samspil-measure-wide">
      <figcaption>
        <h3 className="h4">{t('measures.functionLevels.heading')}</h3>
      </figcaption>
      {profiles.columns.length > 0 ? (
        <>
          <p>{t('measures.functionLevels.scale')}</p>
          <ProfileChart
            themes={profiles.rows.map((row) => row.text[language])}
            series={series}
            label={label}
          />
          <ul className="nobullet-list samspil-band-legend" aria-label={t('measures.functionLevels.legend')}>
            {series.map((entry, index) => (
              <li key={charted[index]?.id}>
                <span
                  className={`samspil-profile-swatch samspil-profile-swatch--${profileStyle(index, series.length).variant}`}
                  aria-hidden="true"
                />{' '}
                {entry.name}
              </li>
            ))}
          </ul>
          {/* Folded: the chart says it; the table gives every figure, for a screen reader too. */}
          <details className="samspil-details">
            <summary>{t('measures.showTable')}</summary>
            <section
              className="samspil-table-scroll"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
              tabIndex={0}
              aria-label={label}
            >
              <table className="table table--compact samspil-measure-table samspil-profile-table">
                <caption className="sr-only">{label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{header[0]}</th>
                    {profiles.columns.map((column) => (
                      <th scope="col" className="samspil-numeric" key={column.id}>
                        {columnName(column)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {profiles.rows.map((row) => (
                    <tr key={row.linkId}>
                      <th scope="row">{row.text[language]}</th>
                      {row.levels.map((level, index) => (
                        <td className="samspil-numeric" key={profiles.columns[index]?.id}>
                          {levelText(level)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </details>
          <ExportCsvButton
            fileName="funktionsniveau.csv"
            header={header}
            rows={() =>
              profiles.rows.map((row) => [
                row.text[language],
                ...row.levels.map((level) => (typeof level === 'number' ? level : level && levelText(level))),
              ])
            }
          />
        </>
      ) : (
        <p>{t('measures.functionLevels.none')}</p>
      )}
    </figure>
  );
}
