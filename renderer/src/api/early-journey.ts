import type { ApiBridge, ApiInput, ApiMethod, ApiOutput } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { parseHash } from '../app/route';

/**
 * Opening the app on a map (`#/map/<id>`, a reload or a link), the map is asked for as soon as the
 * transport is known, before the rest of the renderer's code is evaluated and the map view mounts
 * and asks for it itself. The request and the host's work then overlap the evaluation of the
 * bundle instead of following it (on the 2,300-card benchmark map: the answer is almost 1 MB).
 *
 * The returned bridge hands that answer to the first `journeys.get` call, if it is for the same
 * map; any other call, and every later one, goes to the bridge as usual.
 */
export function withEarlyJourney(bridge: ApiBridge, hash: string): ApiBridge {
  const route = parseHash(hash);
  if (route.name !== 'map') return bridge;
  let early: Promise<Result<ApiOutput<'journeys.get'>>> | null = bridge.invoke('journeys.get', {
    id: route.id,
  });
  // Not asked for after all (the page went elsewhere first): nobody waits for it.
  early.catch(() => undefined);
  return {
    invoke<M extends ApiMethod>(method: M, args: ApiInput<M>) {
      if (method === 'journeys.get') {
        const answer = early;
        early = null;
        if (answer && (args as ApiInput<'journeys.get'>).id === route.id)
          return answer as Promise<Result<ApiOutput<M>>>;
      }
      return bridge.invoke(method, args);
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
