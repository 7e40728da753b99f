import type { Page } from '@playwright/test';
import { expect, test, card, createFromTemplate, nameInPlace, saved } from './fixtures';

/**
 * The workshop tools end to end, driven like a facilitator: dot-voting and the ranked list, find,
 * filters, the presentation text scale, and the library's search, sort and thumbnails.
 */

const votesPanel = (page: Page) => page.getByRole('complementary', { name: 'Votes ranking' });
const rankedNames = (page: Page) => votesPanel(page).getByTestId('votes-entry').locator('.votes-entry__name');
const note = (page: Page, name: string) => page.getByTestId('painpoint-note').filter({ hasText: name });
const flowNode = (page: Page, name: string) =>
  page.locator('.react-flow__node').filter({ has: page.getByText(name, { exact: true }) });

test('dot-voting: +2 on a pain point moves it up the ranked list; reset asks, and one undo brings the votes back', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await page.getByRole('button', { name: 'Votes', exact: true }).click();
  await expect(votesPanel(page)).toBeVisible();
  // Nobody has voted: critical pain points lead, then high, then by name.
  await expect(rankedNames(page)).toHaveText([
    'Confusing checkout',
    'Wrong item shipped',
    'Long hold time',
    'No refund status updates',
    'Return policy in the fine print',
    'Too many options on one page',
    // Opportunities take votes too; with no severity they follow the pain points of equal votes.
    'Pay as a guest on one page',
  ]);

  // One click on the note's + (shown on hover), then the + key on the selected note.
  await note(page, 'Too many options on one page').hover();
  await page.getByRole('button', { name: 'Add a vote to Too many options on one page' }).first().click();
  await page.keyboard.press('+');
  await expect(note(page, 'Too many options on one page').getByTestId('pain-votes')).toHaveText('2');
  await expect(rankedNames(page).first()).toHaveText('Too many options on one page');
  await expect(votesPanel(page).getByTestId('votes-entry-count').first()).toContainText('2');
  // The − key takes one away; the inspector's stepper adds it back.
  await page.keyboard.press('-');
  await expect(note(page, 'Too many options on one page').getByTestId('pain-votes')).toHaveText('1');
  await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('button', { name: 'Add a vote' })
    .click();
  await expect(note(page, 'Too many options on one page').getByTestId('pain-votes')).toHaveText('2');
  // A vote from the ranked list itself.
  await votesPanel(page).getByRole('button', { name: 'Add a vote to Long hold time' }).click();
  await expect(rankedNames(page).nth(1)).toHaveText('Long hold time');
  await saved(page);

  // Clicking an entry selects that pain point.
  await votesPanel(page)
    .getByRole('button', { name: /Long hold time/ })
    .first()
    .click();
  await expect(
    page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true }),
  ).toHaveValue('Long hold time');

  // Reset all votes: asks first; Cancel keeps them.
  await votesPanel(page).getByRole('button', { name: 'Reset all votes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset all votes?' });
  await expect(confirm).toContainText('All 3 votes on 2 items');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(rankedNames(page).first()).toHaveText('Too many options on one page');
  await votesPanel(page).getByRole('button', { name: 'Reset all votes' }).click();
  await page
    .getByRole('dialog', { name: 'Reset all votes?' })
    .getByRole('button', { name: 'Reset votes' })
    .click();
  await expect(rankedNames(page).first()).toHaveText('Confusing checkout');
  await expect(votesPanel(page).getByText('0 votes on 6 pain points and 1 opportunity')).toBeVisible();
  await saved(page);

  // One undo step brings every vote back, and the library follows after a reload.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rankedNames(page).first()).toHaveText('Too many options on one page');
  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Votes', exact: true }).click();
  await expect(rankedNames(page).first()).toHaveText('Too many options on one page');
  await expect(votesPanel(page).getByText('3 votes on 6 pain points and 1 opportunity')).toBeVisible();
});

test('Ctrl+F finds "checkout", counts and cycles through the matches; Escape clears', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find on map' });
  await expect(find).toBeFocused();
  await page.keyboard.type('checkout');
  const status = page.getByTestId('find-status');
  await expect(status).toHaveText('1 of 2');
  await expect(page.locator('.react-flow__node.is-found')).toHaveCount(2);
  await expect(flowNode(page, 'Checkout and payment')).toHaveClass(/is-found-current/);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('2 of 2');
  await expect(flowNode(page, 'Confusing checkout')).toHaveClass(/is-found-current/);
  await expect(
    page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true }),
  ).toHaveValue('Confusing checkout');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('1 of 2');
  await page.keyboard.press('Shift+Enter');
  await expect(status).toHaveText('2 of 2');
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveText('1 of 2');
  // Text only in a pain point's evidence is found too.
  await find.fill('blindfolded');
  await expect(status).toHaveText('1 of 1');
  await find.fill('zzz');
  await expect(status).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await expect(page.locator('.react-flow__node.is-found')).toHaveCount(0);
  // Opening it again starts empty.
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Find on map' })).toHaveValue('');
});

