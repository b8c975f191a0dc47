/**
 * Bulk reads as strings of records instead of JSON: PGlite hands a string over far faster than
 * it turns JSON into objects, and splitting fixed-width fields costs next to nothing. Used where
 * a read of a whole municipality is held to a budget (the coordination scan).
 */

/** The length of a UUID as PostgreSQL writes it (lower-case, with dashes). */
export const UUID_LENGTH = 36;
/** Stands for "no id" in a fixed-width record: as wide as a UUID, never one. */
export const NO_ID = '-'.repeat(UUID_LENGTH);
/** Separates variable-length records (ASCII unit separator; removed from the texts it joins). */
export const RECORD_SEPARATOR = '\x1f';

/** The records of a string of fixed-width records. */
export function* fixedRecords(text: string | null | undefined, width: number): Generator<string> {
  if (!text) return;
  for (let at = 0; at + width <= text.length; at += width) yield text.slice(at, at + width);
}

/**
 * Walks a string of records sorted by a leading key (a citizen's id, say) alongside another
 * walk in the same order: `next(key)` returns the next record of that key, passing over records
 * of keys that sort before it (which no one asks for), and null once the key's records are done.
 * Records are fixed-width (a number) or end at a separator (a string).
 */
export class RecordWalk {
  private at = 0;
  private readonly text: string;

  constructor(
    text: string | null | undefined,
    private readonly split: number | string,
  ) {
    this.text = text ?? '';
  }

  next(key: string): string | null {
    const text = this.text;
    while (this.at < text.length) {
      const at = this.at;
      const end = typeof this.split === 'number' ? at + this.split : endOf(text, this.split, at);
      const after = typeof this.split === 'number' ? end : end + 1;
      if (text.startsWith(key, at)) {
        this.at = after;
        return text.slice(at, end);
      }
      if (compareAt(text, at, key) > 0) return null;
      this.at = after;
    }
    return null;
  }
}

function endOf(text: string, separator: string, from: number): number {
  const end = text.indexOf(separator, from);
  return end === -1 ? text.length : end;
}

/** How the characters of `text` at `at` compare with `key` (sign only), with no string made. */
function compareAt(text: string, at: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    const difference = (text.charCodeAt(at + i) || 0) - key.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return 0;
}
