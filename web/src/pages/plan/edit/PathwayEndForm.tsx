import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathwayView } from '../../../domain.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { validate } from '../../../components/form/form-errors.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { PATHWAY_OUTCOMES, pathwayEndSchema } from '../../../plan-schemas.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { usePlanForm } from './usePlanForm.js';

/**
 * Ends a pathway: the coded outcome the management figures count (decision 0025), the reason
 * in the caseworker's words beside it, and the day. The API accepts an end without an outcome
 * (its older shape); this form always asks for one.
 */
export function PathwayEndForm({
  pathway,
  onDone,
}: {
  pathway: PathwayView;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState('');
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const input = endDate ? { outcome, reason, endDate } : { outcome, reason };
      const result = validate(pathwayEndSchema, input, t);
      return result.ok
        ? { request: { method: 'POST', path: `/pathways/${pathway.id}/end`, body: result.value } }
        : result;
    },
  });
  const outcomeName = (code: string) => (code ? t(`pathwayOutcome.name.${code}`) : '');
  return (
    <EditPanel
      title={t('plan.pathways.endTitle', { name: pathway.name[language] })}
      form={form}
      targets={{
        outcome: { id: `${id}-outcome`, label: t('pathwayOutcome.label') },
        reason: { id: `${id}-reason`, label: t('form.endReason') },
        endDate: { id: `${id}-end-date`, label: t('form.endDate') },
      }}
      submitLabel={t('form.end')}
      onCancel={onDone}
      conflictRows={() => {
        const now = form.conflict?.plan.pathways.find((item) => item.id === pathway.id);
        return {
          mine: [
            { label: t('pathwayOutcome.label'), value: outcomeName(outcome) },
            { label: t('form.endReason'), value: reason },
          ],
          theirs: form.conflict
            ? [
                {
                  label: pathway.name[language],
                  value: now?.endDate ? formatDate(now.endDate, language) : t('plan.pathways.ongoing'),
                },
              ]
            : [],
        };
      }}
    >
      <SelectField
        id={`${id}-outcome`}
        label={t('pathwayOutcome.label')}
        hint={t('pathwayOutcome.hint')}
        value={outcome}
        onChange={setOutcome}
        emptyLabel={t('pathwayOutcome.choose')}
        options={PATHWAY_OUTCOMES.map((code) => ({ value: code, label: outcomeName(code) }))}
        error={form.errors.outcome}
        required
      />
      <TextField
        id={`${id}-reason`}
        label={t('form.endReason')}
        hint={t('form.endReasonHint')}
        value={reason}
        onChange={setReason}
        error={form.errors.reason}
        multiline
        required
      />
      <TextField
        id={`${id}-end-date`}
        label={t('form.endDate')}
        hint={t('form.endDateHint')}
        type="date"
        value={endDate}
        onChange={setEndDate}
        error={form.errors.endDate}
      />
    </EditPanel>
  );
}