test('a department filter fades every other card; filters combine; Clear filters restores', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  const cards = page.locator('.react-flow__node-touchpoint, .react-flow__node-painpoint');
  const dimmed = page.locator(
    '.react-flow__node-touchpoint.is-dimmed, .react-flow__node-painpoint.is-dimmed',
  );
  await expect(cards).toHaveCount(21);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Department' }).click();
  await filters.getByRole('checkbox', { name: 'Customer Service' }).check();
  await page.keyboard.press('Escape');
  await expect(filters.getByTestId('filter-summary')).toHaveText('6 of 22 cards match');
  await expect(dimmed).toHaveCount(15);
  await expect(flowNode(page, 'Wrong item: support call')).not.toHaveClass(/is-dimmed/);
  await expect(flowNode(page, 'Checkout and payment')).toHaveClass(/is-dimmed/);
  await expect(page.locator('.react-flow__node-laneHeader.is-dimmed')).toHaveCount(3);

  // And critical: the Customer Service cards with a critical pain point — none — so everything fades.
  await filters.getByRole('button', { name: 'Severity' }).click();
  await filters.getByRole('checkbox', { name: 'Critical' }).check();
  await page.keyboard.press('Escape');
  await expect(filters.getByTestId('filter-summary')).toHaveText('0 of 22 cards match');
  // Or Product: the critical checkout, its pain point and the idea attached to it.
  await filters.getByRole('button', { name: /Department/ }).click();
  await filters.getByRole('checkbox', { name: 'Product' }).check();
  await page.keyboard.press('Escape');
  await expect(filters.getByTestId('filter-summary')).toHaveText('3 of 22 cards match');
  await expect(flowNode(page, 'Confusing checkout')).not.toHaveClass(/is-dimmed/);
  await expect(page.getByRole('button', { name: 'Filter (2 active)' })).toBeVisible();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(dimmed).toHaveCount(0);
  await expect(filters.getByTestId('filter-summary')).toHaveText('22 cards, no filter');
});

test('the card text scale grows the cards and is remembered after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  // A card with room around it (one in a tight stack grows less, see polish.spec.ts).
  const card = page.getByTestId('touchpoint-card').filter({ hasText: 'Order confirmation' });
  const name = card.locator('.tp-card__name');
  // Near enough to read cards (far out they show large names only).
  await card.click();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  const fontSize = () => name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await fontSize()).toBe(13.5);
  const picker = page.getByLabel('Card text size');
  await expect(picker).toHaveValue('1');
  await picker.selectOption('1.5');
  await expect.poll(fontSize).toBe(20.25);
  // Ctrl+Shift++ steps up to 200%; the card grows to hold its text.
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+Shift+Equal');
  await expect(picker).toHaveValue('2');
  await expect.poll(fontSize).toBe(27);
  const box = await card.boundingBox();
  const zoom = await page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    return new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  });
  expect(box!.height / zoom).toBeGreaterThan(96 * 1.8);
  // The name is not cut off sideways: it wraps inside the card.
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await page.reload();
  await expect(page.getByLabel('Card text size')).toHaveValue('2');
  await page.getByLabel('Card text size').selectOption('1');
  await page.reload();
  await expect(page.getByLabel('Card text size')).toHaveValue('1');
});

