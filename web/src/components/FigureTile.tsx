import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/useLanguage.js';
import './figure-tile.css';

interface FigureTileProps {
  value: number;
  label: string;
  /** The list behind the figure, with its filter in the address; none when there is no list. */
  to?: string;
  /** More about the figure, under the label (e.g. the sum it is the citizens of). */
  note?: string;
}

/**
 * One figure of a leader's overview. With a list behind it the whole tile is one link whose
 * name is the figure and its label ("12 åbne signaler"), so a screen reader says where it goes.
 */
export function FigureTile({ value, label, to, note }: FigureTileProps): ReactElement {
  const language = useLanguage();
  const content = (
    <>
      <span className="samspil-figure-value">{formatNumber(value, language)}</span>
      <span className="samspil-figure-label">{label}</span>
      {note ? <span className="samspil-figure-note">{note}</span> : null}
    </>
  );
  return (
    <li className="samspil-figure">
      {to ? (
        <Link to={to} className="samspil-figure-link">
          {content}
        </Link>
      ) : (
        content
      )}
    </li>
  );
}
