import type { SnapshotSummary } from '../../../shared/domain/snapshot';
import { formatExactTime } from '../app/relative-time';
import type { CommandContext } from './command-registry';

/** Saving, restoring and deleting snapshots, shared by the snapshots dialog and the snapshot view. */

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Snapshot 3 Jun 2025, 14:05": the name a new snapshot is offered. */
export function defaultSnapshotName(now = new Date()): string {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `Snapshot ${format.format(now)}`;
}

/**
 * Sends the open map's pending edits, so what the library holds is what the user sees. Throws when
 * they could not be saved: a snapshot or a restore must not silently miss them.
 */
async function settleEdits(ctx: CommandContext, journeyId: string): Promise<void> {
  const documents = ctx.documentStore;
  if (documents.getState().journeyId !== journeyId) return;
  await documents.getState().flush();
  const after = documents.getState();
  if (after.hasPendingWrites()) {
    throw new Error(
      after.conflict
        ? 'This map was changed elsewhere. Reload the map first.'
        : "Your latest changes couldn't be saved yet. Try again once the map shows Saved.",
    );
  }
}

/** Saves the map as it is now (pending edits included) as a named snapshot. */
export async function saveSnapshot(
  ctx: CommandContext,
  journeyId: string,
  name: string,
): Promise<SnapshotSummary | null> {
  try {
    await settleEdits(ctx, journeyId);
    const snapshot = await ctx.api.call('snapshots.create', { journeyId, name });
    ctx.uiStore.getState().notify(`Saved snapshot “${snapshot.name}”.`);
    return snapshot;
  } catch (error) {
    ctx.uiStore.getState().notify(`Couldn't save the snapshot: ${messageOf(error)}`, 'error');
    return null;
  }
}

/**
 * Restores a snapshot: the API first snapshots the map as it stands, then puts the snapshot's
 * content back. The open map is then reloaded, so its history starts afresh.
 */
async function restoreSnapshot(ctx: CommandContext, snapshot: SnapshotSummary): Promise<boolean> {
  try {
    await settleEdits(ctx, snapshot.journeyId);
    const open = ctx.documentStore.getState();
    const baseRevision =
      open.journeyId === snapshot.journeyId && open.doc
        ? open.confirmedRevision
        : (await ctx.api.call('journeys.get', { id: snapshot.journeyId })).journey.revision;
    const restored = await ctx.api.call('snapshots.restore', { id: snapshot.id, baseRevision });
    ctx.uiStore.getState().clearSelection();
    if (ctx.documentStore.getState().journeyId === snapshot.journeyId) {
      await ctx.documentStore.getState().reload();
    }
    ctx.uiStore
      .getState()
      .notify(`Restored “${snapshot.name}”. The map as it was is saved as “${restored.before.name}”.`);
    return true;
  } catch (error) {
    ctx.uiStore.getState().notify(`Couldn't restore the snapshot: ${messageOf(error)}`, 'error');
    return false;
  }
}

/** Asks first, saying that the current state is kept as a snapshot; `done` runs after a restore. */
export function confirmRestore(ctx: CommandContext, snapshot: SnapshotSummary, done?: () => void): void {
  ctx.uiStore.getState().askConfirm({
    title: `Restore “${snapshot.name}”?`,
    message:
      `The map goes back to how it was in this snapshot (${formatExactTime(snapshot.createdAt)}). ` +
      'The current state is saved as a snapshot first, so you can return to it.',
    confirmLabel: 'Restore',
    onConfirm: () => {
      void restoreSnapshot(ctx, snapshot).then((restored) => {
        if (restored) done?.();
      });
    },
  });
}

/** Asks first, then deletes; `done` runs after the delete. */
export function confirmDelete(ctx: CommandContext, snapshot: SnapshotSummary, done?: () => void): void {
  ctx.uiStore.getState().askConfirm({
    title: `Delete snapshot “${snapshot.name}”?`,
    message: 'The snapshot is removed from the library. The map itself does not change.',
    confirmLabel: 'Delete',
    onConfirm: () => {
      ctx.api
        .call('snapshots.delete', { id: snapshot.id })
        .then(() => done?.())
        .catch((error: unknown) => {
          ctx.uiStore.getState().notify(`Couldn't delete the snapshot: ${messageOf(error)}`, 'error');
        });
    },
  });
}
