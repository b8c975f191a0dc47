import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { usePlanContext } from './PlanContext.js';

/**
 * What the citizen wrote herself in Mit forløb, under her goal on the professionals' plan: whether
 * she approved the plan (and whether it changed since), her own steps and her comments. One line
 * when there is nothing, so the plan stays short.
 */
export function CitizenVoice(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { plan } = usePlanContext();
  const approval = plan.comments.find((comment) => comment.approves) ?? null;
  const written = plan.comments.filter((comment) => comment.text);
  return (
    <div className="samspil-citizen-voice">
      <h3 className="h5">{t('plan.voice.heading')}</h3>
      <p data-testid="citizen-approval">
        {approval
          ? t('plan.voice.approved', {
              date: formatDate(approval.at.slice(0, 10), language),
              version: approval.planVersion,
            })
          : t('plan.voice.notApproved')}
        {approval && plan.version > approval.planVersion ? ` ${t('plan.voice.changedSince')}` : null}
      </p>
      {plan.ownSteps.length > 0 ? (
        <>
          <h4 className="h6">{t('plan.voice.steps')}</h4>
          <ul className="samspil-citizen-voice-list">
            {plan.ownSteps.map((step) => (
              <li key={step.id}>
                {step.title}{' '}
                <span className="samspil-muted">
                  ({t(`plan.voice.doer.${step.doer}`)}
                  {step.doneAt ? `, ${t('plan.voice.done')}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {written.length > 0 ? (
        <>
          <h4 className="h6">{t('plan.voice.comments')}</h4>
          <ul className="samspil-citizen-voice-list">
            {written.map((comment) => (
              <li key={comment.id}>
                <span className="samspil-muted">
                  {formatDate(comment.at.slice(0, 10), language)}
                  {comment.approves ? ` · ${t('plan.voice.withYes')}` : ''}:
                </span>{' '}
                {comment.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
