import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import { menuCommandBelongsToField } from '../../../../renderer/src/commands/command-registry';
import { createJourneyCommandRegistry } from '../../../../renderer/src/commands/journey-commands';

/**
 * In Electron the menu's accelerators take Ctrl/⌘+D and Ctrl/⌘+K before the page sees them, even
 * while the user types in a field. Such a key press must not duplicate or connect the selected card
 * behind the field's back; a click on the menu item still runs the command.
 */

function menuItem(label: string) {
  const sent: { command: string; byKey: boolean }[] = [];
  const template = buildMenuTemplate({
    isMac: false,
    appName: 'Journey Studio',
    isDev: false,
    sendCommand: (command, how) => sent.push({ command, byKey: how.byKey }),
  });
  const find = (items: unknown[]): { click: (...args: unknown[]) => void } | undefined => {
    for (const item of items as { label?: string; click?: () => void; submenu?: unknown[] }[]) {
      if (item.label === label && item.click) return item as { click: (...args: unknown[]) => void };
      const inner = Array.isArray(item.submenu) ? find(item.submenu) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return { item: find(template)!, sent };
}

describe('menu accelerators while typing', () => {
  it('tells the renderer whether the command came from its key or from a click', () => {
    const { item, sent } = menuItem('Duplicate');
    item.click({}, undefined, { triggeredByAccelerator: true });
    item.click({}, undefined, {});
    expect(sent).toEqual([
      { command: 'selection.duplicate', byKey: true },
      { command: 'selection.duplicate', byKey: false },
    ]);
  });

  it('leaves the key to the field for commands that skip while typing, and only then', () => {
    const registry = createJourneyCommandRegistry();
    const belongs = (id: string, byKey: boolean, typing: boolean) =>
      menuCommandBelongsToField(registry.get(id), { byKey, typing });
    expect(belongs('selection.duplicate', true, true)).toBe(true);
    expect(belongs('selection.connect', true, true)).toBe(true);
    expect(belongs('selection.duplicate', false, true)).toBe(false); // clicked in the menu
    expect(belongs('selection.duplicate', true, false)).toBe(false); // not typing
    expect(belongs('map.new', true, true)).toBe(false); // a command that runs while typing
  });
});
