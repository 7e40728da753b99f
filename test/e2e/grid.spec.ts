import type { Locator, Page, TestInfo } from '@playwright/test';
import {
  expect,
  test,
  card,
  createFromTemplate,
  inspector,
  laneHeader,
  laneOrder,
  saved,
  settledBox,
  stageHeader,
  stageOrder,
  touchpoints,
} from './fixtures';

/**
 * The grid and fast entry, driven like a facilitator does it: drag stage and lane headers to
 * reorder them, drag their edges to resize, delete a stage and move its cards, rename anything in
 * place with F2 or a double-click, and type a row of touchpoints with Tab.
 */

/** Press, move in steps, release: the way a user drags. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Where a card sits relative to its stage header (so a column's cards can be followed). */
async function offsetFrom(page: Page, cardName: string, stageName: string) {
  const c = (await card(page, cardName).boundingBox())!;
  const s = (await stageHeader(page, stageName).boundingBox())!;
  return { dx: Math.round(c.x - s.x), y: Math.round(c.y) };
}

async function expectInCell(page: Page, cardName: string, stage: string, lane: string) {
  await card(page, cardName).click();
  await expect(inspector(page).getByLabel('Stage').locator('option:checked')).toHaveText(stage);
  await expect(inspector(page).getByLabel('Department').locator('option:checked')).toHaveText(lane);
}

async function shot(page: Page, testInfo: TestInfo, name: string, clip?: Locator) {
  const path = testInfo.outputPath(`${name}.png`);
  if (clip) {
    const box = (await clip.boundingBox())!;
    await page.screenshot({
      path,
      clip: {
        x: Math.max(0, box.x - 40),
        y: Math.max(0, box.y - 40),
        width: box.width + 320,
        height: box.height + 200,
      },
    });
  } else {
    await page.screenshot({ path });
  }
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const ORIGINAL_STAGES = ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy'];

test('dragging a stage header reorders the stage with all its cards; undo restores it, saved', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);
  expect(await stageOrder(page)).toEqual(ORIGINAL_STAGES);
  const awarenessCards = ['Search ad', 'Social post', 'Influencer recommendation'];
  const before = await Promise.all(awarenessCards.map((name) => offsetFrom(page, name, 'Awareness')));

  // Grab Awareness by its header and drop it past Decision.
  const awareness = await settledBox(stageHeader(page, 'Awareness'));
  const decision = await settledBox(stageHeader(page, 'Decision'));
  const start = { x: awareness.x + 40, y: awareness.y + awareness.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y, { steps: 5 });
  await page.mouse.move(decision.x + 40, start.y, { steps: 10 });
  // While dragging, the header follows the pointer and the map shows where it lands.
  await expect(stageHeader(page, 'Awareness')).toHaveClass(/is-dragging/);
  await shot(page, testInfo, 'stage-header-drag', page.locator('.react-flow__viewport'));
  await page.mouse.up();
  await expect(stageHeader(page, 'Awareness')).not.toHaveClass(/is-dragging/);
  await saved(page);

  const moved = ['Consideration', 'Decision', 'Awareness', 'Retention', 'Advocacy'];
  expect(await stageOrder(page)).toEqual(moved);
  // Every card of the column moved with it, at the same place inside the column.
  for (const [i, name] of awarenessCards.entries()) {
    expect(await offsetFrom(page, name, 'Awareness')).toEqual(before[i]);
  }
  await expectInCell(page, 'Search ad', 'Awareness', 'Marketing');
  await page.reload();
  await expect.poll(() => stageOrder(page)).toEqual(moved);

  // Undo is one step for the whole drag (the history starts afresh after a reload: drag again).
  await settledBox(stageHeader(page, 'Awareness'));
  const a = await settledBox(stageHeader(page, 'Awareness'));
  const c = await settledBox(stageHeader(page, 'Consideration'));
  await drag(page, { x: a.x + 30, y: a.y + a.height / 2 }, { x: c.x + 10, y: a.y + a.height / 2 });
  await expect.poll(() => stageOrder(page)).toEqual(ORIGINAL_STAGES);
  await saved(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stageOrder(page)).toEqual(moved);
  await saved(page);
  await page.reload();
  await expect.poll(() => stageOrder(page)).toEqual(moved);
  await settledBox(card(page, 'Search ad'));
  for (const [i, name] of awarenessCards.entries()) {
    expect(await offsetFrom(page, name, 'Awareness')).toEqual(before[i]);
  }
});

