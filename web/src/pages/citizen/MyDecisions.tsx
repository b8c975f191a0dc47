import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hearingResponseCreateSchema } from '../../../../src/domain/decisions/decision.schemas.js';
import { type Decision, letterUrl, useAnswerHearing, useDecisions } from '../../api/decisions.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import { validate } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { LEGAL_BASES } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * "Afgørelser på vej": what a unit intends to decide about her, the facts it relies on and until
 * when she can answer (partshøring). She comments or corrects facts before the deadline (issue
 * 11, item 6). Nothing when there is no decision. A relative reads, and writes nothing.
 */
export function MyDecisions({
  citizenId,
  context,
}: {
  citizenId: string;
  context: 'relative' | undefined;
}): ReactElement | null {
  const { t } = useTranslation();
  const id = useId();
  const decisions = useDecisions(citizenId);
  const shown = decisions.data?.filter((decision) => decision.status === 'hearing') ?? [];
  const made = decisions.data?.filter((decision) => decision.status === 'final') ?? [];
  if (shown.length === 0 && made.length === 0) return null;
  return (
    <>
      {shown.length > 0 ? (
        <section aria-labelledby={`${id}-heading`} className="samspil-my-decisions">
          <h2 id={`${id}-heading`}>{t('citizen.decisions.heading', { context })}</h2>
          {shown.map((decision) => (
            <DecisionCard key={decision.id} citizenId={citizenId} decision={decision} context={context} />
          ))}
        </section>
      ) : null}
      {made.length > 0 ? (
        <section aria-labelledby={`${id}-made`} className="samspil-my-decisions">
          <h2 id={`${id}-made`}>{t('myDecisions.madeHeading')}</h2>
          {made.map((decision) => (
            <FinalDecisionCard key={decision.id} citizenId={citizenId} decision={decision} />
          ))}
        </section>
      ) : null}
    </>
  );
}

/** A decision made: what, what her answer changed, why, and how she can appeal, with the letter. */
function FinalDecisionCard({
  citizenId,
  decision,
}: {
  citizenId: string;
  decision: Decision;
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const final = decision.final;
  if (!final) return null;
  return (
    <article className="card samspil-decision-card" aria-label={decision.title}>
      <div className="card-content">
        <h3 className="h4">{decision.title}</h3>
        <p>
          {t('myDecisions.decided', {
            unit: decision.unit.name,
            date: formatDate(final.decidedOn, language),
          })}
        </p>
        <p className="samspil-decision-proposal">{final.text}</p>
        {final.hearingChanges ? (
          <>
            <h4 className="h6">
              {final.changedByHearing ? t('myDecisions.changed') : t('myDecisions.unchanged')}
            </h4>
            <p>{final.hearingChanges}</p>
          </>
        ) : null}
        <h4 className="h6">{t('myDecisions.why')}</h4>
        <p>{final.reasons.considerations}</p>
        <p>{final.reasons.facts}</p>
        <details className="samspil-folded">
          <summary>{t('myDecisions.rules')}</summary>
          <p>{final.reasons.rules}</p>
        </details>
        <h4 className="h6">{t('myDecisions.appealHeading')}</h4>
        <p>
          {t('myDecisions.appeal', {
            body: final.appeal.body,
            date: formatDate(final.appeal.until, language),
          })}
        </p>
        <p>{final.appeal.how}</p>
        <p>
          <a href={letterUrl(citizenId, decision.id, 'final', language)} download>
            {t('myDecisions.letter')}
          </a>
        </p>
      </div>
    </article>
  );
}

function DecisionCard({
  citizenId,
  decision,
  context,
}: {
  citizenId: string;
  decision: Decision;
  context: 'relative' | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const legal = LEGAL_BASES[decision.legalBasis];
  const until = decision.hearingUntil ? formatDate(decision.hearingUntil, language) : '';
  return (
    <article className="card samspil-decision-card" aria-label={decision.title}>
      <div className="card-content">
        <h3 className="h4">{decision.title}</h3>
        <p>{t('citizen.decisions.from', { unit: decision.unit.name })}</p>
        <p className="samspil-decision-proposal">{decision.proposal}</p>
        <h4 className="h6">{t('citizen.decisions.facts', { context })}</h4>
        <p>{decision.facts}</p>
        <p>
          <strong>
            {decision.hearingOpen
              ? t('citizen.decisions.until', { context, date: until })
              : t('citizen.decisions.closed', { context, date: until })}
          </strong>
        </p>
        <details className="samspil-folded">
          <summary>{t('citizen.help.details')}</summary>
          <p>{t('citizen.help.rule', { law: legal.law, section: legal.section, title: legal.title })}</p>
          <p>{t('citizen.decisions.why', { context })}</p>
        </details>
        {decision.responses.length > 0 ? (
          <>
            <h4 className="h6">{t('citizen.decisions.answered', { context })}</h4>
            <ul className="nobullet-list samspil-plan-comments">
              {decision.responses.map((response) => (
                <li key={response.id}>
                  <p className="samspil-muted">
                    {formatDate(response.at.slice(0, 10), language)} ·{' '}
                    {t(`citizen.decisions.kind.${response.kind}`)}
                  </p>
                  <p>{response.text}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href={letterUrl(citizenId, decision.id, 'hearing', language)} download>
            {t('myDecisions.hearingLetter')}
          </a>
        </p>
        {!context && decision.hearingOpen ? <HearingForm citizenId={citizenId} decision={decision} /> : null}
      </div>
    </article>
  );
}

function HearingForm({ citizenId, decision }: { citizenId: string; decision: Decision }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const answer = useAnswerHearing(citizenId, decision.id);
  const fieldErrors = useFormErrors();
  const showSuccess = useShowSuccess();
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const label = t('citizen.decisions.text');
  const targets = {
    kind: { id: `${id}-kind-0`, label: t('citizen.decisions.kindLegend') },
    text: { id: `${id}-text`, label },
  };
  return (
    <form
      className="samspil-hearing-form"
      noValidate
      aria-label={t('citizen.decisions.formTitle', { title: decision.title })}
      onSubmit={(event) => {
        event.preventDefault();
        const result = validate(hearingResponseCreateSchema, { kind, text }, t);
        if (!result.ok) {
          fieldErrors.check(result.errors);
          return;
        }
        fieldErrors.check({});
        answer.mutate(result.value, {
          onSuccess: () => {
            showSuccess(t('citizen.decisions.sent'));
            setText('');
            setKind('');
          },
          onError: (error) => fieldErrors.fromServer(error),
        });
      }}
    >
      <ErrorSummary errors={fieldErrors.errors} targets={targets} attempt={fieldErrors.attempt} />
      {answer.isError && Object.keys(fieldErrors.errors).length === 0 ? (
        <ErrorAlert error={answer.error} />
      ) : null}
      <RadioGroup
        id={`${id}-kind`}
        legend={t('citizen.decisions.kindLegend')}
        value={kind}
        onChange={setKind}
        error={fieldErrors.errors.kind}
        choices={[
          { value: 'comment', label: t('citizen.decisions.kind.comment') },
          { value: 'correction', label: t('citizen.decisions.kind.correction') },
        ]}
      />
      <TextField
        id={`${id}-text`}
        label={label}
        value={text}
        onChange={setText}
        error={fieldErrors.errors.text}
        multiline
        rows={3}
      />
      <FormActions submitLabel={t('citizen.decisions.send')} pending={answer.isPending} />
    </form>
  );
}
