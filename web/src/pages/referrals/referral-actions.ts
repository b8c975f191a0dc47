import type { Referral, ReferralAction } from '../../api/referrals.js';

/**
 * What a unit may do with a referral now. The receiving unit answers and carries it out; the
 * sending unit may withdraw an unanswered one; either may close the loop once it has started.
 * The server decides in the end; this only keeps impossible buttons away.
 */
export function referralActions(referral: Referral, unitId: string | null): ReferralAction[] {
  if (unitId === null) return [];
  const receiving = referral.to.unit?.id === unitId;
  const sending = referral.from.unit.id === unitId;
  const actions: ReferralAction[] = [];
  if (receiving && referral.status === 'requested') actions.push('accept', 'decline');
  if (receiving && referral.status === 'accepted') actions.push('start');
  if ((receiving || sending) && referral.status === 'started') actions.push('complete');
  if (sending && !receiving && (referral.status === 'requested' || referral.status === 'accepted')) {
    actions.push('withdraw');
  }
  return actions;
}

/** Actions that need a reason rather than an optional comment. */
export function needsReason(action: ReferralAction): boolean {
  return action === 'decline' || action === 'withdraw';
}
