import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type VersionedPlan, usePlanWrite } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Checkbox, RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import { validate } from '../../components/form/form-errors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { useToggle } from '../../hooks/useToggle.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { ownGoalInputSchema, ownStepCreateSchema, planCommentInputSchema } from '../../plan-schemas.js';
import { EditPanel } from '../plan/edit/EditPanel.js';
import { usePlanForm } from '../plan/edit/usePlanForm.js';

/**
 * The citizen's own part of Mit forløb (issue 11): she writes her goal in her own words, adds her
 * own steps and marks them done, and comments on the plan or says yes to it. A relative reads
 * the same, in the third person, with no form (the server refuses her writes too).
 */
interface OwnPartProps {
  citizenId: string;
  versioned: VersionedPlan;
  /** Set when a relative reads: the page speaks of the citizen ("Saras"), and offers no forms. */
  context: 'relative' | undefined;
  owner: string;
}

/** The button under her goal that opens the form for it. */
export function OwnGoalEditor({ citizenId, versioned, context }: OwnPartProps): ReactElement | null {
  const { t } = useTranslation();
  const editor = useToggle();
  if (context) return null;
  if (!editor.open)
    return (
      <OpenFormButton
        toggle={editor}
        label={versioned.plan.goal?.ownWords ? t('citizen.own.goal.edit') : t('citizen.own.goal.write')}
      />
    );
  return <OwnGoalForm citizenId={citizenId} versioned={versioned} onDone={editor.hide} />;
}

/** Mounted when opened, so it writes on the version she saw when she began (usePlanForm). */
function OwnGoalForm({
  citizenId,
  versioned,
  onDone,
}: {
  citizenId: string;
  versioned: VersionedPlan;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [ownWords, setOwnWords] = useState(versioned.plan.goal?.ownWords ?? '');
  const form = usePlanForm({
    citizenId,
    etag: versioned.etag,
    onDone,
    build: () => {
      const result = validate(ownGoalInputSchema, { ownWords }, t);
      return result.ok ? { request: { method: 'PUT', path: '/own-goal', body: result.value } } : result;
    },
  });
  const label = t('citizen.own.goal.label');
  return (
    <EditPanel
      title={t('citizen.own.goal.title')}
      form={form}
      targets={{ ownWords: { id: `${id}-own`, label } }}
      submitLabel={t('form.save')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [{ label, value: ownWords }],
        theirs: [{ label, value: form.conflict?.plan.goal?.ownWords ?? '' }],
      })}
    >
      <TextField
        id={`${id}-own`}
        label={label}
        hint={t('citizen.own.goal.hint')}
        value={ownWords}
        onChange={setOwnWords}
        error={form.errors.ownWords}
        multiline
        required
      />
    </EditPanel>
  );
}

