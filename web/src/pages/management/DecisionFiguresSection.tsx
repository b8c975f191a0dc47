import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecisionFigures } from '../../api/decision-figures.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * The decision figures (issue 14): changed by the hearing, appeals per 100 decisions, the appeal
 * body's change rate and days from draft to final — one small table; a hidden figure says why.
 */
export function DecisionFiguresSection({
  headingId,
  year,
}: {
  headingId: string;
  year: number;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = useDecisionFigures(year);
  const shown = (value: number | null | undefined, share = false) => {
    if (value === null || value === undefined)
      return <span className="samspil-muted">{t('decisionFigures.hidden')}</span>;
    return share
      ? `${formatNumber(Math.round(value * 1000) / 10, language)} %`
      : formatNumber(value, language);
  };
  const data = figures.data;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('decisionFigures.heading')}</h2>
      <QueryStatus query={figures} />
      {data ? (
        <table className="table table--compact">
          <caption className="sr-only">{t('decisionFigures.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('decisionFigures.figure')}</th>
              <th scope="col" className="text-align-right">
                {t('decisionFigures.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('decisionFigures.decisions')}</th>
              <td className="text-align-right">{shown(data.decisions)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisionFigures.changedByHearing')}</th>
              <td className="text-align-right">{shown(data.hearing.share, true)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisionFigures.appealsPer100')}</th>
              <td className="text-align-right">{shown(data.appeals.per100)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisionFigures.changeRate')}</th>
              <td className="text-align-right">{shown(data.appealBody.changeRate, true)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisionFigures.days')}</th>
              <td className="text-align-right">
                {shown(data.daysToFinal.median)} / {shown(data.daysToFinal.mean)}
              </td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
