import type { Page } from '@playwright/test';
import { card, createOnlineStore, expect, inspector, test } from './fixtures';

/**
 * Defects found in review, each driven like a user: number fields, in-place naming of new things,
 * the view when panels open and close, the overlay bar's width, and the segment in the emotion lane.
 */

const bar = (page: Page) => page.getByRole('region', { name: 'Data overlay' });

async function loadSample(page: Page) {
  await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
  await bar(page).getByRole('button', { name: 'Load sample data' }).click();
  await expect(card(page, 'Wrong item: support call')).toHaveAttribute('data-overlay-step', '-3');
}

test('Target and Min n take decimal numbers only: hex and exponents are refused on the field', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  await loadSample(page);
  const target = bar(page).getByLabel('Target');
  const saved = await target.inputValue();
  for (const bad of ['0x10', '1e2', '0b11']) {
    await target.fill(bad);
    await target.press('Enter');
    await expect(target).toHaveAttribute('aria-invalid', 'true');
    await expect(target).toHaveAccessibleDescription(
      `Type a decimal number like 45 or 7.5, not “${bad}” (empty: no target).`,
    );
  }
  // Nothing was saved: the cards are still coloured against the old target.
  await expect(card(page, 'Wrong item: support call')).toHaveAttribute('data-overlay-step', '-3');
  await target.fill('7,5');
  await target.press('Enter');
  await expect(target).toHaveAttribute('aria-invalid', 'false');
  await target.fill(saved);
  await target.press('Enter');
  await expect(target).toHaveAttribute('aria-invalid', 'false');

  await bar(page).getByText('Settings', { exact: true }).click();
  const minN = bar(page).getByLabel('Min n');
  const before = await minN.inputValue();
  for (const bad of ['0x10', '1e2', '30.5']) {
    await minN.fill(bad);
    await minN.press('Enter');
    await expect(minN).toHaveAttribute('aria-invalid', 'true');
    await expect(minN).toHaveAccessibleDescription('The minimum n is a whole number from 1 to 100000.');
  }
  await minN.fill(before);
  await minN.press('Enter');
  await expect(minN).toHaveAttribute('aria-invalid', 'false');

  // The inspector's number fields (votes here) refuse exponents too, saying so on the field.
  await page.keyboard.press('Escape');
  await card(page, 'Wrong item: support call').click();
  const painPoint = page.getByTestId('painpoint-note').first();
  await painPoint.click();
  const votes = inspector(page).getByLabel('Votes', { exact: true });
  await votes.fill('1e1');
  await votes.press('Enter');
  await expect(votes).toHaveAttribute('aria-invalid', 'true');
  await expect(votes).toHaveAccessibleDescription('Enter a whole number in digits, like 12.');
});

test('with a segment chosen, the emotion lane’s legend and data diamonds name it', async ({ page, host }) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  await loadSample(page);
  const lane = page.getByTestId('emotion-lane');
  const legend = lane.getByRole('list', { name: 'Curves' });
  const diamond = (name: string) =>
    page.getByTestId('emotion-data-series').getByRole('img', { name: new RegExp(`at ${name}: `) });
  // Every segment: the curve is the metric's, nothing more.
  await expect(legend.getByRole('listitem')).toHaveText(['Designed emotion', 'NPS (data)']);
  await expect(diamond('Wrong item: support call')).toHaveAccessibleName(/^NPS \(data\) at Wrong item/);

  await bar(page).getByLabel('Segment').selectOption({ label: 'Premium' });
  await expect(legend.getByRole('listitem').nth(1)).toHaveAccessibleName(
    'NPS (data), segment Premium: dashed line with diamonds',
  );
  await expect(legend.getByRole('listitem').nth(1)).toHaveText('NPS (data)Premium');
  await expect(page.getByTestId('emotion-data-series')).toHaveAccessibleName('NPS (data), segment Premium');
  await expect(diamond('Wrong item: support call')).toHaveAccessibleName(
    /^NPS \(data\), segment Premium at Wrong item: support call: NPS /,
  );
  // The tooltip says the same.
  await expect(diamond('Wrong item: support call').locator('title')).toHaveText(
    /^NPS \(data\), segment Premium at Wrong item/,
  );

  await bar(page).getByLabel('Segment').selectOption({ label: 'All segments' });
  await expect(legend.getByRole('listitem')).toHaveText(['Designed emotion', 'NPS (data)']);
});
