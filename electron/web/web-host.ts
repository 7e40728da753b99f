import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import { fail, type Result } from '../../shared/api/result';
import { readRendererFile, SECURITY_HEADERS } from '../main/renderer-files';
import type { UploadStore } from '../import/upload-store';
import { AppError } from '../../shared/api/result';

/**
 * Browser mode: serves the built renderer and the one API on loopback only. Every request must
 * name this host (no DNS rebinding), API calls must come from this origin and carry the per-launch
 * token, and bodies are JSON of bounded size.
 */

export const TOKEN_HEADER = 'x-journey-token';
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface WebHostOptions {
  handlers: Handlers;
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
  logError?: (method: string, error: unknown) => void;
  /** Import files uploaded by the page (POST /upload), streamed to disk with a size cap. */
  uploads?: UploadStore;
}

export interface WebHost {
  server: Server;
  port: number;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function allowedHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>) {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createRequestListener(options: WebHostOptions, getPort: () => number) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const port = getPort();
    const hosts = allowedHosts(port);
    if (!req.headers.host || !hosts.has(req.headers.host.toLowerCase())) {
      return send(res, 421, 'Journey Studio only answers requests addressed to 127.0.0.1 or localhost.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
      return send(res, 403, 'Requests from other sites are refused.');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname === '/upload') {
      // An import file, streamed to disk: same token as API calls, raw bytes, capped size.
      if (req.method !== 'POST') return send(res, 405, 'Uploads are POST requests.');
      const token = req.headers[TOKEN_HEADER];
      if (typeof token !== 'string' || !sameSecret(token, options.token)) {
        return sendResult(res, 401, fail('invalid-input', 'Missing or wrong access token.'));
      }
      if (!options.uploads) return sendResult(res, 404, fail('not-found', 'Uploads are not accepted here.'));
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/octet-stream')) {
        return sendResult(
          res,
          415,
          fail('invalid-input', 'An upload carries the file as application/octet-stream.'),
        );
      }
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > options.uploads.limit) {
        req.resume();
        return sendResult(
          res,
          413,
          fail(
            'invalid-input',
            `The file is larger than ${Math.round(options.uploads.limit / 1024 / 1024)} MB.`,
          ),
        );
      }
      try {
        const value = await options.uploads.receive(req, url.searchParams.get('name') ?? 'upload.csv');
        return sendResult(res, 200, { ok: true, value });
      } catch (error) {
        if (error instanceof AppError) return sendResult(res, 413, fail(error.code, error.message));
        throw error;
      }
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'API calls are POST requests.');
      const token = req.headers[TOKEN_HEADER];
      if (typeof token !== 'string' || !sameSecret(token, options.token)) {
        return sendResult(res, 401, fail('invalid-input', 'Missing or wrong access token.'));
      }
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return sendResult(res, 415, fail('invalid-input', 'API calls carry a JSON body.'));
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === 'too-large') {
        return sendResult(
          res,
          413,
          fail('invalid-input', `The request is larger than ${MAX_BODY_BYTES} bytes.`),
        );
      }
      let args: unknown;
      try {
        args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendResult(res, 400, fail('invalid-input', 'The request body is not valid JSON.'));
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await dispatch(options.handlers, method, args, { logError: options.logError });
      return sendResult(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const file = await readRendererFile(options.rendererDir, url.pathname);
    res.writeHead(file.status, file.headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };
}

/** Starts listening on 127.0.0.1 only. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let port = options.port;
  const listener = createRequestListener(options, () => port);
  const server = createServer((req, res) => {
    listener(req, res).catch((error: unknown) => {
      options.logError?.('http', error);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
