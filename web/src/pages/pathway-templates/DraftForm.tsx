import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TemplateDefinition,
  type TemplateVersionView,
  usePathwayTemplateWrite,
} from '../../api/pathway-templates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { draftFromRows, type StageRow, stageRowsOf } from './draft-rows.js';

/**
 * Edits a draft version: its stages in order (code, names, roles, deadline, next stages) and its
 * legal frame. The server checks the whole template (a next stage that does not exist, a stage
 * no one reaches) and answers with the fields at fault; the rules are kept as they are.
 */
export function DraftForm({
  version,
  onDone,
}: {
  version: TemplateVersionView;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const write = usePathwayTemplateWrite();
  const [legalFrame, setLegalFrame] = useState(version.definition.legalFrame);
  const [rows, setRows] = useState<StageRow[]>(() => stageRowsOf(version.definition));
  const change = (index: number, patch: Partial<StageRow>): void =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const definition: TemplateDefinition = draftFromRows(version.definition, legalFrame, rows);
    write.mutate({ kind: 'edit', versionId: version.id, definition }, { onSuccess: onDone });
  };
  const title = t('pathwayTemplates.editTitle', { version: version.version });
  return (
    <form className="samspil-edit-panel" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3 className="h4" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {write.error ? <ErrorAlert error={write.error} /> : null}
      <TextField
        id={`${id}-legal`}
        label={t('pathwayTemplates.legalFrame')}
        value={legalFrame}
        onChange={setLegalFrame}
      />
      {rows.map((row, index) => (
        <fieldset key={row.key} className="samspil-template-stage">
          <legend className="h5">{t('pathwayTemplates.stageLegend', { number: index + 1 })}</legend>
          <TextField
            id={`${id}-${row.key}-da`}
            label={t('pathwayTemplates.stageNameDa')}
            value={row.nameDa}
            onChange={(value) => change(index, { nameDa: value })}
          />
          <TextField
            id={`${id}-${row.key}-en`}
            label={t('pathwayTemplates.stageNameEn')}
            value={row.nameEn}
            onChange={(value) => change(index, { nameEn: value })}
          />
          <TextField
            id={`${id}-${row.key}-code`}
            label={t('pathwayTemplates.stageCode')}
            hint={t('pathwayTemplates.stageCodeHint')}
            value={row.code}
            onChange={(value) => change(index, { code: value })}
          />
          <TextField
            id={`${id}-${row.key}-roles`}
            label={t('pathwayTemplates.roles')}
            hint={t('pathwayTemplates.commaHint')}
            value={row.roles}
            onChange={(value) => change(index, { roles: value })}
          />
          <TextField
            id={`${id}-${row.key}-days`}
            label={t('pathwayTemplates.deadlineDays')}
            hint={t('pathwayTemplates.deadlineDaysHint')}
            value={row.days}
            onChange={(value) => change(index, { days: value })}
          />
          <SelectField
            id={`${id}-${row.key}-from`}
            label={t('pathwayTemplates.deadlineFrom')}
            value={row.from}
            onChange={(value) => change(index, { from: value === 'pathway' ? 'pathway' : 'stage' })}
            options={[
              { value: 'stage', label: t('pathwayTemplates.fromStage') },
              { value: 'pathway', label: t('pathwayTemplates.fromPathway') },
            ]}
          />
          <TextField
            id={`${id}-${row.key}-next`}
            label={t('pathwayTemplates.nextStages')}
            hint={t('pathwayTemplates.nextStagesHint')}
            value={row.next}
            onChange={(value) => change(index, { next: value })}
          />
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
          >
            {t('pathwayTemplates.removeStage', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setRows((current) => [
              ...current,
              {
                key: `new-${current.length}-${Date.now()}`,
                code: '',
                nameDa: '',
                nameEn: '',
                roles: '',
                days: '',
                from: 'stage',
                next: '',
              },
            ])
          }
        >
          {t('pathwayTemplates.addStage')}
        </button>
      </p>
      <FormActions submitLabel={t('pathwayTemplates.save')} pending={write.isPending} onCancel={onDone} />
    </form>
  );
}
