import { expect, test, createFromTemplate } from './fixtures';

/** Defects found in the review of issues 3 and 4, each pinned by the user-visible behaviour. */

test('the card text scale grows the text of opportunities and free notes too, not only their boxes', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await page.getByRole('button', { name: 'Add note' }).click();
  const opportunity = page.getByTestId('opportunity-note').first().locator('.opportunity-note__name');
  const note = page.locator('.free-note__text').first();
  await expect(note).toHaveCount(1);
  // Near enough to read cards (far out they show large names only).
  await page.getByTestId('opportunity-note').first().click();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  const size = (locator: typeof note) => () =>
    locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size(opportunity)()).toBe(13);
  expect(await size(note)()).toBe(13);
  await page.getByLabel('Card text size').selectOption('2');
  await expect.poll(size(opportunity)).toBe(26);
  await expect.poll(size(note)).toBe(26);
});

test('everything the Tab key reaches on a map has an accessible name, stage and lane headers too', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(page.getByTestId('touchpoint-card')).toHaveCount(15);
  const unnamed: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 90; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if ((await focused.count()) === 0) continue;
    const what = await focused.evaluate(
      (el) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}”`,
    );
    if (seen.has(what)) continue;
    seen.add(what);
    try {
      await expect(focused).toHaveAccessibleName(/\S/, { timeout: 200 });
    } catch {
      unnamed.push(what);
    }
  }
  expect(seen.size).toBeGreaterThan(40);
  expect(unnamed).toEqual([]);
  // Headers are named for what they are, so a screen reader says more than "group".
  await expect(page.getByRole('group', { name: 'Stage Awareness' })).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Lane Customer Service' })).toHaveCount(1);
});
