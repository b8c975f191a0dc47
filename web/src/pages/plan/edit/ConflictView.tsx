import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionedPlan } from '../../../api/plan.js';
import { formatDateTime } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';

export interface ConflictRow {
  label: string;
  value: string;
}

interface ConflictViewProps {
  current: VersionedPlan;
  mine: ConflictRow[];
  theirs: ConflictRow[];
  pending: boolean;
  onTakeTheirs: () => void;
}

function Rows({ rows, empty }: { rows: ConflictRow[]; empty: string }): ReactElement {
  if (rows.length === 0) return <p className="samspil-muted">{empty}</p>;
  return (
    <dl className="samspil-conflict-rows">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Shown when someone else changed the plan while this person was editing: their version (the
 * plan as it is now) next to mine (what I typed, still in the form). Nothing is lost either way.
 */
export function ConflictView({
  current,
  mine,
  theirs,
  pending,
  onTakeTheirs,
}: ConflictViewProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const who = current.plan.updatedBy?.name ?? t('plan.conflict.someone');
  return (
    <section className="samspil-conflict" role="alert" aria-labelledby="plan-conflict-heading">
      <h3 id="plan-conflict-heading" className="h4">
        {t('plan.conflict.heading')}
      </h3>
      <p>{t('plan.conflict.text', { who, when: formatDateTime(current.plan.updatedAt, language) })}</p>
      <div className="samspil-conflict-columns">
        <div className="samspil-conflict-theirs">
          <h4 className="h5">{t('plan.conflict.theirs', { who })}</h4>
          <Rows rows={theirs} empty={t('plan.conflict.theirsEmpty')} />
        </div>
        <div className="samspil-conflict-mine">
          <h4 className="h5">{t('plan.conflict.mine')}</h4>
          <Rows rows={mine} empty={t('plan.conflict.mineEmpty')} />
        </div>
      </div>
      <div className="samspil-form-actions">
        {/* Keeping mine is the form's submit (EditPanel): Enter in a field does it too. */}
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('plan.conflict.keepMine')}
        </button>
        <button type="button" className="button button-secondary" disabled={pending} onClick={onTakeTheirs}>
          {t('plan.conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
