import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveBreakGlass } from '../../api/break-glass.js';
import { Alert } from '../../components/Alert.js';
import { formatTime } from '../../i18n/format.js';

/**
 * On every page of a citizen the professional reads through break-the-glass: the access is
 * temporary, and when it ends ("Nødadgang udløber kl. 14:30").
 */
export function BreakGlassBanner({
  citizenId,
  enabled,
}: {
  citizenId: string;
  enabled: boolean;
}): ReactElement | null {
  const { t } = useTranslation();
  const active = useActiveBreakGlass(citizenId, enabled);
  if (!active.data) return null;
  return (
    <Alert
      variant="warning"
      className="samspil-break-glass-banner"
      heading={t('breakGlass.banner.heading', { time: formatTime(active.data.expiresAt) })}
    >
      {t('breakGlass.banner.text')}
    </Alert>
  );
}
