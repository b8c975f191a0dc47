import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyDayFlags } from '../../api/coordination.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';
import { coordinationAnchor } from './flag-text.js';

/** On My day: how many open coordination flags a citizen has, linking to them on the plan. */
export function FlagCountBadge({ citizenId }: { citizenId: string }): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = useMyDayFlags();
  const count = counts.data?.get(citizenId);
  if (!count || count.open === 0) return null;
  return (
    <Link
      to={`${planPath(citizenId)}#${coordinationAnchor}`}
      className={count.high > 0 ? 'samspil-flag-count is-high' : 'samspil-flag-count'}
    >
      {t('coordination.countBadge', { count: count.open, formatted: formatNumber(count.open, language) })}
      {count.high > 0 ? ` (${t('coordination.countHigh', { count: count.high })})` : ''}
    </Link>
  );
}
