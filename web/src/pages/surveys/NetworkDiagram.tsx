import { type ReactElement, useMemo } from 'react';
import type { CollaborationResults } from '../../api/surveys.js';
import { EChart } from '../../charts/EChart.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { formatScore } from './format-score.js';
import { BAND_COLOURS } from './rc-view.js';

/**
 * One round as a network: a node per work group on a circle, an arrow A→B coloured by the band
 * of A's rating of B, and a ring around each node in the band of its rating of itself. A tie
 * without figures (too few respondents) is a thin dashed grey arrow.
 */
export function NetworkDiagram({
  results,
  label,
}: {
  results: CollaborationResults;
  label: string;
}): ReactElement {
  const language = useLanguage();
  // On a phone the diagram is small: smaller nodes and no figures on the arrows (the table has them).
  const compact = typeof window !== 'undefined' && window.matchMedia('(max-width: 30em)').matches;
  const option = useMemo(() => {
    const count = results.groups.length;
    const within = new Map(results.ties.filter((t) => t.from === t.to).map((t) => [t.from, t]));
    return {
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: false,
          // Room for the group names beside and below the outer nodes, also at 360 px.
          left: compact ? 56 : 72,
          right: compact ? 56 : 72,
          top: 40,
          bottom: 44,
          symbol: 'circle',
          symbolSize: compact ? 30 : 46,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: [0, 12],
          label: {
            show: true,
            position: 'bottom',
            distance: 8,
            color: '#1a1a1a',
            fontSize: compact ? 11 : 13,
            fontWeight: 'bold',
            backgroundColor: '#ffffff',
            padding: [2, 4],
          },
          edgeLabel: {
            show: true,
            fontSize: 12,
            color: '#1a1a1a',
            backgroundColor: '#ffffff',
            padding: [1, 3],
          },
          data: results.groups.map((group, index) => {
            const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
            const own = within.get(group);
            return {
              name: group,
              // The top node's name above it, clear of the arrows; the others' below.
              label: { position: index === 0 ? 'top' : 'bottom' },
              x: Math.cos(angle) * 100,
              y: Math.sin(angle) * 100,
              itemStyle: {
                color: '#ffffff',
                borderColor: BAND_COLOURS[own?.band ?? 'none'],
                borderWidth: compact ? 5 : 7,
                borderType: own?.band ? 'solid' : 'dashed',
              },
            };
          }),
          links: results.ties
            .filter((t) => t.from !== t.to)
            .map((t) => ({
              source: t.from,
              target: t.to,
              label: { show: !compact, formatter: t.index === null ? '–' : formatScore(t.index, language) },
              lineStyle: {
                color: BAND_COLOURS[t.band ?? 'none'],
                width: t.band ? 3 : 1.5,
                type: t.band ? 'solid' : 'dashed',
                curveness: 0.18,
                opacity: 1,
              },
            })),
        },
      ],
    };
  }, [results, language, compact]);
  return <EChart option={option} label={label} className="samspil-network" />;
}
