import type { Page } from '@playwright/test';
import { expect, test, zoomOf } from './fixtures';
import { createStoredMap, largeBenchMap } from './large-map';

/**
 * What the canvas does to stay fast on a large map (over 250 cards), checked as a user sees it:
 * it opens fitted; far out, its arrows are one layer under the cards, starting where the arrows
 * drawn nearer in start (the handles declared on each card match the handles drawn); a click
 * selects; zooming in draws the arrows as edges again.
 */

/**
 * Wheel-zooms in on the middle of a box until the view is at 0.9 or closer, waiting after each
 * step until the zoom has changed (no fixed sleeps).
 */
async function zoomInAt(page: Page, box: { x: number; y: number; width: number; height: number }) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 8 && (await zoomOf(page)) < 0.9; i++) {
    const before = await zoomOf(page);
    await page.mouse.wheel(0, -200);
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(before);
  }
}

/** The start points ("M x y") of the paths in an SVG path string. */
const starts = (d: string) =>
  [...d.matchAll(/M\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));

test('a large map opens fitted with its arrows in one layer; zoomed in, every arrow starts where it did', async ({
  page,
  host,
}) => {
  const id = await createStoredMap(host.dbPath, largeBenchMap());
  await page.goto(`${host.url}#/map/${id}`);
  const cards = page.locator('.react-flow__node-touchpoint');
  await expect(cards).toHaveCount(300);
  // Fitted: the whole map is on screen, far out, where cards show their names only.
  expect(await zoomOf(page)).toBeLessThan(0.42);
  const layer = page.getByTestId('far-edges');
  await expect(layer).toBeAttached();
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const flowPaths = layer.locator('.far-edges__group.edge-flow:not(.edge-handoff) .far-edges__path');
  const farStarts = starts((await flowPaths.first().getAttribute('d')) ?? '');
  expect(farStarts.length).toBeGreaterThan(200);

  // A click far out selects the card.
  const card = page.locator('.react-flow__node[data-id="bench-tp-45"]');
  await card.click();
  await expect(card).toHaveClass(/selected/);
  await expect(page.getByRole('textbox', { name: 'Name' }).first()).toHaveValue(/#45$/);

  // Zoom in on it: the layer goes, React Flow draws the arrows, from the same points.
  await page.keyboard.press('Escape');
  const box = (await card.boundingBox())!;
  await zoomInAt(page, box);
  await expect(layer).toHaveCount(0);
  const edgePaths = page.locator('.react-flow__edge.edge-flow:not(.edge-handoff) .react-flow__edge-path');
  await expect(edgePaths.first()).toBeAttached();
  const nearStarts = (
    await edgePaths.evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))
  ).flatMap((d) => starts(d).slice(0, 1));
  expect(nearStarts.length).toBeGreaterThan(5);
  for (const point of nearStarts) {
    const nearest = Math.min(...farStarts.map((p) => Math.hypot(p.x - point.x, p.y - point.y)));
    expect(nearest, `arrow from (${point.x}, ${point.y})`).toBeLessThan(0.75);
  }
});

test('on a large map, a filter fades cards by class; a selected card and cards drawn later keep their fade', async ({
  page,
  host,
}) => {
  const id = await createStoredMap(host.dbPath, largeBenchMap());
  await page.goto(`${host.url}#/map/${id}`);
  const cards = page.locator('.react-flow__node-touchpoint');
  await expect(cards).toHaveCount(300);
  const dimmed = page.locator('.react-flow__node-touchpoint.is-dimmed');

  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Department' }).click();
  await filters.getByRole('checkbox', { name: 'Marketing' }).check();
  await page.keyboard.press('Escape');
  // The first 300 touchpoints fill the first stage's six cells and start the second stage's first.
  const marketing = cards.filter({ has: page.locator('[style*="--lane-colour: #2563eb"]') });
  const kept = await marketing.count();
  expect(kept).toBeGreaterThan(40);
  await expect(dimmed).toHaveCount(300 - kept);
  await expect(page.locator('.react-flow__node-laneHeader.is-dimmed')).toHaveCount(5);

  // Selecting a faded card rewrites its class attribute: the fade stays.
  const card = page.locator('.react-flow__node[data-id="bench-tp-45"]');
  await expect(card).toHaveClass(/is-dimmed/);
  await card.click();
  await expect(card).toHaveClass(/selected/);
  await expect(card).toHaveClass(/is-dimmed/);

  // Zoomed in, cards mount as they come into view, faded or not as the filter says.
  const box = (await card.boundingBox())!;
  await zoomInAt(page, box);
  await page.mouse.move(box.x, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x, box.y - 400, { steps: 10 });
  await page.mouse.up();
  const shown = await cards.evaluateAll((nodes) =>
    nodes.map((n) => ({
      dimmed: n.classList.contains('is-dimmed'),
      marketing:
        (n.querySelector('.tp-card') as HTMLElement).style.getPropertyValue('--lane-colour') === '#2563eb',
    })),
  );
  expect(shown.length).toBeGreaterThan(5);
  for (const card of shown) expect(card.dimmed).toBe(!card.marketing);

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(dimmed).toHaveCount(0);
});
