import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttentionItem } from '../../api/workspace.js';
import { planPath } from '../../routes.js';
import { coordinationAnchor } from '../coordination/flag-text.js';
import { type AttentionSignal, attentionSignals, type FlagCount } from './attention-rank.js';

/** How many tags a compact row shows before "+N"; the rest stay for screen readers and phones. */
const SHOWN = 2;

const TONE: Record<AttentionSignal['severity'], string> = {
  severe: 'is-error',
  moderate: 'is-warning',
  minor: 'is-info',
};

/**
 * What needs attention for one citizen, most severe first, as labelled tags (text, not colour,
 * carries the meaning). Coordination flags are among them and link to the plan's coordination;
 * "nothing right now" only when there is truly nothing, flags included.
 */
export function AttentionTags({
  item,
  flags,
}: {
  item: AttentionItem;
  flags: FlagCount | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const signals = attentionSignals(item, flags);
  if (signals.length === 0) return <span className="samspil-muted">{t('myDay.tag.nothing')}</span>;
  const hidden = signals.length - SHOWN;
  return (
    <ul className="samspil-attention-tags no-max-width">
      {signals.map((signal, index) => {
        const text = t(`myDay.tag.${signal.key}`, { count: signal.count });
        const className = `samspil-attention-tag ${TONE[signal.severity]}${index >= SHOWN ? ' is-extra' : ''}`;
        return (
          <li key={signal.key} className={className}>
            {/* A tag folded away on a wide screen is no link: nothing focusable may be invisible. */}
            {(signal.key === 'flags' || signal.key === 'flagsHigh') && index < SHOWN ? (
              <Link to={`${planPath(item.id)}#${coordinationAnchor}`}>{text}</Link>
            ) : (
              text
            )}
          </li>
        );
      })}
      {hidden > 0 ? (
        <li className="samspil-attention-more" aria-hidden="true">
          {t('myDay.tag.more', { count: hidden })}
        </li>
      ) : null}
    </ul>
  );
}
