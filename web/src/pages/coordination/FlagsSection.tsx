import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../api/coordination.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { anchors } from '../plan/anchors.js';
import { isRestricted } from '../plan/intervention-view.js';
import { usePlanContext } from '../plan/PlanContext.js';
import { type FlagSubject, FlagCard } from './FlagCard.js';
import { bySeverity, coordinationAnchor, isOpen } from './flag-text.js';

interface FlagsSectionProps {
  flags: { data: Flag[] | undefined; isPending: boolean; error: unknown; refetch: () => void };
}

/** "Koordinering": the plan's open coordination flags, most severe first; closed ones folded away. */
export function FlagsSection({ flags }: FlagsSectionProps): ReactElement {
  const { t } = useTranslation();
  const { plan, canEdit } = usePlanContext();
  const subjects = useMemo(() => {
    const map = new Map<string, FlagSubject>();
    for (const subGoal of plan.subGoals) {
      map.set(subGoal.id, { name: subGoal.title, anchor: anchors.subGoal(subGoal.id) });
    }
    for (const group of plan.sectors) {
      for (const intervention of group.interventions) {
        map.set(intervention.id, {
          name: isRestricted(intervention)
            ? t('coordination.otherUnitIntervention', { unit: intervention.unit.name })
            : intervention.type.name,
          anchor: anchors.intervention(intervention.id),
        });
      }
    }
    return map;
  }, [plan, t]);
  const open = (flags.data ?? []).filter((flag) => isOpen(flag.status)).sort(bySeverity);
  const closed = (flags.data ?? []).filter((flag) => !isOpen(flag.status));

  return (
    <section aria-labelledby={coordinationAnchor} className="samspil-coordination">
      <h2 id={coordinationAnchor}>{t('coordination.heading')}</h2>
      {/* The professionals sort out coordination among themselves; the citizen is told that, not burdened with the flags. */}
      {canEdit ? null : <p>{t('coordination.citizenText')}</p>}
      {canEdit && flags.isPending ? <Loading /> : null}
      {flags.error ? <ErrorAlert error={flags.error} onRetry={flags.refetch} /> : null}
      {canEdit && flags.data ? (
        <>
          <p>
            {open.length === 0 ? t('coordination.noneOpen') : t('coordination.intro', { count: open.length })}
          </p>
          {open.length > 0 ? <p className="samspil-small">{t('coordination.lifecycle.open')}</p> : null}
          <ul className="samspil-flags no-max-width">
            {open.map((flag) => (
              <FlagCard key={flag.id} flag={flag} subjects={subjects} canAct={canEdit} />
            ))}
          </ul>
          {closed.length > 0 ? (
            <details className="samspil-details">
              <summary>{t('coordination.closed', { count: closed.length })}</summary>
              <ul className="samspil-flags no-max-width">
                {closed.map((flag) => (
                  <FlagCard key={flag.id} flag={flag} subjects={subjects} canAct={false} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
