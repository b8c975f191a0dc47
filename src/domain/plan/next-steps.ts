import { z } from 'zod';
import type { Day } from '../calendar.js';
import { SEVERITIES, type Severity } from '../coordination/rule.js';
import { isOverdue, overdueFollowUps, overdueSubGoalFollowUps, overdueSubGoals } from './overdue.js';
import type { PlanOverview } from './plan.types.js';

/**
 * "Næste skridt": what to do next in one citizen's plan, each with the place that handles it.
 * My day's per-citizen numbers are the `counts` of the same value, made by the same function
 * from the same query (db/queries/next-steps.queries.ts), so the two cannot disagree. The plan
 * given must be the viewer's (hidden-details.ts `viewerPlan`): a hidden intervention has no
 * follow-up date here, and the flags given must be those the viewer may be shown.
 */
const text = z.object({ da: z.string(), en: z.string() });
const day = z.string().describe('YYYY-MM-DD');

export const nextStepCountsSchema = z.object({
  overdueFollowUps: z.number().int().describe("Interventions' and sub-goals' follow-ups past their date"),
  overdueSubGoals: z.number().int(),
  flags: z.number().int().describe('Open or acknowledged coordination flags the viewer may see'),
  severeFlags: z.number().int().describe('Of those, high severity'),
  proposals: z.number().int().describe('Pending proposals the viewer’s unit answers or made'),
  reassessments: z.number().int().describe('Items a follow-up sent to re-assessment'),
  referrals: z.number().int().describe('Referrals awaiting an answer, to or from the viewer’s unit'),
  meetings: z.number().int().describe('Planned meetings from today on'),
});
export type NextStepCounts = z.infer<typeof nextStepCountsSchema>;

export const nextStepsSchema = z
  .object({
    today: day,
    followUps: z.array(
      z.object({ interventionId: z.uuid(), name: z.string(), unitName: z.string(), date: day }),
    ),
    subGoals: z.array(z.object({ subGoalId: z.uuid(), title: z.string(), date: day })),
    subGoalFollowUps: z
      .array(z.object({ subGoalId: z.uuid(), title: z.string(), date: day }))
      .describe('Sub-goals whose follow-up is overdue (counted in counts.overdueFollowUps)'),
    flags: z.array(
      z.object({
        id: z.uuid(),
        severity: z.enum(SEVERITIES),
        status: z.enum(['open', 'acknowledged']),
        title: text,
        explanation: text,
      }),
    ),
    reassessments: z
      .array(
        z.object({
          followUpId: z.uuid(),
          item: z.object({ kind: z.enum(['intervention', 'sub_goal']), id: z.uuid() }),
          name: z.string(),
          heldOn: day,
        }),
      )
      .describe('Items a follow-up sent to re-assessment: the coordinator takes them up'),
    pathway: z
      .object({ id: z.uuid(), name: text })
      .nullable()
      .describe('The running pathway a re-assessment may touch (its template decides the next stage)'),
    nextMeeting: z.object({ id: z.uuid(), kind: z.string(), startsAt: z.string() }).nullable(),
    proposals: z.array(
      z.object({
        id: z.uuid(),
        interventionId: z.uuid(),
        toAnswer: z.boolean().describe('The viewer’s unit owns the intervention and answers it'),
      }),
    ),
    referrals: z.array(
      z.object({
        id: z.uuid(),
        toUnitName: z.string().nullable(),
        fromUnitName: z.string(),
        answerDue: day,
        overdue: z.boolean(),
        toAnswer: z.boolean().describe('Sent to the viewer’s unit'),
      }),
    ),
    counts: nextStepCountsSchema,
  })
  .meta({ id: 'NextSteps' });
export type NextSteps = z.infer<typeof nextStepsSchema>;

