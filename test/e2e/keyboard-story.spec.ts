import type { Locator, Page } from '@playwright/test';
import { nodeLabel } from '../../shared/domain/journey';
import {
  expect,
  test,
  card,
  inspector,
  laneHeader,
  saved,
  stageHeader,
  stageOrder,
  storedMap,
  touchpoints,
  violations,
} from './fixtures';

/**
 * Issue 3's "done when", as one story: a facilitator builds the online-store journey from an empty
 * map with the keyboard only (no mouse event anywhere in this file): a new map, a lane and a stage
 * added and named, the stage moved into place, touchpoints typed in a row with F2 and Tab, one moved
 * to another lane in the inspector, cards connected with "Connect to…", a mistake undone, a pain
 * point voted on, and a snapshot saved. The library file then holds exactly that map.
 */

const flowNode = (page: Page, label: string) => page.locator(`.react-flow__node[aria-label="${label}"]`);
const headerNode = (header: Locator) =>
  header.locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]');
const nameField = (page: Page) => page.locator('.inline-edit__input');

/** Presses Tab until `target` has the focus, as a keyboard user does (the page wraps round). */
async function tabTo(page: Page, target: Locator, options: { back?: boolean } = {}) {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Focus a toolbar button by Tab and press it with Enter. */
async function press(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

/** Focus a card, header or note on the canvas by Tab and select it with Enter. */
async function selectByKeyboard(page: Page, node: Locator) {
  await tabTo(page, node);
  await page.keyboard.press('Enter');
  await expect(node).toHaveClass(/selected/);
}

/** A new stage, lane or card opens its name editor in place, focused: type the name, Enter. */
async function nameNew(page: Page, name: string) {
  await expect(nameField(page)).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(nameField(page)).toBeHidden();
  // What was named is selected, under that name.
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue(name);
}

/** Connect to…: Ctrl+K on the selected card, type part of the other card's name, Enter. */
async function connectSelectedTo(page: Page, search: string, expected: string, checkAccessibility = false) {
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: /^Connect “.+” to…$/ });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('combobox', { name: 'Card to connect to' });
  await expect(field).toBeFocused();
  await page.keyboard.type(search);
  await expect(dialog.getByRole('option', { selected: true })).toContainText(expected);
  if (checkAccessibility) {
    expect(await violations(page, '.dialog--connect')).toEqual([]);
  }
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

test('a facilitator builds the online-store journey from an empty map with the keyboard only', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'New blank map' })).toBeVisible();

  // A new, empty map, named. (Ctrl+N would do in Electron; a browser keeps that key for itself.)
  await press(page, 'New blank map');
  await expect(page.getByTestId('stage-header')).toHaveCount(5);
  await expect(touchpoints(page)).toHaveCount(0);
  await tabTo(page, page.getByTestId('map-title').getByRole('button'));
  await page.keyboard.press('Enter');
  const mapName = page.getByRole('textbox', { name: 'Map name' });
  await expect(mapName).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Online store purchase');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('map-title')).toContainText('Online store purchase');

  // A lane and a stage, added from the toolbar and named in place.
  await press(page, 'Add lane');
  await nameNew(page, 'Logistics');
  await expect(laneHeader(page, 'Logistics')).toHaveCount(1);
  await press(page, 'Add stage');
  await nameNew(page, 'Delivery');
  expect(await stageOrder(page)).toEqual([
    'Awareness',
    'Consideration',
    'Decision',
    'Retention',
    'Advocacy',
    'Delivery',
  ]);
  // Reorganise: the stage's context menu (Shift+F10) moves it left, twice.
  for (let i = 0; i < 2; i++) {
    await tabTo(page, headerNode(stageHeader(page, 'Delivery')));
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const item = menu.getByRole('menuitem', { name: /Move stage left/ });
    for (let j = 0; j < 12 && !(await item.evaluate((el) => el === document.activeElement)); j++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
  }
  expect(await stageOrder(page)).toEqual([
    'Awareness',
    'Consideration',
    'Decision',
    'Delivery',
    'Retention',
    'Advocacy',
  ]);
  await saved(page);

  // Touchpoints typed in a row: select the Marketing lane, add one, F2, then Tab between names.
  await selectByKeyboard(page, headerNode(laneHeader(page, 'Marketing')));
  await press(page, 'Add touchpoint');
  await nameNew(page, 'Search ad');
  // F2 on the card names it in place; Tab confirms and opens the next card in the row.
  await tabTo(page, flowNode(page, 'Touchpoint Search ad'));
  await page.keyboard.press('F2');
  await expect(nameField(page)).toBeFocused();
  await expect(nameField(page)).toHaveValue('Search ad');
  await page.keyboard.press('Tab');
  await expect(nameField(page)).toHaveValue('');
  await page.keyboard.type('Social post');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Product page');
  await page.keyboard.press('Enter');
  await expect(nameField(page)).toBeHidden();
  await expect(touchpoints(page)).toHaveCount(3);

  // The Decision stage gets the checkout, which belongs to Sales: moved there in the inspector.
  await selectByKeyboard(page, headerNode(stageHeader(page, 'Decision')));
  await press(page, 'Add touchpoint');
  await nameNew(page, 'Checkout and payment');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue('Checkout and payment');
  const department = inspector.getByLabel('Department');
  await tabTo(page, department);
  await page.keyboard.type('Sales');
  await expect(department.locator('option:checked')).toHaveText('Sales');
  await expect(inspector.getByLabel('Stage').locator('option:checked')).toHaveText('Decision');
  await saved(page);

  // Connected with the keyboard: Product page → Checkout, Search ad and Social post → Product page.
  await selectByKeyboard(page, flowNode(page, 'Touchpoint Product page'));
  await connectSelectedTo(page, 'check', 'Checkout and payment', true);
  await selectByKeyboard(page, flowNode(page, 'Touchpoint Search ad'));
  await connectSelectedTo(page, 'product', 'Product page');
  await selectByKeyboard(page, flowNode(page, 'Touchpoint Social post'));
  await connectSelectedTo(page, 'product', 'Product page');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  // The hand-off from Marketing to Sales is drawn as one.
  await saved(page);

  // A mistake: Product page deleted with its arrows. Ctrl+Z brings all of it back, in the file too.
  await selectByKeyboard(page, flowNode(page, 'Touchpoint Product page'));
  await page.keyboard.press('Delete');
  await expect(card(page, 'Product page')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await saved(page);
  expect(storedMap(page, host.dbPath).edges).toHaveLength(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(card(page, 'Product page')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await saved(page);
  expect(storedMap(page, host.dbPath).edges).toHaveLength(3);

  // A pain point on the checkout, named, attached and voted on (+ twice).
  await selectByKeyboard(page, flowNode(page, 'Touchpoint Checkout and payment'));
  await press(page, 'Add pain point');
  await nameNew(page, 'Confusing checkout');
  const painPoint = flowNode(page, 'Pain point Confusing checkout');
  await selectByKeyboard(page, painPoint);
  await connectSelectedTo(page, 'check', 'Checkout and payment');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(painPoint).toContainText('2');
  await saved(page);

  // A snapshot before the workshop.
  await press(page, 'Snapshots');
  const snapshots = page.getByRole('dialog', { name: 'Snapshots' });
  const snapshotName = snapshots.getByLabel('Snapshot name');
  await expect(snapshotName).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Before workshop');
  await page.keyboard.press('Enter');
  await expect(snapshots.getByTestId('snapshot-item')).toHaveCount(1);
  await expect(snapshots.getByTestId('snapshot-item')).toContainText('Before workshop');
  await page.keyboard.press('Escape');
  await expect(snapshots).toBeHidden();

  // The library file holds exactly this map.
  const map = storedMap(page, host.dbPath);
  expect(map.journey.name).toBe('Online store purchase');
  expect(map.departments.map((d) => d.name)).toContain('Logistics');
  expect(
    map.nodes
      .filter((n) => n.kind === 'touchpoint')
      .map(nodeLabel)
      .sort(),
  ).toEqual(['Checkout and payment', 'Product page', 'Search ad', 'Social post'].sort());
  const byName = new Map(map.nodes.map((n) => [nodeLabel(n), n.id]));
  const flows = map.edges
    .filter((e) => e.kind === 'flow')
    .map((e) => {
      const name = (id: string) => nodeLabel(map.nodes.find((n) => n.id === id)!);
      return `${name(e.sourceId)} → ${name(e.targetId)}`;
    })
    .sort();
  expect(flows).toEqual([
    'Product page → Checkout and payment',
    'Search ad → Product page',
    'Social post → Product page',
  ]);
  const pain = map.nodes.find((n) => n.kind === 'painpoint')!;
  expect(pain.kind === 'painpoint' && pain.votes).toBe(2);
  expect(
    map.edges.some((e) => e.sourceId === pain.id && e.targetId === byName.get('Checkout and payment')),
  ).toBe(true);
  const checkout = map.nodes.find((n) => n.id === byName.get('Checkout and payment'))!;
  expect(map.departments.find((d) => d.id === checkout.departmentId)?.name).toBe('Sales');

  // Readable after a reload: the same map, the same order.
  await page.reload();
  await expect(touchpoints(page)).toHaveCount(4);
  expect(await stageOrder(page)).toEqual([
    'Awareness',
    'Consideration',
    'Decision',
    'Delivery',
    'Retention',
    'Advocacy',
  ]);
});
