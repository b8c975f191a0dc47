import type { Random } from './random.js';

const HEX = Array.from({ length: 256 }, (_, value) => value.toString(16).padStart(2, '0'));
const COUNTER_LIMIT = 4096;

/**
 * Deterministic ids in the UUID v7 layout (RFC 9562): 48-bit millisecond timestamp, version 7,
 * a 12-bit counter in rand_a (the RFC's "fixed-length dedicated counter" method) and 62 random
 * bits from the seeded stream. Each source owns a range of milliseconds, so ids from different
 * sources never collide and ids sort in the order they were generated, which keeps index inserts
 * cheap.
 */
export class IdSource {
  private millisecond: number;
  private counter = 0;

  constructor(
    private readonly firstMillisecond: number,
    private readonly milliseconds: number,
    private readonly random: Random,
  ) {
    this.millisecond = firstMillisecond;
  }

  /** The next id of this source. */
  next(): string {
    if (this.counter >= COUNTER_LIMIT) {
      this.millisecond++;
      this.counter = 0;
      if (this.millisecond >= this.firstMillisecond + this.milliseconds) {
        throw new Error('IdSource: the reserved range of ids is used up');
      }
    }
    return formatUuidV7(this.millisecond, this.counter++, this.random);
  }
}

/** Formats one UUID v7 from its timestamp, 12-bit counter and random bits. */
export function formatUuidV7(millisecond: number, counter: number, random: Random): string {
  const high = Math.floor(millisecond / 0x1_0000_0000);
  const low = millisecond >>> 0;
  const r1 = random.nextUint32();
  const r2 = random.nextUint32();
  const bytes = [
    (high >>> 8) & 0xff,
    high & 0xff,
    (low >>> 24) & 0xff,
    (low >>> 16) & 0xff,
    (low >>> 8) & 0xff,
    low & 0xff,
    0x70 | ((counter >>> 8) & 0x0f),
    counter & 0xff,
    0x80 | ((r1 >>> 24) & 0x3f),
    (r1 >>> 16) & 0xff,
    (r1 >>> 8) & 0xff,
    r1 & 0xff,
    (r2 >>> 24) & 0xff,
    (r2 >>> 16) & 0xff,
    (r2 >>> 8) & 0xff,
    r2 & 0xff,
  ];
  const hex = bytes.map((value) => HEX[value]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
