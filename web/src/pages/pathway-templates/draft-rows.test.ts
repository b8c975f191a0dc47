import { describe, expect, it } from 'vitest';
import { chainTransitions, type TemplateDefinition } from '../../../../src/domain/plan/pathway-template.js';
import { draftFromRows, stageRowsOf } from './draft-rows.js';

const stages = [
  { code: 'a', name: { da: 'A', en: 'A' }, roles: ['borger', 'sagsbehandler'], deadline: null },
  { code: 'b', name: { da: 'B', en: 'B' }, roles: [], deadline: { days: 28, from: 'stage' as const } },
  {
    code: 'c',
    name: { da: 'C', en: 'C' },
    roles: ['team'],
    deadline: { days: 90, from: 'pathway' as const },
  },
];
const definition: TemplateDefinition = {
  name: { da: 'T', en: 'T' },
  legalFrame: 'LAB § 40, stk. 3',
  stages,
  transitions: [...chainTransitions(stages), { from: 'c', to: 'a' }],
  rules: [{ kind: 'stage-overdue' }],
};

describe('the draft form rows', () => {
  it('give back the definition they were made from', () => {
    const back = draftFromRows(definition, definition.legalFrame, stageRowsOf(definition));
    expect(back.stages).toEqual(definition.stages);
    expect(new Set(back.transitions.map((edge) => `${edge.from}>${edge.to}`))).toEqual(
      new Set(definition.transitions.map((edge) => `${edge.from}>${edge.to}`)),
    );
    expect(back.rules).toBe(definition.rules);
  });

  it('read comma lists and an empty deadline as none', () => {
    const [row] = stageRowsOf(definition);
    if (!row) throw new Error('no row');
    const back = draftFromRows(definition, 'X', [
      { ...row, roles: ' borger ,, leder ', days: ' ', next: 'b, c' },
    ]);
    expect(back.stages[0]).toMatchObject({ roles: ['borger', 'leder'], deadline: null });
    expect(back.transitions).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
    ]);
    expect(back.legalFrame).toBe('X');
  });
});
