import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Serving the built renderer, shared by Electron's `app://` protocol and the browser-mode host:
 * one safe path resolution, one set of content types, one Content-Security-Policy.
 */

/** Strict CSP: no eval, no inline scripts, connections only to the app itself. */
export function contentSecurityPolicy(options: { dev?: boolean } = {}): string {
  const connect = options.dev ? "'self' ws: http://localhost:*" : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow positions nodes with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps a URL path to a file inside `rootDir`, or null when it would escape the folder or is not
 * a plain path. `/` is index.html.
 */
export function resolveRendererFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

export interface RendererFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Reads a renderer file into a response description with the security headers set. */
export async function readRendererFile(rootDir: string, urlPath: string): Promise<RendererFile> {
  const headers = { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy() };
  const file = resolveRendererFile(rootDir, urlPath);
  if (!file) return { status: 400, headers: { ...headers, 'content-type': 'text/plain' }, body: 'Bad path' };
  try {
    const body = await readFile(file);
    const isHtml = file.endsWith('.html');
    return {
      status: 200,
      headers: {
        ...headers,
        'content-type': contentTypeOf(file),
        'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
      },
      body,
    };
  } catch {
    return { status: 404, headers: { ...headers, 'content-type': 'text/plain' }, body: 'Not found' };
  }
}
