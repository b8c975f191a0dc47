import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * A count in a leader's table as a link to the list behind it. The link's name says what is
 * counted ("12 åbne: Dobbelte indsatser"), not just the number; a zero is plain text (no list).
 */
export function CountLink({ value, to, label }: { value: number; to: string; label: string }): ReactElement {
  const language = useLanguage();
  const formatted = formatNumber(value, language);
  if (value === 0) return <span>{formatted}</span>;
  return (
    <Link to={to} aria-label={`${formatted} ${label}`}>
      {formatted}
    </Link>
  );
}
