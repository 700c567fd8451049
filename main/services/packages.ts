/** Snapshot packages and their keys over the contract. */
import type { HandlersFor, ServiceContext } from './types';
import { exportPackage, importPackage, inspectPackage } from '../packages/package';
import { generateSigningKey, listKeys, trustKey, untrustKey } from '../packages/keys';

type Methods = 'package.export' | 'package.inspect' | 'package.import' | 'package.keys' | 'package.keygen' | 'package.trust' | 'package.untrust';

export function packageHandlers(ctx: ServiceContext): HandlersFor<Methods> {
  return {
    'package.export': ({ snapshotIds, unit, sign }) => {
      const pkg = exportPackage(ctx.db, { snapshotIds, unit, sign, actor: ctx.actor, dataDir: ctx.dataDir, appVersion: ctx.version });
      return { fileName: pkg.fileName, mime: 'application/zip', content: pkg.bytes.toString('base64'), encoding: 'base64' };
    },
    'package.inspect': ({ fileId }) => {
      const f = ctx.files.resolve(fileId);
      return inspectPackage(ctx.db, f.path, f.name);
    },
    'package.import': ({ fileId, allowUnsigned }) => {
      const f = ctx.files.resolve(fileId);
      return importPackage(ctx.db, f.path, f.name, { actor: ctx.actor, allowUnsigned });
    },
    'package.keys': () => listKeys(ctx.db),
    'package.keygen': ({ name }) => generateSigningKey(ctx.db, ctx.dataDir, ctx.actor, name),
    'package.trust': ({ name, publicKey }) => trustKey(ctx.db, ctx.actor, name, publicKey),
    'package.untrust': ({ keyId }) => {
      untrustKey(ctx.db, ctx.actor, keyId);
      return { keyId };
    },
  };
}
