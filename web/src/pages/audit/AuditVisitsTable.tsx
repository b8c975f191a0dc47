import { Fragment, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVisit } from '../../api/audit.js';
import { partText, resourceKind } from '../../domain.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

function timeOf(at: string, language: string): string {
  return new Date(at).toLocaleTimeString(language === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: 'Europe/Copenhagen',
  });
}

/**
 * The audit search's results: one row per page visit, in words — when, who (name and unit),
 * which citizen (by name where the viewer may see it), what was seen and why. A row unfolds to
 * the audit records behind it.
 */
export function AuditVisitsTable({
  visits,
  caption,
}: {
  visits: AuditVisit[];
  caption: string;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const column = (name: string): string => t(`audit.column.${name}`);
  const toggle = (key: string): void =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <div className="samspil-table-wrapper">
      <table className="table table--compact table-md-responsive-headers samspil-caseload samspil-audit-visits">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column('when')}</th>
            <th scope="col">{column('who')}</th>
            <th scope="col">{column('citizen')}</th>
            <th scope="col">{column('what')}</th>
            <th scope="col">{column('why')}</th>
            <th scope="col">{column('records')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((visit, index) => {
            const detailsId = `audit-visit-${index}`;
            const expanded = open.has(visit.key);
            const citizen = visit.citizen
              ? (visit.citizen.name ?? t('audit.hiddenCitizen'))
              : t('audit.noCitizen');
            const why = [
              visit.purpose ? t(`audit.purpose.${visit.purpose}`, { defaultValue: visit.purpose }) : null,
              visit.basis ? t(`accessBasis.${visit.basis}`, { defaultValue: visit.basis }) : null,
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <Fragment key={`${visit.key}-${visit.actor.id}-${visit.citizen?.id ?? ''}`}>
                <tr className={index % 2 === 1 ? 'samspil-zebra' : undefined}>
                  <td data-title={column('when')} className="samspil-nowrap-md">
                    {formatDateTime(visit.from, language)}
                  </td>
                  <td data-title={column('who')}>
                    <span className="samspil-nowrap-md">
                      {visit.actor.name ?? t(`role.${visit.actor.role}`)}
                    </span>
                    <span className="samspil-muted samspil-small samspil-block">
                      {[
                        t(`role.${visit.actor.role}`, { defaultValue: visit.actor.role }),
                        visit.actor.unit?.name,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </span>
                  </td>
                  <td data-title={column('citizen')}>{citizen}</td>
                  <th scope="row" data-title={column('what')} className="samspil-audit-what">
                    <span className="samspil-audit-what-text">
                      {visit.description[language]}
                      {visit.outcome === 'denied' ? (
                        <span className="badge samspil-badge badge-error">{t('audit.denied')}</span>
                      ) : null}
                      {visit.parts.length > 1 ? (
                        <span className="samspil-muted samspil-small samspil-block">
                          {t('audit.parts', {
                            parts: visit.parts.map((part) => part.text[language]).join(', '),
                          })}
                        </span>
                      ) : null}
                    </span>
                  </th>
                  <td data-title={column('why')}>{why || '—'}</td>
                  <td data-title={column('records')}>
                    <button
                      type="button"
                      className="button button-unstyled samspil-link-button"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => toggle(visit.key)}
                    >
                      {t(expanded ? 'audit.hideRecords' : 'audit.showRecords', {
                        count: visit.entries.length,
                      })}
                    </button>
                  </td>
                </tr>
                <tr id={detailsId} hidden={!expanded} className="samspil-audit-records">
                  <td colSpan={6}>
                    <ul className="samspil-plain-list no-max-width">
                      {visit.entries.map((entry) => (
                        <li key={entry.id}>
                          <span className="samspil-nowrap">{timeOf(entry.at, language)}</span> ·{' '}
                          {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })} ·{' '}
                          {partText(resourceKind(entry.resource))[language]}
                          {entry.outcome === 'denied' ? ` · ${t('audit.denied')}` : ''}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
