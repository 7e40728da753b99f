import { useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  formatShortcut,
  isMac,
  shortcutsIn,
  type Command,
  type CommandContext,
} from '../commands/command-registry';
import { closeShortcuts, commandUi } from '../commands/command-ui';
import { useCommands } from '../commands/commands-context';
import { Icon } from './Icon';
import { trapTab, useModalDialog } from './modal-dialog';

/**
 * The keyboard shortcuts dialog ("?", Help menu, the toolbar's help button): every registered
 * command, grouped by what it acts on, with its shortcuts in this platform's notation (Ctrl or ⌘),
 * and a search over names and keys. Generated from the registry, so it never goes stale.
 */

const GROUPS: readonly { prefix: string; title: string }[] = [
  { prefix: 'edit', title: 'History' },
  { prefix: 'clipboard', title: 'Clipboard' },
  { prefix: 'selection', title: 'Selection' },
  { prefix: 'map', title: 'Map' },
  { prefix: 'grid', title: 'Stages and lanes' },
  { prefix: 'arrange', title: 'Arrange' },
  { prefix: 'view', title: 'View' },
  { prefix: 'app', title: 'App' },
  { prefix: 'help', title: 'Help' },
];

const titleOf = (prefix: string) =>
  GROUPS.find((g) => g.prefix === prefix)?.title ?? prefix.charAt(0).toUpperCase() + prefix.slice(1);

export interface ShortcutGroup {
  title: string;
  commands: { id: string; label: string; keys: string[] }[];
}

/**
 * The registry's commands as groups, filtered by a search over label and keys; only the shortcuts
 * that work where the app runs (a browser keeps Ctrl/⌘+N).
 */
export function shortcutGroups(
  commands: readonly Command[],
  query: string,
  transport: CommandContext['transport'],
): ShortcutGroup[] {
  const needle = query.trim().toLowerCase();
  const groups = new Map<string, ShortcutGroup>();
  const order = (prefix: string) => {
    const i = GROUPS.findIndex((g) => g.prefix === prefix);
    return i < 0 ? GROUPS.length : i;
  };
  const sorted = [...commands].sort((a, b) => order(a.id.split('.')[0]!) - order(b.id.split('.')[0]!));
  for (const command of sorted) {
    const keys = shortcutsIn(command, transport).map(formatShortcut);
    const prefix = command.id.split('.')[0]!;
    const title = titleOf(prefix);
    const haystack = [command.label, title, ...keys].join(' ').toLowerCase();
    if (needle && !haystack.includes(needle)) continue;
    const group = groups.get(title) ?? { title, commands: [] };
    group.commands.push({ id: command.id, label: command.label, keys });
    groups.set(title, group);
  }
  return [...groups.values()];
}

export function ShortcutsHost() {
  const open = useSyncExternalStore(commandUi.subscribe, () => commandUi.getState().shortcutsOpen);
  return open ? <ShortcutsDialog onClose={closeShortcuts} /> : null;
}

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { registry, ctx } = useCommands();
  const searchRef = useRef<HTMLInputElement>(null);
  const ref = useModalDialog(searchRef);
  const id = useId();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () => shortcutGroups(registry.all(), query, ctx.transport),
    [registry, query, ctx.transport],
  );

  return (
    <dialog
      ref={ref}
      className="dialog dialog--shortcuts"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        // A search field's own Escape only clears it; here Escape closes the dialog, as everywhere.
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else trapTab(event);
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__head">
        <div>
          <h2 className="dialog__title" id={`${id}-title`}>
            Keyboard shortcuts
          </h2>
          <p className="dialog__message">
            {isMac() ? '⌘ is the Command key, ⇧ is Shift.' : 'Ctrl is the Control key.'} Right-click the map,
            a card or a header (or press Shift+F10) for the same commands.
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>
      <div className="shortcuts__search">
        <input
          ref={searchRef}
          type="search"
          className="shortcuts__input"
          placeholder="Search commands or keys"
          aria-label="Search commands"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="shortcuts__list" tabIndex={0} aria-label="Commands">
        {groups.length === 0 ? (
          <p className="muted shortcuts__empty">No command matches “{query.trim()}”.</p>
        ) : (
          groups.map((group) => (
            <section key={group.title} className="shortcuts__group" aria-label={group.title}>
              <h3 className="shortcuts__group-title">{group.title}</h3>
              <dl className="shortcuts__rows">
                {group.commands.map((command) => (
                  <div key={command.id} className="shortcuts__row" data-command={command.id}>
                    <dt className="shortcuts__label">{command.label}</dt>
                    <dd className="shortcuts__keys">
                      {command.keys.length === 0 ? (
                        <span className="shortcuts__none">No shortcut</span>
                      ) : (
                        command.keys.map((key, i) => (
                          <span key={key}>
                            {i > 0 && <span className="shortcuts__or"> or </span>}
                            <kbd className="kbd">{key}</kbd>
                          </span>
                        ))
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
