import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PATHWAY_TEMPLATE_CODES, PATHWAY_TEMPLATES } from '../../../domain.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { pathwayCreateSchema } from '../../../plan-schemas.js';
import { formatDate } from '../../../i18n/format.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { validate } from '../../../components/form/form-errors.js';
import { usePlanForm } from './usePlanForm.js';

/** Starts a pathway (forløb): which frame and from which day; the stalled rule counts from it. */
export function PathwayForm({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const [templateCode, setTemplateCode] = useState('');
  const [startDate, setStartDate] = useState('');
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const result = validate(pathwayCreateSchema, { templateCode, startDate }, t);
      return result.ok ? { request: { method: 'POST', path: '/pathways', body: result.value } } : result;
    },
  });
  const name = (code: string): string =>
    PATHWAY_TEMPLATES[code as keyof typeof PATHWAY_TEMPLATES]?.[language] ?? code;
  return (
    <EditPanel
      title={t('plan.pathways.start')}
      form={form}
      targets={{
        templateCode: { id: `${id}-template`, label: t('plan.pathways.template') },
        startDate: { id: `${id}-start`, label: t('plan.pathways.startDate') },
      }}
      submitLabel={t('plan.pathways.startSubmit')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [
          { label: t('plan.pathways.template'), value: name(templateCode) },
          { label: t('plan.pathways.startDate'), value: startDate ? formatDate(startDate, language) : '' },
        ],
        theirs: (form.conflict?.plan.pathways ?? []).map((pathway) => ({
          label: pathway.name[language],
          value: formatDate(pathway.startDate, language),
        })),
      })}
    >
      <SelectField
        id={`${id}-template`}
        label={t('plan.pathways.template')}
        value={templateCode}
        onChange={setTemplateCode}
        emptyLabel={t('plan.pathways.chooseTemplate')}
        options={PATHWAY_TEMPLATE_CODES.map((code) => ({
          value: code,
          label: `${name(code)} (${PATHWAY_TEMPLATES[code].legalFrame})`,
        }))}
        error={form.errors.templateCode}
        required
      />
      <TextField
        id={`${id}-start`}
        label={t('plan.pathways.startDate')}
        hint={t('plan.pathways.startDateHint')}
        type="date"
        value={startDate}
        onChange={setStartDate}
        error={form.errors.startDate}
        required
      />
    </EditPanel>
  );
}
