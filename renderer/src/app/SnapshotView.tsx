import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { SnapshotSummary } from '../../../shared/domain/snapshot';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { useCommands } from '../commands/commands-context';
import { confirmRestore } from '../commands/snapshot-actions';
import { Icon } from '../panels/Icon';
import { Inspector } from '../panels/Inspector';
import { createReadOnlyDocumentStore } from '../state/document-store';
import { StoresContext, useStores, type Stores } from '../state/stores-context';
import { BackButton } from './MapView';
import { formatExactTime } from './relative-time';

type ViewState =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'ready'; snapshot: SnapshotSummary; stores: Stores };

const bannerDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A snapshot of a map, read-only (`#/map/<id>/snapshot/<snapshotId>`): the same canvas and
 * inspector as the map, over a second document store that holds the snapshot and refuses every
 * edit. The map's own store is left as it is, still saving in the background if it has to.
 */
export function SnapshotView({ journeyId, snapshotId }: { journeyId: string; snapshotId: string }) {
  const { uiStore } = useStores();
  const { ctx } = useCommands();
  const [state, setState] = useState<ViewState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    uiStore.getState().clearSelection();
    ctx.api
      .call('snapshots.get', { id: snapshotId })
      .then(({ snapshot, document }) => {
        if (!live) return;
        if (snapshot.journeyId !== journeyId) throw new Error('This snapshot belongs to another map.');
        setState({
          status: 'ready',
          snapshot,
          stores: { documentStore: createReadOnlyDocumentStore(document), uiStore },
        });
      })
      .catch((error: unknown) => {
        if (live)
          setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
      uiStore.getState().clearSelection();
    };
  }, [ctx, uiStore, journeyId, snapshotId]);

  const backToMap = () => ctx.navigate({ name: 'map', id: journeyId });
  const ready = state.status === 'ready' ? state : null;

  return (
    <div className="map-view map-view--snapshot">
      <header className="topbar">
        <BackButton />
        {ready ? (
          <span className="map-title map-title--static" data-testid="map-title">
            <span className="map-title__text" title={ready.stores.documentStore.getState().doc?.journey.name}>
              {ready.stores.documentStore.getState().doc?.journey.name}
            </span>
          </span>
        ) : (
          <span className="map-title map-title--placeholder" />
        )}
        {ready && (
          <span className="read-only-badge">
            <Icon name="lock" size={14} />
            Read-only
          </span>
        )}
        <div className="topbar__spacer" />
      </header>
      {ready && (
        <div className="banner banner--snapshot banner--inline" data-testid="snapshot-banner">
          <Icon name="history" />
          <p className="banner__text">
            <strong>Snapshot “{ready.snapshot.name}”</strong> from{' '}
            <time dateTime={ready.snapshot.createdAt} title={formatExactTime(ready.snapshot.createdAt)}>
              {bannerDate.format(new Date(ready.snapshot.createdAt))}
            </time>{' '}
            — read-only
          </p>
          <button type="button" className="button button--small" onClick={backToMap}>
            <Icon name="back" size={16} />
            Back to the map
          </button>
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => confirmRestore(ctx, ready.snapshot, backToMap)}
          >
            <Icon name="refresh" size={16} />
            Restore this snapshot
          </button>
        </div>
      )}
      {ready ? (
        <StoresContext.Provider value={ready.stores}>
          <div className="map-view__body">
            <main className="map-view__canvas" aria-label="Journey map (snapshot, read-only)">
              <ReactFlowProvider>
                <JourneyCanvas />
              </ReactFlowProvider>
            </main>
            <Inspector readOnly />
          </div>
        </StoresContext.Provider>
      ) : state.status === 'failed' ? (
        <div className="map-view__message">
          <div className="banner banner--error" role="alert">
            <Icon name="alert" />
            <p className="banner__text">Couldn't open this snapshot: {state.error}</p>
            <button type="button" className="button button--small" onClick={backToMap}>
              Back to the map
            </button>
          </div>
        </div>
      ) : (
        <div className="map-view__message">
          <p className="muted">Opening the snapshot…</p>
        </div>
      )}
    </div>
  );
}
