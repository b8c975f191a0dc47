import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMemberView } from '../../../domain.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { usePlanForm } from './usePlanForm.js';

/** Confirms making a professional the citizen's coordinator (the one who holds the thread). */
export function CoordinatorForm({
  member,
  onDone,
}: {
  member: TeamMemberView;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const { citizenId, etag } = usePlanContext();
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => ({
      request: { method: 'PATCH', path: `/team/${member.id}`, body: { isCoordinator: true } },
    }),
  });
  return (
    <EditPanel
      title={t('plan.team.makeCoordinatorTitle', { name: member.name })}
      form={form}
      targets={{}}
      submitLabel={t('plan.team.makeCoordinator')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [{ label: t('plan.team.coordinator'), value: member.name }],
        theirs: [
          {
            label: t('plan.team.coordinator'),
            value: form.conflict?.plan.team.find((item) => item.isCoordinator)?.name ?? '',
          },
        ],
      })}
    >
      <p>{t('plan.team.makeCoordinatorText', { name: member.name })}</p>
    </EditPanel>
  );
}
