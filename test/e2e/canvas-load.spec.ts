import { createOnlineStore, expect, test, viewOf } from './fixtures';
import { createStoredMap, largeBenchMap } from './large-map';

/**
 * How a map opens and what the overview in the corner does (README, Performance): opened by its
 * address, the map is asked for once, early; the overview draws every card, one path per colour,
 * and panning and zooming on it move the canvas.
 */

/** How many rectangles a path draws ("M x,y h w v h h -w z" each). */
const rectangles = (d: string | null) => (d ?? '').split('M').length - 1;

test('a map opened by its address is asked for once, and opens with every card', async ({ page, host }) => {
  const id = await createStoredMap(host.dbPath, largeBenchMap());
  const gets: string[] = [];
  const settings: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/journeys.get')) gets.push(request.postData() ?? '');
    if (request.url().endsWith('/api/metrics.settings')) settings.push(request.postData() ?? '');
  });
  await page.goto(`${host.url}#/map/${id}`);
  await expect(page.locator('.react-flow__node-touchpoint')).toHaveCount(300);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(gets).toEqual([JSON.stringify({ id })]);
  // Its metric settings are asked for once too.
  expect(settings).toEqual([JSON.stringify({ journeyId: id })]);

  // A click selects, and an edit is saved: the early answer is the document the editor works on.
  const card = page.locator('.react-flow__node[data-id="bench-tp-45"]');
  await card.click();
  await expect(card).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await expect(page.locator('.react-flow__node-touchpoint')).toHaveCount(299);
  expect(gets).toHaveLength(2);
});

test('the overview draws every card, one path per colour; dragging and wheeling on it move the canvas', async ({
  page,
  host,
}) => {
  const id = await createStoredMap(host.dbPath, largeBenchMap());
  await page.goto(`${host.url}#/map/${id}`);
  await expect(page.locator('.react-flow__node-touchpoint')).toHaveCount(300);

  const overview = page.getByRole('img', { name: 'Map overview' });
  await expect(overview).toBeVisible();
  const shapes = overview.locator('.react-flow__minimap-node');
  const fills = await shapes.evaluateAll((paths) => paths.map((p) => (p as SVGPathElement).style.fill));
  // Lane colours (the lane headers), the headers, touchpoints and pain points: one path each.
  expect(new Set(fills).size).toBe(fills.length);
  const touchpointPath = overview.locator('.react-flow__minimap-node[style*="touchpoint"]');
  expect(rectangles(await touchpointPath.getAttribute('d'))).toBe(300);
  const painPath = overview.locator('.react-flow__minimap-node[style*="painpoint"]');
  const painCount = await page.locator('.react-flow__node-painpoint').count();
  expect(painCount).toBeGreaterThan(0);
  expect(rectangles(await painPath.getAttribute('d'))).toBe(painCount);

  // Zoom the canvas in, then drag the overview's viewport frame: the canvas pans the same way.
  const box = (await overview.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const fitted = await viewOf(page);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await viewOf(page)).zoom).toBeGreaterThan(fitted.zoom * 1.5);
  const zoomed = await viewOf(page);

  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.up();
  // Dragging the frame right and down shows what lies right and below: the map moves left and up.
  await expect.poll(async () => (await viewOf(page)).x).toBeLessThan(zoomed.x - 20);
  const panned = await viewOf(page);
  expect(panned.y).toBeLessThan(zoomed.y);
  expect(panned.zoom).toBeCloseTo(zoomed.zoom, 5);
});

test('the overview of a template map shows its cards and follows an edit', async ({ page, host }) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const overview = page.getByRole('img', { name: 'Map overview' });
  const touchpointPath = overview.locator('.react-flow__minimap-node[style*="touchpoint"]');
  const count = await page.locator('.react-flow__node-touchpoint').count();
  expect(rectangles(await touchpointPath.getAttribute('d'))).toBe(count);

  await page.locator('.react-flow__node-touchpoint').first().click();
  await page.keyboard.press('Delete');
  await expect.poll(async () => rectangles(await touchpointPath.getAttribute('d'))).toBe(count - 1);
});
