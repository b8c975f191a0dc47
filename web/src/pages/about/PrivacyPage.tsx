import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { AboutSection } from './AboutSection.js';

/**
 * The privacy notice (GDPR art. 13 and 14): who is data controller, why and on which legal bases
 * Samspil holds data, who receives it, how long it is kept, the citizen's rights and the data
 * protection officer. The contact data are synthetic, like the rest of the demo. Open without login.
 */
export function PrivacyPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('about.privacy.title'));
  const dpoEmail = t('about.privacy.dpo.email');
  return (
    <article className="samspil-about">
      <h1>{t('about.privacy.title')}</h1>
      <p className="font-lead">{t('about.privacy.intro')}</p>
      <AboutSection textKey="about.privacy.controller" />
      <AboutSection textKey="about.privacy.purposes" />
      <AboutSection textKey="about.privacy.legalBases" />
      <AboutSection textKey="about.privacy.recipients" />
      <AboutSection textKey="about.privacy.retention" />
      <AboutSection textKey="about.privacy.rights" />
      <section className="samspil-about-section">
        <h2>{t('about.privacy.dpo.heading')}</h2>
        <p>{t('about.privacy.dpo.text')}</p>
        <p>
          <a href={`mailto:${dpoEmail}`}>{dpoEmail}</a>
          <br />
          {t('about.privacy.dpo.phone')}
        </p>
      </section>
    </article>
  );
}
