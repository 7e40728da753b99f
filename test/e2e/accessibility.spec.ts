import type { Page } from '@playwright/test';
import { expect, test, createFromTemplate, violations } from './fixtures';

/**
 * Accessibility of every screen in both themes, checked by axe-core (WCAG 2.1 A and AA rules:
 * names of controls, labels, contrast of text as drawn, ARIA use), and visible keyboard focus on
 * every control the Tab key reaches.
 */

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: the library, a map with the workshop tools open, and their dialogs pass axe`, async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(host.url);
    await createFromTemplate(page, 'Online store purchase');
    // The map, with the votes panel, the find bar and the filter bar open.
    await page.getByRole('button', { name: 'Votes', exact: true }).click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('checkout');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('region', { name: 'Filters' }).getByRole('button', { name: 'Severity' }).click();
    await page.getByRole('checkbox', { name: 'Critical' }).check();
    await page.getByTestId('painpoint-note').first().click();
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('Card text size').selectOption('1.5');
    expect(await violations(page)).toEqual([]);

    // A vote, so there is something to reset; then the confirmation.
    await page
      .getByRole('complementary', { name: 'Votes ranking' })
      .getByRole('button', { name: 'Add a vote to Long hold time' })
      .click();
    await page
      .getByRole('complementary', { name: 'Votes ranking' })
      .getByRole('button', { name: 'Reset all votes' })
      .click();
    await expect(page.getByRole('dialog', { name: 'Reset all votes?' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Back to library' }).click();
    await expect(page.getByTestId('map-thumbnail')).toHaveCount(1);
    expect(await violations(page)).toEqual([]);
  });
}

/** The focused element draws a focus ring (on itself, a wrapper that stands for it, or its content). */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: 'body', visible: true };
    const ringed = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    };
    // An arrow (SVG) shows focus by a thicker line in the focus colour instead of an outline.
    if (el.classList.contains('react-flow__edge')) {
      const path = el.querySelector('.react-flow__edge-path');
      const width = path ? parseFloat(getComputedStyle(path).strokeWidth) : 0;
      return { name: `arrow “${el.getAttribute('aria-label')}”`, visible: width >= 2.5 };
    }
    // The ring may sit on a wrapper that stands for the control (a library card, a search field).
    const candidates = [el, el.firstElementChild];
    for (let up = el.parentElement, n = 0; up && n < 3; up = up.parentElement, n++) candidates.push(up);
    const name =
      el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName.toLowerCase();
    return { name: `${el.tagName.toLowerCase()} “${name}”`, visible: candidates.some(ringed) };
  });
}

test('every control the Tab key reaches shows a visible focus ring', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Café visit');
  await page.getByRole('button', { name: 'Votes', exact: true }).click();
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('coffee');
  const unringed = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < 70; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusRing(page);
    seen.add(focus.name);
    if (!focus.visible) unringed.add(focus.name);
  }
  expect(seen.size).toBeGreaterThan(30);
  expect([...unringed]).toEqual([]);

  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(page.getByTestId('map-thumbnail')).toHaveCount(1);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusRing(page);
    if (!focus.visible) unringed.add(focus.name);
  }
  expect([...unringed]).toEqual([]);
});
