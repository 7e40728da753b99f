import { expect, test, createOnlineStore } from './fixtures';

/** "Connect to…" (Ctrl/⌘+K): what the search says when the card it names already has the arrow. */

test('Connect to… says a searched card already has the arrow, and connects another by Enter', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  await page.getByTestId('touchpoint-card').filter({ hasText: 'Checkout and payment' }).click();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Connect “Checkout and payment” to…' });
  const search = dialog.getByRole('combobox', { name: 'Card to connect to' });
  await expect(search).toBeFocused();

  // The template already draws Checkout and payment → Order confirmation.
  await search.fill('order conf');
  await expect(dialog.getByRole('option')).toHaveCount(0);
  await expect(dialog.getByText('“Order confirmation” already has an arrow from this card.')).toBeVisible();
  await search.fill('nothing like this');
  await expect(dialog.getByText('No card matches “nothing like this”.')).toBeVisible();

  const arrows = page.locator('.react-flow__edge.edge-flow');
  const before = await arrows.count();
  await search.fill('referral');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(arrows).toHaveCount(before + 1);
});
