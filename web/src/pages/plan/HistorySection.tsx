import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { danishToday } from '../../../../src/domain/calendar.js';
import { useMeetings } from '../../api/meetings.js';
import type { HistoryEntry, PlanHistory, PresentedPlan } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { Language } from '../../i18n/index.js';
import { anchors } from './anchors.js';
import { gasLabel } from './GasScale.js';
import { changedFields, followUpDay, isNewToMe, meetingOrigin } from './history-text.js';
import { useFollowUps } from '../../api/follow-ups.js';
import { usePlanContext } from './PlanContext.js';
import { isRestricted } from './intervention-view.js';
import { PlanSection } from './sections/PlanSection.js';

const PAGE = 15;

interface HistorySectionProps {
  history: { data: PlanHistory | undefined; isPending: boolean; error: unknown; refetch: () => void };
  plan: PresentedPlan;
}

/** What changed in the plan, by whom and when; changes by others since my last visit are highlighted. */
export function HistorySection({ history, plan }: HistorySectionProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { meId, citizenId } = usePlanContext();
  const meetings = useMeetings(citizenId);
  const [shown, setShown] = useState(PAGE);
  const data = history.data;
  const newCount = data
    ? data.items.filter((entry) => isNewToMe(entry, data.previousVisitAt, meId)).length
    : 0;
  // The follow-ups' days, read only when a change in view came from one.
  const fromFollowUp = data?.items.some((entry) => entry.origin?.kind === 'follow_up') ?? false;
  const followUps = useFollowUps(plan.citizen.id, fromFollowUp);
  const heldOnById = useMemo(
    () => new Map((followUps.data ?? []).map((item) => [item.id, item.heldOn])),
    [followUps.data],
  );
  return (
    <PlanSection
      headingId={anchors.history}
      title={t('plan.history.heading')}
      defaultOpen={false}
      summary={newCount > 0 ? t('plan.history.newCount', { count: newCount }) : undefined}
    >
      {history.isPending ? <Loading /> : null}
      {history.error ? <ErrorAlert error={history.error} onRetry={history.refetch} /> : null}
      {data ? (
        <>
          <p className={newCount > 0 ? 'samspil-history-note is-new' : 'samspil-history-note'}>
            {data.previousVisitAt
              ? t('plan.history.sinceVisit', {
                  count: newCount,
                  when: formatDateTime(data.previousVisitAt, language),
                })
              : t('plan.history.firstVisit')}
          </p>
          {data.items.length === 0 ? <p>{t('plan.history.empty')}</p> : null}
          <ol className="samspil-history no-max-width">
            {data.items.slice(0, shown).map((entry) => (
              <HistoryItem
                key={entry.id}
                entry={entry}
                plan={plan}
                isNew={isNewToMe(entry, data.previousVisitAt, meId)}
                heldOnById={heldOnById}
                meetings={meetings.data ?? []}
              />
            ))}
          </ol>
          {data.items.length > shown ? (
            <button type="button" className="button button-secondary" onClick={() => setShown(shown + PAGE)}>
              {t('plan.history.more', { count: Math.min(PAGE, data.items.length - shown) })}
            </button>
          ) : null}
        </>
      ) : null}
    </PlanSection>
  );
}

function personName(plan: PresentedPlan, id: string): string {
  const member = plan.team.find((item) => item.professionalId === id);
  if (member) return member.name;
  const responsible = plan.sectors
    .flatMap((group) => group.interventions)
    .find((item) => item.responsible?.id === id)?.responsible;
  return responsible?.name ?? '…';
}

