import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../api/auth.js';
import { homePath, leadsUnit, paths } from '../routes.js';
import { CoordinationNav } from './CoordinationNav.js';

/**
 * The entries of the main navigation, as list items: the same in the desktop bar and in the
 * mobile menu, only styled apart (`linkClass`).
 */
export function MainNavItems({ me, linkClass }: { me: Me; linkClass: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      {leadsUnit(me) ? (
        <li>
          <NavLink to={paths.unit} className={linkClass}>
            {t('header.navUnit')}
          </NavLink>
        </li>
      ) : null}
      {me.kind === 'professional' ? (
        <>
          <li>
            <NavLink to={paths.myDay} className={linkClass}>
              {t('header.navMyDay')}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.caseload} className={linkClass}>
              {t('header.navCaseload')}
            </NavLink>
          </li>
        </>
      ) : null}
      {me.kind === 'citizen' ? (
        <li>
          <NavLink to={homePath(me)} className={linkClass}>
            {t('header.navMyPlan')}
          </NavLink>
        </li>
      ) : null}
      {me.canSwitchDelegation ? (
        <li>
          <NavLink to="/login/fuldmagt" className={linkClass}>
            {t('header.navSwitchDelegation')}
          </NavLink>
        </li>
      ) : null}
      <CoordinationNav me={me} linkClass={linkClass} />
    </>
  );
}
