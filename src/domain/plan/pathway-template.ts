import { z } from 'zod';

/**
 * A pathway template (forløbsskabelon) as data (decision 0019): its stages in order, the
 * transitions between them (a state machine), the rules that raise flags and its legal frame.
 * A municipality copies a template and publishes new versions; a published version never
 * changes, and a running pathway keeps the version it started on.
 */

/** A template or stage code's pattern (migration 029 checks the same for template codes). */
export const TEMPLATE_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
const code = z
  .string()
  .regex(TEMPLATE_CODE_PATTERN, { error: 'must be lower-case letters, digits and dashes (max 40)' });
const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);

export const templateCodeSchema = code;

/** A stage's deadline: days from entering the stage, or from the pathway's start. */
export const stageDeadlineSchema = z.strictObject({
  days: z.number().int().min(1).max(3650),
  from: z.enum(['stage', 'pathway']),
});
export type StageDeadline = z.infer<typeof stageDeadlineSchema>;

export const templateStageSchema = z.strictObject({
  code,
  name: z.strictObject({ da: text(120), en: text(120) }),
  /** Who is involved in the stage, in the municipality's words (e.g. "borger", "sagsbehandler"). */
  roles: z.array(text(80)).max(12),
  deadline: stageDeadlineSchema.nullable(),
});
export type TemplateStage = z.infer<typeof templateStageSchema>;

export const templateTransitionSchema = z.strictObject({ from: code, to: code });
export type TemplateTransition = z.infer<typeof templateTransitionSchema>;

/** The rules a template's pathways raise coordination flags by (read by the stalled rule). */
export const templateRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('no-intervention-started'),
    months: z.number().int().min(1).max(36),
    /** The stage the case goes back to ("back to the team"); null: no stage named. */
    backToStage: code.nullable(),
  }),
  z.strictObject({ kind: z.literal('stage-overdue') }),
]);
export type TemplateRule = z.infer<typeof templateRuleSchema>;

/** What a version holds; transitions are the whole edge list (shipped ones: next stage + extras). */
export const templateDefinitionSchema = z.strictObject({
  name: z.strictObject({ da: text(120), en: text(120) }),
  legalFrame: text(200),
  stages: z.array(templateStageSchema).max(30),
  transitions: z.array(templateTransitionSchema).max(200),
  rules: z.array(templateRuleSchema).max(10),
});
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;

/** Copy a version to a new draft: of the same template, or (with a code) of a new one of the municipality's. */
export const templateCopySchema = z.strictObject({
  code: code
    .optional()
    .describe('A new template code: the copy becomes version 1 of a template of the municipality’s own'),
});
export type TemplateCopy = z.infer<typeof templateCopySchema>;

/** One thing wrong with a template, naming the field as a form shows it. */
export interface TemplateIssue {
  field: string;
  message: string;
}

/** Transitions from each stage to the next one in order: a template's default state machine. */
export function chainTransitions(stages: readonly Pick<TemplateStage, 'code'>[]): TemplateTransition[] {
  return stages
    .slice(1)
    .map((stage, index) => ({ from: (stages[index] as TemplateStage).code, to: stage.code }));
}

/**
 * What makes a template unusable beyond its shape: no stages, a stage code twice, a transition
 * or rule naming a stage that does not exist, a stage that cannot be reached from the first.
 * Empty when the template can be published.
 */
