import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type Session,
} from 'electron';
import { closeLibraryDatabase, openLibraryDatabase } from '../db/connection';
import { JourneyRepository } from '../db/journey-repository';
import { MetricsAnalysis } from '../db/metrics-analysis';
import { SnapshotRepository } from '../db/snapshot-repository';
import { LIBRARY_FILE_NAME } from '../web/user-data-path';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol';
import { createHandlerTable } from './handlers/handler-table';
import { builtWorkerPath, ImportSessions } from '../import/import-sessions';
import { createSenderCheck, registerIpcTransport } from './ipc-transport';
import { buildMenuTemplate } from './menu';
import { isSafeExternalUrl } from './navigation-policy';
import { isPermissionAllowed } from './permission-policy';
import { unpackedPath } from './packaged-paths';
import { contentSecurityPolicy, readRendererFile } from './renderer-files';
import { loadWindowState, restoreBounds, saveWindowState } from './window-state';

/**
 * The Electron main process: lifecycle, the one window, the menu and the IPC transport over the
 * shared handler table. Everything with logic of its own lives in modules that load without
 * Electron (handlers, database, window-state, menu template, navigation policy).
 */

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const logError = (where: string, error: unknown) =>
  console.error(`[${new Date().toISOString()}] ${where} failed:`, error);

let mainWindow: BrowserWindow | null = null;
let quitting = false;

function hardenSession(ses: Session) {
  // Only the clipboard, only for our own app:// pages; every other permission is denied.
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  if (devServerUrl) {
    // The dev server's pages get the same policy as the packaged app, relaxed only for hot reload.
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy({ dev: true })],
        },
      });
    });
  }
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererDir, url.pathname);
    return new Response(new Uint8Array(typeof file.body === 'string' ? Buffer.from(file.body) : file.body), {
      status: file.status,
      headers: file.headers,
    });
  });
}

function createMainWindow(windowStateFile: string) {
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const { bounds, maximized } = restoreBounds(loadWindowState(windowStateFile), displays);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Journey Studio',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const rememberBounds = () => {
    if (window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    try {
      saveWindowState(windowStateFile, { x, y, width, height, maximized: window.isMaximized() });
    } catch (error) {
      logError('saving window state', error);
    }
  };
  window.on('close', rememberBounds);

  const { webContents } = window;
  webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());

  // The renderer cancels unloading while writes are pending, flushes them and closes the window
  // itself. If that takes long, the user decides.
  webContents.on('will-prevent-unload', () => {
    setTimeout(async () => {
      if (window.isDestroyed()) return;
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        buttons: ['Keep Waiting', 'Close Without Saving'],
        defaultId: 0,
        cancelId: 0,
        message: 'Your last changes are not saved yet.',
        detail: 'Journey Studio is still writing them to the library. Closing now loses them.',
      });
      if (response === 1 && !window.isDestroyed()) window.destroy();
    }, 5000);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    if (quitting) app.quit();
  });

  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function focusMainWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start() {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);
  app.setAboutPanelOptions({ applicationName: 'Journey Studio', applicationVersion: app.getVersion() });
  await app.whenReady();

  const userData = app.getPath('userData');
  const dbPath = join(userData, LIBRARY_FILE_NAME);
  let db: Awaited<ReturnType<typeof openLibraryDatabase>>;
  try {
    db = await openLibraryDatabase(dbPath);
  } catch (error) {
    dialog.showErrorBox('Journey Studio cannot open its library', `${dbPath}\n\n${(error as Error).message}`);
    app.exit(1);
    return;
  }
  app.on('will-quit', () => closeLibraryDatabase(db));
  app.on('before-quit', () => {
    quitting = true;
  });

  const journeys = new JourneyRepository(db);
  const importSessions = new ImportSessions({
    db,
    journeys,
    logError,
    // Node's worker loader cannot read inside app.asar: the worker runs from the unpacked copy.
    workerPath: unpackedPath(builtWorkerPath(fileURLToPath(new URL('.', import.meta.url)))),
  });
  app.on('will-quit', () => importSessions.close());
  const handlers = createHandlerTable({
    journeys,
    snapshots: new SnapshotRepository(db, journeys),
    metrics: new MetricsAnalysis(db),
    version: app.getVersion(),
    transport: 'electron',
    newId: randomUUID,
    imports: {
      db,
      sessions: importSessions,
      pickFile: async () => {
        const options: Electron.OpenDialogOptions = {
          title: 'Import data',
          properties: ['openFile'],
          filters: [
            { name: 'Survey and data exports', extensions: ['csv', 'tsv', 'txt'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const picked = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return picked.canceled ? null : (picked.filePaths[0] ?? null);
      },
    },
  });
  const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];
  registerIpcTransport(ipcMain, handlers, createSenderCheck(trustedOrigins), logError);

  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        appName: app.name,
        isDev: !app.isPackaged,
        sendCommand: (command, { byKey }) => mainWindow?.webContents.send('menu:command', { command, byKey }),
      }),
    ),
  );

  const windowStateFile = join(userData, 'window-state.json');
  mainWindow = createMainWindow(windowStateFile);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(windowStateFile);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
}

start().catch((error: unknown) => {
  logError('start', error);
  app.exit(1);
});
