import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Decision, letterUrl, useDecisionStep, useDecisions } from '../../api/decisions.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { formatDate } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath, teamMeetingPath } from '../../routes.js';
import { legalBasisText } from '../plan/legal-basis.js';
import { type StepField, StepForm } from './StepForm.js';

/**
 * A decision's own page (`/borgere/:citizenId/afgoerelser/:decisionId`): the checklist of the
 * legal steps with each step's state, what the record holds, and the forms of the steps that can
 * be taken now. The rules are the server's (src/domain/decisions/decision-checklist.ts); a step
 * it refuses is said here in words.
 */
export function DecisionPage(): ReactElement {
  const { t } = useTranslation();
  const { citizenId = '', decisionId = '' } = useParams();
  const decisions = useDecisions(citizenId);
  const decision = decisions.data?.find((item) => item.id === decisionId);
  useDocumentTitle(decision ? decision.title : t('decisionPage.title'));
  if (!decision)
    return (
      <>
        <h1>{t('decisionPage.title')}</h1>
        <QueryStatus query={decisions} />
        {decisions.data ? <p>{t('decisionPage.notFound')}</p> : null}
      </>
    );
  return <DecisionView citizenId={citizenId} decision={decision} />;
}

function DecisionView({ citizenId, decision }: { citizenId: string; decision: Decision }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = (value: string | null | undefined) => (value ? formatDate(value, language) : '');
  return (
    <>
      <p>
        <Link to={planPath(citizenId)}>{t('decisionPage.backToPlan')}</Link>
      </p>
      <h1>{decision.title}</h1>
      <p className="font-lead">
        {decision.unit.name} · {legalBasisText(decision.legalBasis)}
        {decision.negative ? ` · ${t('decisionPage.negative')}` : ''}
      </p>
      <h2>{t('decisionPage.checklist')}</h2>
      <ol className="samspil-decision-steps">
        {decision.steps.map((step) => (
          <li key={step.key} className={`samspil-decision-step is-${step.state}`}>
            <strong>{t(`decisionPage.step.${step.key}`)}</strong>{' '}
            <span className="samspil-muted">{t(`decisionPage.state.${step.state}`)}</span>
          </li>
        ))}
      </ol>
      {decision.nextStep ? (
        <p role="status">
          <strong>{t('decisionPage.next')}</strong> {t(`decisionPage.nextStep.${decision.nextStep}`)}
        </p>
      ) : null}

      <h2>{t('decisionPage.record')}</h2>
      <h3 className="h5">{t('decisionPage.proposal')}</h3>
      <p>{decision.proposal}</p>
      <h3 className="h5">{t('decisionPage.facts')}</h3>
      <p>{decision.facts}</p>
      {decision.teamCase ? (
        <p>
          {t('decisionPage.teamCase')}{' '}
          <Link to={teamMeetingPath(decision.teamCase.meetingId)}>
            {decision.teamCase.recommendation ?? t('decisionPage.noRecommendation')}
          </Link>
          {decision.teamCase.departureReason
            ? ` · ${t('decisionPage.departed', { reason: decision.teamCase.departureReason })}`
            : ''}
        </p>
      ) : null}
      {decision.informalContact ? (
        <p>
          {t(`decisionPage.contact.${decision.informalContact.kind}`)} ·{' '}
          {decision.informalContact.outcome
            ? t('decisionPage.contactHeld', {
                date: day(decision.informalContact.heldOn),
                outcome: decision.informalContact.outcome,
              })
            : t('decisionPage.contactPlanned', { date: day(decision.informalContact.plannedOn) })}
        </p>
      ) : null}
      {decision.hearingUntil ? (
        <p>
          {t(decision.hearingOpen ? 'decisionPage.hearingUntil' : 'decisionPage.hearingClosed', {
            date: day(decision.hearingUntil),
          })}{' '}
          <a href={letterUrl(citizenId, decision.id, 'hearing', language)} download>
            {t('decisionPage.hearingLetter')}
          </a>
        </p>
      ) : null}
      {decision.responses.length > 0 ? (
        <>
          <h3 className="h5">{t('decisionPage.responses')}</h3>
          <ul className="samspil-citizen-voice-list">
            {decision.responses.map((response) => (
              <li key={response.id}>
                <span className="samspil-muted">
                  {day(response.at.slice(0, 10))} · {t(`decisionPage.response.${response.kind}`)}:
                </span>{' '}
                {response.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.final ? <FinalRecord citizenId={citizenId} decision={decision} /> : null}
      {decision.appeal ? (
        <>
          <h3 className="h5">{t('decisionPage.appealRecord')}</h3>
          <ul>
            <li>
              {t('decisionPage.appealReceived', {
                date: day(decision.appeal.receivedOn),
                due: day(decision.appeal.reconsiderationDue),
              })}
              {decision.appeal.overdue ? (
                <span className="badge samspil-badge badge-error"> {t('decisionPage.overdue')}</span>
              ) : null}
            </li>
            {decision.appeal.reconsiderationOutcome ? (
              <li>
                {t(`decisionPage.reconsidered.${decision.appeal.reconsiderationOutcome}`, {
                  date: day(decision.appeal.reconsideredOn),
                  forwarded: day(decision.appeal.forwardedOn),
                })}
              </li>
            ) : null}
            {decision.appeal.result ? (
              <li>
                {t(`decisionPage.result.${decision.appeal.result}`)} ({day(decision.appeal.resultOn)})
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      <StepForms citizenId={citizenId} decision={decision} />
    </>
  );
}

function FinalRecord({
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
    <>
      <h3 className="h5">{t('decisionPage.final', { date: formatDate(final.decidedOn, language) })}</h3>
      <p>{final.text}</p>
      {final.hearingChanges ? (
        <p>
          <strong>
            {final.changedByHearing
              ? t('decisionPage.changedByHearing')
              : t('decisionPage.unchangedByHearing')}
          </strong>{' '}
          {final.hearingChanges}
        </p>
      ) : null}
      {decision.noHearingReason ? (
        <p>
          <strong>{t('decisionPage.noHearing')}</strong> {decision.noHearingReason}
        </p>
      ) : null}
      <dl className="samspil-decision-reasons">
        <dt>{t('decisionPage.reasons.rules')}</dt>
        <dd>{final.reasons.rules}</dd>
        <dt>{t('decisionPage.reasons.considerations')}</dt>
        <dd>{final.reasons.considerations}</dd>
        <dt>{t('decisionPage.reasons.facts')}</dt>
        <dd>{final.reasons.facts}</dd>
        <dt>{t('decisionPage.appealGuidance')}</dt>
        <dd>
          {t('decisionPage.appealText', {
            body: final.appeal.body,
            weeks: final.appeal.weeks,
            date: formatDate(final.appeal.until, language),
          })}{' '}
          {final.appeal.how}
        </dd>
      </dl>
      <p>
        <a href={letterUrl(citizenId, decision.id, 'final', language)} download>
          {t('decisionPage.finalLetter')}
        </a>
      </p>
    </>
  );
}

/** The forms of the steps that can be taken now. */
function StepForms({ citizenId, decision }: { citizenId: string; decision: Decision }): ReactElement {
  const { t } = useTranslation();
  const today = danishToday();
  const informal = useDecisionStep(citizenId, decision.id, 'informal-contact');
  const hearing = useDecisionStep(citizenId, decision.id, 'hearing');
  const final = useDecisionStep(citizenId, decision.id, 'final');
  const appeal = useDecisionStep(citizenId, decision.id, 'appeal');
  const reconsideration = useDecisionStep(citizenId, decision.id, 'reconsideration');
  const result = useDecisionStep(citizenId, decision.id, 'appeal-result');
  const yesNo = [
    { value: 'true', label: t('decisionPage.yes') },
    { value: 'false', label: t('decisionPage.no') },
  ];
  const heard = decision.hearingUntil !== null;
  const hearingFields: StepField[] = heard
    ? [
        {
          name: 'changedByHearing',
          label: t('decisionPage.form.changedByHearing'),
          kind: 'radio',
          choices: yesNo,
          required: true,
        },
        {
          name: 'hearingChanges',
          label: t('decisionPage.form.hearingChanges'),
          kind: 'textarea',
          required: true,
        },
      ]
    : [];
  // Without a hearing, a negative decision says why none was needed (the server holds it to that).
  if (!heard && decision.negative)
    hearingFields.push({
      name: 'noHearingReason',
      label: t('decisionPage.form.noHearingReason'),
      kind: 'textarea',
    });
  const finalFields: StepField[] = [
    ...hearingFields,
    {
      name: 'decision',
      label: t('decisionPage.form.decision'),
      kind: 'textarea',
      hint: t('decisionPage.form.decisionHint'),
    },
    { name: 'reasons.rules', label: t('decisionPage.reasons.rules'), kind: 'textarea', required: true },
    {
      name: 'reasons.considerations',
      label: t('decisionPage.reasons.considerations'),
      kind: 'textarea',
      required: true,
    },
    { name: 'reasons.facts', label: t('decisionPage.reasons.facts'), kind: 'textarea', required: true },
    { name: 'appeal.body', label: t('decisionPage.form.appealBody'), kind: 'text', required: true },
    { name: 'appeal.how', label: t('decisionPage.form.appealHow'), kind: 'textarea', required: true },
    ...(decision.teamCase
      ? ([
          {
            name: 'followsRecommendation',
            label: t('decisionPage.form.follows'),
            kind: 'radio',
            choices: yesNo,
            required: true,
          },
          { name: 'departureReason', label: t('decisionPage.form.departureReason'), kind: 'textarea' },
        ] as const)
      : []),
  ];
  return (
    <section aria-labelledby="decision-steps-heading">
      <h2 id="decision-steps-heading">{t('decisionPage.steps')}</h2>
      {decision.status === 'draft' && !decision.informalContact?.outcome ? (
        <StepForm
          title={t('decisionPage.form.informalTitle')}
          fields={[
            {
              name: 'kind',
              label: t('decisionPage.form.contactKind'),
              kind: 'radio',
              choices: [
                { value: 'call', label: t('decisionPage.contact.call') },
                { value: 'meeting', label: t('decisionPage.contact.meeting') },
              ],
              required: true,
            },
            { name: 'plannedOn', label: t('decisionPage.form.plannedOn'), kind: 'date', required: true },
            {
              name: 'outcome',
              label: t('decisionPage.form.outcome'),
              kind: 'textarea',
              hint: t('decisionPage.form.outcomeHint'),
            },
          ]}
          initial={{
            kind: decision.informalContact?.kind ?? '',
            plannedOn: decision.informalContact?.plannedOn ?? today,
          }}
          mutation={informal}
          submitLabel={t('decisionPage.form.save')}
          sent={t('decisionPage.saved')}
        />
      ) : null}
      {decision.status === 'draft' ? (
        <StepForm
          title={t('decisionPage.form.hearingTitle')}
          fields={[
            {
              name: 'hearingUntil',
              label: t('decisionPage.form.hearingUntil'),
              kind: 'date',
              required: true,
            },
          ]}
          mutation={hearing}
          submitLabel={t('decisionPage.form.sendHearing')}
          sent={t('decisionPage.saved')}
        />
      ) : null}
      {decision.status !== 'final' ? (
        <StepForm
          title={t('decisionPage.form.finalTitle')}
          fields={finalFields}
          initial={{ 'appeal.body': 'Ankestyrelsen', 'appeal.how': t('decisionPage.form.appealHowDefault') }}
          mutation={final}
          submitLabel={t('decisionPage.form.finalise')}
          sent={t('decisionPage.saved')}
        />
      ) : null}
      {decision.status === 'final' && !decision.appeal ? (
        <StepForm
          title={t('decisionPage.form.appealTitle')}
          fields={[
            { name: 'receivedOn', label: t('decisionPage.form.receivedOn'), kind: 'date', required: true },
          ]}
          initial={{ receivedOn: today }}
          mutation={appeal}
          submitLabel={t('decisionPage.form.save')}
          sent={t('decisionPage.saved')}
        />
      ) : null}
      {decision.nextStep === 'reconsider' ? (
        <StepForm
          title={t('decisionPage.form.reconsiderTitle')}
          fields={[
            {
              name: 'reconsideredOn',
              label: t('decisionPage.form.reconsideredOn'),
              kind: 'date',
              required: true,
            },
            {
              name: 'outcome',
              label: t('decisionPage.form.reconsiderOutcome'),
              kind: 'radio',
              choices: [
                { value: 'upheld', label: t('decisionPage.form.upheld') },
                { value: 'changed', label: t('decisionPage.form.changed') },
              ],
              required: true,
            },
            { name: 'forwardedOn', label: t('decisionPage.form.forwardedOn'), kind: 'date' },
            { name: 'note', label: t('decisionPage.form.note'), kind: 'textarea' },
          ]}
          initial={{ reconsideredOn: today }}
          mutation={reconsideration}
          submitLabel={t('decisionPage.form.save')}
          sent={t('decisionPage.saved')}
        />
      ) : null}
      {decision.nextStep === 'appeal-result' ? (
        <StepForm
          title={t('decisionPage.form.resultTitle')}
          fields={[
            {
              name: 'result',
              label: t('decisionPage.form.result'),
              kind: 'radio',
              choices: (['upheld', 'changed', 'remitted', 'rejected'] as const).map((value) => ({
                value,
                label: t(`decisionPage.result.${value}`),
              })),
              required: true,
            },
            { name: 'resultOn', label: t('decisionPage.form.resultOn'), kind: 'date', required: true },
          ]}
          initial={{ resultOn: today }}
          mutation={result}
          submitLabel={t('decisionPage.form.save')}
          sent={t('decisionPage.saved')}
        />
      ) : null}
    </section>
  );
}
