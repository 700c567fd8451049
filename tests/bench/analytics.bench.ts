/**
 * Analytics figures: the composite index over 1,330 component series x 120 months (target under
 * 50 ms), and STL over 1,330 monthly series of 120 values (target under 2 s), with R's stl() timed
 * on the same series in the same run as the baseline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compositeIndex, type IndexComponentInput } from '../../shared/calc/composite-index';
import { stl } from '../../shared/calc/stl';
import { periodRange } from '../../shared/period';
import { percentile, report, seeded, time } from './harness';

const N_SERIES = 1330;
const MONTHS = periodRange('2016-01', '2025-12');

/** Seeded monthly series: trend, seasonality, a cycle and noise, like the cache's indicators. */
function panel(seed: number): number[][] {
  const rand = seeded(seed);
  return Array.from({ length: N_SERIES }, (_, k) => {
    const level = 100 + rand() * 10000;
    const amp = 0.02 + rand() * 0.1;
    const drift = (rand() - 0.5) * 0.004;
    return MONTHS.map((_, t) => level * (1 + drift * t + amp * Math.sin((2 * Math.PI * t) / 12 + k) + 0.03 * Math.sin(t / 9) + 0.01 * (rand() - 0.5)));
  });
}

export async function benchCompositeIndex(): Promise<void> {
  const series = panel(7);
  const components: IndexComponentInput[] = series.map((values, k) => ({
    id: `C${k}`,
    transform: k % 4 === 0 ? 'difference' : 'level',
    invert: k % 5 === 0,
    points: MONTHS.map((period, t) => ({ period, value: values[t]! })),
  }));
  const run = () => compositeIndex(components, { weighting: 'standardized', baseYear: 2020, window: { from: '2016-01', to: '2023-12' } });
  for (let i = 0; i < 3; i++) run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) samples.push((await time(run)).ms);
  // Baseline: the bare arithmetic of the method on typed arrays (changes, weighted sum, cumulation).
  const flat = series.map((v) => Float64Array.from(v));
  const bare = () => {
    const T = MONTHS.length;
    const growth = new Float64Array(T);
    for (const v of flat) {
      for (let t = 1; t < T; t++) growth[t]! += (200 * (v[t]! - v[t - 1]!)) / (v[t]! + v[t - 1]!) / N_SERIES;
    }
    let level = 100;
    for (let t = 1; t < T; t++) level = (level * (200 + growth[t]!)) / (200 - growth[t]!);
    return level;
  };
  for (let i = 0; i < 3; i++) bare();
  const base: number[] = [];
  for (let i = 0; i < 15; i++) base.push((await time(bare)).ms);
  report({ bench: 'analytics', metric: 'composite index 1330x120 p50', value: percentile(samples, 50), unit: 'ms', baseline: percentile(base, 50), baselineName: 'bare typed-array arithmetic of the method', target: 50, runs: samples.length });
  report({ bench: 'analytics', metric: 'composite index 1330x120 min', value: Math.min(...samples), unit: 'ms', baseline: Math.min(...base), baselineName: 'bare typed-array arithmetic of the method', target: 50 });
  report({ bench: 'analytics', metric: 'composite index 1330x120 max', value: Math.max(...samples), unit: 'ms', target: 50 });
}

export async function benchStl(): Promise<void> {
  const series = panel(11);
  const dir = mkdtempSync(join(tmpdir(), 'ws-bench-stl-'));
  try {
    for (const variant of [
      { name: 's.window 7', options: { sWindow: 7 }, r: 's.window = 7' },
      { name: 's.window 7 robust', options: { sWindow: 7, robust: true }, r: 's.window = 7, robust = TRUE' },
      { name: 'periodic', options: { sWindow: 'periodic' as const }, r: 's.window = "periodic"' },
    ]) {
      stl(series[0]!, { period: 12, ...variant.options }); // warm-up
      const ts = await time(() => {
        for (const s of series) stl(s, { period: 12, ...variant.options });
      });
      let rMs: number | undefined;
      try {
        writeFileSync(join(dir, 'series.csv'), series.map((s) => s.map((v) => v.toPrecision(17)).join(',')).join('\n'));
        writeFileSync(
          join(dir, 'bench.R'),
          `m <- as.matrix(read.csv("series.csv", header = FALSE))
           t0 <- proc.time()[["elapsed"]]
           for (i in seq_len(nrow(m))) stl(ts(m[i, ], frequency = 12), ${variant.r})
           writeLines(as.character((proc.time()[["elapsed"]] - t0) * 1000), "ms.txt")`,
        );
        execFileSync('Rscript', ['--vanilla', 'bench.R'], { cwd: dir, stdio: 'ignore', timeout: 300_000 });
        rMs = Number(readFileSync(join(dir, 'ms.txt'), 'utf8'));
      } catch {
        rMs = undefined; // R not installed: report the figure without a baseline
      }
      report({
        bench: 'analytics',
        metric: `STL 1330x120 ${variant.name}`,
        value: ts.ms,
        unit: 'ms',
        ...(rMs !== undefined ? { baseline: rMs, baselineName: "R stl() on the same series, same run (loop time inside R)" } : {}),
        target: 2000,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
