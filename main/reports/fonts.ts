/**
 * The bundled fonts (npm @fontsource/noto-serif-sc and noto-sans-sc) for the print page and for
 * chart PNGs. Fontsource ships each weight as ~100 unicode-range slices in WOFF/WOFF2:
 * - the print page declares every slice with its unicode-range and a file URL; Chromium loads
 *   only the slices a report uses and embeds them as subsets in the PDF;
 * - resvg (chart PNGs for DOCX) needs TrueType/OpenType, so the slices a chart's text needs are
 *   unwrapped from WOFF 1.0 into plain sfnt files. WOFF 1.0 is the sfnt tables zlib-compressed one
 *   by one (W3C WOFF 1.0, section 5), so node:zlib undoes it losslessly without a new dependency
 *   and the PNG uses the very same glyphs as the PDF.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

export type FontPackage = 'noto-serif-sc' | 'noto-sans-sc';
const WEIGHTS = [400, 700] as const;

const require = createRequire(import.meta.url);
const dirs = new Map<FontPackage, string>();

export function fontPackageDir(pkg: FontPackage): string {
  let dir = dirs.get(pkg);
  if (!dir) {
    dir = dirname(require.resolve(`@fontsource/${pkg}/package.json`));
    dirs.set(pkg, dir);
  }
  return dir;
}

let fontCssCache: string | null = null;

/** @font-face rules for both families and both weights, WOFF2 by file URL. */
export function fontFaceCss(): string {
  if (fontCssCache) return fontCssCache;
  const parts: string[] = [];
  for (const pkg of ['noto-serif-sc', 'noto-sans-sc'] as const) {
    const dir = fontPackageDir(pkg);
    const base = pathToFileURL(join(dir, 'files')).href;
    for (const w of WEIGHTS) {
      const css = readFileSync(join(dir, `${w}.css`), 'utf8')
        // Only the WOFF2 source: Chromium reads it and it is the smaller file.
        .replace(/src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\), url\([^)]+\) format\('woff'\);/g, (_m, f: string) => `src: url(${base}/${f}) format('woff2');`)
        .replace(/font-display: swap;/g, 'font-display: block;');
      parts.push(css);
    }
  }
  fontCssCache = parts.join('\n');
  return fontCssCache;
}

/**
 * Converts a WOFF 1.0 file to the sfnt (TTF/OTF) it wraps.
 * @example woffToSfnt(readFileSync('x.woff')).readUInt32BE(0) // 0x00010000 for TrueType outlines
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const offset = woff.readUInt32BE(o + 4);
    const compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error('Corrupt WOFF table');
    tables.push({ tag: woff.readUInt32BE(o), checksum: woff.readUInt32BE(o + 16), data });
  }
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    header.writeUInt32BE(t.tag, o);
    header.writeUInt32BE(t.checksum, o + 4);
    header.writeUInt32BE(offset, o + 8);
    header.writeUInt32BE(t.data.length, o + 12);
    const pad = (4 - (t.data.length % 4)) % 4;
    bodies.push(t.data, Buffer.alloc(pad));
    offset += t.data.length + pad;
  });
  return Buffer.concat([header, ...bodies]);
}

interface Slice {
  name: string;
  ranges: Array<[number, number]>;
}
const slices = new Map<FontPackage, Slice[]>();

function slicesOf(pkg: FontPackage): Slice[] {
  let list = slices.get(pkg);
  if (!list) {
    const unicode = JSON.parse(readFileSync(join(fontPackageDir(pkg), 'unicode.json'), 'utf8')) as Record<string, string>;
    list = Object.entries(unicode).map(([k, v]) => ({
      name: k.replace(/[[\]]/g, ''),
      ranges: v.split(',').map((r) => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
      }),
    }));
    slices.set(pkg, list);
  }
  return list;
}

/** The sfnt files (converted once into a cache folder) covering every character of `text`. */
export function sfntFilesFor(text: string, pkg: FontPackage = 'noto-sans-sc', weight: 400 | 700 = 400): string[] {
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0)!);
  const version = (JSON.parse(readFileSync(join(fontPackageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
  const cache = join(tmpdir(), `workstation-fonts-${pkg}-${version}`);
  const out: string[] = [];
  for (const s of slicesOf(pkg)) {
    let hit = false;
    for (const c of codes) {
      if (s.ranges.some(([a, b]) => c >= a && c <= b)) {
        hit = true;
        break;
      }
    }
    if (!hit) continue;
    const file = join(cache, `${pkg}-${s.name}-${weight}.ttf`);
    if (!existsSync(file)) {
      mkdirSync(cache, { recursive: true });
      const sfnt = woffToSfnt(readFileSync(join(fontPackageDir(pkg), 'files', `${pkg}-${s.name}-${weight}-normal.woff`)));
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, sfnt);
      renameSync(partial, file);
    }
    out.push(file);
  }
  return out;
}
