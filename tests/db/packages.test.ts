import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { ObservationStore } from '../../main/db/observations';
import { provenanceOf } from '../../main/db/snapshots';
import { generateSigningKey, listKeys, trustKey } from '../../main/packages/keys';
import { exportPackage, importPackage, inspectPackage, registerPackageSection, unregisterPackageSection } from '../../main/packages/package';
import { saveIndicator } from '../../main/services/catalog-edit';
import { AppError } from '../../shared/api/errors';
import { importBench, type Bench } from '../support/imports';
import { buildZip, readZip } from '../support/zip';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
  unregisterPackageSection('notes');
});

function bench(o?: Parameters<typeof importBench>[0]): Bench {
  const b = importBench(o);
  benches.push(b);
  return b;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'accepted';
}

/** Every value of an indicator as "members|period" -> value. */
function values(b: Bench, indicator: string): Map<string, number | null> {
  const store = new ObservationStore(b.ws.ctx.db);
  const out = new Map<string, number | null>();
  for (const s of store.listSeries(indicator)) for (const p of store.read(s.id)) out.set(`${s.key}|${p.period}`, p.value);
  return out;
}

/** Machine A: an imported file, a revision of it, and a locally defined indicator. */
async function machineA(): Promise<{ a: Bench; ids: number[] }> {
  const a = bench({ actor: '甲' });
  saveIndicator(a.ws.ctx.db, '甲', { code: 'GRP.VETERANS', name: { zh: '退役军人就业安置', en: 'Veterans placed' }, unit: { zh: '人', en: 'persons' }, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: false, janFebCombined: false, tier: 'group', sourceUnit: 'RSJ', dimensions: ['district'], decimals: 0, description: { zh: '', en: '' } }, true);
  const first = await a.commit(a.write('11月.csv', 'indicator,period,value,district\nUNE.REG_COUNT,2026-11,100,铁西区\nUNE.REG_COUNT,2026-11,900,\nGRP.VETERANS,2026-11,12,和平区\n'));
  const second = await a.commit(a.write('11月修订.csv', 'indicator,period,value,district\nUNE.REG_COUNT,2026-11,105,铁西区\nUNE.REG_COUNT,2026-11,900,\n'));
  return { a, ids: [first.snapshotId, second.snapshotId] };
}

