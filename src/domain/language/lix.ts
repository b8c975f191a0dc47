/**
 * LIX, Björnsson's readability index (Björnsson 1968, "Läsbarhet"), as the Danish plain-language
 * guides use it: LIX = O / P + 100 × L / O, where O is the number of words, P the number of
 * sentences and L the number of long words (more than six letters). Below 30 is very easy, 30–40
 * easy (everyday newspapers), 40–50 medium, above 50 hard. Samspil's citizen texts stay at 40 or
 * below (issue 11).
 *
 * Pinned here, because tools differ in the details:
 * - a word is a run of letters or digits, with hyphens and apostrophes inside it ("WHO-5",
 *   "kommunens"); a long word has more than six letters (digits and hyphens do not count);
 * - a sentence ends at ".", "!", "?", ":" or ";" followed by a space or the end, and at a line
 *   break; the end of the text ends the last sentence even without a mark. A full stop inside a
 *   number or a date ("3.5", "1. dec.") is not followed by a space and a capital letter, so it
 *   ends a sentence only when the next word starts with a capital letter.
 */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/gu;

export interface LixCount {
  words: number;
  sentences: number;
  longWords: number;
}

/** Counts words, sentences and long words in a text, by the rules above. */
export function lixCount(text: string): LixCount {
  const words = text.match(WORD) ?? [];
  const longWords = words.filter((word) => (word.match(LETTER) ?? []).length > 6).length;
  return { words: words.length, sentences: words.length === 0 ? 0 : sentenceCount(text), longWords };
}

function sentenceCount(text: string): number {
  let count = 0;
  const marks = /[.!?:;]+(?=\s|$)|\n+/g;
  let last = 0;
  for (const match of text.matchAll(marks)) {
    const index = match.index ?? 0;
    const before = text.slice(last, index);
    const after = text.slice(index + match[0].length).trimStart();
    last = index + match[0].length;
    if (!/[\p{L}\p{N}]/u.test(before)) continue;
    // "1. december", "kl. 10": a full stop after a number or an abbreviation, with a small
    // letter or a digit next, does not end the sentence.
    if (match[0] === '.' && after !== '' && /^[\p{Ll}\p{N}]/u.test(after)) continue;
    count += 1;
  }
  if (/[\p{L}\p{N}]/u.test(text.slice(last))) count += 1;
  return count;
}

/** The LIX of counted text; 0 for a text without words. */
export function lixOf(count: LixCount): number {
  if (count.words === 0) return 0;
  return count.words / Math.max(count.sentences, 1) + (100 * count.longWords) / count.words;
}

/** The LIX of a text. */
export function lix(text: string): number {
  return lixOf(lixCount(text));
}

/** The sum of several counts, for the LIX of many texts read together (a whole screen). */
export function addCounts(counts: readonly LixCount[]): LixCount {
  return counts.reduce(
    (sum, count) => ({
      words: sum.words + count.words,
      sentences: sum.sentences + count.sentences,
      longWords: sum.longWords + count.longWords,
    }),
    { words: 0, sentences: 0, longWords: 0 },
  );
}
