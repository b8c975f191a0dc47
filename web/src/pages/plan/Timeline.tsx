import type { PresentedIntervention, PresentedPlan } from '../../api/plan.js';
import {
  type KeyboardEvent,
  type ReactElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetings } from '../../api/meetings.js';
import { SECTOR_LABELS } from '../../domain.js';
import { danishToday, daysBetween } from '../../../../src/domain/calendar.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { interventionName, isRestricted } from './intervention-view.js';
import { meetingsAnchor } from './MeetingsSection.js';
import { PlanSection } from './sections/PlanSection.js';
import {
  type LaneKey,
  monthTicks,
  type TimelineBar,
  type TimelineMark,
  timelineLayout,
  ZOOM_MONTHS,
  type ZoomMonths,
} from './timeline-layout.js';

// Drawing units are CSS pixels: the SVG is never scaled, so its text keeps its 13 px on a phone.
const AXIS = 44;
const LANE_HEADER = 24;
const TRACK = 30;
const LABEL_PX = 190;
const PHONE = '(max-width: 575.98px)';
const DAYS_PER_MONTH = 30.44;
/** A month label every n months, so a wider zoom keeps its labels apart. */
const TICK_EVERY: Record<ZoomMonths, number> = { 3: 1, 6: 1, 12: 2, 24: 3 };

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function initialMonths(): ZoomMonths {
  // A phone shows three months, so a day stays wide enough to read and to tap.
  return typeof window !== 'undefined' && window.matchMedia?.(PHONE).matches ? 3 : 12;
}

/**
 * The pathway over time: one lane per sector with its interventions as bars, follow-ups on
 * them, the sub-goals' target dates and the meetings in lanes of their own, today as a line.
 * It opens scrolled to today; it scrolls sideways (also by keyboard: the scroller takes focus
 * and the arrow keys move it); overdue items and clashes are marked by shape and text, not by
 * colour alone; "Vis som tabel" lists the same items for anyone who prefers a table.
 */
