import type { ReactElement } from 'react';
import { type Sector, SECTOR_LABELS } from '../domain.js';
import { useLanguage } from '../i18n/useLanguage.js';

/** Sectors as DKFDS tags (read-only, so plain text, not buttons). */
export function SectorTags({ sectors }: { sectors: readonly Sector[] }): ReactElement {
  const language = useLanguage();
  return (
    <ul className="samspil-tags no-max-width">
      {sectors.map((sector) => (
        <li key={sector} className="tag samspil-tag-static">
          {SECTOR_LABELS[sector]?.[language] ?? sector}
        </li>
      ))}
    </ul>
  );
}
