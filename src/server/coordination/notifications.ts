import type { CoordinationCheckScope } from './coordination-check-scope.js';
import { newId } from '../../db/ids.js';
import type { InterventionChangedData } from '../../domain/coordination/notifications.js';
import type { NotificationInsert } from '../../db/queries/coordination-facts.queries.js';

/**
 * "Others also work with this citizen": when an intervention is created or changed, the
 * responsible professionals of the citizen's other current interventions and the coordinator
 * get a notification in their inbox (and an e-mail when SMTP is configured). The one who made
 * the change is not told about it. The stored payload is the whole story, as data (the web
 * says it in the reader's language); the inbox shows each
 * recipient only what they may see (inbox/inbox.presenter.ts, the hidden-details rule).
 */
export function notificationsFor(scope: CoordinationCheckScope): NotificationInsert[] {
  const changed = scope.changes.filter((change) => change.entity === 'intervention');
  if (changed.length === 0) return [];
  const changedIds = new Set(changed.map((change) => change.entityId));
  const interventions = scope.plan.sectors.flatMap((group) => group.interventions);
  const subject = interventions.find((item) => changedIds.has(item.id));
  if (!subject) return [];
  const recipients = new Set<string>();
  for (const item of interventions) {
    if (item.status === 'ended' || changedIds.has(item.id) || !item.responsible) continue;
    recipients.add(item.responsible.id);
  }
  const coordinator = scope.plan.team.find((member) => member.isCoordinator)?.professionalId;
  if (coordinator) recipients.add(coordinator);
  recipients.delete(scope.actorId);
  if (recipients.size === 0) return [];
  const action = changed[0]?.action ?? 'update';
  // Name who acted: the intervention may be another unit's (a record awaiting its confirmation).
  const by = scope.actorUnitName ?? scope.plan.updatedBy?.name ?? '';
  const data: InterventionChangedData = {
    citizen: {
      id: scope.plan.citizen.id,
      name: `${scope.plan.citizen.givenName} ${scope.plan.citizen.familyName}`,
    },
    intervention: {
      id: subject.id,
      type: subject.type.name,
      unit: subject.unit.name,
      sector: subject.sector,
      status: subject.status,
      startDate: subject.startDate,
      endDate: subject.endDate,
    },
    action,
    by: scope.plan.updatedBy?.name ?? null,
    byUnit: by,
  };
  const payload = JSON.stringify(data);
  return [...recipients].sort().map((recipientId) => ({
    id: newId(),
    recipientId,
    kind: 'intervention-changed',
    subjectId: subject.id,
    payload,
    actorId: scope.actorId,
  }));
}
