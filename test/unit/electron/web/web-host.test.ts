import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { createHandlerTable } from '../../../../electron/main/handlers/handler-table';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../../electron/web/web-host';

/** Raw HTTP so every header (Host, Origin) is exactly what a hostile page or rebinding attack sends. */
function call(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode host', () => {
  let dir: string;
  let host: WebHost;
  let db: Awaited<ReturnType<typeof openLibraryDatabase>>;
  const token = 'test-token-0123456789';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'js-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Journey Studio</title>');
    db = await openLibraryDatabase(join(dir, 'library.sqlite'));
    const journeys = new JourneyRepository(db);
    host = await startWebHost({
      handlers: createHandlerTable({
        journeys,
        snapshots: new SnapshotRepository(db, journeys),
        metrics: new MetricsAnalysis(db),
        version: '1.2.3',
        transport: 'browser',
      }),
      rendererDir: dir,
      token,
      port: 0,
    });
  });
  afterAll(async () => {
    await host.close();
    closeLibraryDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    call(host.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: {
        host: `127.0.0.1:${host.port}`,
        origin: `http://127.0.0.1:${host.port}`,
        'content-type': 'application/json',
        [TOKEN_HEADER]: token,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it('listens on loopback only and prints a URL with the token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await call(host.port, { path: '/', headers: { host: `localhost:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Journey Studio');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers API calls from the app with results', async () => {
    const created = await api('journeys.create', { template: 'online-store' });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Online store purchase' } });
    const info = await api('app.info', {});
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { version: '1.2.3', transport: 'browser' } });
  });

  it('refuses a wrong or missing token, and writes nothing', async () => {
    const before = JSON.parse((await api('journeys.list', {})).body).value.length;
    const wrong = await api('journeys.create', { template: 'blank' }, { [TOKEN_HEADER]: 'guess' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const after = JSON.parse((await api('journeys.list', {})).body).value.length;
    expect(after).toBe(before);
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const res = await api('journeys.list', {}, { host: `evil.example:${host.port}` });
    expect(res.status).toBe(421);
    const page = await call(host.port, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(421);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const res = await api('journeys.list', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const otherPort = await api('journeys.list', {}, { origin: `http://127.0.0.1:${host.port + 1}` });
    expect(otherPort.status).toBe(403);
  });

  it('refuses non-JSON bodies, bad JSON and GET on the API', async () => {
    expect((await api('journeys.list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const bad = await call(host.port, {
      method: 'POST',
      path: '/api/journeys.list',
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: '{"oops":',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('not valid JSON');
    const get = await call(host.port, {
      path: '/api/journeys.list',
      headers: { host: `127.0.0.1:${host.port}` },
    });
    expect(get.status).toBe(405);
  });

  it('answers invalid arguments with invalid-input', async () => {
    const res = await api('journeys.rename', { id: 'nope', name: 42 });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
