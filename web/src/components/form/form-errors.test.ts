import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { subGoalCreateSchema } from '../../../../src/domain/plan/plan.schemas.js';
import * as interventionSchemas from '../../plan-schemas.js';
import da from '../../i18n/da.json';
import { validate } from './form-errors.js';

describe('form errors from the shared schemas, in Danish', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'da', resources: { da: { translation: da } } });
  const t = i18n.t.bind(i18n);

  it('say what is wrong with broken characters and impossible years, not "end before start"', () => {
    const result = validate(subGoalCreateSchema, { title: 'Mål\u0007', targetDate: '0202-03-01' }, t);
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Fjern usynlige tegn eller ødelagte tegn (fx fra kopieret tekst).',
        targetDate: 'Året skal ligge mellem 1900 og 2200.',
      },
    });
  });

  it('still say "end before start" for dates in the wrong order', () => {
    const result = validate(
      interventionSchemas.interventionCreateSchema,
      {
        typeId: '01a2350d-e5c3-76f8-b0f2-86767bf37201',
        unitId: '01a2350d-e5c3-76f8-b0f2-86767bf37201',
        startDate: '2026-03-02',
        endDate: '2026-03-01',
      },
      t,
    );
    expect(result.ok ? {} : result.errors).toEqual({ endDate: da.form.errors.endBeforeStart });
  });
});
