import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { DRILLDOWN_PAGE, useUnitCitizens } from '../../api/leader-drilldown.js';
import type { UnitAttentionKind } from '../../api/workspace.js';
import { useMe } from '../../api/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { Pagination } from '../../components/Pagination.js';
import { formatNumber } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { paths } from '../../routes.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { AttentionTable } from '../my-day/AttentionTable.js';

const KINDS: readonly UnitAttentionKind[] = [
  'followUpsOverdue',
  'followUpsDueSoon',
  'noActiveIntervention',
  'subGoalsPastDate',
  'gaps',
];

/**
 * The unit's citizens behind a figure of the unit overview, or one professional's citizens,
 * as the address says (?attention=…, ?professionalId=…). The number in the lead is the figure.
 */
export function UnitCitizensPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const unitId = me.data?.kind === 'professional' ? (me.data.unit?.id ?? null) : null;
  const attention = KINDS.find((kind) => kind === params.get('attention'));
  const professionalId = params.get('professionalId') ?? undefined;
  const page = Math.max(1, Number(params.get('side') ?? '1') || 1);
  const list = useUnitCitizens(
    unitId,
    { ...(attention ? { attention } : {}), ...(professionalId ? { professionalId } : {}) },
    (page - 1) * DRILLDOWN_PAGE,
  );
  useDocumentTitle(t('unitCitizens.title'));

  if (list.isError && isApiError(list.error, 403)) return <ForbiddenPage kind="unit" />;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const scope = [
    attention ? t(`unitCitizens.attention.${attention}`) : t('unitCitizens.all'),
    ...(data.professional ? [t('unitCitizens.of', { name: data.professional.name })] : []),
  ].join(' · ');
  return (
    <>
      <p>
        <Link to={paths.unit}>{t('unitCitizens.back')}</Link>
      </p>
      <h1>{t('unitCitizens.title')}</h1>
      <p className="font-lead" data-testid="drilldown-count">
        {t('unitCitizens.count', { count: data.total, formatted: formatNumber(data.total, language), scope })}
      </p>
      {data.items.length === 0 ? (
        <p>{t('unitCitizens.none')}</p>
      ) : (
        <AttentionTable
          items={data.items}
          caption={t('unitCitizens.caption', { scope })}
          today={data.today}
          showRelation={false}
        />
      )}
      <Pagination
        page={page}
        pageSize={DRILLDOWN_PAGE}
        total={data.total}
        onPage={(next) => {
          const copy = new URLSearchParams(params);
          copy.set('side', String(next));
          setParams(copy);
        }}
      />
    </>
  );
}
