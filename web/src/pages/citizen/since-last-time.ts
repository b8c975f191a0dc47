import type { HistoryEntry, PresentedPlan } from '../../api/plan.js';
import { isRestricted, type ProgressWords, progressWords } from './my-pathway.js';

/** At most this many sentences; the whole history is on the plan page. */
const MOST = 8;

/** One change since the citizen last looked, as a sentence key of `citizen.since.*` and its values. */
export interface SinceSentence {
  id: string;
  at: string;
  key:
    | 'stepNew'
    | 'stepProgress'
    | 'stepAchieved'
    | 'stepChanged'
    | 'stepStopped'
    | 'goalChanged'
    | 'helpNew'
    | 'helpNewHidden'
    | 'helpChanged'
    | 'helpEnded'
    | 'personNew'
    | 'personLeft';
  values: { title?: string; unit?: string; what?: string; name?: string; progress?: ProgressWords };
}

/**
 * What others changed in the plan since the citizen's previous visit, newest first, in sentences
 * ("Der er kommet et nyt skridt: »Tage bussen alene«"). Her own changes are not news to her, and
 * proposals between units are the professionals' business. Nothing when this is her first visit.
 */
export function sinceLastTime(
  history: readonly HistoryEntry[],
  previousVisitAt: string | null,
  plan: PresentedPlan,
  meId: string | null,
): SinceSentence[] {
  if (previousVisitAt === null) return [];
  const interventions = new Map(
    plan.sectors.flatMap((group) => group.interventions).map((item) => [item.id, item]),
  );
  const stepTitle = (entry: HistoryEntry): string =>
    plan.subGoals.find((goal) => goal.id === entry.entityId)?.title ??
    String((entry.after ?? entry.before)?.title ?? '');
  const sentences: SinceSentence[] = [];
  for (const entry of history) {
    if (entry.at <= previousVisitAt || entry.actor.id === meId) continue;
    const sentence = (key: SinceSentence['key'], values: SinceSentence['values'] = {}): void => {
      sentences.push({ id: entry.id, at: entry.at, key, values });
    };
    const after = entry.after ?? {};
    const before = entry.before ?? {};
    if (entry.entity === 'goal') sentence('goalChanged');
    else if (entry.entity === 'sub_goal') {
      const title = stepTitle(entry);
      if (entry.action === 'create') sentence('stepNew', { title });
      else if (entry.action === 'end') sentence('stepStopped', { title });
      else if (after.status === 'achieved' && before.status !== 'achieved')
        sentence('stepAchieved', { title });
      else if (typeof after.gasLevel === 'number' && after.gasLevel !== before.gasLevel)
        sentence('stepProgress', { title, progress: progressWords(after.gasLevel) });
      else sentence('stepChanged', { title });
    } else if (entry.entity === 'intervention') {
      const item = interventions.get(entry.entityId);
      if (!item) continue;
      const unit = item.unit.name;
      if (entry.action === 'create')
        isRestricted(item)
          ? sentence('helpNewHidden', { unit })
          : sentence('helpNew', { unit, what: item.type.name });
      else if (entry.action === 'end') sentence('helpEnded', { unit });
      else sentence('helpChanged', { unit });
    } else if (entry.entity === 'team_member') {
      const name = String(after.name ?? before.name ?? '');
      if (!name) continue;
      sentence(entry.action === 'end' ? 'personLeft' : 'personNew', { name });
    }
    if (sentences.length === MOST) break;
  }
  return sentences;
}
