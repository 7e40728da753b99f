import type { Locator, Page } from '@playwright/test';
import { cellOfNode } from '../../shared/graph/grid';
import {
  expect,
  test,
  card,
  createFromTemplate,
  newBlankMap,
  saved,
  storedMap,
  touchpoints,
} from './fixtures';

/**
 * The editor's commands end to end, driven like a user: context menus, the keyboard shortcuts
 * dialog, multi-select with a selection box, align, duplicate, copy and paste through the system
 * clipboard (between maps too), pasting plain lines, and tidy.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const menu = (page: Page) => page.getByRole('menu');
/** The card that has the keyboard focus (focus goes back to it when a menu closes). */
const flowNodeFocused = (page: Page) => page.locator('.react-flow__node:focus');

/** The middle of a locator's box once the view has stopped moving. */
async function centre(locator: Locator) {
  let previous = await locator.boundingBox();
  for (;;) {
    await locator.page().waitForTimeout(50);
    const box = await locator.boundingBox();
    if (box && previous && box.x === previous.x && box.y === previous.y) {
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
    }
    previous = box;
  }
}

test('right-click a card → Duplicate; the menu works from the keyboard too', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(touchpoints(page)).toHaveCount(15);

  await card(page, 'Search ad').click({ button: 'right' });
  await expect(menu(page)).toBeVisible();
  // The menu names every item's shortcut, and what cannot run now shows disabled.
  await expect(menu(page).getByRole('menuitem', { name: /Duplicate/ })).toContainText('Ctrl+D');
  await expect(menu(page).getByRole('menuitem', { name: /Paste/ })).toBeVisible();
  await expect(menu(page).getByRole('menuitem', { name: 'Align left' })).toHaveCount(0);
  await menu(page)
    .getByRole('menuitem', { name: /Duplicate/ })
    .click();
  await expect(menu(page)).toBeHidden();
  await expect(touchpoints(page)).toHaveCount(16);
  await expect(card(page, 'Search ad')).toHaveCount(2);
  await saved(page);

  // Shift+F10 on the selection (the copy): arrows, Escape closes and gives focus back.
  await page.keyboard.press('Shift+F10');
  await expect(menu(page)).toBeVisible();
  await expect(menu(page).getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu(page).getByRole('menuitem', { name: /Duplicate/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(flowNodeFocused(page)).toHaveCount(1);
  // The ContextMenu key does the same.
  await page.keyboard.press('ContextMenu');
  await expect(menu(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  // Enter runs the focused item: Delete removes the copy.
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End');
  await expect(menu(page).getByRole('menuitem', { name: /Delete/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(touchpoints(page)).toHaveCount(15);

  // A click elsewhere closes the menu without running anything.
  await card(page, 'Social post').click({ button: 'right' });
  await expect(menu(page)).toBeVisible();
  await page.mouse.click(20, 200);
  await expect(menu(page)).toBeHidden();
  await expect(touchpoints(page)).toHaveCount(15);

  // The menu stays inside the window, even opened in the bottom-right corner.
  const viewport = page.viewportSize()!;
  await page.mouse.click(viewport.width - 340, viewport.height - 10, { button: 'right' });
  const box = (await menu(page).boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await page.keyboard.press('Escape');

  // One undo step per gesture: undo the delete, then the duplicate.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(touchpoints(page)).toHaveCount(16);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(touchpoints(page)).toHaveCount(15);
});

test('box-select three cards → Align top, one undo step', async ({ page, host }) => {
  await page.goto(host.url);
  await newBlankMap(page);
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  // Three touchpoints by double-clicking the first lane, at different heights.
  const stage = await centre(page.getByTestId('stage-header').nth(0));
  const width = stage.box.width;
  const lane = await centre(page.getByTestId('lane-header').nth(0));
  const spots = [
    { x: stage.x, y: lane.y - 10 },
    { x: stage.x + width, y: lane.y + 12 },
    { x: stage.x + 2 * width, y: lane.y - 2 },
  ];
  for (const [i, spot] of spots.entries()) {
    await pane.dblclick({ position: { x: spot.x - box.x, y: spot.y - box.y } });
    await expect(touchpoints(page)).toHaveCount(i + 1);
  }
  await saved(page);
  const ys = async () => {
    const boxes = await Promise.all([0, 1, 2].map((i) => touchpoints(page).nth(i).boundingBox()));
    return boxes.map((b) => Math.round(b!.y));
  };
  expect(new Set(await ys()).size).toBe(3);

  // Shift-drag a box around all three from an empty spot.
  const from = { x: stage.box.x + 4, y: lane.y - lane.box.height / 2 + 4 };
  const to = { x: stage.box.x + 3 * width - 4, y: lane.y + lane.box.height / 2 - 4 };
  await page.mouse.click(from.x, from.y);
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node-touchpoint.selected')).toHaveCount(3);

  // The selection box now lies over the cards: a right-click on it opens the selection's menu.
  const middle = await centre(touchpoints(page).nth(1));
  await page.mouse.click(middle.x, middle.y, { button: 'right' });
  await expect(menu(page)).toHaveAccessibleName('3 cards');
  await menu(page).getByRole('menuitem', { name: 'Align top' }).click();
  await expect.poll(async () => new Set(await ys()).size).toBe(1);
  await saved(page);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => new Set(await ys()).size).toBe(3);

  // Shift-click adds to the selection too; Ctrl+A selects every card.
  await page.mouse.click(20, 200);
  await card(page, 'New touchpoint').nth(0).click();
  await card(page, 'New touchpoint')
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node-touchpoint.selected')).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.locator('.react-flow__node-touchpoint.selected')).toHaveCount(3);
  // Panning still works with a plain drag on the empty pane.
  const before = await centre(page.getByTestId('stage-header').nth(0));
  await page.mouse.move(box.x + box.width - 60, box.y + box.height - 160);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 160, box.y + box.height - 200, { steps: 8 });
  await page.mouse.up();
  const after = await centre(page.getByTestId('stage-header').nth(0));
  expect(after.x).toBeLessThan(before.x - 50);
});

test('copy two connected cards and paste them into another map, arrow kept', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await card(page, 'Product page').click();
  await card(page, 'Customer reviews').click({ modifiers: ['Shift'] });
  await page.keyboard.press('ControlOrMeta+c');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(text)).toMatchObject({ format: 'journey-studio/clipboard', version: 1 });

  await page.getByRole('button', { name: 'Back to library' }).click();
  await newBlankMap(page);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const pane = await centre(page.getByTestId('stage-header').nth(1));
  await page.mouse.move(pane.x, pane.y + 200);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(touchpoints(page)).toHaveCount(2);
  await expect(card(page, 'Product page')).toHaveCount(1);
  await expect(card(page, 'Customer reviews')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await saved(page);

  const stored = storedMap(page, host.dbPath);
  expect(stored.nodes.map((n) => ('name' in n ? n.name : '')).sort()).toEqual([
    'Customer reviews',
    'Product page',
  ]);
  expect(stored.edges).toHaveLength(1);
  // Fresh ids, in the cells they were pasted into.
  for (const node of stored.nodes) {
    expect(cellOfNode(node, stored.stages, stored.departments)).toEqual({
      stageId: node.stageId,
      departmentId: node.departmentId,
    });
  }

  // A bad envelope changes nothing and says what is wrong.
  await page.evaluate((t) => navigator.clipboard.writeText(t.replace('"version": 1', '"version": 7')), text);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.getByText(/format version 7/)).toBeVisible();
  await expect(touchpoints(page)).toHaveCount(2);

  // Cut takes the cards away and a paste brings them back, arrow and all.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+x');
  await expect(touchpoints(page)).toHaveCount(0);
  await page.mouse.move(pane.x, pane.y + 200);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(touchpoints(page)).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('pasting plain lines makes one touchpoint per line, in one cell', async ({ page, host }) => {
  await page.goto(host.url);
  await newBlankMap(page);
  await page.evaluate(() => navigator.clipboard.writeText('TV ad\nRadio spot\n\nFlyer\n'));
  const stage = await centre(page.getByTestId('stage-header').nth(1));
  const lane = await centre(page.getByTestId('lane-header').nth(2));
  await page.mouse.click(stage.x, lane.y, { button: 'right' });
  await expect(menu(page)).toHaveAccessibleName('Map');
  await menu(page).getByRole('menuitem', { name: /Paste/ }).click();
  await expect(touchpoints(page)).toHaveCount(3);
  for (const name of ['TV ad', 'Radio spot', 'Flyer']) await expect(card(page, name)).toHaveCount(1);
  await saved(page);
  const stored = storedMap(page, host.dbPath);
  const consideration = stored.stages.find((s) => s.order === 1)!;
  const lane3 = [...stored.departments].sort((a, b) => a.order - b.order)[2]!;
  for (const node of stored.nodes) {
    expect(node).toMatchObject({ stageId: consideration.id, departmentId: lane3.id });
    expect(cellOfNode(node, stored.stages, stored.departments)).toEqual({
      stageId: consideration.id,
      departmentId: lane3.id,
    });
  }
  // In a row.
  expect(new Set(stored.nodes.map((n) => n.y)).size).toBe(1);
  // One undo step takes all three away.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(touchpoints(page)).toHaveCount(0);
});

test('tidy keeps every card in its cell, in one undo step; zoom to stage', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);
  // Mess up a cell: drag a card within its cell.
  const social = await centre(card(page, 'Social post'));
  await page.mouse.move(social.x, social.y);
  await page.mouse.down();
  await page.mouse.move(social.x + 12, social.y + 14, { steps: 5 });
  await page.mouse.up();
  await saved(page);
  const before = storedMap(page, host.dbPath);

  // Right-click the empty canvas under the grid.
  const column = await centre(page.getByTestId('stage-header').nth(2));
  const lastLane = await centre(page.getByTestId('lane-header').nth(3));
  await page.mouse.click(column.x, lastLane.box.y + lastLane.box.height + 30, { button: 'right' });
  await expect(menu(page)).toHaveAccessibleName('Map');
  await menu(page).getByRole('menuitem', { name: 'Tidy' }).click();
  await saved(page);
  const after = storedMap(page, host.dbPath);
  expect(after.nodes).toHaveLength(before.nodes.length);
  for (const node of after.nodes) {
    const old = before.nodes.find((n) => n.id === node.id)!;
    expect({ stageId: node.stageId, departmentId: node.departmentId }).toEqual({
      stageId: old.stageId,
      departmentId: old.departmentId,
    });
    expect(cellOfNode(node, after.stages, after.departments)).toEqual({
      stageId: old.stageId,
      departmentId: old.departmentId,
    });
  }
  expect(
    after.nodes.some((n) => {
      const old = before.nodes.find((o) => o.id === n.id)!;
      return old.x !== n.x || old.y !== n.y;
    }),
  ).toBe(true);
  await page.keyboard.press('ControlOrMeta+z');
  await saved(page);
  const undone = storedMap(page, host.dbPath);
  expect(undone.nodes.map((n) => [n.id, n.x, n.y]).sort()).toEqual(
    before.nodes.map((n) => [n.id, n.x, n.y]).sort(),
  );
  expect(undone.stages.map((s) => s.width)).toEqual(before.stages.map((s) => s.width));

  // Zoom to stage from the stage header's menu: the column fills the view's width, centred.
  const header = page.getByTestId('stage-header').nth(3);
  const small = (await centre(header)).box.width;
  await header.click({ button: 'right' });
  await menu(page).getByRole('menuitem', { name: 'Zoom to stage' }).click();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(small * 2);
  const view = (await page.locator('.journey-canvas').boundingBox())!;
  const zoomed = await centre(header);
  expect(Math.abs(zoomed.x - (view.x + view.width / 2))).toBeLessThan(4);
});

test('the shortcuts dialog opens with "?", lists Undo, and searches', async ({ page, host }) => {
  await page.goto(host.url);
  await newBlankMap(page);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const undo = dialog.locator('[data-command="edit.undo"]');
  await expect(undo).toContainText('Undo');
  await expect(undo).toContainText(process.platform === 'darwin' ? '⌘Z' : 'Ctrl+Z');
  await expect(dialog.getByRole('region', { name: 'Clipboard' })).toContainText('Paste');
  await dialog.getByRole('searchbox', { name: 'Search commands' }).fill('dupl');
  await expect(dialog.locator('[data-command]')).toHaveCount(1);
  await expect(dialog.locator('[data-command]')).toContainText('Ctrl+D');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The toolbar's button opens it too, and gives focus back when it closes.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});
