import type { ImportSessions } from '../../electron/import/import-sessions';
import type { ImportStatus } from '../../shared/import/mapping';

/** The session's status once it has finished reading the file (ready, failed or cancelled). */
export async function settled(sessions: ImportSessions, sessionId: string): Promise<ImportStatus> {
  for (;;) {
    const status = sessions.status(sessionId);
    if (status.state !== 'reading') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
