import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n/index.js';
import { useLanguage } from '../i18n/useLanguage.js';

/**
 * Switches between Danish and English. Each language is named in itself (and marked with
 * its own `lang`), so a reader of either language recognises their own.
 */
export function LanguageSwitch(): ReactElement {
  const { t } = useTranslation();
  const active = useLanguage();
  return (
    <fieldset className="samspil-language">
      <legend className="sr-only">{t('language.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="samspil-language-option"
          aria-pressed={language === active}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </fieldset>
  );
}
