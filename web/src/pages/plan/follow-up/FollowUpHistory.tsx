import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '../../../api/follow-ups.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { gasLabel } from '../GasScale.js';

/** The follow-ups held of one item, newest first: when, by whom, the outcome and why, what was measured. */
export function FollowUpHistory({ items }: { items: readonly FollowUpView[] }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.length === 0) return <p>{t('followUps.none')}</p>;
  return (
    <ul className="samspil-follow-up-list">
      {items.slice(0, 10).map((item) => (
        <li key={item.id}>
          <p>
            <strong>{formatDate(item.heldOn, language)}</strong>: {t(`followUps.code.${item.code}`)} ·{' '}
            {item.heldBy.name}
          </p>
          {item.reasons ? <p>{item.reasons}</p> : null}
          <p className="samspil-muted">
            {[
              item.nextDate ? t('followUps.nextOn', { date: formatDate(item.nextDate, language) }) : null,
              item.gasLevel !== null ? t('followUps.gasAt', { level: gasLabel(item.gasLevel) }) : null,
              ...item.measures.map((measure) =>
                t('followUps.measureAt', {
                  instrument: t(`followUps.instrument.${measure.instrument}`, {
                    defaultValue: measure.instrument,
                  }),
                  score: measure.score ?? '–',
                }),
              ),
            ]
              .filter((part): part is string => part !== null)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
