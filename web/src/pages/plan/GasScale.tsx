import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const LEVELS = [-2, -1, 0, 1, 2] as const;

/** Writes a GAS level with a real minus sign and an explicit plus: −2 … +2. */
export function gasLabel(level: number): string {
  if (level > 0) return `+${level}`;
  if (level < 0) return `−${Math.abs(level)}`;
  return '0';
}

/** Goal Attainment Scaling level −2..+2 as a small five-step scale with the current step marked. */
export function GasScale({ level }: { level: number | null }): ReactElement {
  const { t } = useTranslation();
  if (level === null) return <span className="samspil-muted">{t('plan.gas.notRated')}</span>;
  const meaning = t(`plan.gas.level.${level}`);
  return (
    <span className="samspil-gas">
      <span className="samspil-gas-scale" aria-hidden="true">
        {LEVELS.map((step) => (
          <span key={step} className={step === level ? 'samspil-gas-step is-current' : 'samspil-gas-step'}>
            {gasLabel(step)}
          </span>
        ))}
      </span>
      <span className="samspil-gas-text">
        {t('plan.gas.scaleLabel', { level: gasLabel(level), meaning })}
      </span>
    </span>
  );
}
