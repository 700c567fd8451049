/** All service handlers, one per contract method. Plain functions: no Electron, no HTTP. */
import { analyticsHandlers } from './analytics';
import { annotationsHandlers } from './annotations';
import { appHandlers } from './app';
import { catalogHandlers } from './catalog';
import { catalogEditHandlers } from './catalog-edit';
import { filesHandlers } from './files';
import { importHandlers } from './imports';
import { overviewHandlers } from './overview';
import { packageHandlers } from './packages';
import { reportsHandlers } from './reports';
import { seriesHandlers } from './series';
import { enterprisesHandlers } from './enterprises';
import { groupsHandlers } from './groups';
import { ledgerHandlers } from './ledger';
import { signalsHandlers } from './signals';
import { warningsHandlers } from './warnings';
import type { Handlers, ServiceContext } from './types';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...analyticsHandlers(ctx),
    ...appHandlers(ctx),
    ...annotationsHandlers(ctx),
    ...catalogHandlers(ctx),
    ...catalogEditHandlers(ctx),
    ...filesHandlers(ctx),
    ...importHandlers(ctx),
    ...overviewHandlers(ctx),
    ...packageHandlers(ctx),
    ...reportsHandlers(ctx),
    ...seriesHandlers(ctx),
    ...enterprisesHandlers(ctx),
    ...groupsHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...signalsHandlers(ctx),
    ...warningsHandlers(ctx),
  };
}
