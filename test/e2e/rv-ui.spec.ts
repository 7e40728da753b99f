import { createOnlineStore, expect, expectMinNRefuses, openImportWizard, overlayBar, test } from './fixtures';

const LONG =
  'Enterprise customers on the annual plan who signed up through a partner reseller in the EMEA region during the spring campaign';

/** Sixty NPS answers on one touchpoint, half of them under a very long segment name. */
function longSegmentCsv(): string {
  const lines = ['Step,Submitted,Recommend (0-10),Member level'];
  for (let i = 0; i < 60; i++) {
    const day = `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(['Checkout and payment', day, String(i % 11), i % 2 ? LONG : 'Basic'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

test('a long segment name keeps the overlay bar and legend tidy; bad Min n values are refused with a described message', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await createOnlineStore(page);
  const wizard = await openImportWizard(page, 'members.csv', longSegmentCsv());
  await wizard.getByLabel('Role of column “Member level”').selectOption('segment');
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await wizard.getByRole('button', { name: /^Import 60 rows$/ }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();

  const bar = overlayBar(page);
  if (!(await bar.isVisible())) await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
  const segment = bar.getByLabel('Segment');
  await segment.selectOption({ label: LONG });
  // The choice is capped in width, and its title still names the whole segment.
  await expect(segment).toHaveAttribute('title', LONG);
  const box = await segment.boundingBox();
  expect(box!.width).toBeLessThan(260);
  // The legend's title takes the ellipsis; its Key pill stays one line high.
  const legend = page.getByTestId('overlay-legend');
  await expect(legend.getByRole('heading')).toHaveAttribute('title', new RegExp(`· ${LONG}$`));
  const key = legend.getByText('Key', { exact: true });
  const keyBox = await key.boundingBox();
  expect(keyBox!.height).toBeLessThan(30);

  // Min n: empty, negative, overflowing and non-numeric input is refused, the message tied to the field.
  await expectMinNRefuses(page, ['', '-5', '1e309', 'abc']);
  await expect(bar.getByRole('alert')).toHaveCount(0);
});
