import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Me, useLogout } from '../api/auth.js';
import { homePath } from '../routes.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MainNavItems } from './MainNavItems.js';
import { MobileMenu } from './MobileMenu.js';
import { municipalityName } from './municipality-name.js';

/**
 * The DKFDS header: product, municipality, the logged-in user, language and log out. From 992 px
 * the navigation is a bar under the header; below, it is the DKFDS mobile menu (a drawer),
 * which also holds the user's name and log out.
 */
export function Header({ me }: { me: Me | null }): ReactElement {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const roleLabel = me ? t(`role.${me.role}`, { defaultValue: me.role }) : '';
  const userTools = me ? (
    <>
      <p className="samspil-user">
        <span className="sr-only">{t('header.loggedInAs')} </span>
        <strong>{me.name}</strong>
        <span className="samspil-user-role">
          {roleLabel}
          {me.unit ? `, ${me.unit.name}` : ''}
        </span>
      </p>
      <button
        type="button"
        className="button button-secondary samspil-logout"
        disabled={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
      >
        {logout.isPending ? t('header.loggingOut') : t('header.logout')}
      </button>
    </>
  ) : null;

  return (
    <header className="header samspil-header">
      <div className="portal-info">
        <div className="container portal-info-inner samspil-portal">
          <Link to={me ? homePath(me) : '/login'} className="samspil-logo">
            <svg className="samspil-logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" />
              <circle cx="11" cy="16" r="6" />
              <circle cx="21" cy="16" r="6" />
            </svg>
            <span className="samspil-logo-text">{t('app.name')}</span>
          </Link>
          <LanguageSwitch />
          {me ? <MobileMenu me={me} tools={userTools} /> : null}
          <div className="samspil-portal-tools">{userTools}</div>
        </div>
      </div>
      <div className="solution-info">
        <div className="container solution-info-inner samspil-solution">
          <p className="samspil-solution-heading">{t('app.tagline')}</p>
          {me ? <p className="authority-name">{municipalityName(me.municipality.name, t)}</p> : null}
        </div>
      </div>
      {me ? (
        <nav className="samspil-nav" aria-label={t('header.mainNavigation')}>
          <div className="container">
            <ul className="samspil-nav-list no-max-width">
              <MainNavItems me={me} linkClass="samspil-nav-link" />
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}
