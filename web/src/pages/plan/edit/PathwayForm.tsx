import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePathwayTemplates } from '../../../api/pathway-templates.js';
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
  // The municipality's templates with a published version, shipped or its own (decision 0019).
  const templates = usePathwayTemplates();
  const startable = (templates.data?.items ?? []).flatMap((template) => {
    const published = template.versions.filter((version) => version.status === 'published').at(-1);
    return published ? [{ code: template.code, name: published.name, legalFrame: published.legalFrame }] : [];
  });
  const name = (code: string): string =>
    startable.find((template) => template.code === code)?.name[language] ?? code;
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
        options={startable.map((template) => ({
          value: template.code,
          label: `${template.name[language]} (${template.legalFrame})`,
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
