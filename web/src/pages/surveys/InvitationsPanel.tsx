import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IssuedLinks, useInvitationCounts, useIssueInvitations } from '../../api/survey-invitations.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { SURVEY_LINK_VALID_DAYS } from '../../domain.js';
import { ResultsTable } from './ResultsTable.js';

const MAX_LINKS = 200;

/**
 * The team leader issues single-use invitation links for a round and a work group: they are
 * shown here once (only their hashes are stored), to copy and send. Below, how many links each
 * round and group got and how many were used: counts only, never who answered.
 */
export function InvitationsPanel({
  surveyId,
  title,
  groups,
  rounds,
}: {
  surveyId: string;
  title: string;
  groups: string[];
  rounds: readonly string[];
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [round, setRound] = useState(rounds.at(-1) ?? 'baseline');
  const [group, setGroup] = useState(groups[0] ?? '');
  const [count, setCount] = useState('5');
  const [issued, setIssued] = useState<IssuedLinks | null>(null);
  const issuing = useIssueInvitations(surveyId);
  const counts = useInvitationCounts(surveyId);
  const fieldErrors = useFormErrors();
  const roundLabel = (name: string) => t(`surveys.round.${name}`, { defaultValue: name });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    const n = Number(count.trim());
    if (!/^\d+$/.test(count.trim()) || n < 1 || n > MAX_LINKS)
      problems.count = t('surveys.invitations.countInvalid', { max: MAX_LINKS });
    if (fieldErrors.check(problems)) return;
    setIssued(null);
    issuing.mutate(
      { round, group, count: n },
      { onSuccess: setIssued, onError: (error) => fieldErrors.fromServer(error) },
    );
  };
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="samspil-invitations mt-6">
      <h3 className="h4" id={headingId}>
        {t('surveys.invitations.heading')}
      </h3>
      <p className="form-hint">{t('surveys.invitations.hint', { days: SURVEY_LINK_VALID_DAYS })}</p>
      <form onSubmit={submit} noValidate aria-label={t('surveys.invitations.formLabel', { title })}>
        <ErrorSummary
          errors={fieldErrors.errors}
          attempt={fieldErrors.attempt}
          targets={{
            round: { id: `${id}-round`, label: t('surveys.invitations.round') },
            group: { id: `${id}-group`, label: t('surveys.invitations.group') },
            count: { id: `${id}-count`, label: t('surveys.invitations.count') },
          }}
        />
        <SelectField
          id={`${id}-round`}
          label={t('surveys.invitations.round')}
          value={round}
          options={rounds.map((name) => ({ value: name, label: roundLabel(name) }))}
          onChange={setRound}
          error={fieldErrors.errors.round}
        />
        <SelectField
          id={`${id}-group`}
          label={t('surveys.invitations.group')}
          hint={t('surveys.invitations.groupHint')}
          value={group}
          options={groups.map((name) => ({ value: name, label: name }))}
          onChange={setGroup}
          error={fieldErrors.errors.group}
        />
        <TextField
          id={`${id}-count`}
          label={t('surveys.invitations.count')}
          hint={t('surveys.invitations.countHint', { max: MAX_LINKS })}
          value={count}
          onChange={setCount}
          error={fieldErrors.errors.count}
          className="form-input input-width-xs"
        />
        <FormActions submitLabel={t('surveys.invitations.submit')} pending={issuing.isPending} />
      </form>
      {issuing.error && !fieldErrors.errors.count && !fieldErrors.errors.group ? (
        <ErrorAlert error={issuing.error} />
      ) : null}
      {issued ? <IssuedList issued={issued} /> : null}
      <QueryStatus query={counts} />
      {counts.data && counts.data.items.length > 0 ? (
        <ResultsTable
          caption={t('surveys.invitations.countsCaption', { title })}
          className="samspil-invitation-counts mt-4"
          columns={[
            t('surveys.invitations.round'),
            t('surveys.invitations.group'),
            t('surveys.invitations.issued'),
            t('surveys.invitations.used'),
          ]}
          numeric={(index) => index >= 2}
        >
          <tbody>
            {counts.data.items.map((item) => (
              <tr key={`${item.round}:${item.group}`}>
                <th scope="row">{roundLabel(item.round)}</th>
                <td>{item.group}</td>
                <td className="samspil-numeric">{item.issued}</td>
                <td className="samspil-numeric">{item.used}</td>
              </tr>
            ))}
          </tbody>
        </ResultsTable>
      ) : null}
    </section>
  );
}

/** The new links, shown this once, each with a copy button (and one for all of them). */
function IssuedList({ issued }: { issued: IssuedLinks }): ReactElement {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<number | 'all' | null>(null);
  const copy = (text: string, which: number | 'all'): void => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(which));
  };
  const roundLabel = t(`surveys.round.${issued.round}`, { defaultValue: issued.round });
  return (
    <Alert
      variant="success"
      live
      heading={t('surveys.invitations.issuedHeading', {
        count: issued.links.length,
        group: issued.group,
        round: roundLabel,
      })}
      className="mt-4"
    >
      <p className="alert-text">{t('surveys.invitations.onlyNow')}</p>
      <ol className="samspil-issued-links">
        {issued.links.map((link, index) => (
          <li key={link}>
            <input
              className="form-input samspil-issued-link"
              readOnly
              value={link}
              aria-label={t('surveys.invitations.linkLabel', { number: index + 1 })}
              onFocus={(event) => event.target.select()}
            />{' '}
            <button type="button" className="button button-secondary" onClick={() => copy(link, index)}>
              {copied === index
                ? t('surveys.invitations.copied')
                : t('surveys.invitations.copy', { number: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => copy(issued.links.join('\n'), 'all')}
      >
        {copied === 'all' ? t('surveys.invitations.copiedAll') : t('surveys.invitations.copyAll')}
      </button>
    </Alert>
  );
}
