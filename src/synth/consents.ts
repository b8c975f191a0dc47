import type { InformationCategory } from '../domain/consent/consent.js';
import type { CitizenBuilder } from './citizen-builder.js';
import { Random } from './random.js';

/**
 * Share of multi-sector citizens with a coordinator whose holistic plan (LAB § 40, stk. 3) was
 * made with their consent to share it across the units that work with them; the rest share by
 * unit only ("that, not what"). A few single-sector citizens share with a second unit too.
 */
export const CONSENT_SHARE = { multi: 0.75, single: 0.1 } as const;
/** Share of consents the citizen has later withdrawn: the history shows withdrawals happen. */
const WITHDRAWN_SHARE = 0.05;

const SHARED_CATEGORIES: readonly InformationCategory[] = ['intervention-details', 'goals', 'measures'];

/**
 * The consents real plans have: recorded by the coordinator when the plan was made with the
 * citizen, one per unit working with the citizen, for coordination of the plan. A share is time
 * limited (renewed yearly) and a few are withdrawn. Runs last in a citizen's generation, with a
 * random stream of its own, so nothing generated before it changes.
 */
export function addConsents(builder: CitizenBuilder): void {
  const { draft, context } = builder;
  const coordinator = draft.coordinator;
  if (!coordinator) return;
  const random = Random.of(context.seed, 'consents', draft.index);
  if (!random.chance(draft.multiSector ? CONSENT_SHARE.multi : CONSENT_SHARE.single)) return;
  // Every unit in the plan, the coordinator's included: each may then see the others' details.
  const units = [
    ...new Set([
      coordinator.unitId,
      ...draft.interventions.filter((item) => item.status !== 'ended').map((item) => item.unitId),
    ]),
  ];
  if (units.length < 2) return;
  const { today } = context;
  const validFrom = Math.min(today, draft.pathwayStart + random.int(7, 45));
  const yearly = random.chance(0.4);
  const withdrawn = random.chance(WITHDRAWN_SHARE);
  recordConsents(builder, units, {
    validFrom,
    // A yearly consent still in force runs until a year after it was last renewed.
    validUntil: yearly ? today + random.int(30, 330) : null,
    withdrawnDay: withdrawn ? Math.max(validFrom, today - random.int(1, 60)) : null,
  });
}

/** One consent per unit, for coordination of the plan, recorded by the citizen's coordinator. */
export function recordConsents(
  builder: CitizenBuilder,
  unitIds: readonly string[],
  period: { validFrom: number; validUntil: number | null; withdrawnDay: number | null },
): void {
  const coordinator = builder.draft.coordinator;
  if (!coordinator) throw new Error('A consent is recorded by the coordinator: set one first');
  for (const unitId of unitIds) {
    builder.draft.consents.push({
      id: builder.ids.next(),
      granteeUnitId: unitId,
      categories: SHARED_CATEGORIES,
      basis: 'consent',
      legalProvision: null,
      ...period,
      recordedById: coordinator.id,
    });
  }
}
