import { useState } from 'react';
import { type PlanWrite, StaleVersionError, usePlanWrite, type VersionedPlan } from '../../../api/plan.js';
import type { FieldErrors } from '../../../components/form/form-errors.js';
import { useFormErrors } from '../../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../../components/SuccessAlert.js';

export type PlanRequest = Omit<PlanWrite, 'etag'>;

export interface PlanForm {
  errors: FieldErrors;
  /** Failed submits so far; the error summary takes focus on each. */
  attempt: number;
  /** Set when the plan changed under the person: the current plan, to show theirs next to mine. */
  conflict: VersionedPlan | null;
  /** An error that is not about a field (network, access, conflict with the plan's rules). */
  failure: unknown;
  pending: boolean;
  submit: () => void;
  keepMine: () => void;
  takeTheirs: () => void;
}

/**
 * The life of one edit form: validate, write on the version the person started from, and on a
 * stale version keep what they typed and offer to re-apply it on the new version or drop it.
 */
export function usePlanForm(options: {
  citizenId: string;
  etag: string | null;
  /** Validates and builds the request, or returns the field errors. */
  build: () => { request: PlanRequest } | { errors: FieldErrors };
  onDone: (result: { id: string }) => void;
  /**
   * Write on the version shown now rather than the one the form opened on: for a form that is
   * always open and overwrites nothing (a comment), so her own other changes do not make it stale.
   */
  followShownVersion?: boolean;
}): PlanForm {
  const write = usePlanWrite(options.citizenId);
  // The version the person saw when they opened the form: later background refetches must not
  // move it, or a change made meanwhile by someone else would be silently overwritten.
  const [opened] = useState(options.etag);
  const baseline = options.followShownVersion ? options.etag : opened;
  const fieldErrors = useFormErrors();
  const showSuccess = useShowSuccess();
  const [conflict, setConflict] = useState<VersionedPlan | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const save = (etag: string | null): void => {
    const built = options.build();
    if ('errors' in built) {
      fieldErrors.check(built.errors);
      return;
    }
    fieldErrors.check({});
    setFailure(null);
    write.mutate(
      { ...built.request, etag },
      {
        onSuccess: (result) => {
          setConflict(null);
          showSuccess();
          options.onDone({ id: result.id });
        },
        onError: (error) => {
          if (error instanceof StaleVersionError) {
            setConflict(error.current);
            return;
          }
          if (!fieldErrors.fromServer(error)) setFailure(error);
        },
      },
    );
  };

  return {
    errors: fieldErrors.errors,
    attempt: fieldErrors.attempt,
    conflict,
    failure,
    pending: write.isPending,
    submit: () => save(conflict ? conflict.etag : baseline),
    keepMine: () => save(conflict?.etag ?? baseline),
    takeTheirs: () => options.onDone({ id: '' }),
  };
}
