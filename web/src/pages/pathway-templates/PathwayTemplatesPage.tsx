import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.js';
import {
  type TemplateList,
  type TemplateVersionView,
  usePathwayTemplateVersion,
  usePathwayTemplates,
  usePathwayTemplateWrite,
} from '../../api/pathway-templates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDate } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { DraftForm } from './DraftForm.js';
import { StageList } from './StageList.js';
import '../../styles/pathway-templates.css';

type Template = TemplateList['items'][number];

/**
 * The municipality's pathway templates (decision 0019): each with its versions; a version's
 * stages as a list; for team leaders and the administrator, copy a version to a new draft, edit
 * the draft and publish it. A published version never changes; running pathways keep theirs.
 */
export function PathwayTemplatesPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('pathwayTemplates.title'));
  const templates = usePathwayTemplates();
  const me = useMe();
  // The server decides (decidePathwayTemplateAct); this only hides buttons it would refuse.
  const canChange =
    me.data?.kind === 'professional' && (me.data.role === 'team_leader' || me.data.role === 'administrator');
  return (
    <>
      <h1>{t('pathwayTemplates.title')}</h1>
      <p className="font-lead">{t('pathwayTemplates.intro')}</p>
      <QueryStatus query={templates} />
      {templates.data?.items.map((template) => (
        <TemplateSection key={template.templateId} template={template} canChange={canChange} />
      ))}
    </>
  );
}

function TemplateSection({ template, canChange }: { template: Template; canChange: boolean }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const newest = template.versions.at(-1);
  const [shown, setShown] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const write = usePathwayTemplateWrite();
  const hasDraft = template.versions.some((version) => version.status === 'draft');
  const headingId = `template-${template.code}`;
  return (
    <section className="samspil-template" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3">
        {newest?.name[language] ?? template.code}
      </h2>
      <p className="samspil-muted">
        {[
          newest?.legalFrame,
          template.code,
          template.origin === 'shipped' ? t('pathwayTemplates.shipped') : t('pathwayTemplates.own'),
        ].join(' · ')}
      </p>
      {write.error ? <ErrorAlert error={write.error} /> : null}
      <ul className="samspil-template-versions">
        {template.versions.map((version) => {
          const label = t('pathwayTemplates.versionLabel', { version: version.version });
          return (
            <li key={version.id}>
              <strong>{label}</strong>{' '}
              <span
                className={`badge samspil-badge ${version.status === 'draft' ? 'badge-warning' : 'badge-success'}`}
              >
                {version.status === 'draft'
                  ? t('pathwayTemplates.draft')
                  : t('pathwayTemplates.published', {
                      date: formatDate((version.publishedAt ?? version.createdAt).slice(0, 10), language),
                    })}
              </span>{' '}
              <button
                type="button"
                className="button button-tertiary"
                aria-expanded={shown === version.id}
                aria-label={`${t('pathwayTemplates.showStages')}: ${label}`}
                onClick={() => setShown(shown === version.id ? null : version.id)}
              >
                {t('pathwayTemplates.showStages')}
              </button>
              {canChange && version.status === 'published' && !hasDraft ? (
                <button
                  type="button"
                  className="button button-tertiary"
                  aria-label={`${t('pathwayTemplates.copy')}: ${label}`}
                  disabled={write.isPending}
                  onClick={() =>
                    write.mutate(
                      { kind: 'copy', versionId: version.id },
                      { onSuccess: (draft) => setEditing(draft.id) },
                    )
                  }
                >
                  {t('pathwayTemplates.copy')}
                </button>
              ) : null}
              {canChange && version.status === 'draft' ? (
                <>
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={`${t('pathwayTemplates.edit')}: ${label}`}
                    onClick={() => setEditing(version.id)}
                  >
                    {t('pathwayTemplates.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={`${t('pathwayTemplates.publish')}: ${label}`}
                    disabled={write.isPending}
                    onClick={() => write.mutate({ kind: 'publish', versionId: version.id })}
                  >
                    {t('pathwayTemplates.publish')}
                  </button>
                </>
              ) : null}
              {shown === version.id ? <VersionStages versionId={version.id} /> : null}
              {editing === version.id ? (
                <EditDraft versionId={version.id} onDone={() => setEditing(null)} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function VersionStages({ versionId }: { versionId: string }): ReactElement {
  const version = usePathwayTemplateVersion(versionId);
  return (
    <>
      <QueryStatus query={version} />
      {version.data ? <StageList definition={version.data.definition} /> : null}
    </>
  );
}

function EditDraft({ versionId, onDone }: { versionId: string; onDone: () => void }): ReactElement {
  const version = usePathwayTemplateVersion(versionId);
  return (
    <>
      <QueryStatus query={version} />
      {version.data ? <DraftForm version={version.data as TemplateVersionView} onDone={onDone} /> : null}
    </>
  );
}
