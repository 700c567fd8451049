/**
 * Browser mode: a loopback HTTP bridge serving the built renderer and `POST /api/<method>`.
 * It binds 127.0.0.1 only, requires the per-launch token on every API call, refuses a foreign
 * Host (DNS rebinding) or Origin (cross-site requests), non-JSON bodies, unknown methods and
 * invalid input, each with a JSON error envelope.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ErrorCodes, type ApiError, type Envelope } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../security';
import type { ChosenFile } from '../../shared/api/files';
import { AppError } from '../../shared/api/errors';
import { MAX_FILE_BYTES } from '../files/registry';
import type { Dispatch } from './dispatch';

export const TOKEN_HEADER = 'x-workstation-token';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HttpBridgeOptions {
  dispatch: Dispatch;
  /** Built renderer to serve; absent: API only. */
  staticDir?: string;
  port?: number;
  /** Fixed token (tests); default: 32 random bytes per launch. */
  token?: string;
  /** Receives `POST /upload?name=...` bodies (the browser-mode file picker). */
  upload?: (name: string, body: IncomingMessage) => Promise<ChosenFile>;
}

export interface HttpBridge {
  server: Server;
  port: number;
  token: string;
  /** The URL to open: carries the token once; the page keeps it in session storage. */
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json; charset=utf-8',
};

const STATUS_OF: Record<string, number> = {
  [ErrorCodes.invalidInput]: 400,
  [ErrorCodes.unknownMethod]: 404,
  [ErrorCodes.notFound]: 404,
  [ErrorCodes.forbidden]: 403,
  [ErrorCodes.internal]: 500,
};

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  const error: ApiError = { code, message };
  sendJson(res, status, { ok: false, error });
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) refuse(res, 500, ErrorCodes.internal, err instanceof Error ? err.message : String(err));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return refuse(res, 403, ErrorCodes.forbidden, `Host not allowed: ${host}`);
    const url = new URL(req.url ?? '/', `http://${host}`);

    const isApi = url.pathname.startsWith('/api/');
    if (isApi || url.pathname === '/upload') {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(res, 403, ErrorCodes.forbidden, `Origin not allowed: ${origin}`);
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return refuse(res, 405, ErrorCodes.forbidden, 'Only POST is allowed');
      }
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !tokensEqual(given, token)) return refuse(res, 401, ErrorCodes.forbidden, 'Missing or wrong token');
    }
    if (url.pathname === '/upload') return handleUpload(req, res, url);
    if (isApi) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return refuse(res, 415, ErrorCodes.invalidInput, 'Content-Type must be application/json');
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        return refuse(res, 413, ErrorCodes.invalidInput, 'Request body too large');
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return refuse(res, 400, ErrorCodes.invalidInput, 'Malformed JSON');
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const envelope = await options.dispatch(method, input);
      const status = envelope.ok ? 200 : (STATUS_OF[envelope.error.code] ?? 422);
      return sendJson(res, status, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, ErrorCodes.forbidden, 'Method not allowed');
    if (!options.staticDir) return refuse(res, 404, ErrorCodes.notFound, 'No renderer build');
    serveStatic(options.staticDir, url.pathname, req, res);
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!options.upload) return refuse(res, 404, ErrorCodes.notFound, 'Uploads are not enabled');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/octet-stream') return refuse(res, 415, ErrorCodes.invalidInput, 'Content-Type must be application/octet-stream');
    const name = url.searchParams.get('name') ?? 'upload';
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_FILE_BYTES) {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, { ok: false, error: { code: 'file.too_large', message: `${name} is larger than 1 GB`, params: { file: name, limit: MAX_FILE_BYTES } } });
    }
    try {
      const file = await options.upload(name, req);
      return sendJson(res, 200, { ok: true, value: file });
    } catch (err) {
      if (err instanceof AppError) {
        res.setHeader('connection', 'close');
        return sendJson(res, err.code === 'file.too_large' ? 413 : 422, { ok: false, error: err.toApiError() });
      }
      throw err;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return refuse(res, 400, ErrorCodes.invalidInput, 'Bad path');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) return refuse(res, 403, ErrorCodes.forbidden, 'Path outside the app');
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    return refuse(res, 404, ErrorCodes.notFound, `Not found: ${rel}`);
  }
  const ext = extname(file).toLowerCase();
  const headers: Record<string, string | number> = {
    'content-type': MIME[ext] ?? 'application/octet-stream',
    'content-length': size,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  };
  if (ext === '.html') {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
