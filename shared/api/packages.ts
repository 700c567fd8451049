/**
 * Snapshot packages (.wspkg) for air-gapped transfer between workstations: export a set of
 * snapshots signed with this workstation's Ed25519 key, inspect and import a package (hashes and
 * signature verified against trusted keys; unsigned or untrusted ones only when explicitly
 * accepted; tampered ones never), and manage the keys.
 */
import { z } from 'zod';
import { method } from './define';
import { fileIdSchema } from './files';
import type { ExportedFile } from './series';

export interface TrustedKey {
  keyId: string;
  name: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** This workstation's own key (its private half is in the data folder). */
  own: boolean;
  /** The key packages are signed with. */
  signing: boolean;
  addedAt: string;
  addedBy: string;
}

export type SignatureStatus = 'verified' | 'untrusted' | 'unsigned';

export interface PackageSnapshotInfo {
  uid: string;
  unit: string;
  fileName: string | null;
  importedAt: string;
  importedBy: string;
  rows: number;
  periodFrom: string | null;
  periodTo: string | null;
  /** Already in this cache (imported before, from this or another package). */
  known: boolean;
}

export interface PackageInspection {
  fileName: string;
  sha256: string;
  createdAt: string;
  createdBy: string;
  creatorHost: string;
  signature: SignatureStatus;
  keyId: string | null;
  keyName: string | null;
  /** The same package was imported before. */
  alreadyImported: { packageId: number; importedAt: string } | null;
  snapshots: PackageSnapshotInfo[];
  /** Extension sections carried (e.g. annotations), by name. */
  sections: string[];
}

export interface PackageImportResult {
  packageId: number;
  noop: boolean;
  signature: SignatureStatus;
  keyId: string | null;
  snapshotsNew: number;
  snapshotsKnown: number;
  values: { added: number; revised: number; unchanged: number };
  catalogAdded: { indicators: string[]; units: string[]; members: string[] };
  sections: Record<string, unknown>;
}

export const packagesMethods = {
  'package.export': method<ExportedFile>()(
    z
      .object({
        snapshotIds: z.array(z.number().int().positive()).max(100_000).optional(),
        unit: z.string().max(32).optional(),
        sign: z.boolean().default(true),
      })
      .strict(),
  ),
  'package.inspect': method<PackageInspection>()(z.object({ fileId: fileIdSchema }).strict()),
  'package.import': method<PackageImportResult>()(z.object({ fileId: fileIdSchema, allowUnsigned: z.boolean().default(false) }).strict()),
  'package.keys': method<{ keys: TrustedKey[]; signingKeyId: string | null }>()(z.object({}).strict()),
  'package.keygen': method<TrustedKey>()(z.object({ name: z.string().trim().min(1).max(100) }).strict()),
  'package.trust': method<TrustedKey>()(z.object({ name: z.string().trim().min(1).max(100), publicKey: z.string().min(32).max(2000) }).strict()),
  'package.untrust': method<{ keyId: string }>()(z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }).strict()),
};
