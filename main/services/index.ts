/** All service handlers, one per contract method. Plain functions: no Electron, no HTTP. */
import { appHandlers } from './app';
import { catalogHandlers } from './catalog';
import { filesHandlers } from './files';
import { overviewHandlers } from './overview';
import { seriesHandlers } from './series';
import type { Handlers, ServiceContext } from './types';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...catalogHandlers(ctx),
    ...filesHandlers(ctx),
    ...overviewHandlers(ctx),
    ...seriesHandlers(ctx),
  };
}
