import {
  createOnlineStore,
  expect,
  inspector,
  loadSampleData,
  overlayBar,
  stageHeader,
  test,
} from './fixtures';

/** Review of the overlay bar's number fields: a refused paste is quoted short and stays in the bar. */

test('a huge pasted Target is refused with a short quote that stays inside the overlay bar', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await createOnlineStore(page);
  await loadSampleData(page);
  const bar = overlayBar(page);
  const target = bar.getByLabel('Target');
  await target.fill('9'.repeat(400));
  await target.press('Enter');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(target).toHaveAccessibleDescription(
    `Type a decimal number like 45 or 7.5, not “${'9'.repeat(23)}…” (empty: no target).`,
  );
  const problem = bar.getByRole('alert');
  // "1,000" is a thousand to some and one to others: refused, not saved as 1.
  await target.fill('1,000');
  await target.press('Enter');
  await expect(target).toHaveAccessibleDescription(
    'Type a decimal number like 45 or 7.5, not “1,000” (empty: no target).',
  );
  await target.fill('9'.repeat(400));
  await target.press('Enter');
  const [problemBox, barBox] = [await problem.boundingBox(), await bar.boundingBox()];
  expect(problemBox!.x + problemBox!.width).toBeLessThanOrEqual(barBox!.x + barBox!.width);
});

test('“Add pain point here” names the new pain point in place, with a new pain point’s defaults', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const pains = page.getByTestId('painpoint-note');
  const count = await pains.count();
  const stage = (await stageHeader(page, 'Advocacy').boundingBox())!;
  await page.mouse.click(stage.x + stage.width / 2, stage.y + stage.height + 200, { button: 'right' });
  await page.getByRole('menuitem', { name: /^Add pain point here/ }).click();
  await expect(page.getByRole('textbox', { name: 'Pain point name' })).toBeFocused();
  await page.keyboard.type('No loyalty points');
  await page.keyboard.press('Enter');
  await expect(pains).toHaveCount(count + 1);
  await pains.filter({ hasText: 'No loyalty points' }).click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('No loyalty points');
  await expect(inspector(page).getByLabel('Severity')).toHaveValue('medium');
  await expect(inspector(page).getByLabel('Status')).toHaveValue('open');
  await expect(inspector(page).getByLabel('Votes', { exact: true })).toHaveValue('0');
  await expect(inspector(page).getByLabel('Stage')).toHaveValue('Advocacy');
});
