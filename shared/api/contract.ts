/**
 * The one contract between renderer and main: method name -> input schema -> result type.
 * Both transports (Electron IPC and the loopback HTTP bridge) carry exactly these methods.
 * Each domain declares its methods in its own file; they are merged here.
 */
import type { z } from 'zod';
import type { MethodSpec } from './define';
import { analyticsMethods } from './analytics';
import { annotationsMethods } from './annotations';
import { appMethods } from './app';
import { catalogMethods } from './catalog';
import { catalogEditMethods } from './catalog-edit';
import { filesMethods } from './files';
import { importsMethods } from './imports';
import { overviewMethods } from './overview';
import { packagesMethods } from './packages';
import { reportsMethods } from './reports';
import { seriesMethods } from './series';
import { enterprisesMethods } from './enterprises';
import { groupsMethods } from './groups';
import { ledgerMethods } from './ledger';
import { signalsMethods } from './signals';
import { warningsMethods } from './warnings';

export const contract = {
  ...analyticsMethods,
  ...appMethods,
  ...annotationsMethods,
  ...catalogMethods,
  ...catalogEditMethods,
  ...filesMethods,
  ...importsMethods,
  ...overviewMethods,
  ...packagesMethods,
  ...reportsMethods,
  ...seriesMethods,
  ...enterprisesMethods,
  ...groupsMethods,
  ...ledgerMethods,
  ...signalsMethods,
  ...warningsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults still optional). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** True for a name the contract knows. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
