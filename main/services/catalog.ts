import { readCatalog } from '../db/catalog';
import type { HandlersFor, ServiceContext } from './types';

export function catalogHandlers(ctx: ServiceContext): HandlersFor<'catalog.get'> {
  return {
    'catalog.get': () => readCatalog(ctx.db),
  };
}
