import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/queryKeys.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { dateError, type FieldErrors } from '../../../components/form/form-errors.js';
import { addDays, danishToday } from '../../../../../src/domain/calendar.js';
import {
  FOLLOW_UP_CODES,
  type FollowUpCode,
  followUpIssues,
} from '../../../../../src/domain/plan/follow-up.js';
import { WHO5_INSTRUMENT } from '../../../../../src/domain/measures/builtin-instruments.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { GAS_LEVELS } from '../../../plan-schemas.js';
import { gasLabel } from '../GasScale.js';
import { EditPanel } from '../edit/EditPanel.js';
import { type PlanRequest, usePlanForm } from '../edit/usePlanForm.js';
import { usePlanContext } from '../PlanContext.js';
import type { FollowedItem } from './followed-item.js';

/**
 * Records a follow-up of an intervention or a sub-goal: the outcome (the FSIII codes) with its
 * reasons and the next date, the GAS level of a sub-goal, and for "change within the frame" what
 * changes. The code rules are the server's own (src/domain/plan/follow-up.ts).
 */
export function RecordFollowUpForm({
  item,
  onDone,
}: {
  item: FollowedItem;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const { citizenId, etag } = usePlanContext();
  const today = danishToday();
  const [code, setCode] = useState<FollowUpCode | ''>('');
  const [reasons, setReasons] = useState('');
  const [nextDate, setNextDate] = useState('');
  const [gasLevel, setGasLevel] = useState('');
  const [frequency, setFrequency] = useState(item.frequency ?? '');
  const [endDate, setEndDate] = useState(item.endDate ?? '');
  const [title, setTitle] = useState(item.name);
  const [targetDate, setTargetDate] = useState(item.targetDate ?? '');
  const language = useLanguage();
  // WHO-5 as the citizen answered it at the follow-up: all five items, or none.
  const [who5, setWho5] = useState<Record<string, string>>({});
  const labels = {
    code: t('followUps.form.code'),
    reasons: t('followUps.form.reasons'),
    nextDate: t('followUps.form.nextDate'),
    gasLevel: t('followUps.form.gasLevel'),
    change: item.kind === 'intervention' ? t('followUps.form.frequency') : t('followUps.form.subGoalTitle'),
    endDate: t('followUps.form.endDate'),
    targetDate: t('followUps.form.targetDate'),
  };
  const changed = (): Record<string, unknown> => {
    if (code !== 'change') return {};
    const change: Record<string, unknown> = {};
    if (item.kind === 'intervention') {
      if (frequency.trim() !== (item.frequency ?? '')) change.frequency = frequency.trim() || null;
      if (endDate !== (item.endDate ?? '')) change.endDate = endDate || null;
    } else {
      if (title.trim() !== item.name) change.title = title.trim();
      if (targetDate !== (item.targetDate ?? '')) change.targetDate = targetDate || null;
    }
    return change;
  };
  const form = usePlanForm({
    citizenId,
    etag,
    onDone: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.followUps(citizenId) });
      onDone();
      setCode('');
      setReasons('');
      setNextDate('');
      setGasLevel('');
      setWho5({});
    },
    build: (): { request: PlanRequest } | { errors: FieldErrors } => {
      if (code === '') return { errors: { code: t('followUps.errors.code') } };
      const errors: FieldErrors = {};
      const change = changed();
      for (const issue of followUpIssues({
        code,
        heldOn: today,
        reasons,
        nextDate: nextDate || null,
        change,
      })) {
        errors[issue.field] = t(`followUps.errors.${issue.rule}`);
      }
      const wrongNext = nextDate ? dateError(nextDate, t, { min: addDays(today, 1) }) : undefined;
      if (wrongNext && !errors.nextDate) errors.nextDate = wrongNext;
      const wrongEnd = endDate && code === 'change' ? dateError(endDate, t, {}) : undefined;
      if (wrongEnd) errors.endDate = wrongEnd;
      const answered = Object.values(who5).filter(Boolean).length;
      if (answered > 0 && answered < WHO5_INSTRUMENT.items.length) {
        for (const question of WHO5_INSTRUMENT.items) {
          if (!who5[question.linkId]) errors[`who5.${question.linkId}`] = t('followUps.errors.who5');
        }
      }
      if (Object.keys(errors).length > 0) return { errors };
      const path = item.kind === 'intervention' ? `/interventions/${item.id}` : `/sub-goals/${item.id}`;
      return {
        request: {
          method: 'POST',
          path: `${path}/follow-ups`,
          body: {
            code,
            reasons: reasons.trim() || null,
            ...(nextDate && code !== 'end' ? { nextDate } : {}),
            ...(item.kind === 'sub_goal' && gasLevel !== '' ? { gasLevel: Number(gasLevel) } : {}),
            ...(code === 'change' ? { change } : {}),
            ...(answered > 0
              ? { measures: [{ instrument: 'who-5', respondent: 'citizen', answers: who5 }] }
              : {}),
          },
        },
      };
    },
  });
  return (
    <EditPanel
      title={t('followUps.form.title', { name: item.name })}
      form={form}
      targets={{
        code: { id: `${id}-code`, label: labels.code },
        reasons: { id: `${id}-reasons`, label: labels.reasons },
        nextDate: { id: `${id}-next`, label: labels.nextDate },
        gasLevel: { id: `${id}-gas`, label: labels.gasLevel },
        change: { id: `${id}-change`, label: labels.change },
        frequency: { id: `${id}-change`, label: labels.change },
        title: { id: `${id}-change`, label: labels.change },
        endDate: { id: `${id}-end`, label: labels.endDate },
        targetDate: { id: `${id}-target`, label: labels.targetDate },
        ...Object.fromEntries(
          WHO5_INSTRUMENT.items.map((question) => [
            `who5.${question.linkId}`,
            { id: `${id}-who5-${question.linkId}`, label: question.text[language] },
          ]),
        ),
      }}
      submitLabel={t('followUps.form.submit')}
      onCancel={() => setCode('')}
    >
      {item.kind === 'sub_goal' ? (
        <SelectField
          id={`${id}-gas`}
          label={labels.gasLevel}
          hint={t('followUps.form.gasHint')}
          value={gasLevel}
          onChange={setGasLevel}
          emptyLabel={t('followUps.form.gasNone')}
          error={form.errors.gasLevel}
          options={GAS_LEVELS.map((value) => ({
            value: String(value),
            label: `${gasLabel(value)}: ${t(`plan.gas.level.${value}`)}`,
          }))}
        />
      ) : null}
      <SelectField
        id={`${id}-code`}
        label={labels.code}
        value={code}
        onChange={(value) => setCode(value as FollowUpCode | '')}
        emptyLabel={t('followUps.form.chooseCode')}
        error={form.errors.code}
        required
        options={FOLLOW_UP_CODES.map((value) => ({ value, label: t(`followUps.code.${value}`) }))}
      />
      {code === 'change' && item.kind === 'intervention' ? (
        <>
          <TextField
            id={`${id}-change`}
            label={labels.change}
            value={frequency}
            onChange={setFrequency}
            error={form.errors.change ?? form.errors.frequency}
          />
          <TextField
            id={`${id}-end`}
            label={labels.endDate}
            type="date"
            value={endDate}
            onChange={setEndDate}
            error={form.errors.endDate}
          />
        </>
      ) : null}
      {code === 'change' && item.kind === 'sub_goal' ? (
        <>
          <TextField
            id={`${id}-change`}
            label={labels.change}
            value={title}
            onChange={setTitle}
            error={form.errors.change ?? form.errors.title}
          />
          <TextField
            id={`${id}-target`}
            label={labels.targetDate}
            type="date"
            value={targetDate}
            onChange={setTargetDate}
            error={form.errors.targetDate}
          />
        </>
      ) : null}
      <TextField
        id={`${id}-reasons`}
        label={labels.reasons}
        hint={t('followUps.form.reasonsHint')}
        value={reasons}
        onChange={setReasons}
        error={form.errors.reasons}
        multiline
        required={code !== '' && code !== 'continue'}
      />
      <details
        className="samspil-follow-up-who5"
        open={Object.keys(form.errors).some((k) => k.startsWith('who5.'))}
      >
        <summary>{t('followUps.form.who5')}</summary>
        <p>{t('followUps.form.who5Hint')}</p>
        {WHO5_INSTRUMENT.items.map((question) => (
          <SelectField
            key={question.linkId}
            id={`${id}-who5-${question.linkId}`}
            label={question.text[language]}
            value={who5[question.linkId] ?? ''}
            onChange={(value) => setWho5({ ...who5, [question.linkId]: value })}
            emptyLabel={t('followUps.form.who5None')}
            error={form.errors[`who5.${question.linkId}`]}
            options={question.options.map((option) => ({
              value: option.code,
              label: option.display[language],
            }))}
          />
        ))}
      </details>
      {code !== 'end' ? (
        <TextField
          id={`${id}-next`}
          label={labels.nextDate}
          hint={t('followUps.form.nextHint')}
          type="date"
          value={nextDate}
          onChange={setNextDate}
          error={form.errors.nextDate}
          required={code === 'continue' || code === 'change'}
        />
      ) : null}
    </EditPanel>
  );
}
