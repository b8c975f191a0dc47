import type { FieldErrors } from './form-errors.js';

/** Where a field's error leads: the id of the control to focus and the field's label. */
export interface SummaryTarget {
  id: string;
  label: string;
}

/** One line of the error summary: a link to the field, or plain text for an error of no field. */
export interface SummaryItem {
  /** The control's id, or null when the error belongs to no field on the form. */
  target: string | null;
  text: string;
}

/**
 * The error summary's lines: the form's field errors (its own checks, or the server's problem
 * details mapped by `apiFieldErrors`) in the order of the form's fields, each named by its label
 * so two "must be filled in" are told apart; errors of fields the form does not show come last,
 * without a link.
 */
export function errorSummaryItems(
  errors: FieldErrors,
  targets: Readonly<Record<string, SummaryTarget>>,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [field, target] of Object.entries(targets)) {
    const message = errors[field];
    if (message) items.push({ target: target.id, text: `${target.label}: ${message}` });
  }
  for (const [field, message] of Object.entries(errors)) {
    if (!(field in targets)) items.push({ target: null, text: message });
  }
  return items;
}
