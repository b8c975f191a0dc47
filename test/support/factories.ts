import type { Kysely } from 'kysely';
import { cprBirthPart, normaliseCpr } from '../../src/domain/citizen/cpr.js';
import type { Sector } from '../../src/domain/organisation/sectors.js';
import { newId } from '../../src/db/ids.js';
import { rebuildPlanDocuments } from '../../src/db/queries/plan-document.queries.js';
import type { DB } from '../../src/db/schema.js';
import type { CprVault } from '../../src/security/cpr-vault.js';

let sequence = 0;
const next = (): number => {
  sequence += 1;
  return sequence;
};

/** Builds the records a test needs, each test its own, with overridable defaults. */
export class Factories {
  /** Every CPR number these factories made, so a test run can prove none leaked. */
  readonly cprs = new Set<string>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly vault: CprVault,
  ) {}

  async municipality(
    overrides: { code?: string; name?: string } = {},
  ): Promise<{ id: string; code: string }> {
    const id = newId();
    const code = overrides.code ?? String(1000 + (next() % 9000)).padStart(4, '0');
    await this.db
      .insertInto('municipality')
      .values({ id, code, name: overrides.name ?? `Testkommune ${code}` })
      .execute();
    return { id, code };
  }

  async unit(
    municipalityId: string,
    overrides: { sector?: Sector; name?: string } = {},
  ): Promise<{ id: string }> {
    const id = newId();
    await this.db
      .insertInto('unit')
      .values({
        municipality_id: municipalityId,
        id,
        sector: overrides.sector ?? 'employment',
        name: overrides.name ?? `Enhed ${next()}`,
        phone: null,
        email: null,
      })
      .execute();
    return { id };
  }

  async professional(
    municipalityId: string,
    unitId: string,
    overrides: { role?: string; name?: string; profession?: string; active?: boolean } = {},
  ): Promise<{ id: string }> {
    const id = newId();
    await this.db
      .insertInto('professional')
      .values({
        municipality_id: municipalityId,
        id,
        unit_id: unitId,
        name: overrides.name ?? `Medarbejder ${next()}`,
        profession: overrides.profession ?? 'socialrådgiver',
        role: overrides.role ?? 'caseworker',
        email: 'medarbejder@test.example',
        phone: '70 00 00 00',
        active: overrides.active ?? true,
      })
      .execute();
    return { id };
  }

  async interventionType(
    municipalityId: string,
    overrides: { sector?: Sector; legalBasis?: string; pyramidLevel?: number; name?: string } = {},
  ): Promise<{ id: string }> {
    const id = newId();
    const n = next();
    await this.db
      .insertInto('intervention_type')
      .values({
        municipality_id: municipalityId,
        id,
        code: `type-${n}`,
        name: overrides.name ?? `Indsatstype ${n}`,
        sector: overrides.sector ?? 'employment',
        category: 'job',
        legal_basis: overrides.legalBasis ?? 'LAB-47',
        pyramid_level: overrides.pyramidLevel ?? 4,
        business_directed: false,
        unit_cost_ore: 100_000,
        cost_unit: 'month',
      })
      .execute();
    return { id };
  }

  /** A citizen with an (empty) plan and its read model. */
  async citizen(
    municipalityId: string,
    overrides: { givenName?: string; familyName?: string; cpr?: string; coordinatorId?: string } = {},
  ): Promise<{ id: string; cpr: string }> {
    const id = newId();
    const n = next();
    const cpr = normaliseCpr(
      overrides.cpr ?? `${String(61 + (n % 28)).padStart(2, '0')}0190${String(n % 10_000).padStart(4, '0')}`,
    );
    if (!cpr) throw new Error('factory: invalid CPR override');
    this.cprs.add(cpr);
    await this.db
      .insertInto('citizen')
      .values({
        municipality_id: municipalityId,
        id,
        cpr_encrypted: this.vault.encrypt(cpr),
        cpr_hmac: this.vault.hmac(cpr),
        cpr_birth_part: cprBirthPart(cpr),
        given_name: overrides.givenName ?? 'Testa',
        family_name: overrides.familyName ?? `Prøvesen ${n}`,
      })
      .execute();
    await this.db
      .insertInto('plan')
      .values({
        municipality_id: municipalityId,
        citizen_id: id,
        goal_own_words: null,
        goal_professional: null,
        updated_by: null,
      })
      .execute();
    if (overrides.coordinatorId) {
      await this.db
        .insertInto('team_member')
        .values({
          municipality_id: municipalityId,
          id: newId(),
          citizen_id: id,
          kind: 'professional',
          professional_id: overrides.coordinatorId,
          name: null,
          relation: null,
          role: 'Koordinerende sagsbehandler',
          is_coordinator: true,
          phone: null,
          email: null,
          ended_at: null,
          end_reason: null,
        })
        .execute();
    }
    await rebuildPlanDocuments(this.db, municipalityId, [id]);
    return { id, cpr };
  }
}
