import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_BASES } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { type HelpItem, isRestricted, type MyPathway } from './my-pathway.js';

interface HelpListProps {
  view: MyPathway;
  context: 'relative' | undefined;
  owner: string;
}

/**
 * Who does what for the citizen, and why: each piece of help with the steps it serves. The rule
 * it is given under is behind "Vis detaljer", in words, never as a code.
 */
export function HelpList({ view, context, owner }: HelpListProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hvem-goer-hvad" className="samspil-my-help">
      <h2 id="hvem-goer-hvad">{t('citizen.help.heading', { context, owner })}</h2>
      {view.help.length === 0 ? <p>{t('citizen.help.none')}</p> : null}
      <ul className="samspil-help-list">
        {view.help.map((item) => (
          <Help key={item.id} item={item} context={context} />
        ))}
      </ul>
    </section>
  );
}

function Help({ item, context }: { item: HelpItem; context: 'relative' | undefined }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const help = item.intervention;
  const when = help.endDate
    ? t('citizen.help.fromTo', {
        start: formatDate(help.startDate, language),
        end: formatDate(help.endDate, language),
      })
    : t('citizen.help.from', { start: formatDate(help.startDate, language) });
  // Help not started yet or paused says so; active help needs no word.
  let state: string | null = null;
  if (help.status === 'planned') state = t('citizen.help.planned');
  else if (help.status === 'paused') state = t('citizen.help.paused');
  if (isRestricted(help)) {
    return (
      <li className="samspil-help samspil-help-hidden">
        <h3 className="h5">{t('citizen.help.hiddenTitle', { unit: help.unit.name })}</h3>
        <p>{t('citizen.help.hiddenText', { context })}</p>
        <p className="samspil-muted">
          {when}
          {help.responsible ? ` ${t('citizen.help.contact', { name: help.responsible.name })}` : ''}
        </p>
      </li>
    );
  }
  const legal = LEGAL_BASES[help.legalBasis];
  return (
    <li className="samspil-help">
      <h3 className="h5">{t('citizen.help.title', { unit: help.unit.name, what: help.type.name })}</h3>
      {help.purpose ? <p>{t('citizen.help.why', { why: help.purpose })}</p> : null}
      {item.steps.length > 0 ? (
        <p>{t('citizen.help.steps', { context, steps: item.steps.join(', ') })}</p>
      ) : null}
      {help.frequency ? <p>{t('citizen.help.how', { how: help.frequency })}</p> : null}
      <p className="samspil-muted">
        {state ? `${state} ` : ''}
        {when}
        {help.responsible ? ` ${t('citizen.help.contact', { name: help.responsible.name })}` : ''}
      </p>
      {legal.section === '—' ? null : (
        <details className="samspil-details">
          <summary>{t('citizen.help.details')}</summary>
          <p>{t('citizen.help.rule', { law: legal.law, section: legal.section, title: legal.title })}</p>
          <p className="samspil-muted">{t('citizen.help.ruleWhy')}</p>
        </details>
      )}
    </li>
  );
}
