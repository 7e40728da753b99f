import type { Page } from '@playwright/test';
import { expect, test, card, createFromTemplate, inspector, saved } from './fixtures';

/**
 * The emotion curve under the grid: a user raises a touchpoint's emotion from the keyboard and by
 * dragging its point, sees the inspector follow, undoes it, and finds it again after a reload.
 */

const point = (page: Page, name: string) =>
  page.getByRole('slider', { name: new RegExp(`^Emotion of ${name}: `) });
const inspectorEmotion = (page: Page, value: string) =>
  inspector(page)
    .getByRole('radiogroup', { name: 'Emotion' })
    .getByRole('radio', { name: value, exact: true });

test('the emotion curve edits a touchpoint emotion by keyboard and by drag, one undo step each', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  const lane = page.getByTestId('emotion-lane');
  await expect(lane).toBeVisible();
  // One point per touchpoint of the template, in stage order.
  await expect(page.getByRole('slider', { name: /^Emotion of / })).toHaveCount(15);
  await expect(point(page, 'Search ad')).toHaveAccessibleName('Emotion of Search ad: 0');

  // Keyboard: focus the point, ArrowUp raises the emotion by one; the inspector follows.
  await card(page, 'Search ad').click();
  await expect(inspectorEmotion(page, '0')).toBeChecked();
  await point(page, 'Search ad').focus();
  await page.keyboard.press('ArrowUp');
  await expect(point(page, 'Search ad')).toHaveAccessibleName('Emotion of Search ad: +1');
  await expect(point(page, 'Search ad')).toBeFocused();
  await expect(inspectorEmotion(page, '+1')).toBeChecked();
  await saved(page);

  // One undo step restores it.
  await page.keyboard.press('Control+z');
  await expect(point(page, 'Search ad')).toHaveAccessibleName('Emotion of Search ad: 0');
  await expect(inspectorEmotion(page, '0')).toBeChecked();

  // Again, and it is still there after a reload.
  await point(page, 'Search ad').focus();
  await page.keyboard.press('ArrowUp');
  await expect(point(page, 'Search ad')).toHaveAccessibleName('Emotion of Search ad: +1');
  await saved(page);
  await page.reload();
  await expect(point(page, 'Search ad')).toHaveAccessibleName('Emotion of Search ad: +1');
  await card(page, 'Search ad').click();
  await expect(inspectorEmotion(page, '+1')).toBeChecked();

  // Mouse: drag Social post's point (+1) up by one step: +2, committed once, one undo step.
  const social = point(page, 'Social post');
  await expect(social).toHaveAccessibleName('Emotion of Social post: +1');
  const box = (await social.boundingBox())!;
  // The point is 14 flow units across; one step of the axis is 28 flow units.
  const step = (box.height / 14) * 28;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - step / 2, { steps: 4 });
  await page.mouse.move(x, y - step, { steps: 4 });
  await page.mouse.up();
  await expect(social).toHaveAccessibleName('Emotion of Social post: +2');
  await saved(page);
  await card(page, 'Social post').click();
  await expect(inspectorEmotion(page, '+2')).toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(social).toHaveAccessibleName('Emotion of Social post: +1');
  await expect(inspectorEmotion(page, '+1')).toBeChecked();

  // The inspector edits emotion too, and the curve follows.
  await inspector(page).getByTitle('-2: very negative').click();
  await expect(social).toHaveAccessibleName('Emotion of Social post: −2');
});

/** Shows or hides the lane from the map's right-click menu, on an empty spot left of the lane headers. */
async function toggleLane(page: Page) {
  await page.mouse.click(40, 400, { button: 'right' });
  await page
    .getByRole('menu')
    .getByRole('menuitem', { name: /Show emotion curve/ })
    .click();
}

test('the emotion curve is shown at first, hidden from the map menu, and the choice is remembered', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(page.getByTestId('touchpoint-card').first()).toBeVisible();
  await expect(page.getByTestId('emotion-lane')).toBeVisible();
  await toggleLane(page);
  await expect(page.getByTestId('emotion-lane')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('touchpoint-card').first()).toBeVisible();
  await expect(page.getByTestId('emotion-lane')).toHaveCount(0);
  await toggleLane(page);
  await expect(page.getByTestId('emotion-lane')).toBeVisible();
});
