import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { exportPackage, importPackage, inspectPackage } from '../../packages/package';
import { generateSigningKey, listKeys, trustKey, untrustKey } from '../../packages/keys';
import { appVersion, osUserName, resolveDataDir } from '../../paths';
import { openWorkstation } from '../../workstation';
import { DATA_DIR_OPTION, EXIT_OK, rejectInput, type CliCommand } from '../command';
import { cliLocale, LANG_OPTION, reportingErrors } from '../data-output';

/**
 * `package export --out FILE [--snapshot ID ...] [--unit CODE] [--no-sign]`,
 * `package import FILE [--allow-unsigned]`, `package inspect FILE`,
 * `package keygen [--name NAME]`, `package trust (KEY | --key-file FILE) --name NAME`,
 * `package untrust KEYID`, `package keys`, `package pubkey`.
 */
export const packageCommand: CliCommand = {
  name: 'package',
  summary: 'Signed snapshot packages (.wspkg) for air-gapped transfer, and their keys',
  usage: 'package export|import|inspect|keygen|trust|untrust|keys|pubkey [...]',
  options: {
    ...DATA_DIR_OPTION,
    ...LANG_OPTION,
    out: { type: 'string' },
    snapshot: { type: 'string', multiple: true },
    unit: { type: 'string' },
    'no-sign': { type: 'boolean' },
    'allow-unsigned': { type: 'boolean' },
    name: { type: 'string' },
    'key-file': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [sub, arg, ...extra] = args.positionals;
    if (!sub || extra.length) rejectInput('cli.usage', `Usage: npm run cli -- ${this.usage}`);
    const dataDir = resolveDataDir(args.values['data-dir'] as string | undefined);
    const ws = openWorkstation({ dataDir, demo: false, actor: osUserName() });
    const db = ws.ctx.db;
    const locale = cliLocale(args, db);
    const zh = locale === 'zh-CN';
    const out = (value: unknown, text: string) => io.out(args.values.json ? JSON.stringify(value) : text);
    try {
      return await reportingErrors(io, () => locale, async () => {
        switch (sub) {
          case 'export': {
            const target = args.values.out as string | undefined;
            if (!target) rejectInput('cli.usage', 'package export needs --out FILE');
            const ids = ((args.values.snapshot as string[] | undefined) ?? []).map((s) => {
              const n = Number(s);
              if (!Number.isInteger(n) || n <= 0) rejectInput('cli.bad_id', `A snapshot id is a positive whole number, not ${s}`, { value: s });
              return n;
            });
            const pkg = exportPackage(db, { snapshotIds: ids, unit: args.values.unit as string | undefined, sign: !args.values['no-sign'], actor: ws.ctx.actor, dataDir, appVersion: appVersion() });
            writeFileSync(resolve(target), pkg.bytes);
            out({ file: resolve(target), snapshots: pkg.manifest.snapshots.length, bytes: pkg.bytes.length }, zh ? `已导出 ${pkg.manifest.snapshots.length} 个快照到 ${resolve(target)}（${pkg.bytes.length} 字节）` : `Exported ${pkg.manifest.snapshots.length} snapshots to ${resolve(target)} (${pkg.bytes.length} bytes)`);
            return EXIT_OK;
          }
          case 'inspect':
          case 'import': {
            if (!arg) rejectInput('cli.usage', `package ${sub} FILE`);
            const path = resolve(arg);
            if (!existsSync(path)) rejectInput('cli.no_file', `No such file: ${arg}`, { file: arg });
            if (sub === 'inspect') {
              const info = await inspectPackage(db, path, basename(path));
              out(info, `${info.fileName}: ${info.signature}${info.keyId ? ` (${info.keyId}${info.keyName ? ` ${info.keyName}` : ''})` : ''}, ${info.snapshots.length} snapshots, ${info.createdBy}@${info.creatorHost} ${info.createdAt}`);
              return EXIT_OK;
            }
            const r = await importPackage(db, path, basename(path), { actor: ws.ctx.actor, allowUnsigned: !!args.values['allow-unsigned'] });
            out(
              r,
              r.noop
                ? zh
                  ? `该数据包此前已导入（#${r.packageId}），未做任何改动`
                  : `Package already imported (${r.packageId}); nothing changed`
                : zh
                  ? `已导入数据包 #${r.packageId}（${r.signature}）：新快照 ${r.snapshotsNew}，已有 ${r.snapshotsKnown}；数值新增 ${r.values.added}，修订 ${r.values.revised}，未变 ${r.values.unchanged}`
                  : `Imported package ${r.packageId} (${r.signature}): ${r.snapshotsNew} new snapshots, ${r.snapshotsKnown} known; values added ${r.values.added}, revised ${r.values.revised}, unchanged ${r.values.unchanged}`,
            );
            return EXIT_OK;
          }
          case 'keygen': {
            const key = generateSigningKey(db, dataDir, ws.ctx.actor, (args.values.name as string | undefined) ?? `${osUserName()} 工作站`);
            out(key, `${zh ? '已生成签名密钥' : 'Signing key generated'} ${key.keyId}\n${zh ? '公钥（交给接收方信任）' : 'Public key (give it to the receiving side to trust)'}: ${key.publicKey}`);
            return EXIT_OK;
          }
          case 'trust': {
            const name = args.values.name as string | undefined;
            if (!name) rejectInput('cli.usage', 'package trust needs --name NAME');
            const keyFile = args.values['key-file'] as string | undefined;
            const text = keyFile ? readFileSync(resolve(keyFile), 'utf8') : arg;
            if (!text) rejectInput('cli.usage', 'package trust KEY --name NAME (or --key-file FILE)');
            const key = trustKey(db, ws.ctx.actor, name, text);
            out(key, `${zh ? '已信任公钥' : 'Trusted key'} ${key.keyId} (${key.name})`);
            return EXIT_OK;
          }
          case 'untrust': {
            if (!arg) rejectInput('cli.usage', 'package untrust KEYID');
            untrustKey(db, ws.ctx.actor, arg);
            out({ keyId: arg }, `${zh ? '已取消信任' : 'No longer trusted'}: ${arg}`);
            return EXIT_OK;
          }
          case 'keys': {
            const keys = listKeys(db);
            out(keys, keys.keys.map((k) => `${k.keyId}\t${k.name}\t${k.own ? (zh ? '本机' : 'own') : ''}${k.signing ? (zh ? '（签名用）' : ' (signing)') : ''}\t${k.publicKey}`).join('\n') || (zh ? '没有密钥' : 'No keys'));
            return EXIT_OK;
          }
          case 'pubkey': {
            const own = listKeys(db).keys.find((k) => k.signing);
            if (!own) return rejectInput('package.no_signing_key', 'There is no signing key yet; generate one first');
            out(own, own.publicKey);
            return EXIT_OK;
          }
          default:
            return rejectInput('cli.usage', `Unknown subcommand ${sub}. Usage: npm run cli -- ${this.usage}`, { value: sub });
        }
      });
    } finally {
      ws.close();
    }
  },
};
