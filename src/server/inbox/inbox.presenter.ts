import { type Actor, decideCitizenAccess } from '../../domain/access/policy.js';
import { visibleCitizens } from '../auth/visible-citizens.js';
import type { NotificationRow } from '../../db/queries/notification.queries.js';
import type { AppContext } from '../context.js';
import { hiddenInterventions } from '../plan/plan.presenter.js';
import {
  type InterventionChangedData,
  type Notification,
  notificationSchema,
} from '../../domain/coordination/notifications.js';
import { restrictedNotification } from '../plan/hidden-details.js';

/**
 * The inbox as its reader may see it. A notification about an intervention names its type only
 * when the reader may see that intervention's details now (the hidden-details rule, decided per
 * recipient at read time, so a consent given or withdrawn since counts); otherwise it says that
 * the unit created, changed or ended an intervention, and not who did it.
 */
export async function presentNotifications(
  context: AppContext,
  actor: Actor,
  rows: readonly NotificationRow[],
): Promise<Notification[]> {
  const citizens = [
    ...new Set(
      rows.flatMap((row) => (row.kind === 'intervention-changed' && row.citizen_id ? [row.citizen_id] : [])),
    ),
  ];
  const hiddenByCitizen = new Map<string, { hidden: Set<string>; known: Set<string> }>();
  await Promise.all(
    citizens.map(async (citizenId) => {
      const [plan, grants] = await Promise.all([
        context.plans.get(actor.municipalityId, citizenId),
        context.plans.grants.get(actor.municipalityId, citizenId),
      ]);
      if (!plan) return;
      const decision = decideCitizenAccess(actor, plan.relations, grants);
      const basis = decision.allowed ? decision.basis : 'relationship';
      hiddenByCitizen.set(citizenId, {
        hidden: new Set(hiddenInterventions(plan, actor, basis, grants)),
        known: new Set(plan.scopes.map((scope) => scope.id)),
      });
    }),
  );
  // A referral or reminder notification carries the citizen's name; it is shown only while the
  // reader may see the citizen (the receiving unit may, through the pending referral).
  const referralCitizens = await visibleCitizens(
    context,
    actor,
    rows.flatMap((row) => (namesCitizenIfVisible(row.kind) && row.citizen_id ? [row.citizen_id] : [])),
  );
  return rows.flatMap((row) => {
    let payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
      string,
      unknown
    >;
    let shownActor = row.actor_id ? { id: row.actor_id, name: row.name ?? '' } : null;
    if (row.kind === 'intervention-changed') {
      const view = row.citizen_id ? hiddenByCitizen.get(row.citizen_id) : undefined;
      const subject = row.subject_id ?? '';
      // Deny by default: an intervention no longer in the plan (or no plan) is shown as hidden.
      const visible = view?.known.has(subject) && !view.hidden.has(subject);
      if (!visible) {
        payload = restrictedNotification(payload as InterventionChangedData);
        shownActor = null;
      }
    }
    if (namesCitizenIfVisible(row.kind) && !(row.citizen_id && referralCitizens.has(row.citizen_id))) {
      const { citizen: _hidden, ...rest } = payload;
      payload = rest;
    }
    // Kind and data only: the schema drops a sentence an older row stored (`text`) and fills what
    // such a row lacks, so every notification is said from its data by the web.
    const presented = notificationSchema.safeParse({
      id: row.id,
      kind: row.kind,
      citizenId: row.citizen_id,
      subjectId: row.subject_id,
      payload,
      actor: shownActor,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at ? row.read_at.toISOString() : null,
    });
    // A row of no known kind or shape is not shown rather than shown half (deny by default);
    // test/api/response-contracts.test.ts and the inbox tests hold every kind written to the schema.
    return presented.success ? [presented.data] : [];
  });
}

/** Kinds whose citizen is named only while the reader may see her: referrals and reminders. */
function namesCitizenIfVisible(kind: string): boolean {
  return kind.startsWith('referral-') || kind.startsWith('reminder-');
}