test('dragging a lane header reorders lanes; Escape during a drag cancels it', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);
  const original = ['Marketing', 'Sales', 'Product', 'Customer Service'];
  expect(await laneOrder(page)).toEqual(original);

  const service = await settledBox(laneHeader(page, 'Customer Service'));
  const sales = await settledBox(laneHeader(page, 'Sales'));
  // Escape in the middle of a drag puts everything back.
  await page.mouse.move(service.x + 60, service.y + 20);
  await page.mouse.down();
  await page.mouse.move(service.x + 60, sales.y + 10, { steps: 10 });
  await expect.poll(() => laneOrder(page)).not.toEqual(original);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect.poll(() => laneOrder(page)).toEqual(original);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await drag(page, { x: service.x + 60, y: service.y + 20 }, { x: service.x + 60, y: sales.y + 10 });
  const reordered = ['Marketing', 'Customer Service', 'Sales', 'Product'];
  await expect.poll(() => laneOrder(page)).toEqual(reordered);
  await expectInCell(page, 'Return-policy question', 'Consideration', 'Customer Service');
  await saved(page);
  await page.reload();
  await expect.poll(() => laneOrder(page)).toEqual(reordered);
});

test('dragging a stage or lane edge resizes it; cards keep their cell; clamped to the limits', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);
  const zoom = await page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    return new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  });

  await stageHeader(page, 'Consideration').click();
  const width = inspector(page).getByLabel('Width');
  await expect(width).toHaveValue('300');
  const handle = page.getByRole('separator', { name: 'Resize stage Consideration' });
  const edge = await settledBox(handle);
  const checkoutBefore = (await card(page, 'Checkout and payment').boundingBox())!;
  const grip = { x: edge.x + edge.width / 2, y: edge.y + edge.height / 2 };
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x + 50 * zoom, grip.y, { steps: 5 });
  await page.mouse.move(grip.x + 100 * zoom, grip.y, { steps: 5 });
  await expect(stageHeader(page, 'Consideration')).toContainText('400 px');
  await shot(page, testInfo, 'stage-edge-resize', stageHeader(page, 'Consideration'));
  await page.mouse.up();
  await saved(page);
  await expect(width).toHaveValue('400');
  // The column after it moved along with its cards.
  const checkoutAfter = (await card(page, 'Checkout and payment').boundingBox())!;
  expect(Math.abs(checkoutAfter.x - checkoutBefore.x - 100 * zoom)).toBeLessThan(1.5);
  await expectInCell(page, 'Checkout and payment', 'Decision', 'Product');

  // Far past the minimum: the stage stops at 120 px and its cards stay in it.
  const e2 = await settledBox(handle);
  await drag(
    page,
    { x: e2.x + e2.width / 2, y: e2.y + e2.height / 2 },
    { x: e2.x - 350, y: e2.y + e2.height / 2 },
  );
  await stageHeader(page, 'Consideration').click();
  await expect(width).toHaveValue('120');
  await expectInCell(page, 'Product page', 'Consideration', 'Product');

  // A lane's bottom edge.
  await laneHeader(page, 'Marketing').click();
  const height = inspector(page).getByLabel('Height');
  const before = Number(await height.inputValue());
  const bottom = await settledBox(page.getByRole('separator', { name: 'Resize lane Marketing' }));
  await drag(
    page,
    { x: bottom.x + bottom.width / 2, y: bottom.y + bottom.height / 2 },
    { x: bottom.x + bottom.width / 2, y: bottom.y + bottom.height / 2 + 60 * zoom },
  );
  await laneHeader(page, 'Marketing').click();
  await expect(height).toHaveValue(String(before + 60));
  await saved(page);
  await page.reload();
  await stageHeader(page, 'Consideration').click();
  await expect(width).toHaveValue('120');
  await laneHeader(page, 'Marketing').click();
  await expect(height).toHaveValue(String(before + 60));
});

