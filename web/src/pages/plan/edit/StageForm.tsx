import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/Fields.js';
import type { PathwayView } from '../../../domain.js';
import { validate } from '../../../components/form/form-errors.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { pathwayStageMoveSchema } from '../../../plan-schemas.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { usePlanForm } from './usePlanForm.js';

/**
 * Moves a running pathway to one of the stages its template version allows next (decision
 * 0019); the server refuses any other, and the move is a plan change with history.
 */
export function StageForm({ pathway, onDone }: { pathway: PathwayView; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const next = pathway.stage?.next ?? [];
  const [stageCode, setStageCode] = useState(next.length === 1 ? (next[0]?.code ?? '') : '');
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const result = validate(pathwayStageMoveSchema, { stageCode }, t);
      return result.ok
        ? { request: { method: 'POST', path: `/pathways/${pathway.id}/stage`, body: result.value } }
        : result;
    },
  });
  const nameOf = (code: string): string => next.find((stage) => stage.code === code)?.name[language] ?? code;
  return (
    <EditPanel
      title={t('pathwayTemplates.stages.moveTitle', { name: pathway.name[language] })}
      form={form}
      targets={{ stageCode: { id: `${id}-stage`, label: t('pathwayTemplates.stages.nextStage') } }}
      submitLabel={t('pathwayTemplates.stages.moveSubmit')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [{ label: t('pathwayTemplates.stages.nextStage'), value: nameOf(stageCode) }],
        theirs: (form.conflict?.plan.pathways ?? [])
          .filter((item) => item.id === pathway.id)
          .map((item) => ({
            label: t('pathwayTemplates.stages.stage'),
            value: item.stage?.name[language] ?? '',
          })),
      })}
    >
      <SelectField
        id={`${id}-stage`}
        label={t('pathwayTemplates.stages.nextStage')}
        value={stageCode}
        onChange={setStageCode}
        emptyLabel={t('pathwayTemplates.stages.chooseStage')}
        options={next.map((stage) => ({ value: stage.code, label: stage.name[language] }))}
        error={form.errors.stageCode}
        required
      />
    </EditPanel>
  );
}
