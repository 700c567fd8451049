/**
 * Opens a workstation on a data folder: the cache (migrated), the demo data on first launch,
 * the services and the dispatcher both transports use.
 */
import { openDatabase, type Db } from './db/connection';
import { ObservationStore } from './db/observations';
import { isEmptyCache, seedDemo, type SeedResult } from './demo/seed';
import { appVersion, osUserName } from './paths';
import { createHandlers } from './services';
import type { Handlers, HostCapabilities, ServiceContext } from './services/types';
import { FileRegistry } from './files/registry';
import { join } from 'node:path';
import { createDispatch, type Dispatch } from './transport/dispatch';
import { latestFullMonth } from '../shared/period';

export interface Workstation {
  ctx: ServiceContext;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Set when this launch generated the demo cache. */
  seeded: SeedResult | null;
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  /** Fill an empty cache with the demo data (default true). */
  demo?: boolean;
  actor?: string;
  /** "Today", for the demo's last month (the latest full month before it). */
  today?: Date;
  /** Dialogs and the like, where the host has them (Electron). */
  host?: HostCapabilities;
}

export function openWorkstation(options: OpenOptions): Workstation {
  const db: Db = openDatabase(options.dataDir);
  try {
    const actor = options.actor ?? osUserName();
    let seeded: SeedResult | null = null;
    if ((options.demo ?? true) && isEmptyCache(db)) {
      seeded = seedDemo(db, { end: latestFullMonth(options.today ?? new Date()), actor });
    }
    const files = new FileRegistry(join(options.dataDir, 'uploads'));
    const ctx: ServiceContext = {
      db,
      dataDir: options.dataDir,
      version: appVersion(),
      actor,
      store: new ObservationStore(db),
      files,
      host: options.host ?? {},
    };
    const handlers = createHandlers(ctx);
    return {
      ctx,
      handlers,
      dispatch: createDispatch(handlers),
      seeded,
      close: () => {
        files.dispose();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
