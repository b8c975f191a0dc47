import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoPersona } from '../../api/auth.js';
import { SECTOR_LABELS } from '../../domain.js';
import { useLanguage } from '../../i18n/useLanguage.js';

interface PersonaCardProps {
  persona: DemoPersona;
  onLogin: (persona: DemoPersona) => void;
  busy: boolean;
  pending: boolean;
}

/** One demo persona as a DKFDS card with a "log in as" button. */
export function PersonaCard({ persona, onLogin, busy, pending }: PersonaCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = language === 'en' ? persona.titleEn : persona.titleDa;
  return (
    <li className="card samspil-persona">
      <div className="card-content">
        <h3 className="card-heading">{persona.name}</h3>
        <p className="card-subheading">{title}</p>
        {persona.unit ? (
          <p className="samspil-persona-unit">
            {/* The title often names the unit already; then only the sector is added. */}
            {title.includes(persona.unit.name) ? null : `${persona.unit.name} · `}
            <span className="samspil-muted">
              {SECTOR_LABELS[persona.unit.sector]?.[language] ?? persona.unit.sector}
            </span>
          </p>
        ) : null}
        <div className="card-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            aria-busy={pending}
            onClick={() => onLogin(persona)}
          >
            {pending ? t('login.loggingIn') : t('login.loginAs', { name: persona.name })}
          </button>
        </div>
      </div>
    </li>
  );
}
