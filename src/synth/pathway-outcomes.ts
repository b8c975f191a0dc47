import type { PathwayOutcome } from '../domain/plan/pathway-outcome.js';
import { MULTI_SECTOR_ARCHETYPES, SINGLE_SECTOR_ARCHETYPES } from './archetypes.js';
import type { CitizenBuilder } from './citizen-builder.js';
import type { PathwayDraft } from './citizen-drafts.js';
import { Random } from './random.js';

/**
 * Earlier pathways that have ended, with how they ended (decision 0025), so the outcome figure
 * and the plans show what real caseloads hold: the jobafklaringsforløb before a ressourceforløb,
 * the ressourceforløb that ended in a flex job or a disability pension, the young person's
 * holistic plan that ended in education, the sick leave that ended back at work. Each follows
 * from what the citizen's plan is now, so a plan tells one story. Runs with a random stream of
 * its own, after everything else of the citizen, so nothing generated before it changes.
 */

const ARCHETYPES = new Map(
  [...SINGLE_SECTOR_ARCHETYPES, ...MULTI_SECTOR_ARCHETYPES].map((archetype) => [archetype.key, archetype]),
);

/** The caseworker's words for each outcome (the free-text reason beside the code). */
const REASONS: Record<PathwayOutcome, readonly string[]> = {
  job: ['Raskmeldt og tilbage i eget job', 'Ansat på almindelige vilkår', 'Fået job med løn efter praktik'],
  education: ['Startet på uddannelse', 'Optaget på hf', 'Begyndt på erhvervsuddannelse'],
  'flex-job': ['Bevilget fleksjob efter rehabiliteringsteamets indstilling', 'Visiteret til fleksjob'],
  'disability-pension': [
    'Tilkendt førtidspension',
    'Førtidspension efter rehabiliteringsteamets indstilling',
  ],
  other: ['Overgået til ressourceforløb', 'Stoppet efter borgerens ønske', 'Flyttet og flyttet tilbage igen'],
};

/** How earlier jobafklaringsforløb end when nothing else in the plan says (about national rates). */
const JOB_CLARIFICATION_ENDS: readonly (readonly [PathwayOutcome, number])[] = [
  ['job', 45],
  ['education', 5],
  ['flex-job', 12],
  ['disability-pension', 6],
  ['other', 32],
];

const MONTH = 30;

interface Earlier {
  templateCode: string;
  outcome: PathwayOutcome;
  /** The day it ended, and how many days it lasted. */
  end: number;
  length: number;
}

/** Adds at most one earlier, ended pathway to the citizen's plan, from what the plan is now. */
export function addEarlierPathway(builder: CitizenBuilder): void {
  const { draft, context } = builder;
  const { today } = context;
  const random = Random.of(context.seed, 'pathway-outcomes', draft.index);
  const archetype = ARCHETYPES.get(draft.archetype);
  const age = (today - draft.birthDay) / 365.25;
  const running = (code: string) =>
    draft.interventions.find((item) => item.type.code === code && item.status !== 'ended');
  const open = (template: string) => draft.pathways.find((pathway) => pathway.templateCode === template);
  const flexJob = running('BES-FLEKSJOB');
  const resource = open('ressourceforloeb');
  const clarification = open('jobafklaringsforloeb');
  let earlier: Earlier | null = null;
  if (flexJob && random.chance(0.85)) {
    // A flex job is what a ressourceforløb or a jobafklaringsforløb led to.
    earlier = {
      templateCode: random.chance(0.7) ? 'ressourceforloeb' : 'jobafklaringsforloeb',
      outcome: 'flex-job',
      end: flexJob.start - random.int(1, 30),
      length: random.int(12 * MONTH, 30 * MONTH),
    };
  } else if (resource && random.chance(0.4)) {
    // The jobafklaringsforløb that ended when the ressourceforløb began.
    earlier = {
      templateCode: 'jobafklaringsforloeb',
      outcome: 'other',
      end: resource.start - 1,
      length: random.int(6 * MONTH, 24 * MONTH),
    };
  } else if (clarification && random.chance(0.15)) {
    // Back at work once, then ill again.
    earlier = {
      templateCode: 'jobafklaringsforloeb',
      outcome: 'job',
      end: clarification.start - random.int(4 * MONTH, 24 * MONTH),
      length: random.int(4 * MONTH, 14 * MONTH),
    };
  } else if (archetype?.theme === 'youth' && random.chance(0.3)) {
    earlier = {
      templateCode: 'helhedsorienteret-plan',
      outcome: random.chance(0.7) ? 'education' : 'other',
      end: today - random.int(2 * MONTH, 20 * MONTH),
      length: random.int(4 * MONTH, 12 * MONTH),
    };
  } else if (
    archetype &&
    !archetype.coordinator.startsWith('jobcenter') &&
    age >= 40 &&
    random.chance(0.07)
  ) {
    // Now in social or health services only: the ressourceforløb ended in a disability pension.
    earlier = {
      templateCode: 'ressourceforloeb',
      outcome: 'disability-pension',
      end: today - random.int(2 * MONTH, 30 * MONTH),
      length: random.int(12 * MONTH, 36 * MONTH),
    };
  } else if (archetype?.theme === 'job' && !resource && !clarification && random.chance(0.25)) {
    earlier = {
      templateCode: 'jobafklaringsforloeb',
      outcome: random.weighted(JOB_CLARIFICATION_ENDS),
      end: today - random.int(1 * MONTH, 24 * MONTH),
      length: random.int(6 * MONTH, 24 * MONTH),
    };
  }
  if (!earlier) return;
  // Within the plan's own time, ended before today, never beside a running one of its kind.
  const end = Math.min(earlier.end, today - 1);
  const start = Math.max(draft.pathwayStart, end - earlier.length);
  if (end - start < MONTH) return;
  const sameKind = open(earlier.templateCode);
  if (sameKind && sameKind.start <= end) return;
  const pathway: PathwayDraft = {
    id: builder.ids.next(),
    templateCode: earlier.templateCode,
    start,
    end,
    outcome: earlier.outcome,
    endReason: random.pick(REASONS[earlier.outcome]),
  };
  draft.pathways.push(pathway);
}
