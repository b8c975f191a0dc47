import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import type { PlanGaps } from '../../domain.js';
import { anchors } from './anchors.js';

/** One warning at the top that lists what is missing, each line linking to where it is. */
export function GapSummary({
  gaps,
  context,
}: {
  gaps: PlanGaps;
  context: 'citizen' | undefined;
}): ReactElement | null {
  const { t } = useTranslation();
  const lines: { key: string; text: string; href: string }[] = [];
  if (gaps.missingGoal)
    lines.push({ key: 'goal', text: t('plan.gaps.missingGoal', { context }), href: anchors.goal });
  if (gaps.subGoalsWithoutIntervention.length > 0) {
    const count = gaps.subGoalsWithoutIntervention.length;
    const first = gaps.subGoalsWithoutIntervention[0] as string;
    lines.push({
      key: 'sub-goals',
      text: t('plan.gaps.subGoalsWithoutIntervention', { count }),
      href: anchors.subGoal(first),
    });
  }
  if (gaps.interventionsWithoutSubGoal.length > 0) {
    const count = gaps.interventionsWithoutSubGoal.length;
    const first = gaps.interventionsWithoutSubGoal[0] as string;
    lines.push({
      key: 'interventions',
      text: t('plan.gaps.interventionsWithoutSubGoal', { count }),
      href: anchors.intervention(first),
    });
  }
  if (gaps.missingCoordinator) {
    lines.push({
      key: 'coordinator',
      text: t('plan.gaps.missingCoordinator', { context }),
      href: anchors.team,
    });
  }
  if (lines.length === 0) return null;
  return (
    <Alert variant="warning" heading={t('plan.gaps.heading', { context })}>
      <ul className="alert-text samspil-gap-list no-max-width">
        {lines.map((line) => (
          <li key={line.key}>
            <a href={`#${line.href}`}>{line.text}</a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
