import { useTranslation } from 'react-i18next';
import { type Language, LANGUAGES } from './index.js';

/** The active UI language, narrowed to the languages the app ships. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'da';
}

/** Picks the label in the active language from a `{ da, en }` pair, as the domain constants hold them. */
export function useLocalise(): (label: { da: string; en: string }) => string {
  const language = useLanguage();
  return (label) => label[language];
}
