/**
 * CSV of a composite index: `period,index,change,growth,coverage` and one column per component
 * with its contribution to the period's change in index points (the columns sum to `change`).
 * Gaps are empty fields, never NaN.
 */
import { csvField } from '../exchange';

export interface IndexTable {
  periods: readonly string[];
  index: ReadonlyArray<number | null>;
  change: ReadonlyArray<number | null>;
  growth: ReadonlyArray<number | null>;
  coverage?: readonly number[];
  components: ReadonlyArray<{ key: string; pointContributions: ReadonlyArray<number | null> }>;
}

function num(v: number | null | undefined, digits = 6): string {
  if (v == null || !Number.isFinite(v)) return '';
  const r = Number(v.toFixed(digits));
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * `detail: false` leaves out change, growth and coverage (the CLI's `period,index,<components>`).
 * @example indexCsv({ periods: ['2024-01'], index: [100], change: [null], growth: [null], components: [] })
 * // 'period,index,change,growth,coverage\n2024-01,100,,,\n'
 */
export function indexCsv(table: IndexTable, options: { digits?: number; detail?: boolean } = {}): string {
  const digits = options.digits ?? 6;
  const detail = options.detail ?? true;
  const head = ['period', 'index', ...(detail ? ['change', 'growth', 'coverage'] : []), ...table.components.map((c) => c.key)];
  const lines = [head.map(csvField).join(',')];
  table.periods.forEach((period, t) => {
    const extra = detail ? [num(table.change[t], digits), num(table.growth[t], digits), num(table.coverage?.[t], digits)] : [];
    lines.push([period, num(table.index[t], digits), ...extra, ...table.components.map((c) => num(c.pointContributions[t], digits))].join(','));
  });
  return lines.join('\n') + '\n';
}
