import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The main screen on a projector and a laptop: a template map fitted in small windows keeps its
 * card details, the overlay legend leaves the fitted map uncovered, the top bar fits, and a large
 * card text scale never stacks cards on top of each other.
 */

async function createOnlineStore(page: Page) {
  await page.getByRole('button', { name: 'New from template…' }).click();
  const chooser = page.getByRole('dialog', { name: 'New map from template' });
  await chooser.getByRole('button', { name: 'Create Online store purchase' }).click();
  await expect(chooser).toBeHidden();
  await expect(page.getByTestId('map-title')).toContainText('Online store purchase');
}

const zoomOf = (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    return new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  });

async function fitView(page: Page) {
  const before = await zoomOf(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+0');
  // The fit animates; wait until the zoom has settled.
  let last = before;
  await expect
    .poll(async () => {
      const now = await zoomOf(page);
      const settled = Math.abs(now - last) < 1e-4;
      last = now;
      return settled;
    })
    .toBe(true);
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a fitted template map keeps badges, emotion, counts and vote buttons; far out it shows names', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await createOnlineStore(page);
    await fitView(page);
    // Fitted in a laptop window the zoom is well under 0.42, yet the cards keep their details.
    expect(await zoomOf(page)).toBeLessThan(0.42);
    const canvas = page.locator('.journey-canvas');
    await expect(canvas).not.toHaveClass(/\bis-far\b/);
    const checkout = page.getByTestId('touchpoint-card').filter({ hasText: 'Checkout and payment' });
    await expect(checkout.locator('.mode-badge')).toBeVisible();
    await expect(checkout.locator('.tp-card__emotion')).toBeVisible();
    await expect(checkout.getByLabel('1 pain point')).toBeVisible();
    // Vote buttons appear on a pain note under the pointer.
    const confusing = page.getByTestId('painpoint-note').filter({ hasText: 'Confusing checkout' });
    await confusing.hover();
    await expect(page.getByRole('button', { name: 'Add a vote to Confusing checkout' })).toBeVisible();

    // With the emotion curve lane shown too, the fitted map still keeps its details.
    await page.mouse.click(40, 400, { button: 'right' });
    await page.getByRole('menu').getByRole('menuitem', { name: /Show emotion curve/ }).click();
    await expect(page.getByTestId('emotion-lane')).toBeVisible();
    await fitView(page);
    await expect(canvas).not.toHaveClass(/\bis-far\b/);
    await confusing.hover();
    await expect(page.getByRole('button', { name: 'Add a vote to Confusing checkout' })).toBeVisible();

    // Zoomed out much further the cards show their names only; back at fit, details again.
    const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
    for (let i = 0; i < 12 && !(await canvas.getAttribute('class'))!.includes('is-far'); i++) {
      await zoomOut.click();
    }
    await expect(canvas).toHaveClass(/\bis-far\b/);
    expect(await zoomOf(page)).toBeLessThan(0.2);
    await expect(checkout.locator('.mode-badge')).toHaveCount(0);
    await expect(checkout).toContainText('Checkout and payment');
    await fitView(page);
    await expect(canvas).not.toHaveClass(/\bis-far\b/);
    await expect(checkout.locator('.mode-badge')).toBeVisible();
  });

  test('the overlay legend covers no card of the fitted map, and its key opens on demand', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await createOnlineStore(page);
    await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
    const bar = page.getByRole('region', { name: 'Data overlay' });
    await bar.getByRole('button', { name: 'Load sample data' }).click();
    const legend = page.getByRole('region', { name: 'Overlay legend' });
    await expect(legend).toContainText('NPS · 2025-Q4');
    await expect(legend).toContainText('target +30');
    for (const panels of ['overlay only', 'breakdowns open']) {
      if (panels === 'breakdowns open') await bar.getByRole('button', { name: /Breakdowns/ }).click();
      await fitView(page);
      const box = (await legend.boundingBox())!;
      const covered: string[] = [];
      for (const node of await page.locator('.react-flow__node').all()) {
        const type = await node.getAttribute('data-id');
        const b = await node.boundingBox();
        if (!b || !type || type === 'grid:background') continue;
        const overlaps =
          b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height;
        if (overlaps) covered.push(type);
      }
      expect(covered, `cards under the legend with ${panels}`).toEqual([]);
    }
    // The longer key is one click (or Enter) away and closes the same way.
    const key = legend.getByText('Key', { exact: true });
    const hatch = legend.getByText(/uncertain: n below 30/);
    await expect(hatch).toBeHidden();
    await key.focus();
    await page.keyboard.press('Enter');
    await expect(hatch).toBeVisible();
    await expect(legend.getByText('hand-off that loses customers')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(hatch).toBeHidden();
  });
});
