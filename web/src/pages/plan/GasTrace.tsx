import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { GasPoint } from './gas-trace.js';
import { gasLabel } from './GasScale.js';

const WIDTH = 120;
const HEIGHT = 32;

/**
 * A small line of a sub-goal's GAS levels over time (−2 at the bottom, +2 at the top). The
 * drawing is decorative; the text next to it says the same for everyone.
 */
export function GasTrace({ points }: { points: GasPoint[] }): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  if (points.length < 2) return null;
  const step = WIDTH / (points.length - 1);
  const y = (level: number): number => 4 + ((2 - level) / 4) * (HEIGHT - 8);
  const coordinates = points.map(
    (point, index) => `${(index * step).toFixed(1)},${y(point.level).toFixed(1)}`,
  );
  const first = points[0] as GasPoint;
  return (
    <span className="samspil-gas-trace">
      <svg
        className="samspil-gas-trace-line"
        viewBox={`-4 0 ${WIDTH + 8} ${HEIGHT}`}
        width={WIDTH + 8}
        height={HEIGHT}
        aria-hidden="true"
        focusable="false"
      >
        <line className="samspil-gas-trace-zero" x1={-4} x2={WIDTH + 4} y1={y(0)} y2={y(0)} />
        <polyline points={coordinates.join(' ')} />
        {points.map((point, index) => (
          <circle key={point.at} cx={index * step} cy={y(point.level)} r={3} />
        ))}
      </svg>
      <span className="samspil-small">
        {t('plan.gas.trace', {
          levels: points.map((point) => gasLabel(point.level)).join(' → '),
          since: formatDate(first.at.slice(0, 10), language),
        })}
      </span>
    </span>
  );
}
