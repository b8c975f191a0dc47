import type { TemplateDefinition } from '../../api/pathway-templates.js';

/** A stage as the draft form edits it: text fields, lists comma-separated. */
export interface StageRow {
  key: string;
  code: string;
  nameDa: string;
  nameEn: string;
  roles: string;
  days: string;
  from: 'stage' | 'pathway';
  /** The codes of the stages it may move to, comma-separated. */
  next: string;
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The form's rows of a definition's stages, each with the stages its transitions lead to. */
export function stageRowsOf(definition: TemplateDefinition): StageRow[] {
  return definition.stages.map((stage) => ({
    key: stage.code,
    code: stage.code,
    nameDa: stage.name.da,
    nameEn: stage.name.en,
    roles: stage.roles.join(', '),
    days: stage.deadline ? String(stage.deadline.days) : '',
    from: stage.deadline?.from ?? 'stage',
    next: definition.transitions
      .filter((edge) => edge.from === stage.code)
      .map((edge) => edge.to)
      .join(', '),
  }));
}

/**
 * The definition the rows say, the rules and names kept from the version. A deadline that is not
 * a whole number is sent as it is (as a number or not at all) for the server to name the field.
 */
export function draftFromRows(
  base: TemplateDefinition,
  legalFrame: string,
  rows: readonly StageRow[],
): TemplateDefinition {
  return {
    name: base.name,
    legalFrame,
    rules: base.rules,
    stages: rows.map((row) => ({
      code: row.code.trim(),
      name: { da: row.nameDa, en: row.nameEn },
      roles: list(row.roles),
      deadline: row.days.trim() === '' ? null : { days: Number(row.days), from: row.from },
    })),
    transitions: rows.flatMap((row) => list(row.next).map((to) => ({ from: row.code.trim(), to }))),
  };
}
