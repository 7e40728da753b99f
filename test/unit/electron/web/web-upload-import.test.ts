import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { ImportSessions } from '../../../../electron/import/import-sessions';
import { UploadStore } from '../../../../electron/import/upload-store';
import { createHandlerTable } from '../../../../electron/main/handlers/handler-table';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../../electron/web/web-host';

/** Browser mode's upload endpoint and the import API over HTTP, on a real library. */

function call(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('uploads and imports in browser mode', () => {
  let dir: string;
  let uploadDir: string;
  let host: WebHost;
  let db: Awaited<ReturnType<typeof openLibraryDatabase>>;
  const token = 'test-token-upload-0123';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'js-upload-'));
    uploadDir = join(dir, 'uploads');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Journey Studio</title>');
    db = await openLibraryDatabase(join(dir, 'library.sqlite'));
    const journeys = new JourneyRepository(db);
    const uploads = new UploadStore(uploadDir, 1024 * 1024);
    host = await startWebHost({
      handlers: createHandlerTable({
        journeys,
        snapshots: new SnapshotRepository(db, journeys),
        version: '1.2.3',
        transport: 'browser',
        imports: { db, sessions: new ImportSessions({ db, journeys }), uploads },
      }),
      rendererDir: dir,
      token,
      port: 0,
      uploads,
    });
  });
  afterAll(async () => {
    await host.close();
    closeLibraryDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const headers = (extra: Record<string, string> = {}) => ({
    host: `127.0.0.1:${host.port}`,
    origin: `http://127.0.0.1:${host.port}`,
    [TOKEN_HEADER]: token,
    ...extra,
  });
  const api = async (method: string, body: unknown) =>
    JSON.parse(
      (
        await call(host.port, {
          path: `/api/${method}`,
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(body),
        })
      ).body,
    ) as { ok: boolean; value?: never; error?: { code: string; message: string } };
  const upload = (body: string | Buffer, extra: Record<string, string> = {}) =>
    call(host.port, {
      path: '/upload?name=..%2F..%2Fsurvey.csv',
      headers: headers({ 'content-type': 'application/octet-stream', ...extra }),
      body,
    });

  it('refuses an upload without the token, from another origin, or over the size cap', async () => {
    expect((await upload('a,b\n1,2\n', { [TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    expect((await upload('a,b\n1,2\n', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload('a,b\n1,2\n', { host: 'evil.example' })).status).toBe(421);
    const big = await upload(Buffer.alloc(2 * 1024 * 1024, 0x41));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.message).toMatch(/larger than 1 MB/);
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it('takes a file, previews it, checks it, stores it, lists and removes the dataset', async () => {
    const created = (await api('journeys.create', { template: 'online-store' })) as unknown as {
      value: { id: string };
    };
    const journeyId = created.value.id;
    const uploaded = await upload(
      'Touchpoint,NPS,Date\nShipping updates,9,2025-01-02\nShipping updates,4,2025-01-03\n',
    );
    expect(uploaded.status).toBe(200);
    const { uploadId } = JSON.parse(uploaded.body).value as { uploadId: string };

    const begun = (await api('imports.begin', { journeyId, uploadId })) as unknown as {
      value: { sessionId: string; fileName: string; mapping: unknown };
    };
    expect(begun.value.fileName).toBe('survey.csv'); // the path in the name is dropped
    const { sessionId, mapping } = begun.value;
    // The upload was handed over: it cannot be used twice.
    expect((await api('imports.begin', { journeyId, uploadId })).error?.code).toBe('not-found');

    expect(
      (
        await api('imports.run', {
          sessionId,
          mapping: { shape: 'responses', columns: [], dateFormat: 'auto' },
        })
      ).error?.code,
    ).toBe('invalid-input');
    await api('imports.run', { sessionId, mapping });
    let status: {
      state: string;
      report: { touchpoints: { value: string; match: { touchpointId: string } }[] };
    };
    do {
      status = ((await api('imports.status', { sessionId })) as unknown as { value: typeof status }).value;
    } while (status.state === 'reading');
    expect(status.state).toBe('ready');
    const assignments = status.report.touchpoints.map((t) => ({
      value: t.value,
      touchpointId: t.match.touchpointId,
    }));
    const stored = (await api('imports.commit', { sessionId, name: 'January', assignments })) as unknown as {
      value: { id: string; rowsAccepted: number };
    };
    expect(stored.value.rowsAccepted).toBe(2);
    expect(readdirSync(uploadDir)).toEqual([]); // the uploaded copy is gone once stored

    const listed = (await api('datasets.list', { journeyId })) as unknown as { value: { name: string }[] };
    expect(listed.value.map((d) => d.name)).toEqual(['January']);
    expect((await api('datasets.remove', { id: stored.value.id })).ok).toBe(true);
    expect((await api('datasets.remove', { id: stored.value.id })).error?.code).toBe('not-found');
  });

  it('saves, lists and deletes presets, refusing unknown keys', async () => {
    const mapping = {
      shape: 'responses',
      columns: [{ role: 'touchpoint' }, { role: 'ignore' }],
      dateFormat: 'dmy',
    };
    const saved = (await api('importPresets.save', {
      name: 'Team sheet',
      signature: 'h2-abc',
      mapping,
    })) as unknown as {
      value: { id: string };
    };
    expect(
      ((await api('importPresets.list', {})) as unknown as { value: { name: string }[] }).value.map(
        (p) => p.name,
      ),
    ).toEqual(['Team sheet']);
    expect(
      (await api('importPresets.save', { name: 'x', signature: 's', mapping, __proto__: 1, extra: 1 })).error
        ?.code,
    ).toBe('invalid-input');
    expect((await api('importPresets.delete', { id: saved.value.id })).ok).toBe(true);
    expect(((await api('importPresets.list', {})) as unknown as { value: unknown[] }).value).toEqual([]);
  });
});
