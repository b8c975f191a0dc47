import type { PresentedIntervention } from '../../api/types.js';
import type { PresentedPlan } from '../../api/types.js';
import { type ReactElement, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_LABELS } from '../../domain.js';
import { danishToday } from '../../i18n/dates.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { interventionName, isRestricted } from './intervention-view.js';
import {
  monthTicks,
  position,
  type TimelineRow,
  timelineRows,
  timelineWindow,
  ZOOM_MONTHS,
  type ZoomMonths,
} from './timeline-layout.js';

// Drawing units of the SVG's viewBox; CSS scales the whole drawing to the column's width.
const LABEL_WIDTH = 260;
const CHART_WIDTH = 740;
const ROW = 30;
const AXIS = 34;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The pathway over time, Gantt-like: each intervention as a bar over its period, follow-ups as
 * diamonds, sub-goal target dates on their own row, today as a line. Zoomable from 3 to 24
 * months. The drawing is plain SVG (no inline styles, so the strict CSP holds) and has a table
 * with the same content for screen readers and for anyone who prefers it.
 */
export function Timeline({ plan }: { plan: PresentedPlan }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [months, setMonths] = useState<ZoomMonths>(12);
  // Paging moves the window by half its width, so each step keeps some of what was in view.
  const [offset, setOffset] = useState(0);
  const step = months / 2;
  const today = danishToday();
  const range = useMemo(() => timelineWindow(today, months, offset), [today, months, offset]);
  const rows = useMemo(() => timelineRows(plan, range), [plan, range]);
  const targets = plan.subGoals.filter(
    (subGoal) =>
      subGoal.status === 'active' &&
      subGoal.targetDate !== null &&
      subGoal.targetDate >= range.from &&
      subGoal.targetDate <= range.to,
  );
  const ticks = monthTicks(range);
  const height = AXIS + (rows.length + 1) * ROW + 8;
  const x = (fraction: number): number => LABEL_WIDTH + fraction * CHART_WIDTH;
  const monthFormat = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const tickEvery = months === 24 ? 3 : months === 12 ? 2 : 1;
  const todayX = x(position(today, range));
  const headingId = anchors.timeline;
  const nameOf = (item: PresentedIntervention): string =>
    interventionName(item, (unit) => t('plan.interventions.restrictedName', { unit }));
  const summary = t('plan.timeline.summary', {
    from: formatDate(range.from, language),
    to: formatDate(range.to, language),
    count: rows.length,
  });

  return (
    <section aria-labelledby={headingId}>
      <div className="samspil-section-heading">
        <h2 id={headingId}>{t('plan.timeline.heading')}</h2>
        <fieldset className="samspil-zoom">
          <legend className="samspil-zoom-legend">{t('plan.timeline.zoom')}</legend>
          {ZOOM_MONTHS.map((option) => (
            <button
              key={option}
              type="button"
              className="samspil-zoom-option"
              aria-pressed={option === months}
              onClick={() => {
                setMonths(option);
                setOffset(0);
              }}
            >
              {t('plan.timeline.months', { count: option })}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="samspil-timeline-paging">
        <p className="samspil-muted">{summary}</p>
        <div className="samspil-timeline-paging-buttons">
          <button type="button" className="button button-tertiary" onClick={() => setOffset(offset - step)}>
            {t('plan.timeline.earlier')}
          </button>
          {offset !== 0 ? (
            <button type="button" className="button button-tertiary" onClick={() => setOffset(0)}>
              {t('plan.timeline.backToToday')}
            </button>
          ) : null}
          <button type="button" className="button button-tertiary" onClick={() => setOffset(offset + step)}>
            {t('plan.timeline.later')}
          </button>
        </div>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone; keyboard users must reach it (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <section className="samspil-timeline-scroll" tabIndex={0} aria-label={t('plan.timeline.heading')}>
        <svg
          className="samspil-timeline"
          viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + 10} ${height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          focusable="false"
        >
          <title id={`${id}-title`}>{`${t('plan.timeline.heading')}: ${summary}`}</title>
          {ticks.map((tick, index) => (
            <g key={tick} className="samspil-timeline-tick">
              <line x1={x(position(tick, range))} x2={x(position(tick, range))} y1={AXIS - 6} y2={height} />
              {index % tickEvery === 0 ? (
                <text x={x(position(tick, range)) + 4} y={AXIS - 12}>
                  {monthFormat.format(new Date(`${tick}T00:00:00Z`))}
                </text>
              ) : null}
            </g>
          ))}
          {rows.map((row, index) => (
            <TimelineBar
              key={row.intervention.id}
              row={row}
              name={nameOf(row.intervention)}
              y={AXIS + index * ROW}
              x={x}
            />
          ))}
          <g className="samspil-timeline-targets">
            <text className="samspil-timeline-label" x={8} y={AXIS + rows.length * ROW + 20}>
              {t('plan.timeline.subGoalTargets')}
            </text>
            {targets.map((subGoal) => {
              const cx = x(position(subGoal.targetDate as string, range));
              const cy = AXIS + rows.length * ROW + 15;
              return (
                <polygon
                  key={subGoal.id}
                  points={`${cx},${cy - 8} ${cx + 7},${cy + 6} ${cx - 7},${cy + 6}`}
                />
              );
            })}
          </g>
          {today >= range.from && today <= range.to ? (
            <g className="samspil-timeline-today">
              <line x1={todayX} x2={todayX} y1={AXIS - 30} y2={height} />
              <text x={todayX + 4} y={12}>
                {t('plan.timeline.today')}
              </text>
            </g>
          ) : null}
        </svg>
      </section>
      <ul className="samspil-timeline-legend no-max-width" aria-label={t('plan.timeline.legend')}>
        <li>
          <span className="samspil-swatch is-active" aria-hidden="true" />
          {t('plan.interventionStatus.active')}
        </li>
        <li>
          <span className="samspil-swatch is-planned" aria-hidden="true" />
          {t('plan.interventionStatus.planned')}
        </li>
        <li>
          <span className="samspil-swatch is-paused" aria-hidden="true" />
          {t('plan.interventionStatus.paused')}
        </li>
        <li>
          <span className="samspil-swatch is-ended" aria-hidden="true" />
          {t('plan.interventionStatus.ended')}
        </li>
        <li>
          <span className="samspil-swatch is-follow-up" aria-hidden="true" />
          {t('plan.timeline.followUp')}
        </li>
        <li>
          <span className="samspil-swatch is-target" aria-hidden="true" />
          {t('plan.timeline.subGoalTarget')}
        </li>
      </ul>
      <details className="samspil-details">
        <summary>{t('plan.timeline.asTable')}</summary>
        <div className="samspil-table-wrapper">
          <table className="table table--compact samspil-timeline-table">
            <caption className="sr-only">{t('plan.timeline.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.interventions.heading')}</th>
                <th scope="col">{t('plan.timeline.sector')}</th>
                <th scope="col">{t('plan.interventions.period')}</th>
                <th scope="col">{t('plan.interventions.followUp')}</th>
                <th scope="col">{t('plan.interventions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ intervention }) => (
                <tr key={intervention.id}>
                  <th scope="row">
                    <a href={`#${anchors.intervention(intervention.id)}`}>{nameOf(intervention)}</a>
                  </th>
                  <td>{SECTOR_LABELS[intervention.sector]?.[language] ?? intervention.sector}</td>
                  <td>
                    {intervention.endDate
                      ? t('plan.interventions.periodClosed', {
                          start: formatDate(intervention.startDate, language),
                          end: formatDate(intervention.endDate, language),
                        })
                      : t('plan.interventions.periodOpen', {
                          start: formatDate(intervention.startDate, language),
                        })}
                  </td>
                  <td>
                    {!isRestricted(intervention) && intervention.followUpDate
                      ? formatDate(intervention.followUpDate, language)
                      : '—'}
                  </td>
                  <td>{t(`plan.interventionStatus.${intervention.status}`)}</td>
                </tr>
              ))}
              {targets.map((subGoal) => (
                <tr key={subGoal.id}>
                  <th scope="row">
                    <a href={`#${anchors.subGoal(subGoal.id)}`}>{subGoal.title}</a>
                  </th>
                  <td>{t('plan.timeline.subGoalTarget')}</td>
                  <td>{formatDate(subGoal.targetDate as string, language)}</td>
                  <td>—</td>
                  <td>{t(`plan.subGoalStatus.${subGoal.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function TimelineBar({
  row,
  name,
  y,
  x,
}: {
  row: TimelineRow;
  name: string;
  y: number;
  x: (fraction: number) => number;
}): ReactElement {
  const { intervention } = row;
  const left = x(row.start);
  const width = Math.max(4, x(row.end) - left);
  const middle = y + ROW / 2;
  return (
    <g
      className={`samspil-timeline-row is-${intervention.status}${isRestricted(intervention) ? ' is-restricted' : ''}`}
    >
      <rect
        className="samspil-timeline-stripe"
        x={0}
        y={y}
        width={LABEL_WIDTH + CHART_WIDTH + 10}
        height={ROW}
      />
      <text className="samspil-timeline-label" x={8} y={middle + 5}>
        {truncate(name, 34)}
      </text>
      <rect className="samspil-timeline-bar" x={left} y={y + 7} width={width} height={ROW - 14} rx={4} />
      {row.continues ? (
        <polygon
          className="samspil-timeline-bar"
          points={`${left + width},${y + 7} ${left + width + 8},${middle} ${left + width},${y + ROW - 7}`}
        />
      ) : null}
      {row.followUp !== null ? (
        <polygon
          className="samspil-timeline-follow-up"
          points={`${x(row.followUp)},${middle - 8} ${x(row.followUp) + 8},${middle} ${x(row.followUp)},${middle + 8} ${x(row.followUp) - 8},${middle}`}
        />
      ) : null}
    </g>
  );
}