test('deleting a stage that holds cards asks; moving them keeps every card; one undo step', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);
  await expect(touchpoints(page)).toHaveCount(15);

  await stageHeader(page, 'Decision').click();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete the stage “Decision”?' });
  await expect(dialog).toContainText('Move them to the stage “Consideration”');
  // Cancel leaves everything as it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('stage-header')).toHaveCount(5);

  await page.keyboard.press('Delete');
  await dialog.getByRole('button', { name: /^Move \d+ cards to “Consideration”$/ }).click();
  await expect(page.getByTestId('stage-header')).toHaveCount(4);
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(page.getByTestId('painpoint-note')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(21);
  await expectInCell(page, 'Checkout and payment', 'Consideration', 'Product');
  await expectInCell(page, 'Order confirmation', 'Consideration', 'Sales');
  await saved(page);

  // One undo brings the stage back with its cards where they were.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('stage-header')).toHaveCount(5);
  await expectInCell(page, 'Checkout and payment', 'Decision', 'Product');
  await saved(page);
  await page.reload();
  await expect.poll(() => stageOrder(page)).toEqual(ORIGINAL_STAGES);
  await expectInCell(page, 'Order confirmation', 'Decision', 'Sales');

  // A lane too, from the command menu's action (the Delete key on its header).
  await laneHeader(page, 'Sales').click();
  await page.keyboard.press('Delete');
  const laneDialog = page.getByRole('dialog', { name: 'Delete the lane “Sales”?' });
  await laneDialog.getByRole('button', { name: /^Move \d+ cards to “Marketing”$/ }).click();
  await expect(page.getByTestId('lane-header')).toHaveCount(3);
  await expectInCell(page, 'Order confirmation', 'Decision', 'Marketing');
  await expect(touchpoints(page)).toHaveCount(15);
  await saved(page);
  await page.reload();
  await expect(page.getByTestId('lane-header')).toHaveCount(3);
  await expect(touchpoints(page)).toHaveCount(15);
});

test('F2 and double-click rename cards, notes and headers in place; Escape cancels; empty is refused', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);

  // F2 on a selected touchpoint.
  await card(page, 'Search ad').click();
  await page.keyboard.press('F2');
  const name = page.getByRole('textbox', { name: 'Touchpoint name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Search ad');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  // An empty name is refused, with a message; the field stays open.
  await expect(page.getByRole('alert').filter({ hasText: 'A name cannot be empty.' })).toBeVisible();
  await shot(page, testInfo, 'inline-rename-empty', name);
  await expect(name).toBeVisible();
  await page.keyboard.type('Search ads on Google');
  await page.keyboard.press('Enter');
  await expect(name).toBeHidden();
  await expect(card(page, 'Search ads on Google')).toHaveCount(1);

  // Double-click a stage header; Enter confirms.
  await stageHeader(page, 'Awareness').locator('.stage-header__name').dblclick();
  const stageName = page.getByRole('textbox', { name: 'Stage name' });
  await expect(stageName).toBeFocused();
  await shot(page, testInfo, 'inline-rename-stage', stageName);
  await stageName.fill('Discover');
  await stageName.press('Enter');
  await expect(stageHeader(page, 'Discover')).toHaveCount(1);

  // A lane header: Escape cancels.
  await laneHeader(page, 'Sales').locator('.lane-header__name').dblclick();
  const laneName = page.getByRole('textbox', { name: 'Lane name' });
  await laneName.fill('Nothing');
  await laneName.press('Escape');
  await expect(laneName).toBeHidden();
  await expect(laneHeader(page, 'Sales')).toHaveCount(1);
  // …and F2 on it, with blur confirming.
  await laneHeader(page, 'Sales').click();
  await page.keyboard.press('F2');
  await laneName.fill('Sales & partners');
  await laneName.blur();
  await expect(laneHeader(page, 'Sales & partners')).toHaveCount(1);

  // A pain-point note.
  await page.getByTestId('painpoint-note').filter({ hasText: 'Long hold time' }).dblclick();
  const painName = page.getByRole('textbox', { name: 'Pain point name' });
  await painName.fill('An hour on hold');
  await painName.press('Enter');
  await expect(page.getByTestId('painpoint-note').filter({ hasText: 'An hour on hold' })).toHaveCount(1);
  await saved(page);

  // Each rename is one undo step.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('painpoint-note').filter({ hasText: 'Long hold time' })).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await saved(page);

  await page.reload();
  await expect(card(page, 'Search ads on Google')).toHaveCount(1);
  await expect(stageHeader(page, 'Discover')).toHaveCount(1);
  await expect(laneHeader(page, 'Sales & partners')).toHaveCount(1);
  await expect(page.getByTestId('painpoint-note').filter({ hasText: 'An hour on hold' })).toHaveCount(1);
});

