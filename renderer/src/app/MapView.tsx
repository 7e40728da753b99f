import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { useCommand } from '../commands/commands-context';
import { OverlayToggleButton } from '../overlay/OverlayBar';
import { OverlayLayer } from '../overlay/OverlayLayer';
import { Icon } from '../panels/Icon';
import { Inspector } from '../panels/Inspector';
import { MapTitle } from '../panels/MapTitle';
import { SaveIndicator } from '../panels/SaveIndicator';
import { SnapshotsDialog } from '../panels/SnapshotsDialog';
import { ImportPanels } from '../import/ImportPanels';
import { Toolbar } from '../panels/Toolbar';
import { FilterBar } from '../panels/FilterBar';
import { FindBar } from '../panels/FindBar';
import { VotesPanel } from '../panels/VotesPanel';
import { WorkshopTools, useWorkshopResetOnMap } from '../panels/WorkshopTools';
import { useWorkshop } from '../workshop/workshop-store';
import { useDocument, useStores } from '../state/stores-context';
import { hashOf } from './route';

/** One map: top bar, canvas and inspector. */
export function MapView({ journeyId }: { journeyId: string }) {
  const { documentStore, uiStore } = useStores();
  const loadState = useDocument((s) => (s.journeyId === journeyId ? s.loadState : 'loading'));
  const loadError = useDocument((s) => s.loadError);
  const blocked = useDocument((s) => (s.blockedSwitch?.wantedId === journeyId ? s.blockedSwitch : null));
  const [snapshotsOpen, setSnapshotsOpen] = useState(false);
  const votesPanelOpen = useWorkshop((s) => s.votesPanelOpen);
  useWorkshopResetOnMap(journeyId);

  useEffect(() => {
    uiStore.getState().clearSelection();
    void documentStore.getState().load(journeyId);
  }, [documentStore, uiStore, journeyId]);

  return (
    <div className="map-view">
      <header className="topbar">
        <BackButton />
        {loadState === 'ready' ? <MapTitle /> : <span className="map-title map-title--placeholder" />}
        {loadState === 'ready' && <Toolbar />}
        <div className="topbar__spacer" />
        {loadState === 'ready' && <WorkshopTools />}
        {loadState === 'ready' && <SaveIndicator />}
        {loadState === 'ready' && <OverlayToggleButton />}
        {loadState === 'ready' && (
          <button
            type="button"
            className="button button--toolbar button--snapshots"
            title="Save, open and restore snapshots of this map"
            onClick={() => setSnapshotsOpen(true)}
          >
            <Icon name="history" />
            <span>Snapshots</span>
          </button>
        )}
      </header>
      {snapshotsOpen && <SnapshotsDialog journeyId={journeyId} onClose={() => setSnapshotsOpen(false)} />}
      {loadState === 'ready' && <ImportPanels journeyId={journeyId} />}
      <ConflictBanner />
      {loadState === 'ready' && <FilterBar />}
      {loadState === 'ready' ? (
        <ReactFlowProvider>
          <div className="map-view__body">
            <main className="map-view__canvas" aria-label="Journey map">
              <JourneyCanvas />
              <FindBar />
              <OverlayLayer journeyId={journeyId} />
            </main>
            {votesPanelOpen && <VotesPanel />}
            <Inspector />
          </div>
        </ReactFlowProvider>
      ) : blocked ? (
        <UnsavedElsewhere journeyId={journeyId} reason={blocked.reason} />
      ) : loadState === 'failed' ? (
        <div className="map-view__message">
          <div className="banner banner--error" role="alert">
            <Icon name="alert" />
            <p className="banner__text">Couldn't open this map: {loadError}</p>
            <button
              type="button"
              className="button button--small"
              onClick={() => void documentStore.getState().load(journeyId)}
            >
              Try again
            </button>
          </div>
        </div>
      ) : (
        <div className="map-view__message">
          <p className="muted">Opening the map…</p>
        </div>
      )}
    </div>
  );
}

/**
 * The map open before still has edits that could not be saved. Opening this one waits: the user
 * retries, goes back to them, or explicitly discards them.
 */
function UnsavedElsewhere({ journeyId, reason }: { journeyId: string; reason: string }) {
  const { documentStore } = useStores();
  const previous = useDocument((s) => s.doc?.journey);
  const pending = useDocument((s) => s.queue.length + (s.inFlight?.length ?? 0));
  const open = () => void documentStore.getState().load(journeyId);
  return (
    <div className="map-view__message">
      <div className="banner banner--error" role="alert">
        <Icon name="alert" />
        <div className="banner__text">
          <p>
            <strong>
              {pending} change{pending === 1 ? '' : 's'} to “{previous?.name ?? 'the previous map'}” could not
              be saved yet
            </strong>
            , so this map waits to open. {reason}
          </p>
          <div className="banner__actions">
            <button type="button" className="button button--small" onClick={open}>
              Retry now
            </button>
            {previous && (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  window.location.hash = hashOf({ name: 'map', id: previous.id });
                }}
              >
                Back to “{previous.name}”
              </button>
            )}
            <button
              type="button"
              className="button button--small button--danger-solid"
              onClick={() => void documentStore.getState().discardAndLoad(journeyId)}
            >
              Discard them and open this map
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

export function BackButton() {
  const back = useCommand('app.library');
  return (
    <button
      type="button"
      className="icon-button icon-button--toolbar"
      aria-label="Back to library"
      title="Back to library"
      onClick={back.run}
    >
      <Icon name="back" />
    </button>
  );
}

/** The map was changed elsewhere: saving stopped; reload to continue. */
function ConflictBanner() {
  const { documentStore } = useStores();
  const conflict = useDocument((s) => s.conflict);
  const pending = useDocument((s) => s.queue.length + (s.inFlight?.length ?? 0));
  if (!conflict) return null;
  return (
    <div className="banner banner--warning banner--inline" role="alert">
      <Icon name="alert" />
      <p className="banner__text">
        <strong>This map was changed elsewhere</strong> (another window or tab), so your latest edits could
        not be saved. Reload the map to continue:{' '}
        {pending > 0
          ? `your ${pending} unsaved change${pending === 1 ? '' : 's'} here will be lost.`
          : 'nothing of yours is lost.'}
      </p>
      <button
        type="button"
        className="button button--small"
        onClick={() => void documentStore.getState().reload()}
      >
        <Icon name="refresh" size={16} />
        Reload map
      </button>
    </div>
  );
}
