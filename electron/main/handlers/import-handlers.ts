import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Handlers } from '../../../shared/api/dispatch';
import { AppError } from '../../../shared/api/result';
import { deletePreset, listPresets, savePreset } from '../../db/import-preset-repository';
import { getDataset, listDatasets, removeDataset } from '../../db/metrics-data-repository';
import type { ImportSessions } from '../../import/import-sessions';
import type { UploadStore } from '../../import/upload-store';

type ImportHandlers = Pick<
  Handlers,
  | 'imports.begin'
  | 'imports.run'
  | 'imports.status'
  | 'imports.cancel'
  | 'imports.commit'
  | 'imports.discard'
  | 'datasets.list'
  | 'datasets.remove'
  | 'importPresets.list'
  | 'importPresets.save'
  | 'importPresets.delete'
>;

export interface ImportHandlerDeps {
  db: Database.Database;
  sessions: ImportSessions;
  /** Electron: the open-file dialog (injected: handlers never import electron). Null = cancelled. */
  pickFile?: () => Promise<string | null>;
  /** Browser mode: files uploaded to the web host. */
  uploads?: UploadStore;
}

/** Importing data, the datasets of a map, and remembered column mappings. */
export function importHandlers(deps: ImportHandlerDeps | undefined): ImportHandlers {
  const need = (): ImportHandlerDeps => {
    if (!deps) throw new AppError('internal', 'Importing data is not set up in this process.');
    return deps;
  };
  return {
    'imports.begin': async ({ journeyId, uploadId }) => {
      const { sessions, uploads, pickFile } = need();
      if (uploadId !== undefined) {
        if (!uploads) throw new AppError('invalid-input', 'Uploads are accepted in browser mode only.');
        const upload = uploads.take(uploadId);
        return sessions.begin({
          journeyId,
          filePath: upload.filePath,
          fileName: upload.fileName,
          ownsFile: true,
        });
      }
      if (!pickFile) throw new AppError('invalid-input', 'Choose a file to upload.');
      const filePath = await pickFile();
      if (filePath === null) return null;
      return sessions.begin({ journeyId, filePath, fileName: path.basename(filePath), ownsFile: false });
    },
    'imports.run': ({ sessionId, mapping }) => need().sessions.run(sessionId, mapping),
    'imports.status': ({ sessionId }) => need().sessions.status(sessionId),
    'imports.cancel': ({ sessionId }) => need().sessions.cancel(sessionId),
    'imports.commit': ({ sessionId, name, assignments, allowDuplicate }) =>
      need().sessions.commit(sessionId, { name, assignments, allowDuplicate }),
    'imports.discard': ({ sessionId }) => {
      need().sessions.discard(sessionId);
      return { sessionId };
    },
    'datasets.list': ({ journeyId }) => listDatasets(need().db, journeyId),
    'datasets.remove': ({ id }) => {
      const { db } = need();
      getDataset(db, id);
      removeDataset(db, id);
      return { id };
    },
    'importPresets.list': () => listPresets(need().db),
    'importPresets.save': ({ name, signature, mapping }) =>
      savePreset(need().db, { name, signature, mapping }),
    'importPresets.delete': ({ id }) => {
      deletePreset(need().db, id);
      return { id };
    },
  };
}
