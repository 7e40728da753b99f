import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Defects found in the review of issues 3 and 4, each pinned by the user-visible behaviour. */

async function createFromTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'New from template…' }).click();
  const chooser = page.getByRole('dialog', { name: 'New map from template' });
  await chooser.getByRole('button', { name: `Create ${name}` }).click();
  await expect(page.getByTestId('map-title')).toContainText(name);
}

test('the card text scale grows the text of opportunities and free notes too, not only their boxes', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await page.getByRole('button', { name: 'Add note' }).click();
  const opportunity = page.getByTestId('opportunity-note').first().locator('.opportunity-note__name');
  const note = page.locator('.free-note__text').first();
  await expect(note).toHaveCount(1);
  // Near enough to read cards (far out they show large names only).
  await page.getByTestId('opportunity-note').first().click();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  const size = (locator: typeof note) => () =>
    locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size(opportunity)()).toBe(13);
  expect(await size(note)()).toBe(13);
  await page.getByLabel('Card text size').selectOption('2');
  await expect.poll(size(opportunity)).toBe(26);
  await expect.poll(size(note)).toBe(26);
});
