import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../api/auth.js';
import { useUnansweredReferrals } from '../api/referrals.js';
import { useUnreadCount } from '../api/inbox.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { paths, teamMeetingsPath } from '../routes.js';
import {
  accessLogPath,
  auditPath,
  consentsPath,
  coordinationOverviewPath,
  delegationsPath,
  inboxPath,
  referralsPath,
} from '../pages/coordination/paths.js';
import { managementPath } from '../pages/management-pages.js';
import { pathwayTemplatesPath } from '../pages/pathway-templates-pages.js';

/** Whether the user leads (a unit or the municipality) and so sees the overview and the audit trail. */
export function isLeader(me: Me): boolean {
  return me.kind === 'professional' && (me.role === 'team_leader' || me.role === 'administrator');
}

/**
 * The coordination and access entries of the main navigation: the inbox with its unread count
 * and referrals for professionals, the overview and audit for leaders, and the citizen's own
 * access log, consents and delegations. `linkClass` styles the links for the desktop bar or
 * the mobile menu.
 */
export function CoordinationNav({ me, linkClass }: { me: Me; linkClass: string }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const unread = useUnreadCount(me.kind === 'professional');
  const unanswered = useUnansweredReferrals(me.kind === 'professional');
  if (me.kind === 'citizen') {
    return (
      <>
        <li>
          <NavLink to={accessLogPath} className={linkClass}>
            {t('coordinationNav.accessLog')}
          </NavLink>
        </li>
        <li>
          <NavLink to={consentsPath} className={linkClass}>
            {t('coordinationNav.consents')}
          </NavLink>
        </li>
        <li>
          <NavLink to={delegationsPath} className={linkClass}>
            {t('coordinationNav.delegations')}
          </NavLink>
        </li>
      </>
    );
  }
  const count = unread.data ?? 0;
  const newReferrals = unanswered.data ?? 0;
  const newReferralsText = t('coordinationNav.newReferrals', {
    count: newReferrals,
    formatted: formatNumber(newReferrals, language),
  });
  return (
    <>
      <li>
        <NavLink to={inboxPath} className={linkClass}>
          {t('coordinationNav.inbox')}
          {count > 0 ? ' ' : null}
          {count > 0 ? (
            <span className="samspil-nav-badge">
              <span aria-hidden="true">{formatNumber(count, language)}</span>
              <span className="sr-only">
                {t('coordinationNav.unread', { count, formatted: formatNumber(count, language) })}
              </span>
            </span>
          ) : null}
        </NavLink>
      </li>
      <li>
        <NavLink
          to={referralsPath}
          className={linkClass}
          // Read as one phrase, "Henvisninger, 2 nye"; the visible badge says the same in words.
          aria-label={newReferrals > 0 ? `${t('coordinationNav.referrals')}, ${newReferralsText}` : undefined}
        >
          {t('coordinationNav.referrals')}
          {newReferrals > 0 ? (
            <>
              {' '}
              <span className="samspil-nav-badge">{newReferralsText}</span>
            </>
          ) : null}
        </NavLink>
      </li>
      {/* Leaders' bar is full at 1280 px; they reach team meetings from the unit overview. */}
      {isLeader(me) ? null : (
        <li>
          <NavLink to={teamMeetingsPath} className={linkClass}>
            {t('teamCases.title')}
          </NavLink>
        </li>
      )}
      {isLeader(me) ? (
        <>
          <li>
            <NavLink to={coordinationOverviewPath} className={linkClass}>
              {t('coordinationNav.coordination')}
            </NavLink>
          </li>
          <li>
            <NavLink to={auditPath} className={linkClass}>
              {t('coordinationNav.audit')}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.surveys} className={linkClass}>
              {t('surveys.nav')}
            </NavLink>
          </li>
          <li>
            <NavLink to={managementPath} className={linkClass}>
              {t('management.nav')}
            </NavLink>
          </li>
          <li>
            <NavLink to={pathwayTemplatesPath} className={linkClass}>
              {t('pathwayTemplates.nav')}
            </NavLink>
          </li>
        </>
      ) : null}
    </>
  );
}
