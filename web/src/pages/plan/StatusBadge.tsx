import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionStatus, SubGoalStatus } from '../../domain.js';

const VARIANT: Record<InterventionStatus | SubGoalStatus, string> = {
  planned: 'badge-info',
  active: 'badge-success',
  paused: 'badge-warning',
  ended: '',
  achieved: 'badge-success',
};

interface StatusBadgeProps {
  kind: 'intervention' | 'subGoal';
  status: InterventionStatus | SubGoalStatus;
}

/** A status as a DKFDS badge; the text, not the colour, carries the meaning. */
export function StatusBadge({ kind, status }: StatusBadgeProps): ReactElement {
  const { t } = useTranslation();
  const key = kind === 'intervention' ? `plan.interventionStatus.${status}` : `plan.subGoalStatus.${status}`;
  const variant = VARIANT[status] ?? '';
  return <span className={`badge samspil-badge ${variant}`.trim()}>{t(key, { defaultValue: status })}</span>;
}
