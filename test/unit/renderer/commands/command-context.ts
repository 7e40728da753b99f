import type { ApiBridge, ApiMethod } from '../../../../shared/api/contract';
import { dispatch } from '../../../../shared/api/dispatch';
import { createApiClient } from '../../../../renderer/src/api/client';
import type { CommandContext } from '../../../../renderer/src/commands/command-registry';
import { createJourneyCommandRegistry } from '../../../../renderer/src/commands/journey-commands';
import { createDocumentStore } from '../../../../renderer/src/state/document-store';
import { createUiStore } from '../../../../renderer/src/state/ui-store';
import { openSampleMap } from '../state/journey-fixtures';

/**
 * The commands' context on the sample map in a temp library, opened as the app opens it: the real
 * handler table behind the real API client, a document store that saves at once, and a UI store
 * on the map's route.
 */
export async function openContext(transport: CommandContext['transport'] = 'browser') {
  const map = await openSampleMap();
  const { repo, id } = map;
  const handlers = map.handlers();
  const bridge = {
    invoke: (method: ApiMethod, args: unknown) => dispatch(handlers, method, args),
    on: () => () => {},
  } as unknown as ApiBridge;
  const api = createApiClient(bridge);
  const documentStore = createDocumentStore(api, { debounceMs: 0 });
  const uiStore = createUiStore();
  uiStore.getState().setRoute({ name: 'map', id });
  await documentStore.getState().load(id);
  const ctx: CommandContext = {
    api,
    transport,
    documentStore,
    uiStore,
    viewport: null,
    attachViewport: () => () => {},
    navigate: (route) => uiStore.getState().setRoute(route),
  };
  const doc = () => documentStore.getState().doc!;
  /** The map as the library holds it, once pending edits are saved. */
  const stored = async () => {
    await documentStore.getState().flush();
    return repo.get(id);
  };
  return { ctx, repo, id, doc, stored, registry: createJourneyCommandRegistry() };
}
