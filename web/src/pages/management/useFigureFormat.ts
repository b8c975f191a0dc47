import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/** How a management figure reads: a share as "12,3 %", a count as "1.234", a hidden one as "–". */
export function useFigureFormat(): {
  percent: (value: number | null) => string;
  count: (value: number | null) => string;
} {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    percent: (value) =>
      value === null ? t('management.hidden') : `${formatNumber(Math.round(value * 1000) / 10, language)} %`,
    count: (value) => (value === null ? t('management.hidden') : formatNumber(value, language)),
  };
}
