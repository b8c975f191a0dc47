import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '../../api/analytics.js';
import type { CoordinationFigures } from '../../api/coordination-figures.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { CountCellTable } from './CountCellTable.js';
import { FigureWithTable } from './FigureWithTable.js';

/**
 * The referrals' closed loop (referral-loop@1): per month sent, how many closed within N days,
 * later, or are still open; whether they were answered by their answer date; the median days to
 * the answer and to the close.
 */
export function ReferralFigures({
  data,
  filter,
}: {
  data: CoordinationFigures;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { referrals } = data;
  const days = useMemo(() => ({ days: referrals.openAfterDays }), [referrals.openAfterDays]);
  const stateLabels = referrals.states.map((state) => t(`coordinationFigures.referralState.${state}`, days));
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'short' }).format(
      new Date(Date.UTC(data.year, month - 1, 15)),
    );
  const openOver = referrals.states.indexOf('openOver');
  const chart = useMemo(
    () => ({
      categories: referrals.rows.map((row) =>
        new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'short' }).format(
          new Date(Date.UTC(data.year, row.month - 1, 15)),
        ),
      ),
      series: [
        { name: t('coordinationFigures.sent'), values: referrals.rows.map((row) => row.total.count) },
        {
          name: t('coordinationFigures.referralState.openOver', days),
          values: referrals.rows.map((row) => row.cells[openOver]?.count ?? null),
        },
      ],
      label: t('coordinationFigures.referralsChart', days),
      axisLabel: t('coordinationFigures.referralsAxis'),
      testId: 'referrals-chart',
    }),
    [referrals, t, language, data.year, openOver, days],
  );
  const caption = `${t('coordinationFigures.referralsCaption', { year: data.year })} (${referrals.definition.id}@${referrals.definition.version})`;
  const answersCaption = t('coordinationFigures.answersCaption');
  const median = (value: number | null) =>
    value === null ? t('management.hidden') : formatNumber(value, language);
  return (
    <>
      <h3 className="h4">{t('coordinationFigures.referralsTitle')}</h3>
      <FigureWithTable chart={chart} tableLabel={caption} exportFigure="referrals" filter={filter}>
        <CountCellTable
          caption={caption}
          rowHeader={t('coordinationFigures.monthSent')}
          columns={stateLabels}
          totalLabel={t('coordinationFigures.sent')}
          rows={referrals.rows.map((row) => ({
            key: row.month,
            label: monthName(row.month),
            cells: row.cells,
            total: row.total,
          }))}
          totals={{
            key: 'total',
            label: t('management.table.total'),
            cells: referrals.totals.cells,
            total: referrals.totals.total,
          }}
        />
      </FigureWithTable>
      <FigureWithTable tableLabel={answersCaption} exportFigure="referral-answers" filter={filter}>
        <CountCellTable
          caption={answersCaption}
          rowHeader={t('coordinationFigures.answer')}
          columns={[t('coordinationFigures.referrals')]}
          rows={referrals.answerStates.map((state, index) => ({
            key: state,
            label: t(`coordinationFigures.answerState.${state}`),
            cells: [referrals.answered[index] ?? { count: null, citizens: null, hidden: 'complementary' }],
          }))}
        />
      </FigureWithTable>
      <ul className="samspil-figures no-max-width" aria-label={t('coordinationFigures.referralMedians')}>
        <li className="samspil-figure">
          <span className="samspil-figure-value">{median(referrals.medianDaysToAnswer)}</span>
          <span className="samspil-figure-label">{t('coordinationFigures.medianDaysToAnswer')}</span>
        </li>
        <li className="samspil-figure">
          <span className="samspil-figure-value">{median(referrals.medianDaysToClose)}</span>
          <span className="samspil-figure-label">{t('coordinationFigures.medianDaysToClose')}</span>
        </li>
      </ul>
    </>
  );
}
