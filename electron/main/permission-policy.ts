import { APP_ORIGIN } from './app-protocol';

/**
 * Which web permissions the renderer gets: the clipboard (the context menu's Copy, Cut and Paste
 * use navigator.clipboard) for our own app:// pages only, and nothing else for anyone. Loads
 * without Electron, so it is unit-tested.
 */
export const CLIPBOARD_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-read',
  'clipboard-sanitized-write',
]);

/** The scheme and host of a URL or origin ("app://renderer"); URL.origin is "null" for app://. */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return CLIPBOARD_PERMISSIONS.has(permission) && originOf(requestingUrl) === APP_ORIGIN;
}
