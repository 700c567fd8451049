import { z } from 'zod';
import { method } from './define';
import type { ExportedFile } from './series';

/**
 * Files cross the boundary as opaque ids, never as paths the renderer makes up: an id is handed
 * out by main for a file the user chose in a dialog (Electron) or uploaded (browser mode).
 */
export const fileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export interface ChosenFile {
  id: string;
  name: string;
  size: number;
}

export const fileFilterSchema = z.object({ name: z.string().max(64), extensions: z.array(z.string().max(16)).max(16) });

export const filesMethods = {
  /** Electron only: the open dialog. Browser mode uploads instead (POST /upload). */
  'file.choose': method<ChosenFile | null>()(z.object({ filters: z.array(fileFilterSchema).max(8).default([]) }).strict()),
  /** Electron only: the save dialog, then write. Browser mode downloads instead. */
  'file.save': method<{ path: string | null }>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        mime: z.string().max(128),
        content: z.string(),
        encoding: z.enum(['utf8', 'base64']),
      })
      .strict(),
  ),
};

export type SaveFileInput = ExportedFile;
