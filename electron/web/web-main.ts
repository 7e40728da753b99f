import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeLibraryDatabase, openLibraryDatabase } from '../db/connection';
import { JourneyRepository } from '../db/journey-repository';
import { MetricsAnalysis } from '../db/metrics-analysis';
import { SnapshotRepository } from '../db/snapshot-repository';
import { createHandlerTable } from '../main/handlers/handler-table';
import { builtWorkerPath, ImportSessions } from '../import/import-sessions';
import { UploadStore } from '../import/upload-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { defaultUserDataDir, LIBRARY_FILE_NAME } from './user-data-path';
import { startWebHost } from './web-host';
import { parseWebOptions, WEB_USAGE } from './web-options';

declare const __APP_VERSION__: string;

/** `npm run web`: the browser-mode entry point (built to out/main/web.js, run with plain Node). */
async function main() {
  let options;
  try {
    options = parseWebOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.help) {
    console.log(WEB_USAGE);
    return;
  }
  const dbPath = resolve(
    options.db ?? join(defaultUserDataDir(process.platform, process.env, homedir()), LIBRARY_FILE_NAME),
  );

  let db;
  try {
    db = await openLibraryDatabase(dbPath);
  } catch (error) {
    console.error(`Cannot open the library ${dbPath}:\n  ${(error as Error).message}`);
    process.exit(1);
  }

  const journeys = new JourneyRepository(db);
  const uploadDir = mkdtempSync(join(tmpdir(), 'journey-studio-uploads-'));
  const uploads = new UploadStore(uploadDir);
  const logError = (where: string, error: unknown) =>
    console.error(`[${new Date().toISOString()}] ${where} failed:`, error);
  const importSessions = new ImportSessions({
    db,
    journeys,
    logError,
    workerPath: builtWorkerPath(fileURLToPath(new URL('.', import.meta.url))),
  });
  const handlers = createHandlerTable({
    journeys,
    snapshots: new SnapshotRepository(db, journeys),
    metrics: new MetricsAnalysis(db),
    version: __APP_VERSION__,
    transport: 'browser',
    imports: { db, sessions: importSessions, uploads },
  });
  const host = await startWebHost({
    handlers,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    token: randomBytes(24).toString('base64url'),
    port: options.port,
    logError,
    uploads,
  }).catch((error: NodeJS.ErrnoException) => {
    closeLibraryDatabase(db);
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${options.port} is already in use. Pick another with: npm run web -- --port N`
        : `Cannot start the browser-mode host: ${error.message}`,
    );
    process.exit(1);
  });

  console.log(`Journey Studio is running in browser mode.
  Library: ${dbPath}
  Open:    ${host.url}
(Only this computer can connect. Press Ctrl+C to stop.)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    importSessions.close();
    uploads.clear();
    rmSync(uploadDir, { recursive: true, force: true });
    closeLibraryDatabase(db);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
