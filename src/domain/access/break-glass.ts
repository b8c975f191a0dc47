/**
 * Break-the-glass input rules: a reason from a list plus a free text that says something. Pure.
 */
export const BREAK_GLASS_REASONS = ['life-or-health', 'harm-to-others', 'urgent-decision', 'other'] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];

export const BREAK_GLASS_OUTCOMES = ['justified', 'not-justified'] as const;
export type BreakGlassOutcome = (typeof BREAK_GLASS_OUTCOMES)[number];

/** How many letters and digits a break-the-glass explanation needs at least. */
export const BREAK_GLASS_MIN_TEXT = 20;

/**
 * Why a free-text explanation does not say enough, or null when it does: at least 20 letters or
 * digits, in at least three words, with some variety ("aaaaaaaaaaaaaaaaaaaa" and "x x x …" say
 * nothing). A filter against filling the field, not a judgement of the reason: the review is.
 */
export function explanationProblem(text: string): string | null {
  const signs = text.match(/[\p{L}\p{N}]/gu) ?? [];
  if (signs.length < BREAK_GLASS_MIN_TEXT)
    return `must explain the situation in at least ${BREAK_GLASS_MIN_TEXT} letters or digits`;
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
  if (words.length < 3) return 'must explain the situation in at least three words';
  const distinct = new Set(signs.map((sign) => sign.toLowerCase()));
  if (distinct.size < 6) return 'must explain the situation in words, not repeated characters';
  return null;
}
