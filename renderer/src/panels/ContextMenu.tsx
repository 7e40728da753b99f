import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { formatShortcut, isMac, shortcutsIn } from '../commands/command-registry';
import { closeMenu, commandUi, type OpenMenu } from '../commands/command-ui';
import { useCommands } from '../commands/commands-context';

/**
 * The context menu: a WAI-ARIA menu of registered commands, each with its shortcut; disabled
 * commands show disabled. Opens where asked (the pointer, or the focused card for the keyboard),
 * stays inside the window, moves with the arrow keys, Home and End, runs an item on Enter or Space
 * or a click, and closes on Escape, Tab, a click elsewhere, scrolling or resizing the window. Focus
 * goes back where it was.
 */
export function ContextMenuHost() {
  const menu = useSyncExternalStore(commandUi.subscribe, () => commandUi.getState().menu);
  return menu ? <ContextMenu key={`${menu.x},${menu.y},${menu.items.join()}`} menu={menu} /> : null;
}

function ContextMenu({ menu }: { menu: OpenMenu }) {
  const { registry, ctx } = useCommands();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const previousFocus = useRef<Element | null>(null);

  // Read each command's state once per opening: the menu is a snapshot of what can run now.
  const [items] = useState(() =>
    menu.items.map((id) => {
      if (id === '-') return null;
      const command = registry.get(id)!;
      const shortcut = shortcutsIn(command, ctx.transport)[0];
      return {
        id,
        label: command.label,
        shortcut: shortcut ? formatShortcut(shortcut) : '',
        enabled: command.enabled(ctx),
      };
    }),
  );

  const itemElements = () => [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useLayoutEffect(() => {
    previousFocus.current = document.activeElement;
    const element = ref.current;
    if (!element) return;
    const margin = 4;
    const { width, height } = element.getBoundingClientRect();
    setPosition({
      left: Math.max(margin, Math.min(menu.x, window.innerWidth - width - margin)),
      top: Math.max(margin, Math.min(menu.y, window.innerHeight - height - margin)),
    });
  }, [menu]);

  // Once placed (and visible), the first command that can run takes the focus.
  useLayoutEffect(() => {
    if (!position) return;
    const elements = itemElements();
    (elements.find((el) => el.getAttribute('aria-disabled') !== 'true') ?? elements[0])?.focus();
  }, [position]);

  const close = useCallback((restoreFocus: boolean) => {
    const previous = previousFocus.current;
    closeMenu();
    if (restoreFocus && previous instanceof HTMLElement && previous.isConnected) previous.focus();
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) close(false);
    };
    const onAway = (event: Event) => {
      // Scrolling a long menu is not leaving it.
      if (event.type === 'wheel' && ref.current?.contains(event.target as Node)) return;
      close(false);
    };
    // Escape closes the menu even when the focus is not in it (a click left it elsewhere).
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || ref.current?.contains(document.activeElement)) return;
      event.preventDefault();
      close(true);
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', onAway);
    window.addEventListener('blur', onAway);
    window.addEventListener('wheel', onAway, { passive: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', onAway);
      window.removeEventListener('blur', onAway);
      window.removeEventListener('wheel', onAway);
    };
  }, [close]);

  const run = (id: string, enabled: boolean) => {
    if (!enabled) return;
    // Focus goes back first, so a command that focuses something (Rename) keeps that focus.
    const previous = previousFocus.current;
    commandUi.setState({ menu: null });
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    registry
      .run(id, ctx)
      .catch((error: unknown) => {
        ctx.uiStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
      })
      .finally(() => commandUi.setState({ anchor: null }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = itemElements();
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => elements[(i + elements.length) % elements.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index < 0 ? -1 : index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(true);
        break;
      case 'Enter':
      case ' ': {
        const item = items.filter((i) => i !== null)[index];
        if (item) run(item.id, item.enabled);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={menu.label}
      className="context-menu"
      style={
        position
          ? { left: position.left, top: position.top }
          : { left: menu.x, top: menu.y, visibility: 'hidden' }
      }
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item, i) =>
        item === null ? (
          <div key={`sep-${i}`} role="separator" className="context-menu__separator" />
        ) : (
          <div
            key={item.id}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={item.enabled ? undefined : 'true'}
            aria-keyshortcuts={
              item.shortcut ? ariaShortcut(shortcutsIn(registry.get(item.id)!, ctx.transport)[0]!) : undefined
            }
            className={`context-menu__item${item.enabled ? '' : ' is-disabled'}`}
            data-command={item.id}
            onClick={() => run(item.id, item.enabled)}
            onPointerMove={(event) => event.currentTarget.focus()}
          >
            <span className="context-menu__label">{item.label}</span>
            {item.shortcut && <kbd className="context-menu__shortcut">{item.shortcut}</kbd>}
          </div>
        ),
      )}
    </div>
  );
}

/** The aria-keyshortcuts form of a shortcut ("Control+D"). */
function ariaShortcut(shortcut: { key: string; mod?: boolean; shift?: boolean }): string {
  const mac = isMac();
  return [shortcut.mod ? (mac ? 'Meta' : 'Control') : '', shortcut.shift ? 'Shift' : '', shortcut.key]
    .filter(Boolean)
    .join('+');
}
