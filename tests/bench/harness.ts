/**
 * Benchmark helpers: each figure is printed as one JSON line next to a baseline measured in the
 * same run on the same machine, so the ratio means something where absolute times do not.
 * Benchmarks are not assertions.
 */

export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  ratio?: number;
  [extra: string]: unknown;
}

export function report(f: Figure): void {
  const out = { ...f };
  if (f.baseline !== undefined && f.baseline > 0) out.ratio = round(f.value / f.baseline, 3);
  out.value = round(f.value, 3);
  if (out.baseline !== undefined) out.baseline = round(out.baseline, 3);
  process.stdout.write(JSON.stringify(out) + '\n');
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Percentile by nearest rank of sorted samples. */
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

/** A fixed-seed generator so runs pick the same random queries. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
