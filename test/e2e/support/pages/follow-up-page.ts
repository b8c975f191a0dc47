import type { Locator, Page } from 'playwright-core';
import { fillDate } from '../forms.js';

/** The follow-up page of one intervention or sub-goal ("Opfølgning: <name>"), opened from the plan. */
export class FollowUpPage {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Opfølgning: ${name}` });
  }

  /** The record form ("Registrér opfølgning på <name>"). */
  form(name: string): Locator {
    return this.page.getByRole('form', { name: `Registrér opfølgning på ${name}` });
  }

  /** The follow-ups held so far. */
  history(): Locator {
    return this.page.getByRole('region', { name: 'Tidligere opfølgninger' });
  }

  /** Fills the form: the outcome, and what is given of reasons, next date and frequency. */
  async fill(
    name: string,
    values: { outcome: string; reasons?: string; nextDate?: string; frequency?: string },
  ): Promise<void> {
    const form = this.form(name);
    await form.getByLabel('Udfald', { exact: true }).selectOption({ label: values.outcome });
    if (values.frequency !== undefined)
      await form.getByLabel('Hyppighed', { exact: true }).fill(values.frequency);
    if (values.reasons !== undefined)
      await form.getByLabel('Begrundelse', { exact: true }).fill(values.reasons);
    if (values.nextDate !== undefined) await fillDate(form, 'Næste opfølgning', values.nextDate);
  }

  async submit(name: string): Promise<void> {
    await this.form(name).getByRole('button', { name: 'Registrér opfølgning' }).click();
  }
}
