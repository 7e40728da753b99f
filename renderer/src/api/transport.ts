import type {
  ApiBridge,
  ApiEvent,
  ApiEventPayload,
  ApiInput,
  ApiMethod,
  ApiOutput,
} from '../../../shared/api/contract';
import { BRIDGE_GLOBAL } from '../../../shared/api/bridge-global';
import type { Result } from '../../../shared/api/result';

/**
 * The renderer talks to one typed API over one of two transports, chosen at start: Electron's
 * preload bridge when it is there, otherwise HTTP to the browser-mode host on loopback.
 */

const TOKEN_KEY = 'journey-studio.token';
export const TOKEN_HEADER = 'x-journey-token';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: ApiBridge;
  }
}

/** Browser mode: POST /api/<method> with the per-launch token the host printed in the URL. */
export function createHttpTransport(token: string, base = ''): ApiBridge {
  return {
    async invoke<M extends ApiMethod>(method: M, args: ApiInput<M>) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(args ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Cannot reach Journey Studio. Is the browser-mode host (npm run web) still running?',
          },
        } satisfies Result<ApiOutput<M>>;
      }
      if (response.status === 401 || response.status === 403) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message:
              'This page is not authorised. Open the address that `npm run web` printed (it carries a fresh access token).',
          },
        };
      }
      try {
        return (await response.json()) as Result<ApiOutput<M>>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Journey Studio answered ${response.status} without a result.`,
          },
        };
      }
    },
    on<E extends ApiEvent>(_event: E, _listener: (payload: ApiEventPayload<E>) => void) {
      // Browser mode has no application menu, the only source of events; nothing to subscribe to.
      return () => undefined;
    },
  };
}

/**
 * Reads the access token from `?token=` once, keeps it for this tab only, and removes it from the
 * address bar so it is not shown on a projector or copied into a chat.
 */
export function takeBrowserToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

export type TransportChoice =
  { kind: 'electron'; bridge: ApiBridge } | { kind: 'browser'; bridge: ApiBridge } | { kind: 'unauthorised' };

export function pickTransport(): TransportChoice {
  const bridge = window[BRIDGE_GLOBAL];
  if (bridge) return { kind: 'electron', bridge };
  const token = takeBrowserToken(window.location, window.sessionStorage, window.history);
  if (!token) return { kind: 'unauthorised' };
  return { kind: 'browser', bridge: createHttpTransport(token) };
}
