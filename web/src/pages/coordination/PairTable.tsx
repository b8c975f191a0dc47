import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PairCount } from '../../api/coordination.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { BarCell } from '../../components/BarCell.js';

interface PairTableProps {
  pairs: readonly PairCount[];
  caption: string;
  /** Names the first column: two units, two sectors, or one sector (collaboration within it). */
  kind: 'unit' | 'sector' | 'within';
  /** How a rule id reads in the active language. */
  ruleTitle: (ruleId: string) => string;
  nameOf?: (ref: { id: string; name: string }) => string;
  /** The list of the pair's open flags, with its filter in the address. */
  linkOf: (pair: PairCount) => string;
}

/** Open flags between two units (or sectors): which pairs, how many, and from which rules. */
export function PairTable({
  pairs,
  caption,
  kind,
  ruleTitle,
  nameOf = (ref) => ref.name,
  linkOf,
}: PairTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const max = Math.max(1, ...pairs.map((pair) => pair.open));
  if (pairs.length === 0)
    return <p>{t(kind === 'within' ? 'coordinationOverview.noWithin' : 'coordinationOverview.noPairs')}</p>;
  return (
    <div className="samspil-table-wrapper">
      <table className="table table--zebra table-md-responsive-headers samspil-caseload samspil-pairs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`coordinationOverview.column.${kind}Pair`)}</th>
            <th scope="col">{t('coordinationOverview.column.open')}</th>
            <th scope="col">{t('coordinationOverview.column.byRule')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={`${pair.a.id}:${pair.b.id}`}>
              <th scope="row" data-title={t(`coordinationOverview.column.${kind}Pair`)}>
                <span className="samspil-cell">
                  <Link to={linkOf(pair)}>
                    {kind === 'within' ? (
                      nameOf(pair.a)
                    ) : (
                      <>
                        {nameOf(pair.a)} <span aria-hidden="true">↔</span>
                        <span className="sr-only">{t('coordinationOverview.and')}</span> {nameOf(pair.b)}
                      </>
                    )}
                  </Link>
                </span>
              </th>
              <td data-title={t('coordinationOverview.column.open')}>
                <BarCell value={pair.open} max={max}>
                  <span>{formatNumber(pair.open, language)}</span>
                </BarCell>
              </td>
              <td data-title={t('coordinationOverview.column.byRule')}>
                {Object.entries(pair.byRule)
                  .filter(([, count]) => count > 0)
                  .sort((a, b) => b[1] - a[1])
                  .map(([ruleId, count]) => `${ruleTitle(ruleId)}: ${formatNumber(count, language)}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
