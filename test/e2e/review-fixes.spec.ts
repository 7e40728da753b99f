import type { Page } from '@playwright/test';
import {
  card,
  createOnlineStore,
  expect,
  inspector,
  saved,
  stageHeader,
  laneHeader,
  test,
  touchpoints,
  expectMinNRefuses,
  loadSampleData,
  overlayBar,
} from './fixtures';

/**
 * Defects found in review, each driven like a user: number fields, in-place naming of new things,
 * the view when panels open and close, the overlay bar's width, and the segment in the emotion lane.
 */

test('Target and Min n take decimal numbers only: hex and exponents are refused on the field', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  await loadSampleData(page);
  const target = overlayBar(page).getByLabel('Target');
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

  await expectMinNRefuses(page, ['0x10', '1e2', '30.5']);

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
  await loadSampleData(page);
  const lane = page.getByTestId('emotion-lane');
  const legend = lane.getByRole('list', { name: 'Curves' });
  const diamond = (name: string) =>
    page.getByTestId('emotion-data-series').getByRole('img', { name: new RegExp(`at ${name}: `) });
  // Every segment: the curve is the metric's, nothing more.
  await expect(legend.getByRole('listitem')).toHaveText(['Designed emotion', 'NPS (data)']);
  await expect(diamond('Wrong item: support call')).toHaveAccessibleName(/^NPS \(data\) at Wrong item/);

  await overlayBar(page).getByLabel('Segment').selectOption({ label: 'Premium' });
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

  await overlayBar(page).getByLabel('Segment').selectOption({ label: 'All segments' });
  await expect(legend.getByRole('listitem')).toHaveText(['Designed emotion', 'NPS (data)']);
});

const nameEditor = (page: Page) => page.locator('.inline-edit__input');

test('Add touchpoint, pain point, opportunity, stage and lane open the name editor in place, in view', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const count = await touchpoints(page).count();

  // From the toolbar, with a card selected: the new card's own name field has the focus.
  await card(page, 'Checkout and payment').click();
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await expect(page.getByRole('textbox', { name: 'Touchpoint name' })).toBeFocused();
  await expect(inspector(page).getByLabel('Name', { exact: true })).not.toBeFocused();
  // Tab makes the next one in the same cell; Enter ends the run.
  await page.keyboard.type('Gift wrap');
  await page.keyboard.press('Tab');
  await expect(nameEditor(page)).toBeFocused();
  await expect(nameEditor(page)).toHaveValue('');
  await page.keyboard.type('Card message');
  await page.keyboard.press('Enter');
  await expect(nameEditor(page)).toBeHidden();
  await expect(touchpoints(page)).toHaveCount(count + 2);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Card message');
  await expect(inspector(page).getByLabel('Stage').locator('option:checked')).toHaveText('Decision');
  await saved(page);

  // Escape on a new card leaves nothing, and nothing to undo.
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await expect(nameEditor(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nameEditor(page)).toBeHidden();
  await expect(touchpoints(page)).toHaveCount(count + 2);

  // A pain point and an opportunity, the same way.
  await page.getByRole('button', { name: 'Add pain point' }).click();
  await expect(page.getByRole('textbox', { name: 'Pain point name' })).toBeFocused();
  await page.keyboard.type('No gift receipt');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('painpoint-note').filter({ hasText: 'No gift receipt' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Add opportunity' }).click();
  await expect(page.getByRole('textbox', { name: 'Opportunity name' })).toBeFocused();
  await page.keyboard.type('Gift receipt by email');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('opportunity-note').filter({ hasText: 'Gift receipt by email' })).toHaveCount(
    1,
  );

  // A stage and a lane (in the More menu when the top bar is narrow): their headers are named in place.
  const command = async (name: string) => {
    const button = page.getByRole('button', { name, exact: true });
    if (await button.isVisible()) return button.click();
    await page.getByRole('button', { name: 'More tools' }).click();
    await page.getByRole('menuitem', { name }).click();
  };
  await command('Add stage');
  await expect(page.getByRole('textbox', { name: 'Stage name' })).toBeFocused();
  await page.keyboard.type('Delivery');
  await page.keyboard.press('Enter');
  await expect(stageHeader(page, 'Delivery')).toHaveCount(1);
  await command('Add lane');
  await expect(page.getByRole('textbox', { name: 'Lane name' })).toBeFocused();
  await page.keyboard.type('Logistics');
  await page.keyboard.press('Enter');
  await expect(laneHeader(page, 'Logistics')).toHaveCount(1);
  await saved(page);

  // The map's context menu: "Add touchpoint here" too.
  await page.getByRole('button', { name: 'Fit view' }).click();
  const cell = await stageHeader(page, 'Delivery').boundingBox();
  await page.mouse.click(cell!.x + cell!.width / 2, cell!.y + cell!.height + 40, { button: 'right' });
  await page.getByRole('menuitem', { name: /^Add touchpoint here/ }).click();
  await expect(page.getByRole('textbox', { name: 'Touchpoint name' })).toBeFocused();
  await page.keyboard.type('Parcel locker');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Parcel locker')).toHaveCount(1);
});

test('a card added out of view is scrolled into view before its name is typed', async ({ page, host }) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  await card(page, 'Search ad').click();
  // Zoom in and pan far right: the selected card's cell is out of view.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ControlOrMeta+=');
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(600, 0);
  await expect(card(page, 'Search ad')).not.toBeInViewport();
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  const editor = page.getByRole('textbox', { name: 'Touchpoint name' });
  await expect(editor).toBeFocused();
  // Wholly inside the canvas, not just the window.
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const shown = (await editor.boundingBox())!;
  expect(shown.x).toBeGreaterThanOrEqual(canvas.x);
  expect(shown.y).toBeGreaterThanOrEqual(canvas.y);
  expect(shown.x + shown.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(shown.y + shown.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  await page.keyboard.type('Retargeting ad');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Retargeting ad')).toBeInViewport();
});

/** The canvas's transform and box: which map point is at the canvas's centre. */
async function view(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const pane = document.querySelector<HTMLElement>('.react-flow')!.getBoundingClientRect();
    return {
      zoom: m.a,
      centre: { x: (pane.width / 2 - m.e) / m.a, y: (pane.height / 2 - m.f) / m.a },
    };
  });
}

