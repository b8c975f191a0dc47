import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/** A new time-ordered id (UUID v7), the id of every row Samspil creates. */
export function newId(): string {
  return v7();
}

/**
 * `count` new ids for a bulk write (a cost file of 100,000 lines): UUID v7 as newId gives, in
 * order, with the randomness of all drawn at once (newId draws 16 bytes per id, which cost
 * more than the rest of an import's parsing).
 */
export function newIds(count: number): string[] {
  const random = randomFillSync(new Uint8Array(16 * count));
  let msecs = Date.now();
  // A random start for the 32-bit counter, as v7 starts each millisecond.
  let seq = count > 0 ? (((random[6] as number) & 0x7f) << 24) | ((random[7] as number) << 16) : 0;
  const ids = new Array<string>(count);
  for (let index = 0; index < count; index++) {
    ids[index] = v7({ random: random.subarray(16 * index, 16 * index + 16), msecs, seq });
    seq = (seq + 1) | 0;
    if (seq === 0) msecs++;
  }
  return ids;
}