function entityName(entry: HistoryEntry, plan: PresentedPlan, language: Language): string {
  const after = entry.after ?? entry.before ?? {};
  if (entry.entity === 'sub_goal') {
    return plan.subGoals.find((item) => item.id === entry.entityId)?.title ?? String(after.title ?? '');
  }
  if (entry.entity === 'intervention' || entry.entity === 'proposal') {
    const interventionId = entry.entity === 'proposal' ? after.interventionId : entry.entityId;
    const intervention = plan.sectors
      .flatMap((group) => group.interventions)
      .find((item) => item.id === interventionId);
    if (!intervention) return '';
    return isRestricted(intervention) ? intervention.unit.name : intervention.type.name;
  }
  if (entry.entity === 'pathway') {
    const pathway = plan.pathways.find((item) => item.id === entry.entityId);
    return pathway ? pathway.name[language] : String(after.templateCode ?? '');
  }
  if (entry.entity === 'team_member') {
    return plan.team.find((item) => item.id === entry.entityId)?.name ?? String(after.name ?? '');
  }
  if (entry.entity === 'own_step') {
    return plan.ownSteps.find((item) => item.id === entry.entityId)?.title ?? String(after.title ?? '');
  }
  return '';
}

function HistoryItem({
  entry,
  plan,
  isNew,
  heldOnById,
  meetings,
}: {
  entry: HistoryEntry;
  plan: PresentedPlan;
  isNew: boolean;
  heldOnById: ReadonlyMap<string, string>;
  meetings: readonly { id: string; startsAt: string }[];
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const atFollowUp = followUpDay(entry, heldOnById);
  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'gasLevel' && typeof value === 'number') return gasLabel(value);
    if (field === 'scorer' && typeof value === 'string')
      return t(`measures.scorer.${value}`, { defaultValue: value });
    if (typeof value === 'boolean') return value ? t('plan.history.yes') : t('plan.history.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language);
    if (field === 'status' && typeof value === 'string')
      return t(`plan.history.status.${value}`, { defaultValue: value });
    if (field === 'subGoalIds' && Array.isArray(value))
      return (
        value
          .map((id) => plan.subGoals.find((subGoal) => subGoal.id === id)?.title)
          .filter(Boolean)
          .join(', ') || '—'
      );
    if (field === 'responsibleId' && typeof value === 'string') return personName(plan, value);
    if (Array.isArray(value)) return String(value.length);
    if (typeof value === 'object') return '…';
    return String(value);
  };
  const name = entityName(entry, plan, language);
  const changes = changedFields(entry).slice(0, 8);
  // A change written from a network meeting's agreements names the meeting (issue 14).
  const fromMeeting = meetingOrigin(entry, meetings);
  let origin: string | null = null;
  if (fromMeeting)
    origin = t('networkMeeting.historyFrom', {
      date: formatDate(danishToday(new Date(fromMeeting.startsAt)), language),
    });
  else if (fromMeeting === null) origin = t('networkMeeting.historyFromUnknown');
  else if (atFollowUp) origin = t('followUps.historyOrigin', { date: formatDate(atFollowUp, language) });
  return (
    <li className={isNew ? 'samspil-history-entry is-new' : 'samspil-history-entry'}>
      <p className="samspil-history-line">
        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
        {isNew ? <span className="badge badge-info samspil-badge">{t('plan.history.new')}</span> : null}
      </p>
      <p className="samspil-history-what">
        <strong>
          {entry.actor.name ??
            t(`plan.history.actor.${entry.actor.role}`, { defaultValue: t('plan.history.unknownActor') })}
        </strong>{' '}
        {t(`plan.history.action.${entry.entity}.${entry.action}`)}
        {name ? ` ${t('plan.history.quoted', { name })}` : null}
        {origin ? ` ${origin}` : null}
      </p>
      {changes.length > 0 ? (
        <ul className="samspil-history-changes no-max-width">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="samspil-history-field">
                {t(
                  [
                    `plan.history.fieldOf.${entry.entity}.${change.field}`,
                    `plan.history.field.${change.field}`,
                  ],
                  {
                    defaultValue: change.field,
                  },
                )}
                :
              </span>{' '}
              {entry.action === 'create' ? (
                format(change.field, change.after)
              ) : (
                <>
                  <del>{format(change.field, change.before)}</del> →{' '}
                  <ins>{format(change.field, change.after)}</ins>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
