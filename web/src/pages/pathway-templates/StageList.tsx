import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDefinition } from '../../api/pathway-templates.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/** A version's stages in order: who is involved, the deadline, where a pathway may go next; then its rules. */
export function StageList({ definition }: { definition: TemplateDefinition }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = (code: string): string =>
    definition.stages.find((stage) => stage.code === code)?.name[language] ?? code;
  return (
    <div className="samspil-template-stages">
      <ol>
        {definition.stages.map((stage) => {
          const next = definition.transitions
            .filter((edge) => edge.from === stage.code)
            .map((edge) => nameOf(edge.to));
          return (
            <li key={stage.code}>
              <strong>{stage.name[language]}</strong>
              {stage.roles.length > 0 ? ` · ${stage.roles.join(', ')}` : null}
              {' · '}
              {stage.deadline
                ? t(
                    stage.deadline.from === 'stage'
                      ? 'pathwayTemplates.deadlineStage'
                      : 'pathwayTemplates.deadlinePathway',
                    {
                      count: stage.deadline.days,
                    },
                  )
                : t('pathwayTemplates.noDeadline')}
              <br />
              <span className="samspil-small">
                {next.length > 0
                  ? t('pathwayTemplates.nextList', { stages: next.join(', ') })
                  : t('pathwayTemplates.last')}
              </span>
            </li>
          );
        })}
      </ol>
      <ul className="samspil-small">
        {definition.rules.map((rule) => (
          <li key={rule.kind}>
            {rule.kind === 'no-intervention-started'
              ? t('pathwayTemplates.ruleNoIntervention', {
                  count: rule.months,
                  stage: rule.backToStage ? nameOf(rule.backToStage) : '–',
                })
              : t('pathwayTemplates.ruleStageOverdue')}
          </li>
        ))}
      </ul>
    </div>
  );
}