/** What the query gives for one citizen beside the plan, already limited to what the viewer may see. */
export interface NextStepFacts {
  flags: {
    id: string;
    severity: Severity;
    status: 'open' | 'acknowledged';
    title: { da: string; en: string };
    explanation: { da: string; en: string };
    createdAt: string;
  }[];
  meetings: { id: string; kind: string; startsAt: string }[];
  proposals: { id: string; interventionId: string; ownerUnitId: string; proposedByUnitId: string }[];
  referrals: {
    id: string;
    fromUnitId: string;
    fromUnitName: string;
    toUnitId: string | null;
    toUnitName: string | null;
    answerDue: Day;
  }[];
  /** Re-assessments decided at a follow-up and not yet followed up again. */
  reassessments?: {
    followUpId: string;
    itemKind: 'intervention' | 'sub_goal';
    itemId: string;
    heldOn: Day;
  }[];
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/**
 * The next steps in a plan for a viewer in `viewerUnitId`, as of `today` (Danish day) and `now`
 * (a meeting that has begun is no longer next). Pending proposals and referrals are the viewer
 * unit's: those it must answer and those it is waiting for.
 */
export function nextSteps(
  plan: PlanOverview,
  facts: NextStepFacts,
  viewerUnitId: string | null,
  today: Day,
  now: Date = new Date(),
): NextSteps {
  const followUps = overdueFollowUps(plan, today).map((item) => ({
    interventionId: item.id,
    name: item.type.name,
    unitName: item.unit.name,
    date: item.followUpDate as Day,
  }));
  const subGoals = overdueSubGoals(plan, today).map((goal) => ({
    subGoalId: goal.id,
    title: goal.title,
    date: goal.targetDate as Day,
  }));
  const subGoalFollowUps = overdueSubGoalFollowUps(plan, today).map((goal) => ({
    subGoalId: goal.id,
    title: goal.title,
    date: goal.followUpDate as Day,
  }));
  // Only items the viewer can name and that still go on: a hidden intervention has no name here.
  const names = new Map<string, string>();
  for (const item of plan.sectors.flatMap((group) => group.interventions)) {
    if (item.status !== 'ended') names.set(item.id, item.type.name);
  }
  for (const goal of plan.subGoals) if (goal.status === 'active') names.set(goal.id, goal.title);
  const reassessments = (facts.reassessments ?? []).flatMap((row) => {
    const name = names.get(row.itemId);
    return name
      ? [
          {
            followUpId: row.followUpId,
            item: { kind: row.itemKind, id: row.itemId },
            name,
            heldOn: row.heldOn,
          },
        ]
      : [];
  });
  const running = plan.pathways.find((pathway) => pathway.endDate === null || pathway.endDate >= today);
  const flags = [...facts.flags]
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.createdAt.localeCompare(b.createdAt),
    )
    .map(({ createdAt: _createdAt, ...flag }) => flag);
  const coming = facts.meetings
    .filter((meeting) => Date.parse(meeting.startsAt) >= now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const mine = (unitId: string | null): boolean => viewerUnitId !== null && unitId === viewerUnitId;
  const proposals = facts.proposals
    .filter((proposal) => mine(proposal.ownerUnitId) || mine(proposal.proposedByUnitId))
    .map((proposal) => ({
      id: proposal.id,
      interventionId: proposal.interventionId,
      toAnswer: mine(proposal.ownerUnitId),
    }));
  const referrals = facts.referrals
    .filter((referral) => mine(referral.toUnitId) || mine(referral.fromUnitId))
    .sort((a, b) => a.answerDue.localeCompare(b.answerDue))
    .map((referral) => ({
      id: referral.id,
      toUnitName: referral.toUnitName,
      fromUnitName: referral.fromUnitName,
      answerDue: referral.answerDue,
      overdue: isOverdue(referral.answerDue, today),
      toAnswer: mine(referral.toUnitId),
    }));
  const first = coming[0];
  return {
    today,
    followUps,
    subGoals,
    subGoalFollowUps,
    flags,
    reassessments,
    pathway: reassessments.length > 0 && running ? { id: running.id, name: running.name } : null,
    nextMeeting: first ? { id: first.id, kind: first.kind, startsAt: first.startsAt } : null,
    proposals,
    referrals,
    counts: {
      overdueFollowUps: followUps.length + subGoalFollowUps.length,
      overdueSubGoals: subGoals.length,
      flags: flags.length,
      severeFlags: flags.filter((flag) => flag.severity === 'high').length,
      proposals: proposals.length,
      reassessments: reassessments.length,
      referrals: referrals.length,
      meetings: coming.length,
    },
  };
}

/** Nothing to do in this plan: no item in any list. */
export function isEmpty(steps: NextSteps): boolean {
  const { counts } = steps;
  return (
    counts.overdueFollowUps +
      counts.overdueSubGoals +
      counts.flags +
      counts.proposals +
      counts.referrals +
      counts.reassessments ===
      0 && steps.nextMeeting === null
  );
}