/** What she does herself and what her network does (activity-pyramid levels 1 and 2). */
export function OwnSteps({ citizenId, versioned, context, owner }: OwnPartProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const steps = versioned.plan.ownSteps;
  const mark = usePlanWrite(citizenId);
  const showSuccess = useShowSuccess();
  // The box shows her tick at once; the plan from the server takes over when it arrives.
  const [ticked, setTicked] = useState<Readonly<Record<string, boolean>>>({});
  const tick = (stepId: string, done: boolean): void => {
    setTicked((current) => ({ ...current, [stepId]: done }));
    mark.mutate(
      { method: 'PATCH', path: `/own-steps/${stepId}`, body: { done }, etag: versioned.etag },
      {
        onSuccess: () =>
          showSuccess(t(done ? 'citizen.own.steps.markedDone' : 'citizen.own.steps.markedOpen')),
        onSettled: () =>
          setTicked((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== stepId))),
      },
    );
  };
  const values = { context, owner };
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-own-steps">
      <h2 id={`${id}-heading`}>{t('citizen.own.steps.heading', values)}</h2>
      {steps.length === 0 ? <p>{t('citizen.own.steps.none', values)}</p> : null}
      {steps.length > 0 ? (
        <ul className="nobullet-list samspil-own-step-list">
          {steps.map((step) => (
            <li key={step.id}>
              {context ? (
                <p>
                  {step.title}{' '}
                  {step.doneAt ? (
                    <span className="badge badge-success samspil-badge">{t('citizen.own.steps.done')}</span>
                  ) : null}
                </p>
              ) : (
                <Checkbox
                  id={`${id}-${step.id}`}
                  label={step.title}
                  checked={ticked[step.id] ?? step.doneAt !== null}
                  onChange={(done) => tick(step.id, done)}
                />
              )}
              <p className="samspil-muted samspil-own-step-meta">
                {t(`citizen.own.steps.by.${step.doer}`, values)}
                {step.doneAt
                  ? ` · ${t('citizen.own.steps.doneOn', { date: formatDate(step.doneAt.slice(0, 10), language) })}`
                  : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {mark.isError ? <ErrorAlert error={mark.error} /> : null}
      {context ? null : <AddOwnStep citizenId={citizenId} versioned={versioned} />}
    </section>
  );
}

function AddOwnStep({ citizenId, versioned }: { citizenId: string; versioned: VersionedPlan }): ReactElement {
  const { t } = useTranslation();
  const editor = useToggle();
  if (!editor.open) return <OpenFormButton toggle={editor} label={t('citizen.own.steps.add')} />;
  return <OwnStepForm citizenId={citizenId} versioned={versioned} onDone={editor.hide} />;
}

function OwnStepForm({
  citizenId,
  versioned,
  onDone,
}: {
  citizenId: string;
  versioned: VersionedPlan;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [doer, setDoer] = useState('me');
  const form = usePlanForm({
    citizenId,
    etag: versioned.etag,
    onDone,
    build: () => {
      const result = validate(ownStepCreateSchema, { title, doer }, t);
      return result.ok ? { request: { method: 'POST', path: '/own-steps', body: result.value } } : result;
    },
  });
  const label = t('citizen.own.steps.titleLabel');
  const who = t('citizen.own.steps.who');
  return (
    <EditPanel
      title={t('citizen.own.steps.add')}
      form={form}
      targets={{ title: { id: `${id}-title`, label }, doer: { id: `${id}-doer-0`, label: who } }}
      submitLabel={t('citizen.own.steps.save')}
      onCancel={onDone}
      // A new step overwrites nothing; the conflict view only asks her to send it on the new plan.
      conflictRows={() => ({ mine: [{ label, value: title }], theirs: [{ label, value: '' }] })}
    >
      <TextField
        id={`${id}-title`}
        label={label}
        hint={t('citizen.own.steps.titleHint')}
        value={title}
        onChange={setTitle}
        error={form.errors.title}
        required
      />
      <RadioGroup
        id={`${id}-doer`}
        legend={who}
        value={doer}
        onChange={setDoer}
        error={form.errors.doer}
        choices={[
          { value: 'me', label: t('citizen.own.steps.whoMe') },
          { value: 'network', label: t('citizen.own.steps.whoNetwork') },
        ]}
      />
    </EditPanel>
  );
}

/** Her say on the plan as a whole: a comment, a yes to the plan as it is now, and what she wrote. */
export function PlanSay({ citizenId, versioned, context, owner }: OwnPartProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { plan } = versioned;
  const approval = plan.comments.find((comment) => comment.approves) ?? null;
  const values = { context, owner };
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-plan-say">
      <h2 id={`${id}-heading`}>{t('citizen.own.say.heading', values)}</h2>
      <p data-testid="approval-status">
        {approval
          ? t('citizen.own.say.approved', { ...values, date: formatDate(approval.at.slice(0, 10), language) })
          : t('citizen.own.say.notApproved', values)}
        {approval && plan.version > approval.planVersion
          ? ` ${t('citizen.own.say.changedSince', values)}`
          : null}
      </p>
      {context ? null : <SayForm citizenId={citizenId} versioned={versioned} />}
      {plan.comments.some((comment) => comment.text) ? (
        <>
          <h3 className="h4">{t('citizen.own.say.written', values)}</h3>
          <ul className="nobullet-list samspil-plan-comments">
            {plan.comments
              .filter((comment) => comment.text)
              .map((comment) => (
                <li key={comment.id}>
                  <p className="samspil-muted">
                    {formatDate(comment.at.slice(0, 10), language)}
                    {comment.approves ? ` · ${t('citizen.own.say.withYes')}` : null}
                  </p>
                  <p>{comment.text}</p>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Her comment and her yes; not an EditPanel, which takes focus when it opens. */
function SayForm({ citizenId, versioned }: { citizenId: string; versioned: VersionedPlan }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [approve, setApprove] = useState(false);
  const form = usePlanForm({
    citizenId,
    etag: versioned.etag,
    // Always open: it writes on the plan as shown, so her yes is to the plan on her screen.
    followShownVersion: true,
    onDone: () => {
      setText('');
      setApprove(false);
    },
    build: () => {
      const result = validate(planCommentInputSchema, { text, approve }, t);
      return result.ok ? { request: { method: 'POST', path: '/comments', body: result.value } } : result;
    },
  });
  const label = t('citizen.own.say.label');
  return (
    <form
      className="samspil-plan-say-form"
      noValidate
      aria-label={t('citizen.own.say.formTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        // After a change by someone else, a second press sends it on the plan as it is now.
        if (form.conflict) form.keepMine();
        else form.submit();
      }}
    >
      <ErrorSummary
        errors={form.errors}
        targets={{ text: { id: `${id}-text`, label } }}
        attempt={form.attempt}
      />
      {form.failure ? <ErrorAlert error={form.failure} /> : null}
      {form.conflict ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('citizen.own.say.conflict')}</p>
          </div>
        </div>
      ) : null}
      <p>{t('citizen.own.say.intro')}</p>
      <TextField
        id={`${id}-text`}
        label={label}
        value={text}
        onChange={setText}
        error={form.errors.text}
        multiline
        rows={3}
      />
      <Checkbox
        id={`${id}-approve`}
        label={t('citizen.own.say.approve')}
        checked={approve}
        onChange={setApprove}
      />
      <FormActions submitLabel={t('citizen.own.say.send')} pending={form.pending} />
    </form>
  );
}
