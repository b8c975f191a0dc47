import { useCallback, useState } from 'react';
import { apiFieldErrors, type FieldErrors } from './form-errors.js';

/** A form's field errors and how many submits have failed (the error summary takes focus on each). */
export interface FormErrorsState {
  errors: FieldErrors;
  attempt: number;
  /** After the form's own checks: shows these errors (none clears them) and returns whether any. */
  check: (errors: FieldErrors) => boolean;
  /**
   * After the server refused: its field errors (problem details) go to the same summary.
   * Returns false when the refusal names no field, so the caller shows it as a whole.
   */
  fromServer: (error: unknown) => boolean;
}

/** The error state every form shares, so each shows the DKFDS error summary the same way. */
export function useFormErrors(): FormErrorsState {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const show = useCallback((next: FieldErrors): boolean => {
    setErrors(next);
    const any = Object.keys(next).length > 0;
    if (any) setAttempt((count) => count + 1);
    return any;
  }, []);
  const fromServer = useCallback((error: unknown) => show(apiFieldErrors(error)), [show]);
  return { errors, attempt, check: show, fromServer };
}
