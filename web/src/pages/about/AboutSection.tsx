import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A section of an information page: an h2 and its paragraphs, then any list, from the texts at `key`. */
export function AboutSection({ textKey }: { textKey: string }): ReactElement {
  const { t } = useTranslation();
  const paragraphs = t(`${textKey}.text`, { returnObjects: true, defaultValue: [] }) as string[];
  const items = t(`${textKey}.items`, { returnObjects: true, defaultValue: [] }) as string[];
  return (
    <section className="samspil-about-section">
      <h2>{t(`${textKey}.heading`)}</h2>
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {items.length > 0 ? (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
