import type { ReactElement } from 'react';
import { useCitizenFlags } from '../../api/coordination.js';
import { usePlanContext } from '../plan/PlanContext.js';
import { PlanReferrals } from '../referrals/PlanReferrals.js';
import { FlagsSection } from './FlagsSection.js';

/** The plan's coordination part: its flags and its referrals. */
export function PlanCoordination(): ReactElement {
  const { citizenId, canEdit } = usePlanContext();
  const flags = useCitizenFlags(citizenId, canEdit);
  return (
    <>
      <FlagsSection
        flags={{
          data: flags.data,
          isPending: flags.isPending,
          error: flags.error,
          refetch: () => void flags.refetch(),
        }}
      />
      <PlanReferrals />
    </>
  );
}
