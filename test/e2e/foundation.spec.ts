import type { Page } from '@playwright/test';
import {
  expect,
  test,
  connect,
  createFromTemplate,
  inspector,
  nameInPlace,
  renameSelected,
  saved,
  settledBox,
  touchpoints,
} from './fixtures';

/**
 * The core job end to end, as a new user does it in browser mode: make a map, draw on it, connect,
 * edit in the inspector, and find everything again after a reload and after a restart.
 */

const nodeById = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

test('a new user draws a map and finds it again after a reload and a restart', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Untitled journey');
  await expect(page.getByTestId('stage-header')).toHaveCount(5);
  await expect(page.getByTestId('lane-header')).toHaveCount(4);

  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(page.getByTestId('stage-header')).toHaveCount(6);
  await nameInPlace(page, 'Onboarding');

  await page.getByRole('button', { name: 'Add lane' }).click();
  await expect(page.getByTestId('lane-header')).toHaveCount(5);
  await nameInPlace(page, 'Logistics');

  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await nameInPlace(page, 'Order tracking page');
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await nameInPlace(page, 'Delivery SMS');
  await expect(touchpoints(page)).toHaveCount(2);
  // Added with the first card selected, the second goes into the same cell; the lane grows to fit.
  await expect(inspector(page).getByLabel('Department').locator('option:checked')).toHaveText('Logistics');

  await page.getByRole('button', { name: 'Add pain point' }).click();
  await nameInPlace(page, 'Courier never rings');
  await expect(page.getByTestId('painpoint-note')).toHaveCount(1);

  // Connect the first touchpoint to the second (flow), the pain point to the second (attachment).
  await page.getByRole('button', { name: 'Fit view' }).click();
  const tracking = touchpoints(page).filter({ hasText: 'Order tracking page' });
  const sms = touchpoints(page).filter({ hasText: 'Delivery SMS' });
  const trackingId = (await tracking
    .locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]')
    .getAttribute('data-id'))!;
  const smsId = (await sms
    .locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]')
    .getAttribute('data-id'))!;
  const painId = (await page
    .getByTestId('painpoint-note')
    .locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]')
    .getAttribute('data-id'))!;
  await connect(
    page,
    nodeById(page, trackingId).locator('.react-flow__handle.source'),
    nodeById(page, smsId).locator('.react-flow__handle.target'),
  );
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await connect(
    page,
    nodeById(page, painId).locator('.react-flow__handle.source'),
    nodeById(page, smsId).locator('.react-flow__handle.target'),
  );
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await saved(page);

  // Edit more fields of a touchpoint through the inspector.
  await sms.click();
  await inspector(page).getByLabel('Channel').selectOption('mobile-app');
  await inspector(page).getByLabel('Description').fill('Text message on the day of delivery');
  await inspector(page).getByLabel('Description').blur();
  await saved(page);

  const expectEverything = async () => {
    await expect(page.getByTestId('map-title')).toContainText('Untitled journey');
    await expect(page.getByTestId('stage-header').filter({ hasText: 'Onboarding' })).toHaveCount(1);
    await expect(page.getByTestId('lane-header').filter({ hasText: 'Logistics' })).toHaveCount(1);
    await expect(touchpoints(page).filter({ hasText: 'Order tracking page' })).toHaveCount(1);
    await expect(touchpoints(page).filter({ hasText: 'Delivery SMS' })).toHaveCount(1);
    await expect(page.getByTestId('painpoint-note').filter({ hasText: 'Courier never rings' })).toHaveCount(
      1,
    );
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    await touchpoints(page).filter({ hasText: 'Delivery SMS' }).click();
    await expect(inspector(page).getByLabel('Channel')).toHaveValue('mobile-app');
    await expect(inspector(page).getByLabel('Description')).toHaveValue(
      'Text message on the day of delivery',
    );
  };

  await page.reload();
  await expectEverything();

  await host.restart();
  await page.goto(host.url);
  await page.getByTestId('journey-card').filter({ hasText: 'Untitled journey' }).click();
  await expectEverything();
});

