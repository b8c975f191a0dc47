import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n/index.js';
import { useLanguage } from '../i18n/useLanguage.js';

/**
 * Switches between Danish and English. Each language is named in itself (and marked with
 * its own `lang`), so a reader of either language recognises their own. The current language
 * is text marked `aria-current`, not a button: there is nothing to press.
 */
export function LanguageSwitch(): ReactElement {
  const { t } = useTranslation();
  const active = useLanguage();
  return (
    <ul className="samspil-language nobullet-list" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <li key={language}>
          {language === active ? (
            <span lang={language} className="samspil-language-option" aria-current="true">
              {t(`language.${language}`)}
            </span>
          ) : (
            <button
              type="button"
              lang={language}
              className="samspil-language-option"
              onClick={() => void changeLanguage(language)}
            >
              {t(`language.${language}`)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