test('the library searches by name as you type, sorts (remembered) and shows a thumbnail of each map', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  for (const name of ['Online store purchase', 'Café visit', 'Contact-centre support case']) {
    await createFromTemplate(page, name);
    await page.getByRole('button', { name: 'Back to library' }).click();
  }
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Untitled journey');
  await page.getByRole('button', { name: 'Back to library' }).click();

  const names = page.getByTestId('journey-card').locator('.journey-card__name');
  // Newest change first by default.
  await expect(names).toHaveText([
    'Untitled journey',
    'Contact-centre support case',
    'Café visit',
    'Online store purchase',
  ]);

  // Every map has a miniature: its stages, lanes and cards.
  const thumbnails = page.getByTestId('map-thumbnail');
  await expect(thumbnails).toHaveCount(4);
  const store = page.getByTestId('journey-card').filter({ hasText: 'Online store purchase' });
  await expect(
    store.getByRole('img', { name: 'Miniature of Online store purchase: 5 stages, 4 lanes, 22 cards' }),
  ).toBeVisible();
  await expect(store.locator('.map-thumb__card--touchpoint')).toHaveCount(15);
  await expect(store.locator('.map-thumb__card--painpoint')).toHaveCount(6);
  await expect(store.locator('.map-thumb__column')).toHaveCount(5);

  // Search filters as you type, ignoring case and accents.
  const search = page.getByRole('searchbox', { name: 'Search maps by name' });
  await search.fill('CAFE');
  await expect(names).toHaveText(['Café visit']);
  await expect(page.getByTestId('library-count')).toHaveText('1 of 4');
  await search.fill('zzz');
  await expect(page.getByText('No map has “zzz” in its name.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(names).toHaveCount(4);

  // Sort by name, by number of touchpoints; the choice is remembered after a reload.
  const sort = page.getByLabel('Sort by');
  await sort.selectOption('name');
  await expect(names).toHaveText([
    'Café visit',
    'Contact-centre support case',
    'Online store purchase',
    'Untitled journey',
  ]);
  await sort.selectOption('touchpoints');
  await expect(names.last()).toHaveText('Untitled journey');
  await page.reload();
  await expect(page.getByLabel('Sort by')).toHaveValue('touchpoints');
  await expect(names.last()).toHaveText('Untitled journey');
  await page.getByLabel('Sort by').selectOption('created');
  await expect(names.first()).toHaveText('Untitled journey');

  // A thumbnail follows the map: a card added there shows in the miniature.
  await page.getByRole('button', { name: 'Open Untitled journey' }).click();
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await nameInPlace(page, 'Store locator');
  await page.getByRole('button', { name: 'Back to library' }).click();
  const blank = page.getByTestId('journey-card').filter({ hasText: 'Untitled journey' });
  await expect(blank.locator('.map-thumb__card--touchpoint')).toHaveCount(1);
});

test('a pain point’s context menu adds and removes votes', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  const votes = note(page, 'Confusing checkout').getByTestId('pain-votes');
  const fromMenu = async (item: RegExp) => {
    await note(page, 'Confusing checkout').click({ button: 'right' });
    await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
  };
  await fromMenu(/Add a vote/);
  await expect(votes).toHaveText('1');
  await fromMenu(/Add a vote/);
  await expect(votes).toHaveText('2');
  await fromMenu(/Remove a vote/);
  await expect(votes).toHaveText('1');
  // A touchpoint's menu has no voting.
  await card(page, 'Search ad').click({ button: 'right' });
  await expect(page.getByRole('menu').getByRole('menuitem', { name: /vote/ })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the workshop tools (${scheme}), kept as artifacts`, async ({
    page,
    host,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await createFromTemplate(page, 'Online store purchase');
    const shoot = async (name: string) => {
      const path = testInfo.outputPath(`${name}-${scheme}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`${name} (${scheme})`, { path, contentType: 'image/png' });
    };
    await page.getByRole('button', { name: 'Votes', exact: true }).click();
    await votesPanel(page).getByRole('button', { name: 'Add a vote to Long hold time' }).click();
    await votesPanel(page).getByRole('button', { name: 'Add a vote to Long hold time' }).click();
    await expect(rankedNames(page).first()).toHaveText('Long hold time');
    await note(page, 'Long hold time').hover();
    await shoot('votes-panel');
    await page.getByRole('button', { name: 'Votes', exact: true }).click();

    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Department' }).click();
    await filters.getByRole('checkbox', { name: 'Customer Service' }).check();
    await page.keyboard.press('Escape');
    await expect(filters.getByTestId('filter-summary')).toHaveText('6 of 22 cards match');
    await shoot('filter-department');
    await filters.getByRole('button', { name: 'Close filters' }).click();

    await page.getByLabel('Card text size').selectOption('1.5');
    await page.getByTestId('touchpoint-card').filter({ hasText: 'Checkout and payment' }).click();
    await page.keyboard.press('Control+=');
    await page.keyboard.press('Control+=');
    await expect(page.locator('.journey-canvas.is-scaled')).toHaveCount(1);
    await shoot('text-150');
    await page.getByLabel('Card text size').selectOption('1');

    await page.getByRole('button', { name: 'Back to library' }).click();
    await createFromTemplate(page, 'Café visit');
    await page.getByRole('button', { name: 'Back to library' }).click();
    await expect(page.getByTestId('map-thumbnail')).toHaveCount(2);
    await shoot('library-thumbnails');
  });
}