/** The view once it has stopped moving: the same transform for 300 ms of frames (zooming animates). */
async function settledView(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
        let last = getComputedStyle(viewport).transform;
        let since = performance.now();
        const frame = (time: number) => {
          const now = getComputedStyle(viewport).transform;
          if (now !== last) {
            last = now;
            since = time;
          }
          if (time - since > 300) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  return view(page);
}

/** The ids of canvas items (cards, headers, the emotion lane) the overlay legend covers. */
async function underLegend(page: Page) {
  const legend = (await page.getByRole('region', { name: 'Overlay legend' }).boundingBox())!;
  const covered: string[] = [];
  for (const node of await page.locator('.react-flow__node').all()) {
    const id = await node.getAttribute('data-id');
    const b = await node.boundingBox();
    if (!b || !id || id === 'grid:background') continue;
    if (
      b.x < legend.x + legend.width &&
      legend.x < b.x + b.width &&
      b.y < legend.y + legend.height &&
      legend.y < b.y + b.height
    )
      covered.push(id);
  }
  return covered;
}

test('panels opening and closing refit a fitted view (the legend clear of the map) and keep a moved view’s centre', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await createOnlineStore(page);
  const opened = await view(page);
  // The overlay bar opens above the canvas; the map, fitted as it opened, is fitted again.
  await loadSampleData(page);
  await expect.poll(async () => (await view(page)).zoom).toBeLessThan(opened.zoom);
  await expect(page.getByTestId('emotion-lane')).toBeInViewport({ ratio: 1 });
  expect(await underLegend(page)).toEqual([]);
  // A side panel too.
  const breakdowns = overlayBar(page).getByRole('button', { name: /^Breakdowns/ });
  await breakdowns.click();
  await expect(page.getByRole('complementary', { name: /Breakdowns/ })).toBeVisible();
  await expect.poll(() => underLegend(page)).toEqual([]);
  await expect(page.getByTestId('emotion-lane')).toBeInViewport({ ratio: 1 });
  await breakdowns.click();
  await expect(page.getByRole('complementary', { name: /Breakdowns/ })).toBeHidden();
  await expect.poll(() => underLegend(page)).toEqual([]);

  // Moved by the user (zoomed in on a card): opening a panel keeps the same map point in the
  // centre, at the same zoom, rather than refitting or keeping the top-left corner.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+=');
  await expect.poll(async () => (await view(page)).zoom).toBeGreaterThan(opened.zoom);
  const moved = await settledView(page);
  await breakdowns.click();
  await expect(page.getByRole('complementary', { name: /Breakdowns/ })).toBeVisible();
  await expect.poll(async () => (await view(page)).centre.x).toBeCloseTo(moved.centre.x, 0);
  const after = await view(page);
  expect(after.zoom).toBeCloseTo(moved.zoom, 5);
  expect(after.centre.y).toBeCloseTo(moved.centre.y, 0);
});