export function templateIssues(definition: TemplateDefinition): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const { stages, transitions, rules } = definition;
  if (stages.length === 0) return [{ field: 'stages', message: 'a template needs at least one stage' }];
  const codes = new Set<string>();
  stages.forEach((stage, index) => {
    if (codes.has(stage.code))
      issues.push({ field: `stages.${index}.code`, message: `the stage code ${stage.code} is used twice` });
    codes.add(stage.code);
  });
  const seen = new Set<string>();
  transitions.forEach((edge, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!codes.has(edge[end]))
        issues.push({ field: `transitions.${index}.${end}`, message: `names no stage: ${edge[end]}` });
    }
    if (edge.from === edge.to)
      issues.push({ field: `transitions.${index}`, message: 'a stage cannot move to itself' });
    const key = `${edge.from}>${edge.to}`;
    if (seen.has(key))
      issues.push({ field: `transitions.${index}`, message: 'the transition is listed twice' });
    seen.add(key);
  });
  rules.forEach((rule, index) => {
    if (rule.kind === 'no-intervention-started' && rule.backToStage !== null && !codes.has(rule.backToStage))
      issues.push({ field: `rules.${index}.backToStage`, message: `names no stage: ${rule.backToStage}` });
  });
  const reachable = reachableStages(definition);
  stages.forEach((stage, index) => {
    if (!reachable.has(stage.code))
      issues.push({
        field: `stages.${index}`,
        message: `the stage ${stage.code} cannot be reached from the first stage`,
      });
  });
  return issues;
}

/** The stages a pathway can reach from the first one along the transitions. */
function reachableStages(definition: TemplateDefinition): Set<string> {
  const first = definition.stages[0]?.code;
  const reached = new Set<string>(first ? [first] : []);
  const queue = first ? [first] : [];
  while (queue.length > 0) {
    const from = queue.shift() as string;
    for (const edge of definition.transitions) {
      if (edge.from === from && !reached.has(edge.to)) {
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return reached;
}

/** The first stage: where a pathway starts. */
export function firstStage(definition: TemplateDefinition): TemplateStage {
  const stage = definition.stages[0];
  if (!stage) throw new Error('A published template has at least one stage.');
  return stage;
}

/** The stage with this code; undefined when the version has none. */
export function stageOf(definition: TemplateDefinition, stageCode: string): TemplateStage | undefined {
  return definition.stages.find((stage) => stage.code === stageCode);
}

/** The stages a pathway in this stage may move to, in the template's stage order. */
export function allowedNextStages(definition: TemplateDefinition, stageCode: string): TemplateStage[] {
  const targets = new Set(
    definition.transitions.filter((edge) => edge.from === stageCode).map((edge) => edge.to),
  );
  return definition.stages.filter((stage) => targets.has(stage.code));
}

/** Whether a move is along the template's transitions; why not otherwise. */
export function checkStageMove(
  definition: TemplateDefinition,
  from: string,
  to: string,
): 'unknown-stage' | 'not-allowed' | null {
  if (!stageOf(definition, to)) return 'unknown-stage';
  return allowedNextStages(definition, from).some((stage) => stage.code === to) ? null : 'not-allowed';
}

/** The months of the template's "no intervention started" rule; null when it has none. */
export function firstInterventionMonths(definition: TemplateDefinition): number | null {
  const rule = definition.rules.find((candidate) => candidate.kind === 'no-intervention-started');
  return rule?.kind === 'no-intervention-started' ? rule.months : null;
}

/** Whether the template flags a stage past its deadline. */
export function flagsOverdueStages(definition: TemplateDefinition): boolean {
  return definition.rules.some((rule) => rule.kind === 'stage-overdue');
}

// --- versions ------------------------------------------------------------------------------

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published'] as const;
export type TemplateVersionStatus = (typeof TEMPLATE_VERSION_STATUSES)[number];

/** A published version is immutable: only a draft is edited or published. */
export function checkDraft(version: { status: TemplateVersionStatus }): 'published' | null {
  return version.status === 'published' ? 'published' : null;
}

/** The number a new version of a template gets: one past the highest it has. */
export function nextVersionNumber(versions: readonly { version: number }[]): number {
  return versions.reduce((highest, candidate) => Math.max(highest, candidate.version), 0) + 1;
}

/** The version a new pathway of a template starts on: its newest published one. */
export function currentPublished<V extends { version: number; status: TemplateVersionStatus }>(
  versions: readonly V[],
): V | undefined {
  return versions
    .filter((candidate) => candidate.status === 'published')
    .reduce<V | undefined>(
      (newest, candidate) => (!newest || candidate.version > newest.version ? candidate : newest),
      undefined,
    );
}