test('dropping a touchpoint in another cell moves it to that stage and department', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(touchpoints(page)).toHaveCount(15);
  const card = touchpoints(page).filter({ hasText: 'Search ad' });
  await card.click();
  await expect(inspector(page).getByLabel('Stage')).toHaveText(/Awareness/);

  // Drop it into the empty Customer Service cell of the Advocacy column.
  const advocacy = (await page.getByTestId('stage-header').filter({ hasText: 'Advocacy' }).boundingBox())!;
  const service = (await page
    .getByTestId('lane-header')
    .filter({ hasText: 'Customer Service' })
    .boundingBox())!;
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(advocacy.x + advocacy.width / 2, service.y + service.height / 2, { steps: 15 });
  await page.mouse.up();
  await saved(page);

  const expectMoved = async () => {
    await touchpoints(page).filter({ hasText: 'Search ad' }).click();
    const stage = inspector(page).getByLabel('Stage');
    await expect(stage.locator('option:checked')).toHaveText('Advocacy');
    await expect(inspector(page).getByLabel('Department').locator('option:checked')).toHaveText(
      'Customer Service',
    );
  };
  await expectMoved();
  await page.reload();
  await expectMoved();
});

test('the sample map shows its stages, lanes, cards and hand-offs', async ({ page, host }, testInfo) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(page.getByTestId('map-title')).toContainText('Online store purchase');
  for (const stage of ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy']) {
    await expect(page.getByTestId('stage-header').filter({ hasText: stage })).toBeVisible();
  }
  for (const lane of ['Marketing', 'Sales', 'Product', 'Customer Service']) {
    await expect(page.getByTestId('lane-header').filter({ hasText: lane })).toBeVisible();
  }
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(page.getByTestId('painpoint-note')).toHaveCount(6);
  await expect(
    page.getByTestId('opportunity-note').filter({ hasText: 'Pay as a guest on one page' }),
  ).toBeVisible();
  await expect(touchpoints(page).filter({ hasText: 'Checkout and payment' })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(21);
  await saved(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(400);
    const path = testInfo.outputPath(`sample-map-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`sample map (${scheme})`, { path, contentType: 'image/png' });
  }
});

test('the library renames, duplicates and deletes maps, deleting only after confirmation', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'New blank map' })).toBeVisible();
  await createFromTemplate(page, 'Online store purchase');
  await expect(page.getByTestId('map-title')).toBeVisible();
  await page.getByRole('button', { name: 'Back to library' }).click();

  await page.getByRole('button', { name: 'Rename Online store purchase' }).click();
  const field = page.getByRole('textbox', { name: /name/i });
  await field.fill('Gift shop journey');
  await field.press('Enter');
  await expect(page.getByTestId('journey-card').filter({ hasText: 'Gift shop journey' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Duplicate Gift shop journey' }).click();
  await expect(page.getByTestId('journey-card')).toHaveCount(2);
  await expect(page.getByTestId('journey-card').filter({ hasText: 'Gift shop journey (copy)' })).toHaveCount(
    1,
  );

  await page.getByRole('button', { name: 'Delete Gift shop journey (copy)' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Gift shop journey (copy)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('journey-card')).toHaveCount(2);
  // Keyboard users land back where they were, not at the top of the page.
  await expect(page.getByRole('button', { name: 'Delete Gift shop journey (copy)' })).toBeFocused();

  await page.getByRole('button', { name: 'Delete Gift shop journey (copy)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('journey-card')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('journey-card')).toHaveCount(1);
  await expect(page.getByTestId('journey-card')).toContainText('Gift shop journey');
});

test('a failed save is shown, kept and retried until it lands', async ({ page, host }) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);
  await page.route('**/api/journeys.applyChanges', (route) => route.abort('connectionrefused'));
  await touchpoints(page).filter({ hasText: 'Product page' }).click();
  const name = inspector(page).getByLabel('Name', { exact: true });
  await name.fill('Product detail page');
  await name.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText("Couldn't save — retrying");
  await page.unroute('**/api/journeys.applyChanges');
  await saved(page);
  await page.reload();
  await expect(touchpoints(page).filter({ hasText: 'Product detail page' })).toHaveCount(1);
});

test('without the access token the page explains how to get in', async ({ page, host }) => {
  const bare = new URL(host.url);
  bare.search = '';
  await page.goto(bare.toString());
  await expect(page.getByText('npm run web')).toBeVisible();
});

test('Delete removes the selection with its arrows; a stage that holds cards asks first', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(page.locator('.react-flow__edge')).toHaveCount(21);

  await touchpoints(page).filter({ hasText: 'Search ad' }).click();
  await page.keyboard.press('Delete');
  await expect(touchpoints(page)).toHaveCount(14);
  await expect(page.locator('.react-flow__edge')).toHaveCount(20);

  await page.getByTestId('stage-header').filter({ hasText: 'Advocacy' }).click();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Advocacy');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('stage-header')).toHaveCount(4);
  await expect(touchpoints(page)).toHaveCount(12);
  await saved(page);

  await page.reload();
  await expect(page.getByTestId('stage-header')).toHaveCount(4);
  await expect(touchpoints(page)).toHaveCount(12);
  await expect(touchpoints(page).filter({ hasText: 'Search ad' })).toHaveCount(0);
});

test('edits that cannot be saved are never dropped by opening another map', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Untitled journey');
  await page.getByRole('button', { name: 'Back to library' }).click();
  await createFromTemplate(page, 'Online store purchase');
  await saved(page);

  await page.route('**/api/journeys.applyChanges', (route) => route.abort('connectionrefused'));
  await touchpoints(page).filter({ hasText: 'Checkout and payment' }).click();
  const name = inspector(page).getByLabel('Name', { exact: true });
  await name.fill('One-page checkout');
  await name.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText("Couldn't save — retrying");

  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Leave anyway' }).click();
  await page.getByTestId('journey-card').filter({ hasText: 'Untitled journey' }).click();
  const blocked = page.getByRole('alert').filter({ hasText: 'could not be saved yet' });
  await expect(blocked).toContainText('Online store purchase');
  await expect(page.getByTestId('map-title')).toHaveCount(0);

  await page.unroute('**/api/journeys.applyChanges');
  await blocked.getByRole('button', { name: 'Retry now' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Untitled journey');
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByTestId('journey-card').filter({ hasText: 'Online store purchase' }).click();
  await expect(touchpoints(page).filter({ hasText: 'One-page checkout' })).toHaveCount(1);
});

test('the template chooser creates each workshop template, and Escape closes it without creating anything', async ({
  page,
  host,
}) => {
  const templates = [
    {
      name: 'Online store purchase',
      stages: ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy'],
      lanes: 4,
      touchpoints: 15,
      painPoints: 6,
    },
    {
      name: 'SaaS trial to paid subscription',
      stages: ['Discover', 'Sign up', 'Activate', 'Convert', 'Expand'],
      lanes: 5,
      touchpoints: 16,
      painPoints: 7,
    },
    {
      name: 'Contact-centre support case',
      stages: ['Notice problem', 'Seek help', 'Contact', 'Resolution', 'Follow-up'],
      lanes: 5,
      touchpoints: 14,
      painPoints: 6,
    },
    {
      name: 'Café visit',
      stages: ['Discover', 'Arrive', 'Order', 'Wait and enjoy', 'Leave and return'],
      lanes: 4,
      touchpoints: 15,
      painPoints: 6,
    },
  ];
  await page.goto(host.url);
  const chooser = page.getByRole('dialog', { name: 'New map from template' });

  // Escape closes the chooser, focus returns to the button, and nothing is created.
  const open = page.getByRole('button', { name: 'New from template…' });
  await open.click();
  await expect(chooser).toBeVisible();
  await expect(chooser.getByRole('button', { name: 'Create Online store purchase' })).toBeFocused();
  for (const template of templates) {
    const card = chooser.getByRole('button', { name: `Create ${template.name}` });
    await expect(card).toContainText(
      `${template.stages.length} stages · ${template.touchpoints} touchpoints · ${template.painPoints} pain points`,
    );
  }
  await page.keyboard.press('Escape');
  await expect(chooser).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Map your first customer journey' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Map your first customer journey' })).toBeVisible();
  await expect(page.getByTestId('journey-card')).toHaveCount(0);

  // The empty library offers the chooser too; Cancel closes it.
  await page.getByRole('button', { name: 'Start from a template' }).click();
  await expect(chooser).toBeVisible();
  await chooser.getByRole('button', { name: 'Cancel' }).click();
  await expect(chooser).toBeHidden();

  for (const template of templates) {
    await createFromTemplate(page, template.name);
    // Every stage header, in order (names only: a goal may mention another stage's name).
    await expect(page.getByTestId('stage-header').locator('.stage-header__name')).toHaveText(template.stages);
    await expect(page.getByTestId('lane-header')).toHaveCount(template.lanes);
    await expect(touchpoints(page)).toHaveCount(template.touchpoints);
    await expect(page.getByTestId('painpoint-note')).toHaveCount(template.painPoints);
    await saved(page);
    await page.getByRole('button', { name: 'Back to library' }).click();
  }
  await expect(page.getByTestId('journey-card')).toHaveCount(templates.length);
});

test('undo and redo: a deleted card, a drag and a rename come back, and the database follows', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(page.locator('.react-flow__edge')).toHaveCount(21);
  await saved(page);
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
  const redoButton = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undoButton).toBeDisabled();
  await expect(redoButton).toBeDisabled();
  await expect(undoButton).toHaveAttribute('title', 'Undo (Ctrl+Z)');
  await expect(redoButton).toHaveAttribute('title', 'Redo (Ctrl+Shift+Z)');

  // A card deleted with Delete comes back with its arrows on Ctrl+Z, goes again on Ctrl+Shift+Z.
  const searchAd = touchpoints(page).filter({ hasText: 'Search ad' });
  await searchAd.click();
  await page.keyboard.press('Delete');
  await expect(touchpoints(page)).toHaveCount(14);
  await expect(page.locator('.react-flow__edge')).toHaveCount(20);
  await expect(undoButton).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(searchAd).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(21);
  await expect(redoButton).toBeEnabled();
  await page.keyboard.press('Control+Shift+Z');
  await expect(searchAd).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(20);
  await page.keyboard.press('Control+z');
  await expect(searchAd).toHaveCount(1);
  await saved(page);

  // The database has it back: a reload shows it with its arrows, and starts a fresh history.
  await page.reload();
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(searchAd).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(21);
  await expect(undoButton).toBeDisabled();
  await expect(redoButton).toBeDisabled();

  // A drag into another cell, undone with the toolbar button: back in its cell.
  const advocacy = (await page.getByTestId('stage-header').filter({ hasText: 'Advocacy' }).boundingBox())!;
  const service = (await page
    .getByTestId('lane-header')
    .filter({ hasText: 'Customer Service' })
    .boundingBox())!;
  const start = await settledBox(searchAd);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(advocacy.x + advocacy.width / 2, service.y + service.height / 2, { steps: 15 });
  await page.mouse.up();
  const stageField = inspector(page).getByLabel('Stage');
  const departmentField = inspector(page).getByLabel('Department');
  await expect(stageField.locator('option:checked')).toHaveText('Advocacy');
  await expect(departmentField.locator('option:checked')).toHaveText('Customer Service');
  await undoButton.click();
  await expect(stageField.locator('option:checked')).toHaveText('Awareness');
  await expect(departmentField.locator('option:checked')).toHaveText('Marketing');
  const back = await settledBox(searchAd);
  expect(Math.abs(back.x - start.x)).toBeLessThan(2);
  expect(Math.abs(back.y - start.y)).toBeLessThan(2);
  await saved(page);

  // A rename in the inspector, committed by clicking the canvas, undone with Ctrl+Z.
  await touchpoints(page).filter({ hasText: 'Checkout and payment' }).click();
  const name = inspector(page).getByLabel('Name', { exact: true });
  await name.fill('One-page checkout');
  await page.mouse.click(advocacy.x + advocacy.width / 2, service.y + service.height / 2);
  await expect(touchpoints(page).filter({ hasText: 'One-page checkout' })).toHaveCount(1);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Online store purchase');
  await page.keyboard.press('Control+z');
  await expect(touchpoints(page).filter({ hasText: 'Checkout and payment' })).toHaveCount(1);
  await expect(touchpoints(page).filter({ hasText: 'One-page checkout' })).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(touchpoints(page).filter({ hasText: 'One-page checkout' })).toHaveCount(1);

  // Ctrl+Z while typing in a field is the field's own undo: the map keeps the rename.
  await searchAd.click();
  await expect(name).toHaveValue('Search ad');
  await name.click();
  await name.press('End');
  await name.pressSequentially(' draft');
  await expect(name).toHaveValue('Search ad draft');
  await name.press('Control+z');
  await expect(name).not.toHaveValue('Search ad draft');
  await expect(touchpoints(page).filter({ hasText: 'One-page checkout' })).toHaveCount(1);
  await expect(touchpoints(page).filter({ hasText: 'Checkout and payment' })).toHaveCount(0);
  await name.press('Escape');
  await saved(page);
  await page.reload();
  await expect(touchpoints(page).filter({ hasText: 'One-page checkout' })).toHaveCount(1);
});

test('snapshots: save one, open it read-only, restore it, and the restore is kept', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createFromTemplate(page, 'Online store purchase');
  await expect(touchpoints(page)).toHaveCount(15);
  await saved(page);
  const snapshotsDialog = page.getByRole('dialog', { name: 'Snapshots' });
  const searchAd = touchpoints(page).filter({ hasText: 'Search ad' });
  const checkout = touchpoints(page).filter({ hasText: 'Checkout and payment' });
  const renamed = touchpoints(page).filter({ hasText: 'One-page checkout' });

  // Save the map as it is before the workshop.
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await expect(snapshotsDialog.getByText('No snapshots yet')).toBeVisible();
  await expect(snapshotsDialog.getByLabel('Snapshot name')).toHaveValue(/^Snapshot /);
  await snapshotsDialog.getByLabel('Snapshot name').fill('Before workshop');
  await snapshotsDialog.getByRole('button', { name: 'Save snapshot' }).click();
  const items = snapshotsDialog.getByTestId('snapshot-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Before workshop');
  await expect(items.first()).toContainText('15 touchpoints');
  await expect(items.first().locator('time')).toHaveText('just now');
  await snapshotsDialog.getByRole('button', { name: 'Close' }).click();
  await expect(snapshotsDialog).toBeHidden();

  // The workshop: a card deleted, another renamed.
  await searchAd.click();
  await page.keyboard.press('Delete');
  await expect(touchpoints(page)).toHaveCount(14);
  await checkout.click();
  await renameSelected(page, 'One-page checkout');
  await expect(renamed).toHaveCount(1);

  // The snapshot, read-only: the old map, and nothing can change it.
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await snapshotsDialog.getByRole('button', { name: 'Open Before workshop' }).click();
  await expect(page).toHaveURL(/#\/map\/[\w-]+\/snapshot\/[\w-]+$/);
  await expect(page.getByTestId('snapshot-banner')).toContainText('Snapshot “Before workshop” from');
  await expect(page.getByTestId('snapshot-banner')).toContainText('read-only');
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(searchAd).toHaveCount(1);
  await expect(checkout).toHaveCount(1);
  await expect(renamed).toHaveCount(0);
  for (const name of ['Add stage', 'Add lane', 'Add touchpoint', 'Add pain point', 'Undo', 'Snapshots']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  // A drag on a card pans the view at most: the card keeps its place on the map.
  const searchAdNode = searchAd.locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]');
  const placeOnMap = () => searchAdNode.evaluate((node) => (node as HTMLElement).style.transform);
  const place = await placeOnMap();
  const start = await settledBox(searchAd);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + 300, start.y + 250, { steps: 10 });
  await page.mouse.up();
  expect(await placeOnMap()).toBe(place);
  await expect(searchAdNode).not.toHaveClass(/dragging/);
  // Selecting still works, for inspection; Delete and undo do nothing.
  await searchAd.click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Search ad');
  await expect(inspector(page).getByLabel('Name', { exact: true })).toBeDisabled();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+z');
  await expect(touchpoints(page)).toHaveCount(15);
  await expect(searchAd).toHaveCount(1);
  // Double-clicking the empty canvas adds nothing either.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.dblclick(pane.x + 20, pane.y + 20);
  await expect(touchpoints(page)).toHaveCount(15);

  // Back on the map, the workshop's edits are all there.
  await page.getByRole('button', { name: 'Back to the map' }).click();
  await expect(touchpoints(page)).toHaveCount(14);
  await expect(renamed).toHaveCount(1);
  await expect(searchAd).toHaveCount(0);
  await saved(page);

  // Restore, after a confirmation that says the current state is kept.
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await snapshotsDialog.getByRole('button', { name: 'Restore Before workshop' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore “Before workshop”?' });
  await expect(confirm).toContainText('The current state is saved as a snapshot first');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(snapshotsDialog).toBeHidden();
  const expectRestored = async () => {
    await expect(touchpoints(page)).toHaveCount(15);
    await expect(searchAd).toHaveCount(1);
    await expect(checkout).toHaveCount(1);
    await expect(renamed).toHaveCount(0);
    await expect(page.locator('.react-flow__edge')).toHaveCount(21);
  };
  await expectRestored();
  await saved(page);
  // A restore is a fresh start: nothing to undo.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Before restoring “Before workshop”');
  await expect(items.nth(0)).toContainText('14 touchpoints');
  await expect(items.nth(1)).toContainText('Before workshop');
  await snapshotsDialog.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await expectRestored();
});
