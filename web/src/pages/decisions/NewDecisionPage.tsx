import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCreateDecision } from '../../api/decisions.js';
import { LEGAL_BASES } from '../../domain.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { decisionPath, planPath } from '../../routes.js';
import { legalBasisText } from '../plan/legal-basis.js';
import { StepForm } from './StepForm.js';

/**
 * A new draft decision (`/borgere/:citizenId/afgoerelser/ny`): what the unit intends, the facts it
 * relies on and the legal basis. From a team case (`?teamCase=…`) it answers that case's
 * recommendation. The next steps are on the decision's own page.
 */
export function NewDecisionPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('decisionPage.newTitle'));
  const { citizenId = '' } = useParams();
  const [search] = useSearchParams();
  const teamCaseId = search.get('teamCase');
  const navigate = useNavigate();
  const create = useCreateDecision(citizenId);
  const mutation = {
    ...create,
    mutate: (body: Parameters<typeof create.mutate>[0], options?: Parameters<typeof create.mutate>[1]) =>
      create.mutate(body, {
        ...options,
        onSuccess: (decision, ...rest) => {
          options?.onSuccess?.(decision, ...rest);
          void navigate(decisionPath(citizenId, decision.id));
        },
      }),
  } as typeof create;
  return (
    <>
      <p>
        <Link to={planPath(citizenId)}>{t('decisionPage.backToPlan')}</Link>
      </p>
      <h1>{t('decisionPage.newTitle')}</h1>
      <p className="font-lead">{t('decisionPage.newIntro')}</p>
      <StepForm
        title={t('decisionPage.form.draftTitle')}
        fields={[
          { name: 'title', label: t('decisionPage.form.title'), kind: 'text', required: true },
          { name: 'proposal', label: t('decisionPage.proposal'), kind: 'textarea', required: true },
          { name: 'facts', label: t('decisionPage.facts'), kind: 'textarea', required: true },
          {
            name: 'legalBasis',
            label: t('decisionPage.form.legalBasis'),
            kind: 'select',
            required: true,
            choices: Object.keys(LEGAL_BASES).map((code) => ({
              value: code,
              label: legalBasisText(code as keyof typeof LEGAL_BASES),
            })),
          },
          { name: 'negative', label: t('decisionPage.form.negative'), kind: 'checkbox' },
        ]}
        initial={{ negative: false }}
        extra={teamCaseId ? { teamCaseId } : undefined}
        mutation={mutation}
        submitLabel={t('decisionPage.form.saveDraft')}
        sent={t('decisionPage.saved')}
      />
    </>
  );
}
