import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/contract';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import { fail } from '../../shared/api/result';

/**
 * The Electron transport: the only place raw ipcMain is used. Each call is checked for its sender
 * (our own top frame, loaded from our own origin) before the dispatcher validates its arguments.
 */

export type SenderCheck = (frame: Pick<WebFrameMain, 'url' | 'parent'> | null) => boolean;

/** Trusts only a top-level frame whose URL starts with one of the app's origins. */
export function createSenderCheck(trustedOrigins: readonly string[]): SenderCheck {
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    let origin: string;
    try {
      // URL.origin is "null" for custom schemes such as app://, so compare scheme and host.
      const url = new URL(frame.url);
      origin = `${url.protocol}//${url.host}`;
    } catch {
      return false;
    }
    return trustedOrigins.includes(origin);
  };
}

export function registerIpcTransport(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  logError: (method: string, error: unknown) => void,
): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      logError(
        'ipc',
        new Error(`Refused an API call from an untrusted frame: ${event.senderFrame?.url ?? 'unknown'}`),
      );
      return fail('invalid-input', 'This window is not allowed to use the Journey Studio API.');
    }
    return dispatch(handlers, method, args, { logError });
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
