import { createOnlineStore, expect, loadSampleData, overlayBar, test } from './fixtures';

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
  const [problemBox, barBox] = [await problem.boundingBox(), await bar.boundingBox()];
  expect(problemBox!.x + problemBox!.width).toBeLessThanOrEqual(barBox!.x + barBox!.width);
});
