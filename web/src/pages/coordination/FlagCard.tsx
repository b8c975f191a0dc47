import { type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Flag, type FlagAction, useFlagAction } from '../../api/coordination.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { isOpen, localised, sectorLabel } from './flag-text.js';
import { FlagHistory } from './FlagHistory.js';
import { ReasonForm } from './ReasonForm.js';
import { Fact } from './Fact.js';

export interface FlagSubject {
  name: string;
  anchor: string;
}

interface FlagCardProps {
  flag: Flag;
  subjects: ReadonlyMap<string, FlagSubject>;
  canAct: boolean;
}

const SEVERITY_CLASS = { high: 'badge-error', medium: 'badge-warning', low: 'badge-info' } as const;

/**
 * One coordination flag: which rule, why (in the active language), how serious, what it looked
 * at, who owns it, and — for professionals — acknowledge, resolve or dismiss it; its history.
 */
export function FlagCard({ flag, subjects, canAct }: FlagCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [action, setAction] = useState<FlagAction | null>(null);
  // The action buttons come back when the form closes; keyboard users continue at the card's heading.
  const close = (): void => {
    setAction(null);
    window.requestAnimationFrame(() => heading.current?.focus());
  };
  const mutation = useFlagAction(flag.citizenId);
  const confirmSave = useConfirmSave();
  const title = localised(flag.rule.title, language);
  const explanation = localised(flag.explanation, language);
  const description = localised(flag.rule.description, language);
  const headingId = `flag-${flag.id}`;
  const looked = flag.subjectIds.map((id) => ({ id, subject: subjects.get(id) }));

  return (
    <li className={`samspil-flag is-${flag.severity} is-${flag.status}`}>
      <article aria-labelledby={headingId}>
        <div className="samspil-item-heading">
          <h3 id={headingId} className="h4" ref={heading} tabIndex={-1}>
            {title}
          </h3>
          <span className={`badge samspil-badge ${SEVERITY_CLASS[flag.severity]}`}>
            {t(`coordination.severity.${flag.severity}`)}
          </span>
          <span className="badge samspil-badge">{t(`coordination.status.${flag.status}`)}</span>
        </div>
        <p>{explanation}</p>
        {/* The explanation often already quotes the rule's description; say it once. */}
        {explanation.includes(description) ? null : (
          <p className="samspil-muted samspil-small">{description}</p>
        )}
        <dl className="samspil-facts">
          {/* A flag about the plan as a whole (no coordinator, no goal) points at nothing: no empty fact. */}
          {looked.length > 0 || flag.detailsHidden ? (
            <Fact label={t('coordination.lookedAt')} wide>
              {flag.detailsHidden && looked.length === 0 ? t('coordination.detailsHidden') : null}
              {looked.length > 0 ? (
                <ul className="samspil-inline-list no-max-width">
                  {looked.map(({ id, subject }) => (
                    <li key={id}>
                      {subject ? (
                        <a href={`#${subject.anchor}`}>{subject.name}</a>
                      ) : (
                        t('coordination.otherUnitItem')
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Fact>
          ) : null}
          {flag.sectors.length > 0 ? (
            <Fact label={t('coordination.sectors')}>
              {flag.sectors.map((sector) => sectorLabel(sector, language)).join(', ')}
            </Fact>
          ) : null}
          <Fact label={t('coordination.owner')}>{flag.owner?.name ?? t('coordination.noOwner')}</Fact>
          <Fact label={t('coordination.since')}>{formatDateTime(flag.createdAt, language)}</Fact>
          {flag.statusComment ? <Fact label={t('coordination.comment')}>{flag.statusComment}</Fact> : null}
        </dl>
        {/* Until when it rests (ADR 0014: the rules close a flag, a person dismisses it); why open
            flags stay open is said once above the list. */}
        {flag.status === 'dismissed' && flag.dismissedUntil ? (
          <p className="samspil-small">
            {t('coordination.lifecycle.dismissedUntil', { date: formatDate(flag.dismissedUntil, language) })}
          </p>
        ) : null}
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        {action ? (
          <ReasonForm
            label={t(`coordination.form.${action}.label`)}
            hint={t(`coordination.form.${action}.hint`)}
            submitLabel={t(`coordination.form.${action}.submit`)}
            required={action !== 'acknowledge'}
            pending={mutation.isPending}
            onCancel={close}
            dateField={
              action === 'dismiss'
                ? {
                    label: t('coordination.form.dismiss.dateLabel'),
                    hint: t('coordination.form.dismiss.dateHint'),
                    min: danishToday(),
                  }
                : undefined
            }
            onSubmit={(text, returnDate) =>
              confirmSave(
                mutation.mutateAsync({
                  flagId: flag.id,
                  action,
                  text,
                  ...(action === 'dismiss' ? { returnDate } : {}),
                }),
                t(`coordination.done.${action === 'dismiss' ? 'dismiss' : 'acknowledge'}`, {
                  date: returnDate ? formatDate(returnDate, language) : '',
                }),
                close,
              )
            }
          />
        ) : null}
        {/* The actions and the history share one row: a card is read at a glance, not scrolled. */}
        <div className="samspil-flag-footer">
          {canAct && isOpen(flag.status) && action === null ? (
            <div className="samspil-item-actions">
              {flag.status === 'open' ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setAction('acknowledge')}
                >
                  {t('coordination.action.acknowledge')}
                  <span className="sr-only">: {title}</span>
                </button>
              ) : null}
              <button type="button" className="button button-tertiary" onClick={() => setAction('dismiss')}>
                {t('coordination.action.dismiss')}
                <span className="sr-only">: {title}</span>
              </button>
            </div>
          ) : null}
          <FlagHistory flagId={flag.id} statusAt={flag.statusAt} />
        </div>
      </article>
    </li>
  );
}
