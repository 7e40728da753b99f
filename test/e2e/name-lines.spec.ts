import { card, createOnlineStore, expect, inspector, test, zoomOf } from './fixtures';

/**
 * Zoomed out so far that a card's name would be under 3 px on screen, names are drawn as lines
 * (use-far-zoom.ts, NAME_LINES_ZOOM). The cards stay what they were: named for assistive
 * technology, with the name as a tooltip, selectable; zooming in brings the words back.
 */

test('far out, names are lines; the cards keep their names, tooltips and selection', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const canvas = page.locator('.journey-canvas');
  const checkout = card(page, 'Checkout and payment');
  const name = checkout.locator('.tp-card__name');
  await expect(name).toBeVisible();

  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let i = 0; i < 20 && !(await canvas.getAttribute('class'))!.includes('is-name-lines'); i++) {
    await zoomOut.click();
  }
  await expect(canvas).toHaveClass(/\bis-name-lines\b/);
  expect(await zoomOf(page)).toBeLessThan(0.15);
  // The words are gone, a line stands in for them; the card is still the touchpoint.
  await expect(name).toBeHidden();
  await expect(checkout).toHaveAttribute('title', 'Checkout and payment');
  const line = await checkout.evaluate((el) => {
    const style = getComputedStyle(el, '::before');
    return { content: style.content, height: parseFloat(style.height) };
  });
  expect(line.content).toBe('""');
  expect(line.height).toBeGreaterThan(0);
  const node = page.locator('.react-flow__node', { has: checkout });
  await expect(node).toHaveAttribute('aria-label', 'Touchpoint Checkout and payment');

  // A click still selects it.
  await checkout.click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Checkout and payment');

  // Zoomed back in (a little past the threshold, which has some hysteresis), the name returns.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 20 && (await canvas.getAttribute('class'))!.includes('is-name-lines'); i++) {
    await zoomIn.click();
  }
  await expect(canvas).not.toHaveClass(/\bis-name-lines\b/);
  expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.15);
  await expect(name).toBeVisible();
  await expect(name).toHaveText('Checkout and payment');
});
