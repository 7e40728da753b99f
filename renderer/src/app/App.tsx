import { StrictMode, useEffect, useState } from 'react';
import type { ApiBridge } from '../../../shared/api/contract';
import { createApiClient } from '../api/client';
import type { TransportChoice } from '../api/transport';
import {
  isTypingTarget,
  menuCommandBelongsToField,
  type CommandContext,
  type ViewportController,
} from '../commands/command-registry';
import { CommandsContext, useCommandShortcuts, type Commands } from '../commands/commands-context';
import { createJourneyCommandRegistry } from '../commands/journey-commands';
import { ConfirmHost } from '../panels/ConfirmDialog';
import { ConnectHost } from '../panels/ConnectDialog';
import { Notices } from '../panels/Notices';
import { ShortcutsHost } from '../panels/ShortcutsDialog';
import { createDocumentStore } from '../state/document-store';
import { StoresContext, useStores, useUi, type Stores } from '../state/stores-context';
import { createUiStore } from '../state/ui-store';
import { LibraryView } from './LibraryView';
import { MapView } from './MapView';
import { SnapshotView } from './SnapshotView';
import { TemplateChooser } from './TemplateChooser';
import { UnauthorisedScreen } from './UnauthorisedScreen';
import { hashOf, parseHash, sameRoute, type Route } from './route';

export function App({ transport }: { transport: TransportChoice }) {
  return (
    <StrictMode>
      {transport.kind === 'unauthorised' ? (
        <UnauthorisedScreen />
      ) : (
        <Studio bridge={transport.bridge} kind={transport.kind} />
      )}
    </StrictMode>
  );
}

interface StudioServices {
  stores: Stores;
  commands: Commands;
}

function createServices(bridge: ApiBridge, kind: 'electron' | 'browser'): StudioServices {
  const api = createApiClient(bridge);
  const documentStore = createDocumentStore(api);
  const uiStore = createUiStore();
  uiStore.getState().setRoute(parseHash(window.location.hash));
  let viewport: ViewportController | null = null;
  const ctx: CommandContext = {
    api,
    transport: kind,
    documentStore,
    uiStore,
    get viewport() {
      return viewport;
    },
    attachViewport(controller) {
      viewport = controller;
      return () => {
        if (viewport === controller) viewport = null;
      };
    },
    navigate(route: Route) {
      const hash = hashOf(route);
      if (window.location.hash !== hash) window.location.hash = hash;
      uiStore.getState().setRoute(route);
    },
  };
  return { stores: { documentStore, uiStore }, commands: { registry: createJourneyCommandRegistry(), ctx } };
}

/** Menu commands that act on the text field being edited, if there is one, before the map. */
const TEXT_FIELD_COMMANDS: ReadonlyMap<string, 'undo' | 'redo' | 'selectAll'> = new Map([
  ['edit.undo', 'undo'],
  ['edit.redo', 'redo'],
  ['selection.selectAll', 'selectAll'],
]);

/** The app once it can reach the API: stores, commands, routing, and the unload guard. */
function Studio({ bridge, kind }: { bridge: ApiBridge; kind: 'electron' | 'browser' }) {
  const [services] = useState(() => createServices(bridge, kind));
  const { stores, commands } = services;

  useEffect(() => {
    const { uiStore } = stores;
    const onHashChange = () => {
      const route = parseHash(window.location.hash);
      if (!sameRoute(route, uiStore.getState().route)) uiStore.getState().setRoute(route);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [stores]);

  // The Electron menu sends command ids; unknown ones are ignored. Its Undo and Redo accelerators
  // take the key before the page sees it, so in a text field they run the field's own undo.
  useEffect(() => {
    const { registry, ctx } = commands;
    return ctx.api.on('menu:command', ({ command, byKey = false }) => {
      const typing = isTypingTarget(document.activeElement);
      const textCommand = TEXT_FIELD_COMMANDS.get(command);
      if (textCommand && typing) {
        document.execCommand(textCommand);
        return;
      }
      if (menuCommandBelongsToField(registry.get(command), { byKey, typing })) return;
      registry.run(command, ctx).catch((error: unknown) => {
        ctx.uiStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
      });
    });
  }, [commands]);

  // Quitting or reloading waits for pending writes.
  useEffect(() => {
    const { documentStore, uiStore } = stores;
    let failedOnce = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const documents = documentStore.getState();
      if (!documents.hasPendingWrites() || documents.conflict) return;
      // After a failed attempt, a second close in Electron goes through rather than trapping the user.
      if (failedOnce && kind === 'electron') return;
      event.preventDefault();
      event.returnValue = '';
      void documents.flush().then(() => {
        if (!documentStore.getState().hasPendingWrites()) {
          if (kind === 'electron') window.close();
        } else {
          failedOnce = true;
          uiStore
            .getState()
            .notify("Your latest changes couldn't be saved yet. Close again to quit without them.", 'error');
        }
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [stores, kind]);

  // Send pending edits when the window is hidden (minimised, switched away from).
  useEffect(() => {
    const { documentStore } = stores;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && documentStore.getState().hasPendingWrites()) {
        void documentStore.getState().flush();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [stores]);

  return (
    <StoresContext.Provider value={stores}>
      <CommandsContext.Provider value={commands}>
        <Shell />
      </CommandsContext.Provider>
    </StoresContext.Provider>
  );
}

function Shell() {
  useCommandShortcuts();
  const route = useUi((s) => s.route);
  const confirm = useUi((s) => s.confirm);
  const templateChooserOpen = useUi((s) => s.templateChooserOpen);
  const { uiStore } = useStores();
  return (
    <div className="app">
      <Notices />
      {route.name === 'map' ? (
        <MapView key={route.id} journeyId={route.id} />
      ) : route.name === 'snapshot' ? (
        <SnapshotView key={route.snapshotId} journeyId={route.id} snapshotId={route.snapshotId} />
      ) : (
        <LibraryView />
      )}
      {templateChooserOpen && <TemplateChooser onClose={() => uiStore.getState().closeTemplateChooser()} />}
      <ConfirmHost request={confirm} onClose={() => uiStore.getState().closeConfirm()} />
      <ShortcutsHost />
      <ConnectHost />
    </div>
  );
}
