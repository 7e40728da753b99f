import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Standard roles give the platform's own behaviour and accelerators; items
 * that act on the map send a command id that the renderer's command registry runs.
 */
export function buildMenuTemplate(options: {
  isMac: boolean;
  appName: string;
  isDev: boolean;
  /** `byKey`: the item's accelerator sent it (the renderer leaves a typing field's keys alone). */
  sendCommand: (command: string, how: { byKey: boolean }) => void;
}): MenuItemConstructorOptions[] {
  const { isMac, appName, isDev, sendCommand } = options;
  const command = (label: string, id: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: (_item, _window, event) => sendCommand(id, { byKey: event?.triggeredByAccelerator === true }),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        command('New Map', 'map.new', 'CmdOrCtrl+N'),
        command('New Map from Template…', 'map.newFromSample'),
        command('Library', 'app.library', 'CmdOrCtrl+Shift+L'),
        command('Import Data…', 'data.import'),
        command('Datasets…', 'data.datasets'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The map's undo and redo (the renderer runs a text field's own when one has the focus).
        command('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        command('Redo', 'edit.redo', 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { type: 'separator' },
        command('Select All', 'selection.selectAll', 'CmdOrCtrl+A'),
        command('Duplicate', 'selection.duplicate', 'CmdOrCtrl+D'),
        command('Connect To…', 'selection.connect', 'CmdOrCtrl+K'),
        {
          label: 'Align and Distribute',
          submenu: [
            command('Align Left', 'arrange.alignLeft'),
            command('Align Centre', 'arrange.alignCenter'),
            command('Align Right', 'arrange.alignRight'),
            command('Align Top', 'arrange.alignTop'),
            command('Align Middle', 'arrange.alignMiddle'),
            command('Align Bottom', 'arrange.alignBottom'),
            { type: 'separator' },
            command('Distribute Horizontally', 'arrange.distributeHorizontally'),
            command('Distribute Vertically', 'arrange.distributeVertically'),
          ],
        },
        command('Tidy', 'arrange.tidy'),
        { type: 'separator' },
        // F2 is served by the renderer's keyboard handler (it belongs to the name field while typing).
        command('Rename', 'node.rename'),
        {
          label: 'Stage',
          submenu: [
            command('Insert Stage Before', 'stage.insertBefore'),
            command('Insert Stage After', 'stage.insertAfter'),
            command('Move Stage Left', 'stage.moveLeft'),
            command('Move Stage Right', 'stage.moveRight'),
            command('Delete Stage…', 'stage.delete'),
          ],
        },
        {
          label: 'Lane',
          submenu: [
            command('Insert Lane Above', 'lane.insertBefore'),
            command('Insert Lane Below', 'lane.insertAfter'),
            command('Move Lane Up', 'lane.moveUp'),
            command('Move Lane Down', 'lane.moveDown'),
            command('Delete Lane…', 'lane.delete'),
          ],
        },
      ],
    },
    {
      label: 'View',
      submenu: [
        command('Fit Map to Window', 'view.fit', 'CmdOrCtrl+0'),
        command('Zoom In on Map', 'view.zoomIn', 'CmdOrCtrl+='),
        command('Zoom Out of Map', 'view.zoomOut', 'CmdOrCtrl+-'),
        command('Zoom to Stage', 'view.zoomToStage'),
        command('Data Overlay', 'view.dataOverlay'),
        command('Breakdowns', 'view.breakdowns'),
        command('Show Emotion Curve', 'view.emotionLane'),
        { type: 'separator' },
        // Card text for a projector (the renderer's presentation text scale, remembered).
        command('Larger Card Text', 'view.textLarger', 'CmdOrCtrl+Shift+='),
        command('Smaller Card Text', 'view.textSmaller', 'CmdOrCtrl+Shift+-'),
        command('Actual Card Text Size', 'view.textReset', 'CmdOrCtrl+Shift+0'),
        {
          label: 'Card Text Size',
          submenu: [100, 125, 150, 200].map((p) => command(`${p}%`, `view.textScale${p}`)),
        },
        { type: 'separator' },
        command('Find on Map…', 'find.open', 'CmdOrCtrl+F'),
        command('Filter Cards', 'view.filter', 'CmdOrCtrl+Shift+F'),
        command('Votes Ranking', 'votes.panel'),
        command('Reset All Votes…', 'votes.reset'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'toggleDevTools' },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: 'Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', 'help.shortcuts'),
        { type: 'separator' },
        { role: 'about', label: `About ${appName}` },
      ],
    },
  );
  return template;
}
