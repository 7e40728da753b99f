import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import type { SnapshotSummary } from '../../../shared/domain/snapshot';
import { formatExactTime, formatRelativeTime, useNow } from '../app/relative-time';
import { useCommands } from '../commands/commands-context';
import {
  confirmDelete,
  confirmRestore,
  defaultSnapshotName,
  saveSnapshot,
} from '../commands/snapshot-actions';
import { Icon } from './Icon';
import { trapTab, useModalDialog } from './modal-dialog';
import { useListed } from './use-listed';

/**
 * The map's snapshots: save the map as it is now under a name, and for each snapshot open it
 * read-only, restore it, or delete it. A native modal <dialog>, like the template chooser.
 */
export function SnapshotsDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const { ctx } = useCommands();
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const now = useNow();
  const [name, setName] = useState(() => defaultSnapshotName());
  const [saving, setSaving] = useState(false);
  const [fresh, setFresh] = useState<string | null>(null);

  const { list, refresh } = useListed(
    useCallback(() => ctx.api.call('snapshots.list', { journeyId }), [ctx, journeyId]),
  );

  const ref = useModalDialog(nameRef);

  const trimmed = name.trim();
  const nameError =
    trimmed.length === 0
      ? 'Give the snapshot a name.'
      : trimmed.length > 200
        ? 'At most 200 characters.'
        : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || nameError) return;
    setSaving(true);
    const snapshot = await saveSnapshot(ctx, journeyId, trimmed);
    setSaving(false);
    if (snapshot) {
      setFresh(snapshot.id);
      setName(defaultSnapshotName());
      await refresh();
    }
  };

  const open = (snapshot: SnapshotSummary) => {
    onClose();
    ctx.navigate({ name: 'snapshot', id: journeyId, snapshotId: snapshot.id });
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--snapshots"
      aria-label="Snapshots"
      aria-describedby={`${id}-intro`}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__head">
        <div>
          <h2 className="dialog__title">Snapshots</h2>
          <p className="dialog__message" id={`${id}-intro`}>
            Save the map as it is now, look back at it later, or put it back.
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

      <form className="snapshots__form" onSubmit={(event) => void save(event)}>
        <label className="snapshots__label" htmlFor={`${id}-name`}>
          Snapshot name
        </label>
        <div className="snapshots__row">
          <input
            ref={nameRef}
            id={`${id}-name`}
            className={`field__control snapshots__input${nameError ? ' is-invalid' : ''}`}
            value={name}
            maxLength={200}
            aria-invalid={nameError !== null}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={saving || nameError !== null}>
            <Icon name="camera" />
            {saving ? 'Saving…' : 'Save snapshot'}
          </button>
        </div>
        {nameError && (
          <p className="snapshots__error" id={`${id}-name-error`}>
            {nameError}
          </p>
        )}
      </form>

      <div className="snapshots__list-wrap">
        {list.status === 'loading' ? (
          <p className="snapshots__empty muted">Loading snapshots…</p>
        ) : list.status === 'failed' ? (
          <p className="snapshots__empty snapshots__error" role="alert">
            Couldn't load the snapshots: {list.error}
          </p>
        ) : list.items.length === 0 ? (
          <p className="snapshots__empty muted">
            No snapshots yet. Save one before a workshop, and you can always go back to it.
          </p>
        ) : (
          <ul className="snapshots__list" aria-label="Saved snapshots">
            {list.items.map((snapshot) => (
              <li
                key={snapshot.id}
                className={`snapshot-item${snapshot.id === fresh ? ' is-fresh' : ''}`}
                data-testid="snapshot-item"
              >
                <div className="snapshot-item__text">
                  <span className="snapshot-item__name" title={snapshot.name}>
                    {snapshot.name}
                  </span>
                  <span className="snapshot-item__meta">
                    <time dateTime={snapshot.createdAt} title={formatExactTime(snapshot.createdAt)}>
                      {formatRelativeTime(snapshot.createdAt, now)}
                    </time>
                    <span aria-hidden="true"> · </span>
                    {snapshot.touchpointCount} touchpoint{snapshot.touchpointCount === 1 ? '' : 's'}
                  </span>
                </div>
                <div className="snapshot-item__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Open ${snapshot.name}`}
                    title="Open read-only"
                    onClick={() => open(snapshot)}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Restore ${snapshot.name}`}
                    title="Restore this snapshot"
                    onClick={() => confirmRestore(ctx, snapshot, onClose)}
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={`Delete ${snapshot.name}`}
                    title="Delete snapshot"
                    onClick={() => confirmDelete(ctx, snapshot, () => void refresh())}
                  >
                    <Icon name="trash" />
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}
