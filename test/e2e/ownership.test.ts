import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();
const MEDICINE = 'Hjemmesygepleje – medicindispensering';
const SCREENSHOTS = 'test-results/screenshots';

describe('ownership of interventions', () => {
  it('shows who owns each intervention; the caseworker proposes, the owning nurse accepts', async () => {
    const caseworker = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(caseworker);
    // Recording an intervention for another unit: the form says so before saving.
    await caseworker.getByRole('button', { name: 'Tilføj indsats' }).click();
    const adding = caseworker.getByRole('form', { name: 'Tilføj indsats' });
    const unit = adding.getByLabel('Enhed');
    await expect.poll(() => unit.locator('option').count()).toBeGreaterThan(5);
    await unit.selectOption({ label: 'Hjemmesygeplejen' });
    await adding.getByText(/oprettes som Hjemmesygeplejens og afventer deres bekræftelse/).waitFor();
    await caseworker.keyboard.press('Escape');
    await expect.poll(() => adding.count()).toBe(0);
    const card = caseworker.getByRole('article', { name: MEDICINE });
    await card.getByText('Ejes af Hjemmesygeplejen').waitFor();
    // Home nursing owns it: the jobcenter may not edit or end it, only propose a change.
    expect(await card.getByRole('button', { name: `Redigér: ${MEDICINE}` }).count()).toBe(0);
    expect(await card.getByRole('button', { name: `Afslut: ${MEDICINE}` }).count()).toBe(0);
    await card.getByRole('button', { name: `Foreslå ændring: ${MEDICINE}` }).click();
    const form = caseworker.getByRole('form', { name: 'Foreslå en ændring til Hjemmesygeplejen' });
    await form.getByRole('button', { name: 'Send forslag' }).click();
    await form.getByText('Foreslå mindst én ændring', { exact: true }).waitFor();
    await form.getByLabel('Hyppighed').fill('Medicin 2 gange om ugen');
    await form.getByLabel('Begrundelse for forslaget').fill('Sara glemmer medicinen om weekenden');
    await expectAccessible(caseworker, 'proposal form');
    await form.getByRole('button', { name: 'Send forslag' }).click();
    const proposals = caseworker.getByRole('region', { name: 'Forslag til ændringer' });
    await proposals.getByText('Afventer svar fra Hjemmesygeplejen').waitFor();
    await expectAccessible(caseworker, 'plan with a pending proposal (caseworker)');
    await caseworker.context().close();

    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 780 },
    ]) {
      const nurse = await demo.loginAs('home-care-nurse', viewport);
      await demo.openCitizenPlan(nurse);
      const pending = nurse.getByRole('region', { name: 'Forslag til ændringer' });
      await pending.getByText('Sara glemmer medicinen om weekenden').waitFor();
      await expectAccessible(nurse, `plan with a proposal to answer at ${viewport.width} px`);
      await expectNoSidewaysScroll(nurse, `plan with a proposal at ${viewport.width} px`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await pending.scrollIntoViewIfNeeded();
      await nurse.screenshot({ path: `${SCREENSHOTS}/ownership-proposal-${viewport.width}.png` });
      if (viewport.width === 360) {
        await pending.getByRole('button', { name: `Acceptér: ${MEDICINE}` }).click();
        await pending.waitFor({ state: 'detached' });
        const owned = nurse.getByRole('article', { name: MEDICINE });
        await owned.getByText('Medicin 2 gange om ugen').waitFor();
        // The owner edits and ends its own intervention.
        await owned.getByRole('button', { name: `Redigér: ${MEDICINE}` }).waitFor();
        await expectAccessible(nurse, 'plan after accepting at 360 px');
      }
      await nurse.context().close();
    }
  }, 180_000);
});
