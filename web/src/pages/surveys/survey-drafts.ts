/**
 * A new survey as the team leader types it, checked by the rules the API holds it to
 * (src/server/surveys/surveys.schemas.ts), so the form names every problem before sending.
 * Problems are codes; the form says them in the user's language.
 */

export const MAX_TITLE = 200;
export const MAX_GROUP = 80;
export const MAX_GROUPS = 12;
export const MIN_GROUPS = 2;
export const MAX_ITEM_TEXT = 500;
export const MAX_ITEMS = 50;
const CODE = /^[a-z0-9_-]{1,20}$/;

export type DraftProblem = 'required' | 'tooLong' | 'repeated' | 'code' | 'tooFew' | 'tooMany';

/** Field key → its problem; keys are `title`, `project`, `group-N`, `item-N-code`, `item-N-text`. */
export type DraftProblems = Record<string, DraftProblem>;

export interface CollaborationDraft {
  title: string;
  project: string;
  groups: string[];
}

export interface QualityDraft {
  title: string;
  project: string;
  items: { code: string; text: string }[];
}

export interface CollaborationBody {
  title: string;
  project?: string;
  groups: string[];
}

export interface QualityBody {
  title: string;
  project?: string;
  items: { code: string; text: string }[];
}

export type Checked<T> = { ok: true; body: T } | { ok: false; problems: DraftProblems };

function text(value: string, max: number): DraftProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > max ? 'tooLong' : null;
}

function scope(draft: { title: string; project: string }, problems: DraftProblems) {
  const title = text(draft.title, MAX_TITLE);
  if (title) problems.title = title;
  const project = draft.project.trim();
  if (project.length > MAX_TITLE) problems.project = 'tooLong';
  return { title: draft.title.trim(), ...(project ? { project } : {}) };
}

/** The API refuses a name given twice; to a reader "mentorer" and "Mentorer " are one group too. */
const same = (value: string) => value.trim().toLocaleLowerCase('da');

export function checkCollaborationDraft(draft: CollaborationDraft): Checked<CollaborationBody> {
  const problems: DraftProblems = {};
  const fields = scope(draft, problems);
  const seen = new Set<string>();
  draft.groups.forEach((group, index) => {
    const problem = text(group, MAX_GROUP) ?? (seen.has(same(group)) ? 'repeated' : null);
    if (problem) problems[`group-${index}`] = problem;
    seen.add(same(group));
  });
  if (draft.groups.length < MIN_GROUPS) problems.groups = 'tooFew';
  if (draft.groups.length > MAX_GROUPS) problems.groups = 'tooMany';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: { ...fields, groups: draft.groups.map((group) => group.trim()) } };
}

function codeProblemOf(code: string, used: ReadonlySet<string>): DraftProblem | null {
  if (code === '') return 'required';
  if (!CODE.test(code)) return 'code';
  return used.has(code) ? 'repeated' : null;
}

export function checkQualityDraft(draft: QualityDraft): Checked<QualityBody> {
  const problems: DraftProblems = {};
  const fields = scope(draft, problems);
  const codes = new Set<string>();
  draft.items.forEach((item, index) => {
    const code = item.code.trim();
    const codeProblem = codeProblemOf(code, codes);
    if (codeProblem) problems[`item-${index}-code`] = codeProblem;
    codes.add(code);
    const textProblem = text(item.text, MAX_ITEM_TEXT);
    if (textProblem) problems[`item-${index}-text`] = textProblem;
  });
  if (draft.items.length < 1) problems.items = 'tooFew';
  if (draft.items.length > MAX_ITEMS) problems.items = 'tooMany';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      ...fields,
      items: draft.items.map((item) => ({ code: item.code.trim(), text: item.text.trim() })),
    },
  };
}

/** The code a new statement starts with: q1, q2, … the first one not yet used. */
export function nextItemCode(items: readonly { code: string }[]): string {
  const used = new Set(items.map((item) => item.code.trim()));
  let n = items.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}
