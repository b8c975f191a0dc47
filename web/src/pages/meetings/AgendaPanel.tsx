import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/meetings.js';
import { useAgendaProposal, useSaveAgenda } from '../../api/network-meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import type { AgendaPoint } from '../../../../src/domain/meetings/network-meeting.schemas.js';

interface PanelProps {
  citizenId: string;
  meeting: Meeting;
  canAct: boolean;
}

/** The agenda: proposed from her preparation and the plan, edited and saved by the organiser. */
export function AgendaPanel({ citizenId, meeting, canAct }: PanelProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const proposal = useAgendaProposal(citizenId, meeting.id);
  const save = useSaveAgenda(citizenId, meeting.id);
  const confirmSave = useConfirmSave();
  const [points, setPoints] = useState<AgendaPoint[] | null>(null);
  const saved = meeting.agendaPoints ?? [];
  const editable = canAct && meeting.status === 'planned';

  const propose = (): void => {
    proposal.mutate(undefined, {
      onSuccess: (answer) => setPoints(answer.points),
    });
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const kept = (points ?? []).filter((point) => point.text.trim() !== '');
    confirmSave(
      save.mutateAsync({ points: kept.map((point) => ({ ...point, text: point.text.trim() })) }),
      t('networkMeeting.agenda.saved'),
      () => setPoints(null),
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-panel">
      <h2 id={`${id}-heading`}>{t('networkMeeting.agenda.heading')}</h2>
      {points === null ? (
        <>
          {saved.length > 0 ? (
            <ol>
              {saved.map((point, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a saved agenda's points have no ids
                <li key={`${index}-${point.text}`}>{point.text}</li>
              ))}
            </ol>
          ) : (
            <p>{meeting.agenda ?? t('networkMeeting.agenda.none')}</p>
          )}
          {editable ? (
            <div className="samspil-item-actions">
              <button type="button" className="button button-secondary" onClick={propose}>
                {t('networkMeeting.agenda.propose')}
              </button>
              {saved.length > 0 ? (
                <button type="button" className="button button-tertiary" onClick={() => setPoints(saved)}>
                  {t('networkMeeting.agenda.edit')}
                </button>
              ) : null}
            </div>
          ) : null}
          {proposal.error ? <ErrorAlert error={proposal.error} /> : null}
        </>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
          <p className="form-hint">{t('networkMeeting.agenda.hint')}</p>
          <ol>
            {points.map((point, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: points being edited have no ids
              <li key={`${index}-${point.source ?? 'own'}`}>
                <TextField
                  id={`${id}-point-${index}`}
                  label={t('networkMeeting.agenda.point', { number: index + 1 })}
                  hint={t(`networkMeeting.agenda.source.${point.source ?? 'own'}`)}
                  maxLength={500}
                  value={point.text}
                  onChange={(text) =>
                    setPoints((current) =>
                      (current ?? []).map((item, at) => (at === index ? { ...item, text } : item)),
                    )
                  }
                />
              </li>
            ))}
          </ol>
          <p>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => setPoints((current) => [...(current ?? []), { text: '', source: 'own' }])}
            >
              {t('networkMeeting.agenda.add')}
            </button>
          </p>
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <FormActions
            submitLabel={t('networkMeeting.agenda.save')}
            pending={save.isPending}
            onCancel={() => setPoints(null)}
          />
        </form>
      )}
    </section>
  );
}
