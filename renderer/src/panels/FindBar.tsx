import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useCentreOnNode } from '../canvas/use-centre-on-node';
import { useDocument, useStores } from '../state/stores-context';
import { findMatchesCached } from '../workshop/find-matches';
import { useWorkshop, useWorkshopStore } from '../workshop/workshop-store';
import { Icon } from './Icon';

const EMPTY: readonly never[] = [];

/**
 * Find on the map (Ctrl+F): every card and header holding the text is highlighted, "3 of 12"
 * counts them, Enter / Shift+Enter or the arrow keys step through them and centre each one,
 * Escape closes the bar and clears the highlights.
 */
export function FindBar() {
  const open = useWorkshop((s) => s.find.open);
  return open ? <OpenFindBar /> : null;
}

function OpenFindBar() {
  const workshop = useWorkshopStore();
  const { uiStore } = useStores();
  const query = useWorkshop((s) => s.find.query);
  const index = useWorkshop((s) => s.find.index);
  const focusNonce = useWorkshop((s) => s.find.focusNonce);
  const stages = useDocument((s) => s.doc?.stages ?? EMPTY);
  const departments = useDocument((s) => s.doc?.departments ?? EMPTY);
  const nodes = useDocument((s) => s.doc?.nodes ?? EMPTY);
  const matches = findMatchesCached({ stages, departments, nodes }, query);
  const current = matches.length ? Math.min(index, matches.length - 1) : -1;
  const currentId = current >= 0 ? matches[current]! : null;
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const centreOn = useCentreOnNode();
  const id = useId();

  useEffect(() => {
    if (!returnFocus.current) returnFocus.current = document.activeElement;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusNonce]);

  // Follow the current match as the query or the position changes.
  useEffect(() => {
    if (currentId) centreOn(currentId);
  }, [currentId, centreOn]);

  const go = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (current + step + matches.length) % matches.length;
    workshop.getState().setFindIndex(next);
    uiStore.getState().selectOnly(matches[next]!);
  };

  const close = () => {
    const back = returnFocus.current;
    workshop.getState().closeFind();
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      go(event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey) ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const status = !query.trim()
    ? ''
    : matches.length === 0
      ? 'No matches'
      : `${current + 1} of ${matches.length}`;
  return (
    <div className="find-bar" role="search" aria-label="Find on map">
      <Icon name="search" size={16} />
      <input
        ref={inputRef}
        className="find-bar__input"
        type="search"
        value={query}
        placeholder="Find on map"
        aria-label="Find on map"
        aria-describedby={`${id}-status`}
        aria-invalid={query.trim() !== '' && matches.length === 0 ? true : undefined}
        maxLength={200}
        spellCheck={false}
        onChange={(event) => workshop.getState().setFindQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span
        className={`find-bar__status${query.trim() && matches.length === 0 ? ' is-empty' : ''}`}
        id={`${id}-status`}
        data-testid="find-status"
        aria-live="polite"
      >
        {status}
      </span>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={matches.length === 0}
        onClick={() => go(-1)}
      >
        <Icon name="up" size={16} />
      </button>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={matches.length === 0}
        onClick={() => go(1)}
      >
        <Icon name="down" size={16} />
      </button>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Close find bar"
        title="Close (Esc)"
        onClick={close}
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
