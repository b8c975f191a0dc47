import { describe, expect, it } from 'vitest';
import {
  allowedNextStages,
  chainTransitions,
  checkDraft,
  currentPublished,
  nextVersionNumber,
  type TemplateDefinition,
  templateDefinitionSchema,
  templateIssues,
} from './pathway-template.js';
import { moveToStage, stageView } from './pathway-stage.js';

const stage = (code: string, deadline: TemplateDefinition['stages'][number]['deadline'] = null) => ({
  code,
  name: { da: code, en: code },
  roles: ['sagsbehandler'],
  deadline,
});

function template(codes: string[], extra: { from: string; to: string }[] = []): TemplateDefinition {
  const stages = codes.map((code) => stage(code));
  return {
    name: { da: 'Test', en: 'Test' },
    legalFrame: 'LAB § 40, stk. 3',
    stages,
    transitions: [...chainTransitions(stages), ...extra],
    rules: [],
  };
}

describe('template validation', () => {
  it('accepts a chain of stages with an extra edge back', () => {
    expect(templateIssues(template(['a', 'b', 'c'], [{ from: 'c', to: 'a' }]))).toEqual([]);
  });

  it('needs at least one stage', () => {
    expect(templateIssues(template([]))).toEqual([
      { field: 'stages', message: 'a template needs at least one stage' },
    ]);
  });

  it('names a transition to a stage that does not exist', () => {
    const issues = templateIssues(template(['a', 'b'], [{ from: 'b', to: 'team' }]));
    expect(issues).toEqual([{ field: 'transitions.1.to', message: 'names no stage: team' }]);
  });

  it('names a stage code used twice, a self-loop and a duplicate edge', () => {
    const definition = template(['a', 'b']);
    definition.stages.push(stage('a'));
    definition.transitions.push({ from: 'b', to: 'b' }, { from: 'a', to: 'b' });
    expect(templateIssues(definition).map((issue) => issue.field)).toEqual([
      'stages.2.code',
      'transitions.1',
      'transitions.2',
    ]);
  });

  it('names a stage no transition leads to', () => {
    const definition = template(['a', 'b', 'c']);
    definition.transitions = [{ from: 'a', to: 'b' }];
    expect(templateIssues(definition)).toEqual([
      { field: 'stages.2', message: 'the stage c cannot be reached from the first stage' },
    ]);
  });

  it('names a rule sending the case back to a stage that does not exist', () => {
    const definition = template(['a', 'b']);
    definition.rules = [{ kind: 'no-intervention-started', months: 6, backToStage: 'team' }];
    expect(templateIssues(definition)).toEqual([
      { field: 'rules.0.backToStage', message: 'names no stage: team' },
    ]);
  });

  it('refuses a malformed stage code and a deadline of no days by its schema', () => {
    const definition = template(['a']);
    const bad = { ...definition, stages: [{ ...stage('A b'), deadline: { days: 0, from: 'stage' } }] };
    const parsed = templateDefinitionSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'stages.0.code',
      'stages.0.deadline.days',
    ]);
  });
});

describe('stages and versions', () => {
  const definition = template(['spotting', 'team', 'decision'], [{ from: 'decision', to: 'team' }]);
  definition.stages[1] = stage('team', { days: 28, from: 'stage' });

  it('moves only along transitions and shows what is due and where next', () => {
    const state = {
      templateVersionId: 'v1',
      stageCode: 'spotting',
      stageSince: '2026-01-01',
      startDate: '2026-01-01',
    };
    expect(moveToStage(state, definition, 'decision', '2026-02-01').verdict).toBe('not-allowed');
    expect(moveToStage(state, definition, 'nowhere', '2026-02-01').verdict).toBe('unknown-stage');
    const moved = moveToStage(state, definition, 'team', '2026-02-01');
    expect(moved.verdict).toBeNull();
    expect(stageView(moved.state, definition)).toMatchObject({
      code: 'team',
      since: '2026-02-01',
      dueDate: '2026-03-01',
      next: [{ code: 'decision' }],
    });
    expect(allowedNextStages(definition, 'decision').map((next) => next.code)).toEqual(['team']);
    expect(moveToStage(moved.state, definition, 'decision', '2026-01-15').verdict).toBe('before-stage-start');
  });

  it('edits and publishes drafts only, numbers versions on, starts pathways on the newest published', () => {
    expect(checkDraft({ status: 'draft' })).toBeNull();
    expect(checkDraft({ status: 'published' })).toBe('published');
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([{ version: 1 }, { version: 3 }])).toBe(4);
    const versions = [
      { version: 1, status: 'published' as const },
      { version: 2, status: 'published' as const },
      { version: 3, status: 'draft' as const },
    ];
    expect(currentPublished(versions)?.version).toBe(2);
    expect(currentPublished([{ version: 1, status: 'draft' as const }])).toBeUndefined();
  });
});
