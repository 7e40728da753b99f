/** The custom scheme the packaged renderer loads from (never file://, per Electron's checklist). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
