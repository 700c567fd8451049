import { z } from 'zod';
import { method } from './define';
import type { Dimension, Indicator, SourceUnit } from '../domain/types';

export interface Catalog {
  indicators: Indicator[];
  dimensions: Dimension[];
  sourceUnits: SourceUnit[];
}

export const catalogMethods = {
  'catalog.get': method<Catalog>()(z.object({}).strict()),
};
