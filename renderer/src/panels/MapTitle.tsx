import { useEffect, useRef, useState } from 'react';
import { useDocument, useStores } from '../state/stores-context';

/**
 * The map's name in the top bar; click it to rename in place (Enter saves, Escape cancels).
 */
export function MapTitle() {
  const { documentStore } = useStores();
  const name = useDocument((s) => s.doc?.journey.name ?? '');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.title = name ? `${name} — Journey Studio` : 'Journey Studio';
    return () => {
      document.title = 'Journey Studio';
    };
  }, [name]);

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [editing]);

  const finish = (focusButton: boolean) => {
    setEditing(false);
    setError(null);
    if (focusButton) requestAnimationFrame(() => buttonRef.current?.focus());
  };
  const save = (focusButton: boolean) => {
    const next = draft.trim();
    if (!next) {
      setError('A name cannot be empty.');
      return;
    }
    if (next !== name) documentStore.getState().apply([{ op: 'journey.update', fields: { name: next } }]);
    finish(focusButton);
  };

  if (editing) {
    return (
      <div className="map-title map-title--editing">
        <input
          ref={inputRef}
          className={`field__control map-title__input${error ? ' is-invalid' : ''}`}
          value={draft}
          maxLength={200}
          aria-label="Map name"
          aria-invalid={error ? true : undefined}
          title={error ?? undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            if (error && event.target.value.trim()) setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              save(true);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              finish(true);
            }
          }}
          onBlur={() => (draft.trim() ? save(false) : finish(false))}
        />
        {error && (
          <span className="map-title__error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }
  return (
    <h1 className="map-title" data-testid="map-title">
      <button
        ref={buttonRef}
        type="button"
        className="map-title__button"
        title="Rename map"
        onClick={() => {
          setDraft(name);
          setEditing(true);
        }}
      >
        {name}
      </button>
    </h1>
  );
}
