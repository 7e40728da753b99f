import { useEffect, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { closeMenu, commandUi, openMenu } from '../commands/command-ui';
import { Icon } from './Icon';

/**
 * Where the top bar runs short (below 1440 px, see topbar.css), its less-used tools leave the bar
 * for this "More" menu: the same registered commands, in the same keyboard-driven menu as the
 * context menus (arrow keys, Enter, Escape back to this button).
 */
export const MORE_TOOLS = ['map.addStage', 'map.addDepartment', '-', 'help.shortcuts'];
const LABEL = 'More tools';

const isOpen = () => commandUi.getState().menu?.label === LABEL;

export function MoreToolsButton() {
  const ref = useRef<HTMLButtonElement>(null);
  const open = useSyncExternalStore(commandUi.subscribe, isOpen);
  // A press on this button while the menu is open closes it (the menu closes on any press outside
  // it, before the click arrives): note such a press first (this listener is older than the
  // menu's), so its click does not reopen the menu.
  const closedByPress = useRef(false);
  useEffect(() => {
    const onPress = (event: PointerEvent) => {
      closedByPress.current = isOpen() && Boolean(ref.current?.contains(event.target as Node));
    };
    window.addEventListener('pointerdown', onPress, true);
    return () => window.removeEventListener('pointerdown', onPress, true);
  }, []);

  const show = () => {
    const box = ref.current!.getBoundingClientRect();
    openMenu({ x: box.left, y: box.bottom + 4, items: MORE_TOOLS, label: LABEL }, null);
  };
  const onClick = () => {
    if (closedByPress.current) {
      closedByPress.current = false;
      return;
    }
    if (isOpen()) closeMenu();
    else show();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show();
    }
  };
  return (
    <div className="toolbar__group toolbar__more">
      <button
        ref={ref}
        type="button"
        className="button button--toolbar"
        aria-haspopup="menu"
        aria-expanded={open}
        title="More tools: add stage, add lane, keyboard shortcuts"
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <Icon name="more" />
        <span>More</span>
      </button>
    </div>
  );
}
