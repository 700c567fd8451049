/**
 * Files the user handed to the workstation, by opaque id: chosen in a dialog or uploaded in
 * browser mode. Services resolve an id to a path; the renderer never sees or sends a path.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/api/errors';
import type { ChosenFile } from '../../shared/api/files';

/** Largest file accepted (issue: files over 1 GB are refused). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface RegisteredFile extends ChosenFile {
  path: string;
  /** Deleted when the registry is disposed (uploads). */
  temporary: boolean;
}

export class FileRegistry {
  private readonly files = new Map<string, RegisteredFile>();

  constructor(private readonly uploadDir: string) {}

  register(path: string, name = basename(path), temporary = false): ChosenFile {
    const id = randomBytes(16).toString('hex');
    const size = statSync(path).size;
    this.files.set(id, { id, name, size, path, temporary });
    return { id, name, size };
  }

  resolve(id: string): RegisteredFile {
    const f = this.files.get(id);
    if (!f) throw new AppError('file.unknown', `Unknown or expired file id ${id}`, { id });
    return f;
  }

  /** Streams an upload into the upload folder, refusing more than `limit` bytes. */
  async upload(name: string, body: Readable, limit = MAX_FILE_BYTES): Promise<ChosenFile> {
    mkdirSync(this.uploadDir, { recursive: true });
    const path = join(this.uploadDir, `${randomBytes(8).toString('hex')}.upload`);
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) body.destroy(new AppError('file.too_large', `${name} is larger than ${limit} bytes`, { file: name, limit }));
    });
    try {
      await pipeline(body, createWriteStream(path));
    } catch (err) {
      rmSync(path, { force: true });
      if (err instanceof AppError) throw err;
      throw new AppError('file.upload_failed', `Upload of ${name} failed: ${err instanceof Error ? err.message : String(err)}`, { file: name });
    }
    return this.register(path, basename(name), true);
  }

  dispose(): void {
    for (const f of this.files.values()) if (f.temporary) rmSync(f.path, { force: true });
    this.files.clear();
  }
}