describe('snapshot packages', () => {
  it('carry signed snapshots to another workstation: refused until its key is trusted, then identical values with provenance; re-import is a no-op', async () => {
    const { a, ids } = await machineA();
    const keyA = generateSigningKey(a.ws.ctx.db, a.dir, '甲', '市人社局就业处工作站');
    const pkg = exportPackage(a.ws.ctx.db, { snapshotIds: ids, sign: true, actor: '甲', dataDir: a.dir, appVersion: 'test' });
    expect(pkg.fileName).toMatch(/^snapshots_\d{8}-\d{4}\.wspkg$/);
    const file = a.write(pkg.fileName, pkg.bytes);

    const b = bench({ demo: false, actor: '乙' });
    const db = b.ws.ctx.db;
    const before = b.fingerprint();
    expect((await inspectPackage(db, file, pkg.fileName)).signature).toBe('untrusted');
    expect(await refusal(importPackage(db, file, pkg.fileName, { actor: '乙', allowUnsigned: false }))).toBe('package.untrusted_key');
    expect(b.fingerprint()).toEqual(before);

    trustKey(db, '乙', '市人社局', keyA.publicKey);
    const info = await inspectPackage(db, file, pkg.fileName);
    expect(info).toMatchObject({ signature: 'verified', keyId: keyA.keyId, keyName: '市人社局', createdBy: '甲', alreadyImported: null });
    expect(info.snapshots.map((s) => [s.fileName, s.rows, s.known])).toEqual([
      ['11月.csv', 3, false],
      ['11月修订.csv', 1, false],
    ]);
    const r = await importPackage(db, file, pkg.fileName, { actor: '乙', allowUnsigned: false });
    expect(r).toMatchObject({ noop: false, signature: 'verified', snapshotsNew: 2, snapshotsKnown: 0, values: { added: 3, revised: 1, unchanged: 0 }, catalogAdded: { indicators: ['GRP.VETERANS'] } });

    // The same values as on machine A, for the snapshots carried.
    expect(values(b, 'UNE.REG_COUNT')).toEqual(new Map([['district=210106|2026-11', 105], ['|2026-11', 900]]));
    expect(values(b, 'GRP.VETERANS')).toEqual(new Map([['district=210102|2026-11', 12]]));
    const prov = provenanceOf(db, 'UNE.REG_COUNT', { district: '210106' }, '2026-11');
    expect(prov.snapshot).toMatchObject({ kind: 'package', fileName: '11月修订.csv', importedBy: '乙', origin: { importedBy: '甲', packageId: r.packageId } });
    expect(prov.history.map((h) => h.value)).toEqual([105, 100]);

    const again = b.fingerprint();
    expect(await importPackage(db, file, pkg.fileName, { actor: '乙', allowUnsigned: false })).toMatchObject({ noop: true, packageId: r.packageId });
    expect(b.fingerprint()).toEqual(again);
    // The same snapshots in a new package (another export) are recognised by their uids.
    const pkg2 = exportPackage(a.ws.ctx.db, { snapshotIds: ids, sign: true, actor: '甲', dataDir: a.dir, appVersion: 'test', now: new Date(Date.now() + 60_000) });
    const file2 = a.write('second.wspkg', pkg2.bytes);
    expect(await importPackage(db, file2, 'second.wspkg', { actor: '乙', allowUnsigned: false })).toMatchObject({ noop: false, snapshotsNew: 0, snapshotsKnown: 2, values: { added: 0, revised: 0 } });
    expect(values(b, 'UNE.REG_COUNT')).toEqual(new Map([['district=210106|2026-11', 105], ['|2026-11', 900]]));
    const audit = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'package.import'").get();
    expect(audit).toEqual({ n: 2 });
  });

  it('refuses a tampered package always, an unsigned one unless explicitly accepted', async () => {
    const { a, ids } = await machineA();
    const keyA = generateSigningKey(a.ws.ctx.db, a.dir, '甲', 'A');
    const pkg = exportPackage(a.ws.ctx.db, { snapshotIds: ids, sign: true, actor: '甲', dataDir: a.dir, appVersion: 'test' });
    const parts = readZip(pkg.bytes);
    const b = bench({ demo: false, actor: '乙' });
    trustKey(b.ws.ctx.db, '乙', 'A', keyA.publicKey);
    const before = b.fingerprint();
    const variants: Array<[string, Buffer, string]> = [
      // A value changed in a snapshot entry: its hash no longer matches the (signed) manifest.
      ['value.wspkg', buildZip(parts.map((p) => (p.name.endsWith('.ndjson') ? { ...p, data: Buffer.from(p.data.toString().replace('105', '999')) } : p))), 'package.tampered'],
      // The manifest changed to match: the signature no longer matches.
      [
        'manifest.wspkg',
        buildZip(parts.map((p) => (p.name === 'manifest.json' ? { ...p, data: Buffer.from(p.data.toString().replace('"createdBy": "甲"', '"createdBy": "丙"')) } : p))),
        'package.bad_signature',
      ],
      // An extra entry slipped in.
      ['extra.wspkg', buildZip([...parts, { name: 'snapshots/evil.ndjson', data: Buffer.from('[]\n') }]), 'package.tampered'],
      // Bytes damaged in transit.
      ['crc.wspkg', buildZip(parts.map((p) => (p.name.endsWith('.ndjson') ? { ...p, crc: 1 } : p))), 'package.tampered'],
      ['no-manifest.wspkg', buildZip(parts.filter((p) => p.name !== 'manifest.json')), 'package.not_a_package'],
      ['not-a-zip.wspkg', Buffer.from('hello'), 'package.not_a_package'],
      ['unsigned.wspkg', buildZip(parts.filter((p) => p.name !== 'signature.json')), 'package.unsigned'],
    ];
    for (const [name, bytes, code] of variants) {
      const f = b.write(name, bytes);
      expect(await refusal(importPackage(b.ws.ctx.db, f, name, { actor: '乙', allowUnsigned: false })), name).toBe(code);
      if (code !== 'package.unsigned') expect(await refusal(importPackage(b.ws.ctx.db, f, name, { actor: '乙', allowUnsigned: true })), name).toBe(code);
    }
    expect(b.fingerprint()).toEqual(before);
    // Explicitly accepting unsigned packages imports it, recorded as not verified.
    const r = await importPackage(b.ws.ctx.db, b.write('unsigned.wspkg', buildZip(parts.filter((p) => p.name !== 'signature.json'))), 'unsigned.wspkg', { actor: '乙', allowUnsigned: true });
    expect(r).toMatchObject({ signature: 'unsigned', snapshotsNew: 2 });
    expect(b.ws.ctx.db.prepare('SELECT verified FROM package_import WHERE id = ?').get(r.packageId)).toEqual({ verified: 0 });
  });

  it('carries extension sections (the hook annotations use), hashed and signed with the rest', async () => {
    const received: unknown[] = [];
    registerPackageSection({
      name: 'notes',
      export: (_db, snapshots) => Buffer.from(JSON.stringify(snapshots.map((s) => ({ uid: s.uid, text: `note on ${s.fileName}` })))),
      import: (_db, data, ctx) => {
        const notes = JSON.parse(data.toString()) as Array<{ uid: string; text: string }>;
        received.push(...notes.map((n) => ({ ...n, local: ctx.snapshotIds.get(n.uid) })));
        return { notes: notes.length };
      },
    });
    const { a, ids } = await machineA();
    const pkg = exportPackage(a.ws.ctx.db, { snapshotIds: ids, sign: false, actor: '甲', dataDir: a.dir, appVersion: 'test' });
    expect(pkg.manifest.sections).toEqual(['notes']);
    const parts = readZip(pkg.bytes);
    const b = bench({ demo: false });
    const tampered = b.write('t.wspkg', buildZip(parts.map((p) => (p.name === 'sections/notes.json' ? { ...p, data: Buffer.from('[]') } : p))));
    expect(await refusal(importPackage(b.ws.ctx.db, tampered, 't.wspkg', { actor: '乙', allowUnsigned: true }))).toBe('package.tampered');
    const r = await importPackage(b.ws.ctx.db, b.write('p.wspkg', pkg.bytes), 'p.wspkg', { actor: '乙', allowUnsigned: true });
    expect(r.sections).toEqual({ notes: { notes: 2 } });
    expect(received).toEqual([
      { uid: pkg.manifest.snapshots[0]!.uid, text: 'note on 11月.csv', local: expect.any(Number) },
      { uid: pkg.manifest.snapshots[1]!.uid, text: 'note on 11月修订.csv', local: expect.any(Number) },
    ]);
  });

  it('works from the CLI: keygen, pubkey, trust, export, import, with exit codes', async () => {
    const { a, ids } = await machineA();
    const b = bench({ demo: false });
    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
      return { code, out, err };
    };
    expect((await cli(['package', 'pubkey', '--data-dir', a.dir])).code).toBe(2);
    expect((await cli(['package', 'export', '--out', join(a.files, 'x.wspkg'), '--data-dir', a.dir])).code).toBe(2);
    expect((await cli(['package', 'keygen', '--name', 'A', '--data-dir', a.dir])).code).toBe(0);
    const pub = (await cli(['package', 'pubkey', '--data-dir', a.dir])).out.trim();
    expect(Buffer.from(pub, 'base64')).toHaveLength(32);
    // The private key stays in the data folder, readable by the user only.
    const own = listKeys(a.ws.ctx.db).keys.find((k) => k.signing)!;
    expect(statSync(join(a.dir, 'keys', `${own.keyId}.pem`)).mode & 0o777).toBe(0o600);
    const out = join(a.files, 'x.wspkg');
    const exp = await cli(['package', 'export', '--out', out, ...ids.flatMap((i) => ['--snapshot', String(i)]), '--data-dir', a.dir, '--json']);
    expect(JSON.parse(exp.out)).toMatchObject({ snapshots: 2 });
    const refused = await cli(['package', 'import', out, '--data-dir', b.dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('[package.untrusted_key]');
    const keyFile = join(b.files, 'a.pub');
    writeFileSync(keyFile, pub);
    expect((await cli(['package', 'trust', '--key-file', keyFile, '--name', '甲方', '--data-dir', b.dir])).code).toBe(0);
    expect((await cli(['package', 'trust', 'bm90IGEga2V5', '--name', 'x', '--data-dir', b.dir])).code).toBe(2);
    const ok = await cli(['package', 'import', out, '--data-dir', b.dir, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ signature: 'verified', snapshotsNew: 2 });
    expect(listKeys(b.ws.ctx.db).keys.map((k) => k.name)).toEqual(['甲方']);
  });
});
