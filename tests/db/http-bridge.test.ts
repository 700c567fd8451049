import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpBridge, TOKEN_HEADER, type HttpBridge } from '../../main/transport/http';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir } from '../support/demo-template';

let ws: Workstation;
let bridge: HttpBridge;
let dataDir: string;

beforeAll(async () => {
  dataDir = demoDataDir();
  ws = openWorkstation({ dataDir, demo: false, actor: 'test' });
  bridge = await startHttpBridge({ dispatch: ws.dispatch, token: 'test-token-0123456789', upload: (n, b) => ws.ctx.files.upload(n, b) });
});
afterAll(async () => {
  await bridge.close();
  ws.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: { ok: boolean; error?: { code: string }; value?: unknown };
}

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method: opts.method ?? 'POST', headers: { host: `127.0.0.1:${bridge.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const good = () => ({ 'content-type': 'application/json', [TOKEN_HEADER]: 'test-token-0123456789' });
/** Everything a refused request could have changed. */
const state = () => ws.ctx.db.prepare("SELECT (SELECT count(*) FROM audit_log) AS audits, (SELECT value FROM setting WHERE key = 'locale') AS locale").get();

describe('loopback HTTP bridge security', () => {
  it('binds to 127.0.0.1 only', () => {
    expect((bridge.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers a well-formed call', async () => {
    const r = await send('/api/app.info', { headers: good(), body: '{}' });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
  });

  it.each([
    ['a missing token', { 'content-type': 'application/json' }, 401, 'common.forbidden'],
    ['a wrong token', { 'content-type': 'application/json', [TOKEN_HEADER]: 'test-token-0123456780' }, 401, 'common.forbidden'],
    ['a foreign Host (DNS rebinding)', { ...good(), host: 'evil.example:80' }, 403, 'common.forbidden'],
    ['a foreign Origin', { ...good(), origin: 'http://evil.example' }, 403, 'common.forbidden'],
    ['a form post', { ...good(), 'content-type': 'application/x-www-form-urlencoded' }, 415, 'common.invalid_input'],
  ])('refuses %s and changes nothing', async (_what, headers, status, code) => {
    const before = state();
    const r = await send('/api/app.setLocale', { headers, body: JSON.stringify({ locale: 'en-US' }) });
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ ok: false, error: { code } });
    expect(state()).toEqual(before);
  });

  it('refuses an unknown method, malformed JSON and invalid input, changing nothing', async () => {
    const before = state();
    const unknown = await send('/api/db.dropEverything', { headers: good(), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error!.code).toBe('common.unknown_method');
    const malformed = await send('/api/app.setLocale', { headers: good(), body: '{"locale": "en-US"' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error!.code).toBe('common.invalid_input');
    const invalid = await send('/api/app.setLocale', { headers: good(), body: JSON.stringify({ locale: 'fr-FR' }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error!.code).toBe('common.invalid_input');
    const extra = await send('/api/app.setLocale', { headers: good(), body: JSON.stringify({ locale: 'en-US', admin: true }) });
    expect(extra.status).toBe(400);
    const get = await send('/api/app.info', { method: 'GET', headers: good() });
    expect(get.status).toBe(405);
    expect(state()).toEqual(before);
  });

  it('allows the same-origin call the renderer makes and records it', async () => {
    const before = (state() as { audits: number }).audits;
    const r = await send('/api/app.setLocale', { headers: { ...good(), origin: `http://127.0.0.1:${bridge.port}` }, body: JSON.stringify({ locale: 'en-US' }) });
    expect(r.status).toBe(200);
    expect(state()).toEqual({ audits: before + 1, locale: '"en-US"' });
  });

  it('takes uploads only with the token and hands back an opaque id', async () => {
    const refused = await send('/upload?name=a.csv', { headers: { 'content-type': 'application/octet-stream' }, body: 'x' });
    expect(refused.status).toBe(401);
    const r = await send('/upload?name=%E4%BA%BA%E7%A4%BE.csv', { headers: { ...good(), 'content-type': 'application/octet-stream' }, body: 'indicator,period,value\n' });
    expect(r.status).toBe(200);
    expect(r.body.value).toMatchObject({ name: '人社.csv', size: 23 });
    expect(JSON.stringify(r.body.value)).not.toContain('/');
  });

  it('serves the renderer with the CSP header and nothing outside its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ws-static-'));
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    const stat = await startHttpBridge({ dispatch: ws.dispatch, staticDir: join(root, 'app') });
    try {
      const get = (path: string) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
          request({ host: '127.0.0.1', port: stat.port, path, headers: { host: `127.0.0.1:${stat.port}` } }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
          })
            .on('error', reject)
            .end();
        });
      const index = await get('/');
      expect(index.status).toBe(200);
      expect(String(index.headers['content-security-policy'])).toContain("default-src 'none'");
      expect(String(index.headers['content-security-policy'])).not.toMatch(/https?:/);
      for (const path of ['/../secret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt']) {
        const r = await get(path);
        expect([403, 404], path).toContain(r.status);
        expect(r.body).not.toContain('do not serve');
      }
    } finally {
      await stat.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
