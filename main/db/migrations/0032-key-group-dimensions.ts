import type { Migration } from '../migrate';

/**
 * Rural labour transfer is followed by county, destination, industry and wage (issue 6, key groups):
 * two dimensions the seed catalogue lacks, added to GRP.RURAL_TRANSFER next to district. Each
 * breakdown is on its own (not crossed), like every other dimension. Catalogue rows a user edited
 * are left alone except for the added dimensions.
 */
export const migration: Migration = {
  version: 32,
  name: 'key-group-dimensions',
  up: (db) => {
    const dim = db.prepare('INSERT OR IGNORE INTO dimension (code, name_zh, name_en, sort) VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM dimension))');
    const mem = db.prepare('INSERT OR IGNORE INTO member (dimension, code, name_zh, name_en, sort) VALUES (?, ?, ?, ?, ?)');
    dim.run('destination', '转移去向', 'Destination');
    [
      ['LOCAL', '县域内就近就业', 'Within the county'],
      ['IN_CITY', '市内跨县区', 'Elsewhere in the city'],
      ['IN_PROVINCE', '省内市外', 'Elsewhere in the province'],
      ['OUT_PROVINCE', '省外', 'Outside the province'],
    ].forEach(([code, zh, en], i) => mem.run('destination', code, zh, en, i));
    dim.run('wage_band', '月收入', 'Monthly income');
    [
      ['W1', '3000元以下', 'Under 3,000 yuan'],
      ['W2', '3000-4999元', '3,000-4,999 yuan'],
      ['W3', '5000-7999元', '5,000-7,999 yuan'],
      ['W4', '8000元及以上', '8,000 yuan and over'],
    ].forEach(([code, zh, en], i) => mem.run('wage_band', code, zh, en, i));
    const row = db.prepare("SELECT dimensions FROM indicator WHERE code = 'GRP.RURAL_TRANSFER'").get() as { dimensions: string } | undefined;
    if (row) {
      const dims = JSON.parse(row.dimensions) as string[];
      for (const d of ['destination', 'industry', 'wage_band']) if (!dims.includes(d)) dims.push(d);
      db.prepare("UPDATE indicator SET dimensions = ? WHERE code = 'GRP.RURAL_TRANSFER'").run(JSON.stringify(dims));
    }
  },
};
