/**
 * Package signing keys (Ed25519, node:crypto). The workstation's own private key lives in the data
 * folder (keys/<id>.pem, readable by the user only); public keys trusted for verifying packages are
 * kept in the cache (trusted_key) and managed from settings or the CLI. A key id is the first 16
 * hex digits of the SHA-256 of the raw 32-byte public key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { writeAudit } from '../db/audit';
import { getSetting, setSetting } from '../services/settings';
import { dataError } from '../import/errors';
import type { TrustedKey } from '../../shared/api/packages';

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNING_KEY_SETTING = 'packages.signingKey';

export function keyIdOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** The raw 32-byte public key from base64 (raw or SPKI DER) or PEM text. */
export function parsePublicKey(text: string): Buffer {
  const t = text.trim();
  try {
    if (t.startsWith('-----BEGIN')) {
      const der = createPublicKey(t).export({ type: 'spki', format: 'der' });
      if (der.length === 44 && der.subarray(0, 12).equals(SPKI_PREFIX)) return der.subarray(12);
      throw new Error('not an Ed25519 key');
    }
    const bytes = Buffer.from(t.replace(/\s+/g, ''), 'base64');
    if (bytes.length === 32) return bytes;
    if (bytes.length === 44 && bytes.subarray(0, 12).equals(SPKI_PREFIX)) return bytes.subarray(12);
    throw new Error(`expected 32 bytes, got ${bytes.length}`);
  } catch (err) {
    throw dataError('package.bad_key', { reason: err instanceof Error ? err.message : String(err) });
  }
}

export function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function verifySignature(raw: Buffer, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, data, publicKeyObject(raw), signature);
  } catch {
    return false;
  }
}

interface KeyRow {
  key_id: string;
  name: string;
  public_key: string;
  own: number;
  added_at: string;
  added_by: string;
}

function fromRow(r: KeyRow, signing: string | null): TrustedKey {
  return { keyId: r.key_id, name: r.name, publicKey: r.public_key, own: r.own === 1, signing: r.key_id === signing, addedAt: r.added_at, addedBy: r.added_by };
}

export function listKeys(db: Db): { keys: TrustedKey[]; signingKeyId: string | null } {
  const signing = getSetting<string | null>(db, SIGNING_KEY_SETTING, null);
  const rows = db.prepare('SELECT * FROM trusted_key ORDER BY own DESC, added_at').all() as KeyRow[];
  return { keys: rows.map((r) => fromRow(r, signing)), signingKeyId: signing };
}

export function trustedKey(db: Db, keyId: string): TrustedKey | null {
  const row = db.prepare('SELECT * FROM trusted_key WHERE key_id = ?').get(keyId) as KeyRow | undefined;
  return row ? fromRow(row, getSetting<string | null>(db, SIGNING_KEY_SETTING, null)) : null;
}

function keyFile(dataDir: string, keyId: string): string {
  return join(dataDir, 'keys', `${keyId}.pem`);
}

/** Generates this workstation's signing key; the public half is trusted at once. */
export function generateSigningKey(db: Db, dataDir: string, actor: string, name: string, now = new Date()): TrustedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(12);
  const keyId = keyIdOf(raw);
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const file = keyFile(dataDir, keyId);
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  chmodSync(file, 0o600);
  db.transaction(() => {
    db.prepare('INSERT INTO trusted_key (key_id, name, public_key, own, added_at, added_by) VALUES (?, ?, ?, 1, ?, ?)').run(keyId, name, raw.toString('base64'), now.toISOString(), actor);
    setSetting(db, SIGNING_KEY_SETTING, keyId);
    writeAudit(db, { actor, action: 'package.keygen', entity: 'trusted_key', entityId: keyId, details: { name } }, now);
  })();
  return trustedKey(db, keyId)!;
}

/** Trusts another workstation's public key for verifying its packages. */
export function trustKey(db: Db, actor: string, name: string, publicKey: string, now = new Date()): TrustedKey {
  const raw = parsePublicKey(publicKey);
  const keyId = keyIdOf(raw);
  db.transaction(() => {
    db.prepare('INSERT INTO trusted_key (key_id, name, public_key, own, added_at, added_by) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT(key_id) DO UPDATE SET name = excluded.name').run(
      keyId,
      name,
      raw.toString('base64'),
      now.toISOString(),
      actor,
    );
    writeAudit(db, { actor, action: 'package.trust', entity: 'trusted_key', entityId: keyId, details: { name } }, now);
  })();
  return trustedKey(db, keyId)!;
}

export function untrustKey(db: Db, actor: string, keyId: string, now = new Date()): void {
  db.transaction(() => {
    const key = trustedKey(db, keyId);
    if (!key) throw dataError('package.unknown_key', { keyId });
    db.prepare('DELETE FROM trusted_key WHERE key_id = ?').run(keyId);
    if (key.signing) setSetting(db, SIGNING_KEY_SETTING, null);
    writeAudit(db, { actor, action: 'package.untrust', entity: 'trusted_key', entityId: keyId, details: { name: key.name } }, now);
  })();
}

/** Signs with this workstation's key; throws package.no_signing_key when there is none. */
export function signWithOwnKey(db: Db, dataDir: string, data: Buffer): { keyId: string; publicKey: string; signature: string } {
  const keyId = getSetting<string | null>(db, SIGNING_KEY_SETTING, null);
  const key = keyId ? trustedKey(db, keyId) : null;
  const file = keyId ? keyFile(dataDir, keyId) : '';
  if (!keyId || !key || !existsSync(file)) throw dataError('package.no_signing_key');
  const privateKey = createPrivateKey(readFileSync(file));
  return { keyId, publicKey: key.publicKey, signature: sign(null, data, privateKey).toString('base64') };
}
