import type { Db } from '../db/connection';
import type { ObservationStore } from '../db/observations';
import type { FileRegistry } from '../files/registry';
import type { MethodName, ParsedInputOf, ResultOf } from '../../shared/api/contract';

/** What every service needs: the open cache and who is acting. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  version: string;
  /** Recorded as the actor in snapshots and the audit log (the OS user name by default). */
  actor: string;
  store: ObservationStore;
  files: FileRegistry;
  host: HostCapabilities;
}

/** What the host process can do beyond services: dialogs exist in Electron only. */
export interface HostCapabilities {
  /** Shows an open dialog; the chosen path, or null when cancelled. */
  chooseFile?(filters: Array<{ name: string; extensions: string[] }>): Promise<string | null>;
  /** Shows a save dialog and writes the bytes; the path written, or null when cancelled. */
  saveFile?(suggestedName: string, bytes: Buffer): Promise<string | null>;
  /** Prints an HTML file to PDF with the host's own engine (Electron's printToPDF); else Chromium via playwright-core. */
  printToPdf?(htmlFile: string): Promise<Buffer>;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;

/** Handlers for a subset of the contract; the union of all domains must cover every method. */
export type HandlersFor<M extends MethodName> = { [K in M]: Handler<K> };

export type Handlers = HandlersFor<MethodName>;
