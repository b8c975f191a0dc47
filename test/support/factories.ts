import type { Kysely } from 'kysely';
import { cprBirthPart, normaliseCpr } from '../../src/domain/citizen/cpr.js';
import { WHO5_INSTRUMENT, who5Answers } from '../../src/domain/measures/builtin-instruments.js';
import { scoreAnswers } from '../../src/domain/measures/instrument.js';
import type { Sector } from '../../src/domain/organisation/sectors.js';
import { newId } from '../../src/db/ids.js';
import { type PlanDocumentRow, rebuildPlanDocuments } from '../../src/db/queries/plan-document.queries.js';
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
    /** Told of a citizen's rebuilt read model, so a running app's plan cache holds the new one. */
    private readonly onPlanRebuilt?: (
      municipalityId: string,
      citizenId: string,
      row: PlanDocumentRow,
    ) => void,
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

  // ── Records with their parents: each builds what it needs and is not given ──────────────────

  /** The municipality given, or a new one. */
  private async municipalityOf(municipalityId: string | undefined): Promise<string> {
    return municipalityId ?? (await this.municipality()).id;
  }

  /** The citizen given (and her municipality, looked up when not given), or a new citizen. */
  async citizenOf(
    parents: { municipalityId?: string; citizenId?: string } = {},
  ): Promise<{ municipalityId: string; citizenId: string }> {
    if (parents.citizenId) {
      const row = await this.db
        .selectFrom('citizen')
        .select('municipality_id')
        .where('id', '=', parents.citizenId)
        .$if(parents.municipalityId !== undefined, (query) =>
          query.where('municipality_id', '=', parents.municipalityId ?? ''),
        )
        .executeTakeFirstOrThrow(() => new Error(`factory: no citizen ${parents.citizenId}`));
      return { municipalityId: row.municipality_id, citizenId: parents.citizenId };
    }
    const municipalityId = await this.municipalityOf(parents.municipalityId);
    return { municipalityId, citizenId: (await this.citizen(municipalityId)).id };
  }

  /** A professional at a unit, building the municipality and the unit when not given. */
  async staff(
    options: {
      municipalityId?: string;
      unitId?: string;
      sector?: Sector;
      role?: string;
      name?: string;
      profession?: string;
      active?: boolean;
    } = {},
  ): Promise<{ id: string; municipalityId: string; unitId: string }> {
    const municipalityId = await this.unitMunicipality(options.unitId, options.municipalityId);
    const unitId =
      options.unitId ??
      (await this.unit(municipalityId, options.sector ? { sector: options.sector } : {})).id;
    const { id } = await this.professional(municipalityId, unitId, {
      ...(options.role ? { role: options.role } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.profession ? { profession: options.profession } : {}),
      ...(options.active !== undefined ? { active: options.active } : {}),
    });
    return { id, municipalityId, unitId };
  }

  private async unitMunicipality(
    unitId: string | undefined,
    municipalityId: string | undefined,
  ): Promise<string> {
    if (!unitId) return this.municipalityOf(municipalityId);
    if (municipalityId) return municipalityId;
    const row = await this.db
      .selectFrom('unit')
      .select('municipality_id')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow(() => new Error(`factory: no unit ${unitId}`));
    return row.municipality_id;
  }

  /** The professional given (with her unit), or a new one at a new unit of the municipality. */
  private async professionalOf(
    municipalityId: string,
    professionalId: string | undefined,
    sector?: Sector,
  ): Promise<{ id: string; unitId: string }> {
    if (!professionalId) {
      const made = await this.staff({ municipalityId, ...(sector ? { sector } : {}) });
      return { id: made.id, unitId: made.unitId };
    }
    const row = await this.db
      .selectFrom('professional')
      .select('unit_id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', professionalId)
      .executeTakeFirstOrThrow(() => new Error(`factory: no professional ${professionalId}`));
    return { id: professionalId, unitId: row.unit_id };
  }

  /** Rebuilds the citizen's read model after a plan record was written by hand. */
  private async rebuilt(municipalityId: string, citizenId: string): Promise<void> {
    const rows = await rebuildPlanDocuments(this.db, municipalityId, [citizenId]);
    for (const row of rows) this.onPlanRebuilt?.(municipalityId, citizenId, row);
  }

  /** A sub-goal in the citizen's plan (a new citizen when none is given). */
  async subGoal(
    options: {
      municipalityId?: string;
      citizenId?: string;
      title?: string;
      measure?: string | null;
      targetDate?: string | null;
      gasLevel?: number | null;
      followUpDate?: string | null;
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const id = newId();
    await this.db
      .insertInto('sub_goal')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        title: options.title ?? `Delmål ${next()}`,
        measure: options.measure ?? null,
        target_date: options.targetDate ?? null,
        gas_level: options.gasLevel ?? null,
        follow_up_date: options.followUpDate ?? null,
        end_reason: null,
        ended_at: null,
      })
      .execute();
    await this.rebuilt(municipalityId, citizenId);
    return { id, municipalityId, citizenId };
  }

  /**
   * An intervention in the citizen's plan, building what is not given: the citizen, an
   * intervention type of the unit's sector, the unit (with a responsible professional there).
   */
  async intervention(
    options: {
      municipalityId?: string;
      citizenId?: string;
      unitId?: string;
      typeId?: string;
      responsibleId?: string | null;
      sector?: Sector;
      status?: 'planned' | 'active' | 'paused' | 'ended';
      startDate?: string;
      endDate?: string | null;
      purpose?: string | null;
      frequency?: string | null;
      followUpDate?: string | null;
      caseReference?: string | null;
      legalBasis?: string;
      subGoalIds?: string[];
    } = {},
  ): Promise<{
    id: string;
    municipalityId: string;
    citizenId: string;
    unitId: string;
    typeId: string;
    responsibleId: string | null;
  }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const sector = options.sector ?? 'employment';
    let unitId = options.unitId;
    let responsibleId = options.responsibleId;
    if (!unitId) {
      const responsible = await this.professionalOf(
        municipalityId,
        options.responsibleId ?? undefined,
        sector,
      );
      unitId = responsible.unitId;
      if (responsibleId === undefined) responsibleId = responsible.id;
    } else if (responsibleId === undefined) {
      responsibleId = (await this.professional(municipalityId, unitId)).id;
    }
    const legalBasis = options.legalBasis ?? 'LAB-47';
    const typeId = options.typeId ?? (await this.interventionType(municipalityId, { sector, legalBasis })).id;
    const id = newId();
    const status = options.status ?? 'active';
    await this.db
      .insertInto('intervention')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        type_id: typeId,
        unit_id: unitId,
        responsible_id: responsibleId,
        legal_basis: legalBasis,
        purpose: options.purpose ?? null,
        start_date: options.startDate ?? '2026-01-05',
        end_date: options.endDate ?? (status === 'ended' ? '2026-06-30' : null),
        follow_up_date: options.followUpDate ?? null,
        frequency: options.frequency ?? null,
        status,
        cost_ore: 0,
        end_reason: status === 'ended' ? 'Afsluttet' : null,
        case_reference: options.caseReference ?? null,
      })
      .execute();
    for (const subGoalId of options.subGoalIds ?? []) {
      await this.db
        .insertInto('intervention_sub_goal')
        .values({ municipality_id: municipalityId, intervention_id: id, sub_goal_id: subGoalId })
        .execute();
    }
    await this.rebuilt(municipalityId, citizenId);
    return { id, municipalityId, citizenId, unitId, typeId, responsibleId: responsibleId ?? null };
  }

  /** A professional on the citizen's team (a new professional, and a new citizen, when not given). */
  async teamMember(
    options: {
      municipalityId?: string;
      citizenId?: string;
      professionalId?: string;
      coordinator?: boolean;
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; professionalId: string }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const professional = await this.professionalOf(municipalityId, options.professionalId);
    const id = newId();
    await this.db
      .insertInto('team_member')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        kind: 'professional',
        professional_id: professional.id,
        name: null,
        relation: null,
        role: options.coordinator ? 'Koordinerende sagsbehandler' : 'Kontaktperson',
        is_coordinator: options.coordinator ?? false,
        phone: null,
        email: null,
        ended_at: null,
        end_reason: null,
      })
      .execute();
    await this.rebuilt(municipalityId, citizenId);
    return { id, municipalityId, citizenId, professionalId: professional.id };
  }

  /**
   * The citizen's consent to share with a unit (a new unit when neither unit nor sector is
   * given), given by herself, confirmed, from 1 January 2026 without end.
   */
  async consent(
    options: {
      municipalityId?: string;
      citizenId?: string;
      granteeUnitId?: string;
      granteeSector?: Sector;
      categories?: string[];
      purpose?: string;
      validFrom?: string;
      validUntil?: string | null;
      withdrawnAt?: Date | null;
      state?: 'pending' | 'confirmed' | 'rejected';
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; granteeUnitId: string | null }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const granteeUnitId = options.granteeSector
      ? null
      : (options.granteeUnitId ?? (await this.unit(municipalityId, { sector: 'social-adult' })).id);
    const id = newId();
    await this.db
      .insertInto('consent')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        grantee_unit_id: granteeUnitId,
        grantee_sector: options.granteeSector ?? null,
        categories: options.categories ?? ['goals', 'intervention-details'],
        purpose: options.purpose ?? 'coordination',
        case_reference: null,
        basis: 'consent',
        legal_provision: null,
        valid_from: options.validFrom ?? '2026-01-01',
        valid_until: options.validUntil ?? null,
        recorded_by_kind: 'citizen',
        recorded_by_id: citizenId,
        withdrawn_at: options.withdrawnAt ?? null,
        withdrawn_by_kind: options.withdrawnAt ? 'citizen' : null,
        withdrawn_by_id: options.withdrawnAt ? citizenId : null,
        state: options.state ?? 'confirmed',
        declaration_reference: null,
        declaration_signed_on: null,
        confirmed_at: null,
      })
      .execute();
    return { id, municipalityId, citizenId, granteeUnitId };
  }

  /** A power of attorney (fuldmagt) from the citizen to a relative known by CPR number. */
  async delegation(
    options: {
      municipalityId?: string;
      citizenId?: string;
      granteeCpr?: string;
      granteeName?: string;
      validFrom?: string;
      validUntil?: string | null;
      revokedAt?: Date | null;
      includesConsent?: boolean;
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; granteeCpr: string }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const n = next();
    const granteeCpr = normaliseCpr(
      options.granteeCpr ??
        `${String(1 + (n % 28)).padStart(2, '0')}0275${String(n % 10_000).padStart(4, '0')}`,
    );
    if (!granteeCpr) throw new Error('factory: invalid grantee CPR');
    this.cprs.add(granteeCpr);
    const id = newId();
    await this.db
      .insertInto('delegation')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        grantee_cpr_hmac: this.vault.hmac(granteeCpr),
        grantee_name: options.granteeName ?? `Pårørende ${n}`,
        valid_from: options.validFrom ?? '2026-01-01',
        valid_until: options.validUntil ?? null,
        revoked_at: options.revokedAt ?? null,
        ...(options.includesConsent !== undefined ? { includes_consent: options.includesConsent } : {}),
      })
      .execute();
    return { id, municipalityId, citizenId, granteeCpr };
  }

  /** A break-the-glass access by a professional (a new one when not given), an hour long from now. */
  async breakGlass(
    options: {
      municipalityId?: string;
      citizenId?: string;
      professionalId?: string;
      reason?: string;
      expiresAt?: Date;
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; professionalId: string }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const professional = await this.professionalOf(municipalityId, options.professionalId, 'health-care');
    const id = newId();
    await this.db
      .insertInto('break_glass')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        professional_id: professional.id,
        unit_id: professional.unitId,
        reason: options.reason ?? 'Borgeren henvender sig akut uden for åbningstid',
        expires_at: options.expiresAt ?? new Date(Date.now() + 3_600_000),
        reviewed_by: null,
        reviewed_at: null,
      })
      .execute();
    return { id, municipalityId, citizenId, professionalId: professional.id };
  }

  /** A referral from a professional (new when not given) to another unit (new when not given). */
  async referral(
    options: {
      municipalityId?: string;
      citizenId?: string;
      fromProfessionalId?: string;
      toUnitId?: string;
      reason?: string;
      answerDue?: string;
      status?: 'requested' | 'accepted' | 'declined' | 'started' | 'completed' | 'withdrawn';
    } = {},
  ): Promise<{
    id: string;
    municipalityId: string;
    citizenId: string;
    fromProfessionalId: string;
    fromUnitId: string;
    toUnitId: string;
  }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const from = await this.professionalOf(municipalityId, options.fromProfessionalId);
    const toUnitId = options.toUnitId ?? (await this.unit(municipalityId, { sector: 'social-adult' })).id;
    const id = newId();
    await this.db
      .insertInto('referral')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        sub_goal_id: null,
        from_unit_id: from.unitId,
        from_professional_id: from.id,
        to_unit_id: toUnitId,
        to_civil_society: null,
        type_id: null,
        reason: options.reason ?? `Henvisning ${next()}`,
        ...(options.status ? { status: options.status } : {}),
        answer_due: options.answerDue ?? '2026-12-31',
        decline_reason: options.status === 'declined' ? 'Ikke vores område' : null,
        intervention_id: null,
      })
      .execute();
    await this.rebuilt(municipalityId, citizenId);
    return { id, municipalityId, citizenId, fromProfessionalId: from.id, fromUnitId: from.unitId, toUnitId };
  }

  /** A meeting about the citizen, organised by a professional (new when not given), tomorrow. */
  async meeting(
    options: {
      municipalityId?: string;
      citizenId?: string;
      organiserId?: string;
      kind?: 'network' | 'team';
      purpose?: string;
      startsAt?: Date;
      status?: 'planned' | 'held' | 'cancelled';
      participantIds?: string[];
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; organiserId: string }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const organiser = await this.professionalOf(municipalityId, options.organiserId);
    const id = newId();
    await this.db
      .insertInto('meeting')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        kind: options.kind ?? 'network',
        purpose: options.purpose ?? `Netværksmøde ${next()}`,
        agenda: null,
        starts_at: options.startsAt ?? new Date(Date.now() + 24 * 3_600_000),
        place: null,
        online: true,
        organiser_id: organiser.id,
        organiser_unit_id: organiser.unitId,
        ...(options.status ? { status: options.status } : {}),
        summary: options.status === 'held' ? 'Referat' : null,
        cancel_reason: options.status === 'cancelled' ? 'Aflyst' : null,
        updated_by: organiser.id,
      })
      .execute();
    for (const professionalId of [organiser.id, ...(options.participantIds ?? [])]) {
      await this.db
        .insertInto('meeting_participant')
        .values({
          municipality_id: municipalityId,
          id: newId(),
          meeting_id: id,
          kind: 'professional',
          professional_id: professionalId,
          name: null,
        })
        .execute();
    }
    await this.rebuilt(municipalityId, citizenId);
    return { id, municipalityId, citizenId, organiserId: organiser.id };
  }

  /** A decision about the citizen by a professional's unit (new when not given), in hearing. */
  async decision(
    options: {
      municipalityId?: string;
      citizenId?: string;
      createdBy?: string;
      title?: string;
      negative?: boolean;
      status?: 'draft' | 'hearing' | 'final';
      hearingUntil?: string | null;
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; unitId: string; createdBy: string }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const author = await this.professionalOf(municipalityId, options.createdBy);
    const status = options.status ?? 'hearing';
    const id = newId();
    await this.db
      .insertInto('decision')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        unit_id: author.unitId,
        title: options.title ?? `Afgørelse ${next()}`,
        proposal: 'Forslag til afgørelse',
        facts: 'Sagens oplysninger',
        legal_basis: 'SEL-85',
        negative: options.negative ?? false,
        status,
        hearing_until: options.hearingUntil ?? (status === 'hearing' ? '2026-12-31' : null),
        created_by: author.id,
      })
      .execute();
    return { id, municipalityId, citizenId, unitId: author.unitId, createdBy: author.id };
  }

  /**
   * A notification to a professional (new when not given) that an intervention changed: of the
   * intervention given, or of a new one (with its citizen) at the recipient's unit.
   */
  async notification(
    options: {
      municipalityId?: string;
      citizenId?: string;
      recipientId?: string;
      actorId?: string | null;
      interventionId?: string;
      action?: 'create' | 'update' | 'end';
      readAt?: Date | null;
    } = {},
  ): Promise<{
    id: string;
    municipalityId: string;
    citizenId: string;
    recipientId: string;
    interventionId: string;
  }> {
    const municipalityId = options.citizenId
      ? (await this.citizenOf(options)).municipalityId
      : await this.municipalityOf(options.municipalityId);
    const recipient = await this.professionalOf(municipalityId, options.recipientId);
    const interventionId =
      options.interventionId ??
      (
        await this.intervention({
          municipalityId,
          ...(options.citizenId ? { citizenId: options.citizenId } : {}),
          unitId: recipient.unitId,
          responsibleId: recipient.id,
        })
      ).id;
    const item = await this.db
      .selectFrom('intervention as i')
      .innerJoin('intervention_type as ty', (join) =>
        join.onRef('ty.municipality_id', '=', 'i.municipality_id').onRef('ty.id', '=', 'i.type_id'),
      )
      .innerJoin('unit as u', (join) =>
        join.onRef('u.municipality_id', '=', 'i.municipality_id').onRef('u.id', '=', 'i.unit_id'),
      )
      .innerJoin('citizen as c', (join) =>
        join.onRef('c.municipality_id', '=', 'i.municipality_id').onRef('c.id', '=', 'i.citizen_id'),
      )
      .select([
        'i.citizen_id',
        'i.status',
        'i.start_date',
        'i.end_date',
        'ty.name as type',
        'u.name as unit',
        'u.sector',
        'c.given_name',
        'c.family_name',
      ])
      .where('i.municipality_id', '=', municipalityId)
      .where('i.id', '=', interventionId)
      .executeTakeFirstOrThrow(() => new Error(`factory: no intervention ${interventionId}`));
    const action = options.action ?? 'update';
    // The payload as src/server/coordination/notifications.ts writes it.
    const payload = {
      citizen: { id: item.citizen_id, name: `${item.given_name} ${item.family_name}` },
      intervention: {
        id: interventionId,
        type: item.type,
        unit: item.unit,
        sector: item.sector,
        status: item.status,
        startDate: item.start_date,
        endDate: item.end_date,
      },
      action,
      by: null,
      byUnit: item.unit,
      text: `${item.unit} har ændret indsatsen ${item.type}`,
    };
    const id = newId();
    await this.db
      .insertInto('notification')
      .values({
        municipality_id: municipalityId,
        id,
        recipient_id: recipient.id,
        citizen_id: item.citizen_id,
        kind: 'intervention-changed',
        subject_id: interventionId,
        payload: JSON.stringify(payload),
        actor_id: options.actorId ?? null,
        read_at: options.readAt ?? null,
      })
      .execute();
    return { id, municipalityId, citizenId: item.citizen_id, recipientId: recipient.id, interventionId };
  }

  /** A WHO-5 answer by the citizen (a new citizen when not given), scored as the server scores it. */
  async measureResponse(
    options: {
      municipalityId?: string;
      citizenId?: string;
      answeredAt?: Date;
      /** The five answers 0–5, in item order (all 3 unless given). */
      answers?: readonly number[];
    } = {},
  ): Promise<{ id: string; municipalityId: string; citizenId: string; score: number | null }> {
    const { municipalityId, citizenId } = await this.citizenOf(options);
    const scored = scoreAnswers(WHO5_INSTRUMENT, who5Answers(options.answers ?? [3, 3, 3, 3, 3]));
    if (!scored.ok) throw new Error(`factory: WHO-5 answers refused: ${JSON.stringify(scored.problems)}`);
    const id = newId();
    await this.db
      .insertInto('measure_response')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        instrument_code: WHO5_INSTRUMENT.code,
        instrument_version: WHO5_INSTRUMENT.version,
        respondent_kind: 'citizen',
        recorded_by: citizenId,
        answered_at: options.answeredAt ?? new Date(),
        context_kind: 'other',
        context_id: null,
        answers: JSON.stringify(scored.value.items.map((item) => ({ linkId: item.linkId, code: item.code }))),
        raw: scored.value.raw,
        score: scored.value.score,
        band: scored.value.band,
      })
      .execute();
    return { id, municipalityId, citizenId, score: scored.value.score };
  }

  /** A collaboration survey of a unit by its leader (both new when not given). */
  async collaborationSurvey(
    options: { municipalityId?: string; createdBy?: string; title?: string; groups?: string[] } = {},
  ): Promise<{ id: string; municipalityId: string; unitId: string; createdBy: string }> {
    const municipalityId = await this.municipalityOf(options.municipalityId);
    const leader = options.createdBy
      ? await this.professionalOf(municipalityId, options.createdBy)
      : await this.staff({ municipalityId, role: 'team_leader' });
    const id = newId();
    await this.db
      .insertInto('collaboration_survey')
      .values({
        municipality_id: municipalityId,
        id,
        title: options.title ?? `Samarbejdsmåling ${next()}`,
        groups: options.groups ?? ['Jobcenter', 'Socialpsykiatri'],
        unit_id: leader.unitId,
        project: null,
        created_by: leader.id,
      })
      .execute();
    return { id, municipalityId, unitId: leader.unitId, createdBy: leader.id };
  }

  /** A quality survey of a unit by its leader (both new when not given), with one statement. */
  async qualitySurvey(
    options: {
      municipalityId?: string;
      createdBy?: string;
      title?: string;
      items?: { code: string; text: string }[];
    } = {},
  ): Promise<{ id: string; municipalityId: string; unitId: string; createdBy: string }> {
    const municipalityId = await this.municipalityOf(options.municipalityId);
    const leader = options.createdBy
      ? await this.professionalOf(municipalityId, options.createdBy)
      : await this.staff({ municipalityId, role: 'team_leader' });
    const id = newId();
    await this.db
      .insertInto('quality_survey')
      .values({
        municipality_id: municipalityId,
        id,
        title: options.title ?? `Kvalitetsmåling ${next()}`,
        items: JSON.stringify(options.items ?? [{ code: 'q1', text: 'Jeg ved, hvem der gør hvad' }]),
        unit_id: leader.unitId,
        project: null,
        created_by: leader.id,
      })
      .execute();
    return { id, municipalityId, unitId: leader.unitId, createdBy: leader.id };
  }
}
