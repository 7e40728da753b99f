import type { Page } from '@playwright/test';
import { expect, test, createOnlineStore, zoomOf } from './fixtures';

/**
 * The main screen on a projector and a laptop: a template map fitted in small windows keeps its
 * card details, the overlay legend leaves the fitted map uncovered, the top bar fits, and a large
 * card text scale never stacks cards on top of each other.
 */

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
    // The emotion curve lane is shown at first; without it first.
    await page.mouse.click(40, 400, { button: 'right' });
    await page
      .getByRole('menu')
      .getByRole('menuitem', { name: /Show emotion curve/ })
      .click();
    await expect(page.getByTestId('emotion-lane')).toHaveCount(0);
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
    await page
      .getByRole('menu')
      .getByRole('menuitem', { name: /Show emotion curve/ })
      .click();
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
          b.x < box.x + box.width &&
          box.x < b.x + b.width &&
          b.y < box.y + box.height &&
          box.y < b.y + b.height;
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

/** Every part of the top bar lies inside it, on one line, and nothing scrolls or is cut off. */
async function expectTopBarFits(page: Page) {
  const report = await page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.topbar')!;
    const box = bar.getBoundingClientRect();
    const problems: string[] = [];
    if (bar.scrollWidth > bar.clientWidth)
      problems.push(`bar scrolls: ${bar.scrollWidth} > ${bar.clientWidth}`);
    for (const toolbar of bar.querySelectorAll<HTMLElement>('.toolbar'))
      if (toolbar.scrollWidth > toolbar.clientWidth)
        problems.push(`${toolbar.getAttribute('aria-label')} scrolls`);
    for (const control of bar.querySelectorAll<HTMLElement>('button, select, h1, .save-status')) {
      const r = control.getBoundingClientRect();
      if (r.width === 0) continue; // moved into the More menu
      const name = control.getAttribute('aria-label') ?? control.textContent ?? control.tagName;
      if (r.left < box.left || r.right > box.right || r.right > window.innerWidth)
        problems.push(`${name} sticks out sideways`);
      if (r.top < box.top || r.bottom > box.bottom) problems.push(`${name} wraps or sticks out`);
    }
    return problems;
  });
  expect(report).toEqual([]);
}

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the top bar fits on one line; the less-used tools are in a keyboard-driven More menu', async ({
      page,
      host,
    }) => {
      await page.goto(host.url);
      await createOnlineStore(page);
      await expectTopBarFits(page);
      const tools = page.getByRole('toolbar', { name: 'Map tools' });
      for (const name of ['Undo', 'Add touchpoint', 'Add pain point', 'Add opportunity', 'Fit view'])
        await expect(tools.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Snapshots' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Data overlay', exact: true })).toBeVisible();
      await expect(page.getByLabel('Card text size')).toBeVisible();
      await expect(tools.getByRole('button', { name: 'Add stage' })).toBeHidden();

      // Keyboard: the arrow key opens the menu on its first item, Enter runs it.
      const more = tools.getByRole('button', { name: 'More' });
      await expect(more).toHaveAttribute('aria-haspopup', 'menu');
      await more.focus();
      await page.keyboard.press('ArrowDown');
      const menu = page.getByRole('menu', { name: 'More tools' });
      await expect(menu.getByRole('menuitem')).toHaveText(['Add stage', 'Add lane', /Keyboard shortcuts/]);
      await expect(menu.getByRole('menuitem', { name: 'Add stage' })).toBeFocused();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      const stages = page.getByTestId('stage-header');
      await expect(stages).toHaveCount(5);
      await page.keyboard.press('Enter');
      await expect(menu).toBeHidden();
      await expect(stages).toHaveCount(6);
      // Add stage starts naming the new stage in place; Escape cancels it, leaving nothing behind.
      await expect(page.getByRole('textbox', { name: 'Stage name' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(stages).toHaveCount(5);

      // Enter on the button opens it too; Escape closes it and gives the focus back.
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: 'Add lane' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(more).toBeFocused();

      // The mouse: a click opens, a second click on the button closes.
      await more.click();
      await expect(menu).toBeVisible();
      await more.click();
      await expect(menu).toBeHidden();
      await more.click();
      await menu.getByRole('menuitem', { name: /Keyboard shortcuts/ }).click();
      await expect(page.getByRole('dialog', { name: /Keyboard shortcuts/ })).toBeVisible();
      await page.keyboard.press('Escape');

      // Everything still fits with a longer save status and the overlay's bar open.
      await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
      await expectTopBarFits(page);
    });
  });
}

for (const [width, height] of [
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} every tool sits in the top bar and there is no More menu`, async ({
    page,
    host,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto(host.url);
    await createOnlineStore(page);
    await expectTopBarFits(page);
    const tools = page.getByRole('toolbar', { name: 'Map tools' });
    for (const name of ['Add stage', 'Add lane', 'Keyboard shortcuts', 'Add touchpoint'])
      await expect(tools.getByRole('button', { name })).toBeVisible();
    await expect(tools.getByRole('button', { name: 'More' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Snapshots' })).toBeVisible();
  });
}

test('at 150% and 200% text no two cards overlap; cards with room grow fully, notes included', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const picker = page.getByLabel('Card text size');
  for (const scale of ['1.5', '2']) {
    await picker.selectOption(scale);
    await fitView(page);
    await expect(page.locator('.journey-canvas')).toHaveClass(/\bis-scaled\b/);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .filter((n) => /react-flow__node-(touchpoint|painpoint|opportunity|note)\b/.test(n.className))
        .map((n) => {
          const r = n.getBoundingClientRect();
          return { id: n.dataset.id!, x: r.x, y: r.y, w: r.width, h: r.height };
        }),
    );
    expect(boxes.length).toBeGreaterThan(20);
    const overlapping: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5)
          overlapping.push(`${a.id} × ${b.id}`);
    expect(overlapping, `overlapping cards at ${scale}`).toEqual([]);
  }
  // At 200% a card with room around it is drawn at the full scale.
  const zoom = await zoomOf(page);
  const lone = page.getByTestId('touchpoint-card').filter({ hasText: 'Order confirmation' });
  const name = lone.locator('.tp-card__name');
  expect(await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(27);
  expect((await lone.boundingBox())!.height / zoom).toBeGreaterThan(96 * 1.8);
  // Opportunity notes scale their text too.
  const idea = page.locator('.opportunity-note__name').first();
  expect(await idea.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(26);
  // Some stacked cards were held back to stay clear; Tidy makes room so every card grows fully.
  const names = page.locator('.tp-card__name');
  const sizes = () => names.evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(Math.min(...(await sizes()))).toBeLessThan(27);
  await page.mouse.click(40, 200, { button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Tidy' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect.poll(async () => Math.min(...(await sizes()))).toBe(27);
  // One undo step puts the layout back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.min(...(await sizes()))).toBeLessThan(27);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => Math.min(...(await sizes()))).toBe(27);
  // Every card's name stays inside its card.
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.tp-card__name, .pain-note__name, .opportunity-note__name')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
  expect(cut).toEqual([]);
});