test('double-click a cell, type a name, Tab, type, Tab, type, Enter: a row of named touchpoints', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.getByTestId('stage-header')).toHaveCount(5);
  await saved(page);

  const stage = await settledBox(page.getByTestId('stage-header').first());
  const lane = await settledBox(page.getByTestId('lane-header').first());
  await page.mouse.dblclick(stage.x + stage.width / 2, lane.y + lane.height / 2);
  const name = page.getByRole('textbox', { name: 'Touchpoint name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('');
  await shot(page, testInfo, 'new-touchpoint-naming', name);
  await page.keyboard.type('Search ad');
  await page.keyboard.press('Tab');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('');
  await page.keyboard.type('Social post');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Product page');
  await page.keyboard.press('Enter');
  await expect(name).toBeHidden();
  await expect(touchpoints(page)).toHaveCount(3);
  const stageName = (await page
    .getByTestId('stage-header')
    .first()
    .locator('.stage-header__name')
    .textContent())!;
  const laneName = (await page
    .getByTestId('lane-header')
    .first()
    .locator('.lane-header__name')
    .textContent())!;
  for (const cardName of ['Search ad', 'Social post', 'Product page']) {
    await expectInCell(page, cardName, stageName, laneName);
  }
  // Cards follow each other in the cell, without overlapping.
  const boxes = await Promise.all(
    ['Search ad', 'Social post', 'Product page'].map((n) => card(page, n).boundingBox()),
  );
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
  await saved(page);

  // Each card is one undo step.
  await page.keyboard.press('Control+z');
  await expect(touchpoints(page)).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(touchpoints(page)).toHaveCount(3);
  await saved(page);
  await page.reload();
  await expect(touchpoints(page)).toHaveCount(3);
  await expect(card(page, 'Product page')).toHaveCount(1);
});

test('Escape on a new card that was never named leaves nothing: no card, no undo step', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.getByTestId('stage-header')).toHaveCount(5);
  await saved(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();

  const stage = await settledBox(page.getByTestId('stage-header').nth(1));
  const lane = await settledBox(page.getByTestId('lane-header').nth(1));
  await page.mouse.dblclick(stage.x + stage.width / 2, lane.y + lane.height / 2);
  const name = page.getByRole('textbox', { name: 'Touchpoint name' });
  await expect(name).toBeFocused();
  await expect(touchpoints(page)).toHaveCount(1);
  await page.keyboard.type('Half a thought');
  await page.keyboard.press('Escape');
  await expect(touchpoints(page)).toHaveCount(0);
  await expect(undo).toBeDisabled();

  // Tab then Escape: the first card stays, the second was never made.
  await page.mouse.dblclick(stage.x + stage.width / 2, lane.y + lane.height / 2);
  await page.keyboard.type('Chatbot');
  await page.keyboard.press('Tab');
  await expect(touchpoints(page)).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(touchpoints(page)).toHaveCount(1);
  await expect(card(page, 'Chatbot')).toHaveCount(1);

  // Clicking away from a new card left unnamed keeps it, under its default name.
  await page.mouse.dblclick(stage.x + stage.width / 2, lane.y + 12);
  await expect(name).toBeFocused();
  await name.blur();
  await expect(name).toBeHidden();
  await expect(card(page, 'New touchpoint')).toHaveCount(1);
  await saved(page);
  await page.reload();
  await expect(touchpoints(page)).toHaveCount(2);
});

test('changing a touchpoint’s stage or department in the inspector moves the card into that cell', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await card(page, 'Search ad').click();
  await inspector(page).getByLabel('Stage').selectOption({ label: 'Advocacy' });
  await inspector(page).getByLabel('Department').selectOption({ label: 'Customer Service' });
  await saved(page);
  const box = (await card(page, 'Search ad').boundingBox())!;
  const column = (await stageHeader(page, 'Advocacy').boundingBox())!;
  const row = (await laneHeader(page, 'Customer Service').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  expect(centre.x).toBeGreaterThan(column.x);
  expect(centre.x).toBeLessThan(column.x + column.width);
  expect(centre.y).toBeGreaterThan(row.y);
  expect(centre.y).toBeLessThan(row.y + row.height);
  await page.reload();
  await expectInCell(page, 'Search ad', 'Advocacy', 'Customer Service');
});
