/** The analytics CLI commands: stl, index, xcorr — CSV in, CSV out, exit codes 0/2. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { periodRange } from '../../shared/period';
import { demoDataDir } from '../support/demo-template';
import { hasR, parseRows, runR } from '../support/r-reference';

let dir: string;
let co2: number[] = [];
let ref: Record<string, number[][]> = {};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

const months = periodRange('1959-01', '1997-12');

beforeAll(() => {
  if (!hasR()) throw new Error('Rscript is not installed: apt-get install -y r-base-core (see .ci/run)');
  dir = mkdtempSync(join(tmpdir(), 'ws-cli-an-'));
  const out = runR(
    [
      'writeLines(sprintf("%.17g", co2), "co2.txt")',
      'w <- function(r, f) writeLines(apply(r$time.series, 1, function(row) paste(sprintf("%.17g", row), collapse = ",")), f)',
      'w(stl(co2, s.window = 7, robust = TRUE), "robust.txt")',
      'w(stl(co2, s.window = "periodic", t.window = 25), "periodic.txt")',
      // ccf of the raw values of two shifted series (see the xcorr test)
      'a <- as.numeric(readLines("a.txt")); b <- as.numeric(readLines("b.txt"))',
      'r <- ccf(a, b, lag.max = 6, plot = FALSE)',
      'writeLines(sprintf("%.17g,%.17g", r$lag, r$acf), "ccf.txt")',
    ].join('\n'),
    { 'a.txt': A.join('\n'), 'b.txt': B.join('\n') },
    ['co2.txt', 'robust.txt', 'periodic.txt', 'ccf.txt'],
  );
  co2 = parseRows(out['co2.txt']!).map((r) => r[0]!);
  ref = { robust: parseRows(out['robust.txt']!), periodic: parseRows(out['periodic.txt']!), ccf: parseRows(out['ccf.txt']!) };
  writeFileSync(join(dir, 'co2.csv'), 'period,value\n' + months.map((p, i) => `${p},${co2[i]}`).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two series for xcorr: b follows a three months later.
const A = Array.from({ length: 60 }, (_, i) => Math.round(100 * Math.sin(i * 1.7) + 50 * Math.cos(i * 0.31)) / 10);
const B = A.map((_, i) => (i >= 3 ? A[i - 3]! : 0) + ((i * 37) % 11) / 10);

describe('cli stl', () => {
  it("prints period,seasonal,trend,remainder,adjusted equal to R's stl within 1e-6", async () => {
    for (const [name, args] of [
      ['robust', ['--s-window', '7', '--robust']],
      ['periodic', ['--s-window', 'periodic', '--t-window', '25']],
    ] as const) {
      const r = await cli(['stl', join(dir, 'co2.csv'), '--period', '12', ...args]);
      expect(r.code).toBe(0);
      const rows = csvRows(r.out);
      expect(rows[0]).toEqual(['period', 'seasonal', 'trend', 'remainder', 'adjusted']);
      expect(rows).toHaveLength(months.length + 1);
      rows.slice(1).forEach((row, i) => {
        expect(row[0]).toBe(months[i]);
        expect(Math.abs(Number(row[1]) - ref[name]![i]![0]!)).toBeLessThan(1e-6);
        expect(Math.abs(Number(row[2]) - ref[name]![i]![1]!)).toBeLessThan(1e-6);
        expect(Math.abs(Number(row[3]) - ref[name]![i]![2]!)).toBeLessThan(1e-6);
        expect(Math.abs(Number(row[4]) - (co2[i]! - ref[name]![i]![0]!))).toBeLessThan(1e-6);
      });
    }
  });

  it('rejects bad input with exit code 2, naming file, row and column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'period,value\n2024-01,1\n2024-02,abc\n');
    const r = await cli(['stl', bad, '--period', '12', '--s-window', '7']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('row 3, column 2');
    const gap = join(dir, 'gap.csv');
    writeFileSync(gap, 'period,value\n' + periodRange('2020-01', '2023-12').map((p, i) => `${p},${i === 5 ? '' : i}`).join('\n'));
    const g = await cli(['stl', gap, '--period', '12', '--s-window', '7']);
    expect(g.code).toBe(2);
    expect(g.err).toContain('row 7');
    const short = join(dir, 'short.csv');
    writeFileSync(short, 'period,value\n' + periodRange('2023-01', '2024-12').map((p, i) => `${p},${i}`).join('\n'));
    const s = await cli(['stl', short, '--period', '12', '--s-window', '7']);
    expect(s.code).toBe(2);
    expect(s.err).toContain('analytics.stl_too_short');
    expect((await cli(['stl', join(dir, 'co2.csv'), '--s-window', 'seven'])).code).toBe(2);
    expect((await cli(['stl', join(dir, 'missing.csv'), '--s-window', '7'])).code).toBe(2);
  });
});

describe('cli index', () => {
  it('computes the index of a CSV with one column per component (hand-computed quarterly case)', async () => {
    // Same case as the unit test: A a level, B a rate where up is bad.
    const file = join(dir, 'index.csv');
    writeFileSync(file, 'period,A,B\n2023-Q4,100,5.0\n2024-Q1,110,5.2\n2024-Q2,99,5.1\n2024-Q3,99,4.9\n2024-Q4,104,5.0\n');
    const r = await cli(['index', file, '--base-year', '2024', '--invert', 'B', '--rates', 'B']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    expect(rows[0]).toEqual(['period', 'index', 'A', 'B']);
    const xA = [(200 * 10) / 210, (200 * -11) / 209, 0, (200 * 5) / 203];
    const xB = [-0.2, 0.1, 0.2, -0.1];
    const sd = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / 4;
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
    };
    const wA = 1 / sd(xA) / (1 / sd(xA) + 1 / sd(xB));
    const raw = [100];
    xA.forEach((x, t) => {
      const i = wA * x + (1 - wA) * xB[t]!;
      raw.push((raw[t]! * (200 + i)) / (200 - i));
    });
    const base = (raw[1]! + raw[2]! + raw[3]! + raw[4]!) / 4;
    rows.slice(1).forEach((row, t) => expect(Number(row[1])).toBeCloseTo((100 * raw[t]!) / base, 5));
    expect(rows[1]![2]).toBe(''); // no change in the first period
    expect(Number(rows[2]![2]) + Number(rows[2]![3])).toBeCloseTo(Number(rows[2]![1]) - Number(rows[1]![1]), 5);
    expect((await cli(['index', file, '--base-year', '2024', '--invert', 'C'])).code).toBe(2);
    expect((await cli(['index', file])).code).toBe(2);
  });

  it('computes a saved definition on the cache', async () => {
    const dataDir = demoDataDir('ws-cli-idx-');
    try {
      const r = await cli(['index', '--definition', 'employment-climate', '--data-dir', dataDir]);
      expect(r.code).toBe(0);
      const rows = csvRows(r.out);
      expect(rows[0]!.slice(0, 4)).toEqual(['period', 'index', 'ENT.HEADCOUNT', 'ENT.HIRES']);
      expect(rows.at(-1)![0]).toBe('2026-10');
      expect(r.err).toContain('employment-climate v1');
      const missing = await cli(['index', '--definition', 'nope', '--data-dir', dataDir]);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('climate.definition_not_found');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('cli xcorr', () => {
  it("prints lag,r matching R's ccf (lag > 0: the first file leads) and reports the best lag", async () => {
    const months60 = periodRange('2020-01', '2024-12');
    writeFileSync(join(dir, 'a.csv'), 'period,value\n' + months60.map((p, i) => `${p},${A[i]}`).join('\n'));
    writeFileSync(join(dir, 'b.csv'), 'period,value\n' + months60.map((p, i) => `${p},${B[i]}`).join('\n'));
    const r = await cli(['xcorr', join(dir, 'a.csv'), join(dir, 'b.csv'), '--max-lag', '6', '--change', 'none']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    expect(rows[0]).toEqual(['lag', 'r']);
    expect(rows).toHaveLength(14);
    for (const row of rows.slice(1)) {
      const lag = Number(row[0]);
      const fromR = ref.ccf!.find((x) => x[0] === -lag)![1]!;
      expect(Number(row[1])).toBeCloseTo(fromR, 9);
    }
    expect(r.err).toContain('best lag 3');
    expect((await cli(['xcorr', join(dir, 'a.csv')])).code).toBe(2);
    expect((await cli(['xcorr', join(dir, 'a.csv'), join(dir, 'co2.csv'), '--change', 'log'])).code).toBe(2);
  });
});