export function Timeline({ plan }: { plan: PresentedPlan }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const meetingsQuery = useMeetings(plan.citizen.id);
  const [months, setMonths] = useState<ZoomMonths>(initialMonths);
  const titleId = useId();
  const scroller = useRef<HTMLElement | null>(null);
  const [viewport, setViewport] = useState(960);
  const [scrollLeft, setScrollLeft] = useState(0);
  const today = danishToday();
  const pxPerDay = viewport / (months * DAYS_PER_MONTH);
  const meetings = useMemo(
    () =>
      (meetingsQuery.data ?? []).map((meeting) => ({
        id: meeting.id,
        startsAt: meeting.startsAt,
        status: meeting.status,
        name: t(`meetings.kind.${meeting.kind}`, { defaultValue: t('plan.timeline.meeting') }),
      })),
    [meetingsQuery.data, t],
  );
  const nameOf = useCallback(
    (item: PresentedIntervention): string =>
      interventionName(item, (unit) => t('plan.interventions.restrictedName', { unit })),
    [t],
  );
  const layout = useMemo(
    () =>
      timelineLayout({
        plan,
        meetings,
        today,
        nameOf,
        anchorOf: { intervention: anchors.intervention, subGoal: anchors.subGoal, meeting: meetingsAnchor },
        labelDays: LABEL_PX / pxPerDay,
      }),
    [plan, meetings, today, nameOf, pxPerDay],
  );
  const { span } = layout;
  const x = (day: string): number => 8 + daysBetween(span.from, day) * pxPerDay;
  const width = Math.ceil(x(span.to) + 16);
  const laneTops: number[] = [];
  let height = AXIS;
  for (const lane of layout.lanes) {
    laneTops.push(height);
    height += LANE_HEADER + lane.tracks * TRACK;
  }
  height += 8;
  const todayX = x(today);
  const laneName = (key: LaneKey): string => {
    if (key === 'subGoals') return t('plan.timeline.subGoalLane');
    if (key === 'meetings') return t('plan.timeline.meetingLane');
    return SECTOR_LABELS[key]?.[language] ?? key;
  };
  const monthFormat = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const tickEvery = TICK_EVERY[months];
  const summary = t('plan.timeline.itemsSummary', {
    count: layout.items.length,
    overdue: layout.overdue,
    collisions: layout.clashes,
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = (): void => setViewport(Math.max(240, element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const scrollToToday = useCallback((): void => {
    const element = scroller.current;
    if (element) element.scrollLeft = Math.max(0, todayX - element.clientWidth / 3);
  }, [todayX]);
  // Opens at today, and again whenever the zoom changes the drawing's scale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the scale changes, not on every render
  useLayoutEffect(scrollToToday, [months, viewport]);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const onScroll = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScrollLeft(element.scrollLeft));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', onScroll);
    };
  }, []);
  const scrollBy = (fraction: number): void => {
    scroller.current?.scrollBy({ left: fraction * viewport, behavior: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const steps: Record<string, number> = { ArrowLeft: -0.2, ArrowRight: 0.2, PageUp: -0.8, PageDown: 0.8 };
    if (event.key === 'Home') {
      event.preventDefault();
      scrollToToday();
    } else if (steps[event.key] !== undefined) {
      event.preventDefault();
      scrollBy(steps[event.key] as number);
    }
  };

  return (
    <PlanSection
      headingId={anchors.timeline}
      title={t('plan.timeline.heading')}
      summary={
        layout.overdue > 0 ? `${layout.overdue} ${t('plan.timeline.overdue').toLowerCase()}` : undefined
      }
      actions={
        <fieldset className="samspil-zoom">
          <legend className="samspil-zoom-legend">{t('plan.timeline.zoom')}</legend>
          {ZOOM_MONTHS.map((option) => (
            <button
              key={option}
              type="button"
              className="samspil-zoom-option"
              aria-pressed={option === months}
              onClick={() => setMonths(option)}
            >
              {t('plan.timeline.months', { count: option })}
            </button>
          ))}
        </fieldset>
      }
    >
      <div className="samspil-timeline-paging">
        <p className="samspil-muted">{summary}</p>
        <div className="samspil-timeline-paging-buttons">
          <button type="button" className="button button-tertiary" onClick={() => scrollBy(-0.5)}>
            {t('plan.timeline.earlier')}
          </button>
          <button type="button" className="button button-tertiary" onClick={scrollToToday}>
            {t('plan.timeline.backToToday')}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => scrollBy(0.5)}>
            {t('plan.timeline.later')}
          </button>
        </div>
      </div>
      <section
        ref={scroller}
        className="samspil-timeline-scroll"
        aria-label={t('plan.timeline.scroller')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a sideways-scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1)
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <svg
          className="samspil-timeline"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
          focusable="false"
        >
          <title id={titleId}>{`${t('plan.timeline.heading')}: ${summary}`}</title>
          {layout.lanes.map((lane, index) => (
            <rect
              key={`stripe-${lane.key}`}
              className={`samspil-timeline-lane${index % 2 === 1 ? ' is-even' : ''}`}
              x={0}
              y={laneTops[index]}
              width={width}
              height={LANE_HEADER + lane.tracks * TRACK}
            />
          ))}
          {monthTicks(span).map((tick, index) => (
            <g key={tick} className="samspil-timeline-tick">
              <line x1={x(tick)} x2={x(tick)} y1={AXIS - 8} y2={height} />
              {index % tickEvery === 0 ? (
                <text x={x(tick) + 4} y={AXIS - 12}>
                  {monthFormat.format(new Date(`${tick}T00:00:00Z`))}
                </text>
              ) : null}
            </g>
          ))}
          {layout.lanes.map((lane, index) => {
            const top = (laneTops[index] ?? 0) + LANE_HEADER;
            const starts = layout.items.filter(
              (item) => item.kind === 'start' && item.lane === lane.key && item.clashesWith.length > 0,
            );
            return (
              <g key={lane.key} className={`samspil-timeline-lane-items lane-${lane.key}`}>
                {lane.bars.map((bar) => (
                  <Bar
                    key={bar.intervention.id}
                    bar={bar}
                    y={top + bar.track * TRACK}
                    x={x}
                    viewLeft={scrollLeft}
                  />
                ))}
                {lane.marks.map((mark) => (
                  <Mark key={mark.id} mark={mark} cx={x(mark.day)} cy={top + mark.track * TRACK + 21} />
                ))}
                {starts.map((mark) => (
                  <ClashRing key={mark.id} cx={x(mark.day)} cy={top + mark.track * TRACK + 21} />
                ))}
              </g>
            );
          })}
          {/* Lane names follow the scroll, so each lane stays named wherever one looks. */}
          <g className="samspil-timeline-lane-names" transform={`translate(${scrollLeft} 0)`}>
            {layout.lanes.map((lane, index) => (
              <text
                key={lane.key}
                className="samspil-timeline-lane-name"
                x={8}
                y={(laneTops[index] ?? 0) + 17}
              >
                {laneName(lane.key)}
              </text>
            ))}
          </g>
          {todayX >= 0 && todayX <= width ? (
            <g className="samspil-timeline-today">
              <line x1={todayX} x2={todayX} y1={18} y2={height} />
              <text x={todayX + 4} y={14}>
                {t('plan.timeline.today')}
              </text>
            </g>
          ) : null}
        </svg>
      </section>
      <ul className="samspil-timeline-legend no-max-width" aria-label={t('plan.timeline.legend')}>
        {(['active', 'planned', 'paused', 'ended'] as const).map((status) => (
          <li key={status}>
            <span className={`samspil-swatch is-${status}`} aria-hidden="true" />
            {t(`plan.interventionStatus.${status}`)}
          </li>
        ))}
        <li>
          <span className="samspil-swatch is-follow-up" aria-hidden="true" />
          {t('plan.timeline.followUp')}
        </li>
        <li>
          <span className="samspil-swatch is-target" aria-hidden="true" />
          {t('plan.timeline.subGoalTarget')}
        </li>
        <li>
          <span className="samspil-swatch is-meeting" aria-hidden="true" />
          {t('plan.timeline.meeting')}
        </li>
        <li>
          <span className="samspil-swatch is-overdue" aria-hidden="true">
            !
          </span>
          {t('plan.timeline.overdue')}
        </li>
        <li>
          <span className="samspil-swatch is-clash" aria-hidden="true" />
          {t('plan.timeline.collision')}
        </li>
      </ul>
      <TimelineTable
        items={layout.items}
        bars={layout.lanes.flatMap((lane) => lane.bars)}
        laneName={laneName}
      />
    </PlanSection>
  );
}

function Bar({
  bar,
  y,
  x,
  viewLeft,
}: {
  bar: TimelineBar;
  y: number;
  x: (day: string) => number;
  viewLeft: number;
}): ReactElement {
  const left = x(bar.start);
  const width = Math.max(4, x(bar.end) - left);
  // A bar that began before the view keeps its name in view, as long as the bar is there.
  const labelX = Math.max(left + 2, Math.min(viewLeft + 8, left + width - 140));
  const restricted = isRestricted(bar.intervention) ? ' is-restricted' : '';
  return (
    <g className={`samspil-timeline-row is-${bar.intervention.status}${restricted}`}>
      <text className="samspil-timeline-label" x={labelX} y={y + 13}>
        {truncate(bar.name, 26)}
      </text>
      <rect className="samspil-timeline-bar" x={left} y={y + 17} width={width} height={9} rx={3} />
      {bar.continues ? (
        <polygon
          className="samspil-timeline-bar"
          points={`${left + width},${y + 15} ${left + width + 7},${y + 21.5} ${left + width},${y + 28}`}
        />
      ) : null}
    </g>
  );
}

function ClashRing({ cx, cy }: { cx: number; cy: number }): ReactElement {
  return <circle className="samspil-timeline-clash" cx={cx} cy={cy} r={12} />;
}

/** The shape of a dated item: a circle with "!" when overdue, otherwise its kind's own. */
function markShape(mark: TimelineMark, cx: number, cy: number): ReactElement {
  if (mark.overdue) {
    return (
      <g className="samspil-timeline-overdue">
        <circle cx={cx} cy={cy} r={8} />
        <text x={cx} y={cy + 4.5} textAnchor="middle">
          !
        </text>
      </g>
    );
  }
  if (mark.kind === 'target') {
    return (
      <polygon
        className="samspil-timeline-target"
        points={`${cx},${cy - 8} ${cx + 7},${cy + 6} ${cx - 7},${cy + 6}`}
      />
    );
  }
  if (mark.kind === 'meeting') {
    return <rect className="samspil-timeline-meeting" x={cx - 6} y={cy - 6} width={12} height={12} rx={2} />;
  }
  return (
    <polygon
      className="samspil-timeline-follow-up"
      points={`${cx},${cy - 8} ${cx + 8},${cy} ${cx},${cy + 8} ${cx - 8},${cy}`}
    />
  );
}

/** A dated item: its own shape per kind; overdue turns it into a circle with "!", a clash rings it. */
function Mark({ mark, cx, cy }: { mark: TimelineMark; cx: number; cy: number }): ReactElement {
  return (
    <g className={`samspil-timeline-mark is-${mark.kind}`}>
      {mark.kind === 'target' || mark.kind === 'meeting' ? (
        <text className="samspil-timeline-label" x={cx + 12} y={cy - 7}>
          {truncate(mark.name, 24)}
        </text>
      ) : null}
      {markShape(mark, cx, cy)}
      {mark.clashesWith.length > 0 ? <ClashRing cx={cx} cy={cy} /> : null}
    </g>
  );
}

/** The same items as the drawing, by date, with overdue and clashes in words. */
function TimelineTable({
  items,
  bars,
  laneName,
}: {
  items: TimelineMark[];
  bars: TimelineBar[];
  laneName: (key: LaneKey) => string;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const periodOf = new Map(bars.map((bar) => [`start-${bar.intervention.id}`, bar.intervention]));
  const what = (item: TimelineMark): string => {
    if (item.kind === 'start') return t('plan.timeline.start');
    if (item.kind === 'followUp') return t('plan.timeline.followUp');
    if (item.kind === 'target') return t('plan.timeline.subGoalTarget');
    return t('plan.timeline.meeting');
  };
  return (
    <details className="samspil-details samspil-timeline-details">
      <summary>{t('plan.timeline.asTable')}</summary>
      <section
        className="samspil-table-wrapper samspil-timeline-table-scroll"
        aria-label={t('plan.timeline.asTable')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a phone must take focus (WCAG 2.1.1)
        tabIndex={0}
      >
        <table className="table table--compact samspil-timeline-table">
          <caption className="sr-only">{t('plan.timeline.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.timeline.date')}</th>
              <th scope="col">{t('plan.timeline.what')}</th>
              <th scope="col">{t('plan.interventions.heading')}</th>
              <th scope="col">{t('plan.timeline.sector')}</th>
              <th scope="col">{t('plan.timeline.note')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const intervention = periodOf.get(item.id);
              return (
                <tr key={item.id} className={item.overdue ? 'is-overdue' : undefined}>
                  <td className="samspil-nowrap">{formatDate(item.day, language)}</td>
                  <td>{what(item)}</td>
                  <th scope="row">
                    <a href={`#${item.anchor}`}>{item.name}</a>
                    {intervention?.endDate ? (
                      <span className="samspil-muted">
                        {' '}
                        (
                        {t('plan.interventions.periodClosed', {
                          start: formatDate(intervention.startDate, language),
                          end: formatDate(intervention.endDate, language),
                        })}
                        )
                      </span>
                    ) : null}
                  </th>
                  <td>{laneName(item.lane)}</td>
                  <td>
                    {[
                      item.overdue ? t('plan.timeline.overdue') : null,
                      item.clashesWith.length > 0
                        ? t(
                            item.kind === 'meeting'
                              ? 'plan.timeline.meetingClash'
                              : 'plan.timeline.collisionText',
                            {
                              other: item.clashesWith.join(', '),
                            },
                          )
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </details>
  );
}
