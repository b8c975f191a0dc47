import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { coordinationAnchor } from './flag-text.js';
import { useIsFlagged } from './useIsFlagged.js';

/** A small marker on an intervention or sub-goal card that an open coordination flag concerns it. */
export function FlagMarker({ id }: { id: string }): ReactElement | null {
  const { t } = useTranslation();
  if (!useIsFlagged(id)) return null;
  return (
    <a href={`#${coordinationAnchor}`} className="badge samspil-badge samspil-flag-marker">
      {t('coordination.marker')}
    </a>
  );
}
