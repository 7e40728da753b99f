import { describe, expect, it } from 'vitest';
import { shortcutsIn } from '../../../../renderer/src/commands/command-registry';
import { createJourneyCommandRegistry } from '../../../../renderer/src/commands/journey-commands';
import { shortcutGroups } from '../../../../renderer/src/panels/ShortcutsDialog';

/** A shortcut the browser keeps (Ctrl/⌘+N) is offered only where it works: the Electron app. */

const registry = createJourneyCommandRegistry();
const keysOf = (transport: 'electron' | 'browser', id: string) =>
  shortcutGroups(registry.all(), '', transport)
    .flatMap((g) => g.commands)
    .find((c) => c.id === id)?.keys;

describe('shortcuts by where the app runs', () => {
  it('Electron lists Ctrl+N for a new map, browser mode lists none', () => {
    expect(keysOf('electron', 'map.new')).toEqual([expect.stringMatching(/^(Ctrl\+N|⌘N)$/)]);
    expect(keysOf('browser', 'map.new')).toEqual([]);
  });

  it('the other shortcuts are the same in both modes', () => {
    for (const command of registry.all()) {
      if (command.id === 'map.new') continue;
      expect(shortcutsIn(command, 'browser')).toEqual(shortcutsIn(command, 'electron'));
    }
  });
});
