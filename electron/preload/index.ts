import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  apiEvents,
  BRIDGE_GLOBAL,
  IPC_INVOKE_CHANNEL,
  isApiMethod,
  type ApiBridge,
} from '../../shared/api/contract';

/**
 * The whole surface the renderer gets: a frozen object with `invoke` for API methods the contract
 * names and `on` for the events it names. Nothing else of Electron or Node reaches the page.
 */
const bridge: ApiBridge = Object.freeze({
  invoke(method, args) {
    if (!isApiMethod(method)) {
      return Promise.resolve({
        ok: false as const,
        error: { code: 'invalid-input' as const, message: `Unknown API method "${String(method)}".` },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args);
  },
  on(event, listener) {
    if (!Object.hasOwn(apiEvents, event)) throw new Error(`Unknown event "${String(event)}".`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) =>
      listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
} satisfies ApiBridge);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
