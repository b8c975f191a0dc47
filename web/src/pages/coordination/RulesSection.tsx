import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { useCoordinationRules } from '../../api/coordination.js';
import { useMe } from '../../api/auth.js';
import { RuleForm } from './RuleForm.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/** The municipality's coordination rules: which are on and with which thresholds. */
export function RulesSection(): ReactElement | null {
  const { t } = useTranslation();
  const rules = useCoordinationRules();
  const me = useMe();
  const canChange = me.data?.kind === 'professional' && me.data.role === 'administrator';
  // Someone who may not see the configuration simply does not get the section.
  if (rules.isError && isApiError(rules.error, 403)) return null;
  return (
    <section aria-labelledby="overview-rules-settings" className="mt-7">
      <h2 id="overview-rules-settings">{t('coordinationRules.heading')}</h2>
      <p className="samspil-muted">{t('coordinationRules.intro')}</p>
      {canChange ? null : <p>{t('coordinationRules.administratorOnly')}</p>}
      <QueryStatus query={rules} />
      <ul className="samspil-consents no-max-width">
        {(rules.data ?? []).map((rule) => (
          <RuleForm key={rule.id} rule={rule} canChange={canChange} />
        ))}
      </ul>
    </section>
  );
}
