import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { AboutSection } from './AboutSection.js';

/**
 * The accessibility statement webtilgængelighedsloven requires, in the order of the template of
 * the Agency for Digital Government (Digitaliseringsstyrelsen): status, what is not accessible,
 * how it was prepared, feedback and contact, and enforcement. Open without logging in.
 */
export function AccessibilityPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('about.accessibility.title'));
  const email = t('footer.contactEmail');
  return (
    <article className="samspil-about">
      <h1>{t('about.accessibility.title')}</h1>
      <p className="font-lead">{t('about.accessibility.intro')}</p>
      <AboutSection textKey="about.accessibility.status" />
      <AboutSection textKey="about.accessibility.notAccessible" />
      <AboutSection textKey="about.accessibility.preparation" />
      <section className="samspil-about-section">
        <h2>{t('about.accessibility.feedback.heading')}</h2>
        <p>{t('about.accessibility.feedback.text')}</p>
        <p>
          <a href={`mailto:${email}`}>{email}</a>
        </p>
      </section>
      <section className="samspil-about-section">
        <h2>{t('about.accessibility.enforcement.heading')}</h2>
        <p>{t('about.accessibility.enforcement.text')}</p>
        <p>
          <a href="https://www.digst.dk/" lang="da">
            {t('about.accessibility.enforcement.link')}
          </a>
        </p>
      </section>
    </article>
  );
}
