import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { subGoalCreateSchema } from '../../../../src/domain/plan/plan.schemas.js';
import { ApiError } from '../../api/client.js';
import da from '../../i18n/da.json';
import { joinDateParts } from './date-parts.js';
import { errorSummaryItems } from './error-summary.js';
import { apiFieldErrors, dateError, validate } from './form-errors.js';

const targets = {
  title: { id: 'f-title', label: 'Titel' },
  targetDate: { id: 'f-target', label: 'Måldato' },
  gasLevel: { id: 'f-gas', label: 'GAS' },
};

describe('the error summary', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'da', resources: { da: { translation: da } } });
  const t = i18n.t.bind(i18n);

  it('lists the errors in the order of the form’s fields, each a link named by its label', () => {
    expect(
      errorSummaryItems({ targetDate: 'Datoen findes ikke.', title: 'Feltet skal udfyldes.' }, targets),
    ).toEqual([
      { target: 'f-title', text: 'Titel: Feltet skal udfyldes.' },
      { target: 'f-target', text: 'Måldato: Datoen findes ikke.' },
    ]);
  });

  it('is empty when nothing is wrong', () => {
    expect(errorSummaryItems({}, targets)).toEqual([]);
  });

  it('maps the server’s problem details onto the same fields, and keeps an unknown field as text', () => {
    const refused = new ApiError(400, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      detail: 'title: too long; plan.version: stale',
      errors: [
        { field: 'title', message: 'must be at most 200 characters' },
        { field: 'plan.version', message: 'is stale' },
      ],
    });
    expect(errorSummaryItems(apiFieldErrors(refused), targets)).toEqual([
      { target: 'f-title', text: 'Titel: must be at most 200 characters' },
      { target: null, text: 'is stale' },
    ]);
    expect(apiFieldErrors(new Error('network'))).toEqual({});
  });

  it('says why a typed date is not a date, through the shared schema and alone', () => {
    const typed = joinDateParts({ day: '31', month: '4', year: '2026' });
    const result = validate(subGoalCreateSchema, { title: '', targetDate: typed }, t);
    expect(result.ok ? {} : errorSummaryItems(result.errors, targets)).toEqual([
      { target: 'f-title', text: 'Titel: Feltet skal udfyldes.' },
      { target: 'f-target', text: 'Måldato: Datoen findes ikke.' },
    ]);
    expect(dateError(joinDateParts({ day: '5', month: '', year: '2026' }), t)).toBe(
      'Udfyld dag, måned og år.',
    );
    expect(dateError('', t, { required: true })).toBe('Feltet skal udfyldes.');
    expect(dateError('', t)).toBeUndefined();
    expect(dateError('2026-03-01', t, { min: '2026-03-02' })).toBe('Datoen må tidligst være 02.03.2026.');
  });
});
