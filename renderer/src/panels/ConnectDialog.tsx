import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { nodeLabel } from '../../../shared/domain/journey';
import {
  closeConnect,
  connectTargets,
  connectTo,
  connectUi,
  connectedFrom,
} from '../commands/connect-commands';
import { useDocument, useStores, useUi } from '../state/stores-context';
import { trapTab, useModalDialog } from './modal-dialog';

/**
 * "Connect to…": the keyboard's way to draw an arrow. Type to narrow the list of cards the selected
 * card can connect to, move with the arrow keys, Enter connects (a click does too), Escape closes.
 * A combobox over a listbox (WAI-ARIA), so a screen reader follows the highlighted card.
 */
export function ConnectHost() {
  const sourceId = useSyncExternalStore(connectUi.subscribe, () => connectUi.getState().sourceId);
  const onMap = useUi((s) => s.route.name === 'map');
  // Leaving the map (the Electron menu's Library, say) closes it rather than keep it for later.
  useEffect(() => {
    if (sourceId && !onMap) closeConnect();
  }, [sourceId, onMap]);
  return sourceId && onMap ? <ConnectDialog sourceId={sourceId} /> : null;
}

function ConnectDialog({ sourceId }: { sourceId: string }) {
  const stores = useStores();
  const doc = useDocument((s) => s.doc);
  const inputRef = useRef<HTMLInputElement>(null);
  const ref = useModalDialog(inputRef);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const source = doc?.nodes.find((n) => n.id === sourceId);
  const all = useMemo(() => (doc ? connectTargets(doc, sourceId) : []), [doc, sourceId]);
  const needle = query.trim().toLowerCase();
  const shown = needle ? all.filter((t) => `${t.label} ${t.detail}`.toLowerCase().includes(needle)) : all;
  const current = Math.min(active, shown.length - 1);
  // Nothing left to choose for this search: a card it names may already have the arrow.
  const alreadyConnected = useMemo(() => {
    if (!doc || !needle || shown.length > 0) return undefined;
    const connected = connectedFrom(doc, sourceId);
    return doc.nodes.find((n) => connected.has(n.id) && nodeLabel(n).toLowerCase().includes(needle));
  }, [doc, sourceId, needle, shown.length]);
  const choose = (targetId: string) => connectTo(stores, targetId);
  const optionId = (index: number) => `${id}-option-${index}`;
  // The card went (undone, deleted elsewhere): nothing to connect from.
  useEffect(() => {
    if (doc && !source) closeConnect();
  }, [doc, source]);
  // The highlighted card stays in view as the arrow keys move through a long list.
  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });
  const title = source ? `Connect “${nodeLabel(source)}” to…` : 'Connect to…';

  return (
    <dialog
      ref={ref}
      className="dialog dialog--connect"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          closeConnect();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive(Math.max(0, Math.min(shown.length - 1, current + step)));
        } else if (event.key === 'Enter' && event.target === inputRef.current) {
          event.preventDefault();
          const target = shown[current];
          if (target) choose(target.id);
        } else trapTab(event);
      }}
      onCancel={(event) => {
        event.preventDefault();
        closeConnect();
      }}
    >
      <h2 className="dialog__title" id={`${id}-title`}>
        {title}
      </h2>
      <p className="dialog__message" id={`${id}-help`}>
        Type to narrow the list, ↑ ↓ to choose, Enter to draw the arrow.
      </p>
      <input
        ref={inputRef}
        type="text"
        className="connect__input"
        role="combobox"
        aria-label="Card to connect to"
        aria-describedby={`${id}-help`}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder="Search cards"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <ul className="connect__list" id={`${id}-list`} role="listbox" aria-label="Cards">
        {shown.map((target, index) => (
          <li
            key={target.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className="connect__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(target.id)}
          >
            <span className="connect__label">{target.label}</span>
            <span className="connect__detail">{target.detail}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="muted connect__empty">
          {all.length === 0
            ? 'Nothing on this map can take an arrow from this card.'
            : alreadyConnected
              ? `“${nodeLabel(alreadyConnected)}” already has an arrow from this card.`
              : `No card matches “${query.trim()}”.`}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={closeConnect}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
