import { join } from 'node:path';

export const PRODUCT_NAME = 'Journey Studio';
export const LIBRARY_FILE_NAME = 'journey-studio.sqlite';

/**
 * Electron's `userData` folder for this app, computed without Electron so that browser mode opens
 * the same library by default: appData (per platform) joined with the product name.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}
