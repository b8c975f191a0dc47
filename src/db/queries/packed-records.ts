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