test('the overlay bar fits beside the inspector: one line at 1400 px, from 1024 px Breakdowns and close keep the first line', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await createOnlineStore(page);
  await loadSampleData(page);
  await expect(inspector(page)).toBeVisible();
  const metric = overlayBar(page).getByLabel('Overlay metric');
  const breakdowns = overlayBar(page).getByRole('button', { name: /^Breakdowns/ });
  const close = overlayBar(page).getByRole('button', { name: 'Turn the data overlay off' });
  const controls = [
    metric,
    overlayBar(page).getByLabel('Period length'),
    overlayBar(page).getByLabel('Period', { exact: true }),
    overlayBar(page).getByLabel('Segment'),
    overlayBar(page).getByLabel('Target'),
    overlayBar(page).getByText('Settings', { exact: true }),
    breakdowns,
    close,
  ];
  const middle = async (locator: typeof metric) => {
    const box = (await locator.boundingBox())!;
    return box.y + box.height / 2;
  };
  const lines = async () => {
    const rows: number[] = [];
    for (const control of controls) {
      const y = await middle(control);
      if (!rows.some((r) => Math.abs(r - y) < 10)) rows.push(y);
    }
    return rows.length;
  };
  expect(await lines()).toBe(1);

  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(inspector(page)).toBeVisible();
    expect(await lines(), `lines at ${width} px`).toBeLessThanOrEqual(2);
    // The actions stay on the first line, at its end; nothing leaves the bar or the window.
    expect(Math.abs((await middle(breakdowns)) - (await middle(metric)))).toBeLessThan(10);
    expect(Math.abs((await middle(close)) - (await middle(metric)))).toBeLessThan(10);
    const region = (await overlayBar(page).boundingBox())!;
    for (const control of controls) {
      await expect(control).toBeInViewport();
      const box = (await control.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(region.x + region.width);
      expect(box.y + box.height).toBeLessThanOrEqual(region.y + region.height);
    }
  }
});

test('the inspector’s shared fields behave alike on every form: name, description, votes, place, links', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const panel = inspector(page);
  const name = panel.getByLabel('Name', { exact: true });

  /** The name field refuses an empty name on the field and keeps the stored one. */
  const expectRequiredName = async (field = name) => {
    const before = await field.inputValue();
    await field.fill('   ');
    await field.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription('A name cannot be empty.');
    await field.press('Escape');
    await expect(field).toHaveValue(before);
  };

  // The map.
  await expectRequiredName();
  await expect(panel.getByLabel('Description', { exact: true })).toHaveAccessibleDescription(
    'Ctrl+Enter to save',
  );

  // A touchpoint: its pain points and opportunities as links that select them.
  await card(page, 'Checkout and payment').click();
  await expectRequiredName();
  await expect(panel.getByLabel('Description', { exact: true })).toHaveAccessibleDescription(
    'Ctrl+Enter to save',
  );
  await panel.getByRole('button', { name: /Confusing checkout/ }).click();

  // A pain point: votes with − and +, its place read-only, its touchpoint as a link.
  await expect(panel.getByRole('heading', { name: 'Confusing checkout' })).toBeVisible();
  await expectRequiredName();
  const votes = panel.getByLabel('Votes', { exact: true });
  const before = Number(await votes.inputValue());
  await panel.getByRole('button', { name: 'Add a vote' }).click();
  await expect(votes).toHaveValue(String(before + 1));
  await panel.getByRole('button', { name: 'Remove a vote' }).click();
  await expect(votes).toHaveValue(String(before));
  await expect(panel.getByLabel('Stage', { exact: true })).toHaveValue('Decision');
  await expect(panel.getByLabel('Stage', { exact: true })).toHaveAttribute('readonly', '');
  await expect(panel.getByLabel('Department', { exact: true })).toHaveValue('Product');
  await panel.getByRole('button', { name: /Pay as a guest on one page/ }).click();

  // An opportunity: the same fields, the same behaviour.
  await expect(panel.getByRole('heading', { name: 'Pay as a guest on one page' })).toBeVisible();
  await expectRequiredName();
  await expect(panel.getByLabel('Description', { exact: true })).toHaveAccessibleDescription(
    'Ctrl+Enter to save',
  );
  await expect(panel.getByRole('button', { name: 'Add a vote' })).toBeVisible();
  await expect(panel.getByLabel('Stage', { exact: true })).toHaveValue('Decision');
  await panel.getByRole('button', { name: 'Confusing checkout' }).click();
  await expect(panel.getByRole('heading', { name: 'Confusing checkout' })).toBeVisible();

  // A stage and a lane: a name and how many cards they hold.
  await stageHeader(page, 'Decision').click();
  await expectRequiredName();
  await expect(panel.getByText(/^\d+ cards? in this stage\.$/)).toBeVisible();
  await laneHeader(page, 'Product').click();
  await expectRequiredName();
  await expect(panel.getByText(/^\d+ cards? in this lane\.$/)).toBeVisible();

  // A persona's name is required too.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expectRequiredName(panel.getByLabel('Persona', { exact: true }).first());
});
