import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.js';
import { type PathwayStageState, moveToStage } from './pathway-stage.js';
import {
  chainTransitions,
  checkDraft,
  currentPublished,
  nextVersionNumber,
  type TemplateDefinition,
  type TemplateVersionStatus,
  templateIssues,
} from './pathway-template.js';

/**
 * The template state machine under random templates and random move sequences, with new
 * versions published in between: a move never skips a stage the template has no edge for, and a
 * running pathway never changes the version it started on.
 */

const stageCodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** A random valid template: 1–7 stages in a chain, plus random extra edges (back or forward). */
const definitionArb: fc.Arbitrary<TemplateDefinition> = fc
  .integer({ min: 1, max: stageCodes.length })
  .chain((count) => {
    const codes = stageCodes.slice(0, count);
    return fc
      .array(fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...codes)), { maxLength: 6 })
      .map((extra) => {
        const stages = codes.map((code) => ({
          code,
          name: { da: code, en: code },
          roles: [],
          deadline: null,
        }));
        const transitions = chainTransitions(stages);
        for (const [from, to] of extra) {
          if (from !== to && !transitions.some((edge) => edge.from === from && edge.to === to))
            transitions.push({ from, to });
        }
        return { name: { da: 'T', en: 'T' }, legalFrame: 'LAB', stages, transitions, rules: [] };
      });
  });

type Step =
  | { kind: 'move'; to: string; afterDays: number }
  | { kind: 'publish'; definition: TemplateDefinition }
  | { kind: 'start' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      to: fc.constantFrom(...stageCodes, 'zz'),
      afterDays: fc.integer({ min: 0, max: 60 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('publish' as const), definition: definitionArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'start' as const }) },
);

interface Version {
  id: string;
  version: number;
  status: TemplateVersionStatus;
  definition: TemplateDefinition;
}

describe('the pathway template state machine', () => {
  it('generated templates are valid', () => {
    fc.assert(fc.property(definitionArb, (definition) => templateIssues(definition).length === 0));
  });

  it('moves only along an edge of the version the pathway started on, which it keeps for life', () => {
    fc.assert(
      fc.property(definitionArb, fc.array(stepArb, { maxLength: 40 }), (initial, steps) => {
        const versions: Version[] = [{ id: 'v1', version: 1, status: 'published', definition: initial }];
        const byId = (id: string) => versions.find((candidate) => candidate.id === id) as Version;
        const startOn = (day: string): { state: PathwayStageState; startedOn: string } => {
          const current = currentPublished(versions) as Version;
          const first = current.definition.stages[0]?.code as string;
          return {
            state: { templateVersionId: current.id, stageCode: first, stageSince: day, startDate: day },
            startedOn: current.id,
          };
        };
        let day = '2026-01-01';
        const pathways = [startOn(day)];
        for (const step of steps) {
          if (step.kind === 'publish') {
            // A new version is a new row: the ones before it are published and never edited.
            const draft: Version = {
              id: `v${nextVersionNumber(versions)}`,
              version: nextVersionNumber(versions),
              status: 'draft',
              definition: step.definition,
            };
            expect(checkDraft(draft)).toBeNull();
            for (const old of versions) expect(checkDraft(old)).toBe('published');
            versions.push({ ...draft, status: 'published' });
            continue;
          }
          if (step.kind === 'start') {
            pathways.push(startOn(day));
            continue;
          }
          day = addDays(day, step.afterDays);
          for (const pathway of pathways) {
            const before = pathway.state;
            const own = byId(before.templateVersionId).definition;
            const { state, verdict } = moveToStage(before, own, step.to, day);
            const isEdge = own.transitions.some(
              (edge) => edge.from === before.stageCode && edge.to === step.to,
            );
            if (verdict === null) {
              // Accepted: exactly an edge of its own version, never of a newer one.
              expect(isEdge).toBe(true);
              expect(state.stageCode).toBe(step.to);
              expect(state.stageSince).toBe(day);
            } else {
              expect(isEdge).toBe(false);
              expect(state).toEqual(before);
            }
            expect(state.templateVersionId).toBe(pathway.startedOn);
            pathway.state = state;
          }
        }
        // Every pathway still names the version it started on, and that version is unchanged.
        for (const pathway of pathways) {
          expect(pathway.state.templateVersionId).toBe(pathway.startedOn);
          expect(byId(pathway.startedOn).status).toBe('published');
        }
        expect(byId('v1').definition).toBe(initial);
      }),
      { numRuns: 300 },
    );
  });

  it('a move forward past the next stage is refused unless an edge allows it', () => {
    fc.assert(
      fc.property(definitionArb, fc.nat(), fc.nat(), (definition, fromIndex, skip) => {
        const stages = definition.stages;
        const from = stages[fromIndex % stages.length]?.code as string;
        const toIndex = (fromIndex % stages.length) + 2 + (skip % 3);
        const to = stages[toIndex]?.code;
        fc.pre(to !== undefined);
        const state = {
          templateVersionId: 'v',
          stageCode: from,
          stageSince: '2026-01-01',
          startDate: '2026-01-01',
        };
        const allowed = definition.transitions.some((edge) => edge.from === from && edge.to === to);
        expect(moveToStage(state, definition, to as string, '2026-02-01').verdict === null).toBe(allowed);
      }),
    );
  });
});
