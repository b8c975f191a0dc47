import type { PoolKey, SynthProfessional } from './organisation.js';
import type { Random } from './random.js';

/** Where the professionals of a pool come from, and how likely a demo persona is to be chosen. */
export interface StaffSource {
  pool(key: PoolKey): readonly SynthProfessional[];
  /** Chance that a new citizen of this pool gets the pool's first professional (a demo persona). */
  personaChance(key: PoolKey): number;
}

/**
 * Chooses the professionals around one citizen. A citizen keeps one contact per profession and
 * unit, as in practice. Every first choice in a pool draws exactly two numbers, whatever the pool
 * holds, so a trial run with placeholder staff draws the same stream as the real run.
 */
export class ContactPicker {
  private readonly contacts = new Map<PoolKey, SynthProfessional>();
  /** Pools the citizen's current plan uses (coordinator and interventions that are not ended). */
  readonly currentPools = new Set<PoolKey>();
  /** Every pool used, history included. */
  readonly allPools = new Set<PoolKey>();

  constructor(
    private readonly random: Random,
    private readonly staff: StaffSource,
  ) {}

  /** The citizen's contact in a pool, chosen on first use. */
  pick(key: PoolKey, current: boolean): SynthProfessional {
    if (current) this.currentPools.add(key);
    this.allPools.add(key);
    const known = this.contacts.get(key);
    if (known) return known;
    const roll = this.random.next();
    const position = this.random.next();
    const members = this.staff.pool(key);
    if (members.length === 0) throw new Error(`No professionals in ${key}`);
    const chance = this.staff.personaChance(key);
    let chosen: SynthProfessional;
    if (chance > 0 && (roll < chance || members.length === 1)) chosen = members[0] as SynthProfessional;
    else if (chance > 0)
      chosen = members[1 + Math.floor(position * (members.length - 1))] as SynthProfessional;
    else chosen = members[Math.floor(position * members.length)] as SynthProfessional;
    this.contacts.set(key, chosen);
    return chosen;
  }

  /** Fixes a contact in advance (the scripted demo citizen). */
  assign(key: PoolKey, professional: SynthProfessional): void {
    this.contacts.set(key, professional);
  }
}
