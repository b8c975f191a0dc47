import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '../../api/analytics.js';
import { useUnits } from '../../api/catalogue.js';
import { AGE_GROUPS } from '../../domain.js';
import { FilterSelect } from './FilterSelect.js';

/**
 * The filters that narrow every management figure to a group of citizens: their coordinating
 * unit and the age they reach in the year (src/domain/analytics/citizen-groups.ts).
 */
export function CitizenGroupFilters({
  idPrefix,
  filter,
  onChange,
}: {
  idPrefix: string;
  filter: AnalyticsFilter;
  onChange: (change: Partial<AnalyticsFilter>) => void;
}): ReactElement {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <>
      <FilterSelect
        id={`${idPrefix}-unit`}
        label={t('steering.filter.unit')}
        value={filter.unit ?? ''}
        onChange={(value) => onChange({ unit: value || undefined })}
        all={t('management.filter.all')}
        options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      <FilterSelect
        id={`${idPrefix}-age`}
        label={t('steering.filter.ageGroup')}
        value={filter.ageGroup ?? ''}
        onChange={(value) => onChange({ ageGroup: value || undefined })}
        all={t('management.filter.all')}
        options={AGE_GROUPS.map((group) => ({ value: group, label: t(`steering.ageGroup.${group}`) }))}
      />
    </>
  );
}
