import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './da.json';
import en from './en.json';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Only the UI language is remembered in the browser — never anything about a person. */
const STORAGE_KEY = 'samspil.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'da';
  } catch {
    return 'da';
  }
}

/** The active language, narrowed to one the app ships. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'da';
}

/** Switches the UI language, remembers the choice and updates `<html lang>`. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be off (private mode); the switch still works for this visit.
  }
}

/** Starts i18next with Danish as the default language. */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'da',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = currentLanguage();
}
