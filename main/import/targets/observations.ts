/**
 * The indicator-observation target: records of (indicator, dimension members, period, value)
 * become vintaged observations. Validation: unknown indicator or member, a dimension the indicator
 * is not broken down by, periods of the wrong frequency or YTD form, unreadable values, units that
 * do not convert, rates outside 0-100, negative counts, duplicate keys in the file; warnings for
 * tenfold jumps. A value identical to the current vintage is "unchanged" and not stored again.
 *
 * Staging is columnar (typed arrays), about 30 bytes a value, so a million-row file stays small.
 */
import { readCatalog } from '../../db/catalog';
import { ObservationStore } from '../../db/observations';
import { VALUE_FIELD, type FieldCell, type ImportRecord } from '../../../shared/import/mapping';
import { CatalogLookup, type IndicatorMatch } from '../../../shared/import/lookup';
import { parsePeriodText, resolvePeriod, type PeriodProblem, type PeriodText } from '../../../shared/import/periods';
import { suggestObservationMapping, REQUIRED_OBSERVATION_FIELDS } from '../../../shared/import/suggest';
import { cellText, columnLetter, splitUnitSuffix } from '../../../shared/import/text';
import { convertUnit, unitScale } from '../../../shared/import/units';
import { parseAgencyValue } from '../../../shared/import/values';
import { seriesKey } from '../../../shared/domain/series-key';
import type { Indicator, MemberSelection } from '../../../shared/domain/types';
import { dataError } from '../errors';
import type { IssueLocation } from '../issues';
import { registerTarget, type ChangeSample, type ImportTarget, type SheetContext, type TargetContext, type TargetCounts, type TargetPlan, type TargetSession } from '../target';

export const OBSERVATIONS_TARGET = 'observations';

/** Staged-value states. */
const OK = 0;
const REJECTED = 1;
const ADDED = 3;
const REVISED = 4;
const UNCHANGED = 5;

const CHANGE_SAMPLES = 200;
const JUMP = 10;

/** A growable typed array. */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let size = this.data.length;
    while (size < n) size *= 2;
    const next = this.make(size);
    next.set(this.data as never);
    this.data = next;
  }
}

const FREQUENCY_LABEL: Record<string, string> = { M: 'M', Q: 'Q', A: 'A' };

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

type KeyOutcome = { series: number; match: IndicatorMatch } | { code: string; params: Record<string, string | number>; field: string | null };

interface SeriesInfo {
  indicator: Indicator;
  members: MemberSelection;
  key: string;
}

class ObservationSession implements TargetSession {
  private readonly lookup: CatalogLookup;
  private readonly store: ObservationStore;
  private readonly keyCache = new Map<string, KeyOutcome>();
  private readonly periodCache = new Map<string, PeriodText | null>();
  private readonly resolveCache = new Map<string, { period: string } | { problem: PeriodProblem }>();
  private readonly seriesIndex = new Map<string, number>();
  private readonly series: SeriesInfo[] = [];
  private readonly periodIndex = new Map<string, number>();
  private readonly periods: string[] = [];
  private readonly sheets: Array<string | null> = [];
  private readonly firstSeen = new Map<number, number>();

  private sheetIdx = -1;
  private sheetName: string | null = null;
  private yearHint: number | null = null;
  private dimFields: string[] = [];
  private sheetUnitHeader = new Map<number, string | null>();

  private n = 0;
  private readonly sSeries = new Column((k) => new Int32Array(k));
  private readonly sPeriod = new Column((k) => new Int32Array(k));
  private readonly sValue = new Column((k) => new Float64Array(k));
  private readonly sOld = new Column((k) => new Float64Array(k));
  private readonly sSheet = new Column((k) => new Int32Array(k));
  private readonly sRow = new Column((k) => new Int32Array(k));
  private readonly sCol = new Column((k) => new Int32Array(k));
  private readonly sState = new Column((k) => new Uint8Array(k));

  private readonly counts: TargetCounts = { read: 0, added: 0, revised: 0, unchanged: 0, rejected: 0, skipped: 0, warnings: 0 };
  private classified = false;
  private existingIds: Array<number | null> = [];

  constructor(private readonly ctx: TargetContext) {
    const catalog = readCatalog(ctx.db);
    this.lookup = new CatalogLookup(catalog);
    this.store = new ObservationStore(ctx.db);
  }

  beginSheet(sheet: SheetContext): void {
    this.sheets.push(sheet.name);
    this.sheetIdx = this.sheets.length - 1;
    this.sheetName = sheet.name;
    this.yearHint = sheet.layout.yearHint;
    this.periodCache.clear();
    this.keyCache.clear();
    this.resolveCache.clear();
    const dims = new Set<string>();
    for (const c of sheet.plan.columns) {
      if (c.role === 'field' && c.field?.startsWith('dim:')) dims.add(c.field);
      for (const h of c.headerFields ?? []) if (h.field.startsWith('dim:')) dims.add(h.field);
    }
    for (const k of Object.keys(sheet.plan.constants)) if (k.startsWith('dim:')) dims.add(k);
    this.dimFields = [...dims];
    for (const d of this.dimFields) {
      const code = d.slice(4);
      if (!this.lookup.hasDimension(code)) {
        this.ctx.issues.error('import.unknown_dimension', { dimension: code }, { sheet: sheet.name, row: sheet.layout.headerRow, col: null, once: true });
      }
    }
    // A unit written in a value column's header: "数值（万人）".
    this.sheetUnitHeader = new Map();
    for (const c of sheet.plan.columns) {
      const unit = splitUnitSuffix(c.label).unit;
      if (unit && unitScale(unit)) this.sheetUnitHeader.set(c.index, unit);
    }
  }

  private at(cell: FieldCell | undefined, record: ImportRecord): IssueLocation {
    if (!cell) return { sheet: this.sheetName, row: record.row, col: null };
    if (cell.origin === 'constant') return { sheet: this.sheetName, row: null, col: null, once: true };
    if (cell.origin === 'header') return { sheet: this.sheetName, row: cell.row, col: cell.col, once: true };
    return { sheet: this.sheetName, row: cell.row ?? record.row, col: cell.col };
  }

  private reject(code: string, params: Record<string, string | number>, at: IssueLocation): void {
    this.counts.rejected++;
    this.ctx.issues.error(code, params, at);
  }

  add(record: ImportRecord): void {
    const f = record.fields;
    this.counts.read++;
    const valueCell = f[VALUE_FIELD];
    const parsed = parseAgencyValue(valueCell?.value);
    if (parsed.kind === 'missing') {
      this.counts.skipped++;
      return;
    }
    const valueAt = this.at(valueCell, record);
    if (parsed.kind === 'invalid') return this.reject('import.bad_value', { text: parsed.text }, valueAt);

    const view = f.view;
    if (view) {
      const v = cellText(view.value).trim();
      if (v && v !== 'published') return this.reject('import.derived_view', { view: v }, this.at(view, record));
    }

    // Indicator and members: the outcome is cached by their texts, so a million rows of a few
    // hundred series are looked up a few hundred times.
    const indCell = f.indicator;
    const indText = indCell ? cellText(indCell.value).trim() : '';
    let keyText = indText;
    for (const field of this.dimFields) {
      const cell = f[field];
      keyText += '\u0001' + (cell ? cellText(cell.value).trim() : '');
    }
    let outcome = this.keyCache.get(keyText);
    if (outcome === undefined) {
      outcome = this.resolveKey(indText, f);
      this.keyCache.set(keyText, outcome);
    }
    if ('code' in outcome) {
      const cell = outcome.field ? f[outcome.field] : undefined;
      return this.reject(outcome.code, outcome.params, cell ? this.at(cell, record) : valueAt);
    }
    const s = outcome.series;
    const match = outcome.match;
    const indicator = match.indicator;

    // Period.
    const perCell = f.period;
    if (!perCell) return this.reject('import.missing_field', { field: 'period' }, valueAt);
    const perRaw = perCell.value;
    const perKey = perRaw instanceof Date ? `D${perRaw.getTime()}` : cellText(perRaw).trim();
    if (!perKey) return this.reject('import.missing_field', { field: 'period' }, this.at(perCell, record));
    let pt = this.periodCache.get(perKey);
    if (pt === undefined) {
      pt = parsePeriodText(perRaw, this.yearHint);
      this.periodCache.set(perKey, pt);
    }
    const perText = cellText(perRaw).trim();
    if (!pt) return this.reject('import.bad_period', { text: perText }, this.at(perCell, record));
    const rKey = `${perKey}\u0001${indicator.code}`;
    let resolved = this.resolveCache.get(rKey);
    if (!resolved) {
      resolved = resolvePeriod(pt, indicator);
      this.resolveCache.set(rKey, resolved);
    }
    if ('problem' in resolved) {
      const code = `import.period_${resolved.problem}`;
      const params: Record<string, string> = resolved.problem === 'ytd_start' ? { text: perText } : { text: perText, indicator: indicator.code };
      if (resolved.problem === 'frequency') params.frequency = FREQUENCY_LABEL[indicator.frequency]!;
      return this.reject(code, params, this.at(perCell, record));
    }

    // Value, in the indicator's unit.
    let value = parsed.value;
    let unit: string | null = parsed.percent ? '%' : parsed.unit;
    let unitAt = valueAt;
    /** A sheet-wide unit ("单位：人" in the title) applies only to indicators of its family. */
    let advisory = false;
    if (unit === null) {
      const unitCell = f.unit;
      if (unitCell && unitCell.origin === 'cell') {
        const t = cellText(unitCell.value).trim();
        if (t) {
          unit = t;
          unitAt = this.at(unitCell, record);
        }
      }
      if (unit === null) unit = match.unit ?? (valueCell ? (this.sheetUnitHeader.get(valueCell.col ?? -1) ?? null) : null);
      if (unit === null && unitCell && unitCell.origin === 'constant') {
        const t = cellText(unitCell.value).trim();
        if (t) {
          unit = t;
          advisory = true;
        }
      }
    }
    const target = indicator.unit.zh;
    if (unit !== null && unit !== target) {
      const converted = target && unitScale(unit) ? convertUnit(value, unit, target) : null;
      if (converted !== null) value = converted;
      else if (!advisory) {
        if (!unitScale(unit)) return this.reject('import.unknown_value_unit', { unit }, unitAt);
        return this.reject('import.unit_mismatch', { unit, indicatorUnit: target || '—' }, unitAt);
      }
    }
    if (indicator.kind === 'rate' && target === '%' && (value < 0 || value > 100)) return this.reject('import.rate_out_of_range', { value }, valueAt);
    if ((indicator.kind === 'count' || indicator.kind === 'amount' || indicator.kind === 'ratio') && value < 0) {
      return this.reject('import.negative_count', { value }, valueAt);
    }

    // Stage.
    let p = this.periodIndex.get(resolved.period);
    if (p === undefined) {
      p = this.periods.length;
      this.periods.push(resolved.period);
      this.periodIndex.set(resolved.period, p);
    }
    const dupKey = s * 1_048_576 + p;
    const first = this.firstSeen.get(dupKey);
    const row = valueCell?.row ?? record.row;
    const col = valueCell?.col ?? 0;
    if (first !== undefined) {
      const where = `${this.sheets[this.sSheet.data[first]!] ? `${this.sheets[this.sSheet.data[first]!]}!` : ''}${columnLetter(this.sCol.data[first]!)}${this.sRow.data[first]}`;
      if (this.sState.data[first] !== REJECTED && sameValue(this.sValue.data[first]!, value)) {
        this.counts.skipped++;
        this.ctx.issues.warning('import.duplicate_same', { first: where }, valueAt);
        return;
      }
      if (this.sState.data[first] !== REJECTED) {
        this.sState.data[first] = REJECTED;
        this.counts.rejected++;
        this.ctx.issues.error('import.duplicate_key', { first: `${columnLetter(col)}${row}` }, { sheet: this.sheets[this.sSheet.data[first]!] ?? null, row: this.sRow.data[first]!, col: this.sCol.data[first]! });
      }
      return this.reject('import.duplicate_key', { first: where }, valueAt);
    }
    const i = this.n++;
    if (this.n > this.ctx.limits.maxValues) throw dataError('import.too_many_values', { file: this.ctx.fileName, limit: this.ctx.limits.maxValues });
    if (this.n > this.sState.data.length) {
      for (const c of [this.sSeries, this.sPeriod, this.sValue, this.sOld, this.sSheet, this.sRow, this.sCol, this.sState] as Array<Column<Int32Array | Float64Array | Uint8Array>>) c.ensure(this.n);
    }
    this.sSeries.data[i] = s;
    this.sPeriod.data[i] = p;
    this.sValue.data[i] = value;
    this.sSheet.data[i] = this.sheetIdx;
    this.sRow.data[i] = row;
    this.sCol.data[i] = col;
    this.sState.data[i] = OK;
    this.firstSeen.set(dupKey, i);
  }

  /** Validates an indicator and member texts once; the result is cached by the caller. */
  private resolveKey(indText: string, f: Record<string, FieldCell>): KeyOutcome {
    if (!indText) return { code: 'import.missing_field', params: { field: 'indicator' }, field: f.indicator ? 'indicator' : null };
    const match = this.lookup.indicator(indText);
    if (!match) return { code: 'import.unknown_indicator', params: { text: indText }, field: 'indicator' };
    const indicator = match.indicator;
    const members: MemberSelection = {};
    for (const field of this.dimFields) {
      const cell = f[field];
      if (!cell) continue;
      const dim = field.slice(4);
      const text = cellText(cell.value).trim();
      if (!text) continue;
      if (!this.lookup.hasDimension(dim)) return { code: 'import.unknown_dimension', params: { dimension: dim }, field };
      const m = this.lookup.member(dim, text);
      if (!m) return { code: 'import.unknown_member', params: { dimension: dim, text }, field };
      if ('total' in m) continue;
      if (!indicator.dimensions.includes(dim)) return { code: 'import.dimension_not_used', params: { indicator: indicator.code, dimension: dim }, field };
      members[dim] = m.code;
    }
    const mkey = seriesKey(members);
    const skey = `${indicator.code}\u0001${mkey}`;
    let s = this.seriesIndex.get(skey);
    if (s === undefined) {
      s = this.series.length;
      this.series.push({ indicator, members, key: mkey });
      this.seriesIndex.set(skey, s);
    }
    return { series: s, match };
  }

  /** Staged indices grouped by series (counting sort), each group ordered by period. */
  private bySeries(): { order: Int32Array; start: Int32Array } {
    const ns = this.series.length;
    const start = new Int32Array(ns + 1);
    for (let i = 0; i < this.n; i++) start[this.sSeries.data[i]! + 1]!++;
    for (let s = 0; s < ns; s++) start[s + 1]! += start[s]!;
    const fill = start.slice(0, ns);
    const order = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) order[fill[this.sSeries.data[i]!]!++] = i;
    const periods = this.periods;
    for (let s = 0; s < ns; s++) {
      const a = start[s]!;
      const b = start[s + 1]!;
      if (b - a > 1) {
        const group = Array.from(order.subarray(a, b)).sort((x, y) => (periods[this.sPeriod.data[x]!]! < periods[this.sPeriod.data[y]!]! ? -1 : 1));
        order.set(group, a);
      }
    }
    return { order, start };
  }

  plan(): TargetPlan {
    const c = this.counts;
    c.added = c.revised = c.unchanged = 0;
    const { order, start } = this.bySeries();
    this.existingIds = this.series.map((s) => this.store.seriesId(s.indicator.code, s.members));
    const changes: ChangeSample[] = [];
    const units = new Set<string>();
    let from: string | null = null;
    let to: string | null = null;
    for (let s = 0; s < this.series.length; s++) {
      const info = this.series[s]!;
      const id = this.existingIds[s]!;
      const current = new Map<string, number | null>();
      if (id !== null) for (const p of this.store.read(id)) current.set(p.period, p.value);
      const checkJumps = info.indicator.kind === 'count' || info.indicator.kind === 'amount';
      const staged = new Map<string, number>();
      for (let k = start[s]!; k < start[s + 1]!; k++) {
        const i = order[k]!;
        if (this.sState.data[i] === REJECTED) continue;
        staged.set(this.periods[this.sPeriod.data[i]!]!, this.sValue.data[i]!);
      }
      for (let k = start[s]!; k < start[s + 1]!; k++) {
        const i = order[k]!;
        if (this.sState.data[i] === REJECTED) continue;
        const period = this.periods[this.sPeriod.data[i]!]!;
        const value = this.sValue.data[i]!;
        units.add(info.indicator.sourceUnit);
        if (from === null || period < from) from = period;
        if (to === null || period > to) to = period;
        const old = current.get(period);
        const at: IssueLocation = { sheet: this.sheets[this.sSheet.data[i]!] ?? null, row: this.sRow.data[i]!, col: this.sCol.data[i]! };
        if (old === undefined || old === null) {
          this.sState.data[i] = ADDED;
          c.added++;
        } else if (sameValue(old, value)) {
          this.sState.data[i] = UNCHANGED;
          c.unchanged++;
          continue;
        } else {
          this.sState.data[i] = REVISED;
          this.sOld.data[i] = old;
          c.revised++;
          if (checkJumps && old > 0 && value > 0 && (value / old >= JUMP || old / value >= JUMP)) {
            this.ctx.issues.warning('import.jump_revision', { old, value }, at);
          }
        }
        if (checkJumps && value > 0) {
          const prevPeriod = previousPeriod(period);
          const prev = prevPeriod ? (staged.get(prevPeriod) ?? current.get(prevPeriod) ?? null) : null;
          // A YTD series restarts in January; only compare within a year.
          const sameYear = prevPeriod !== null && prevPeriod.slice(0, 4) === period.slice(0, 4);
          if (prev !== null && prev > 0 && (!info.indicator.ytd || sameYear) && (value / prev >= JUMP || prev / value >= JUMP)) {
            this.ctx.issues.warning('import.jump_period', { previousPeriod: prevPeriod!, previous: prev, value }, at);
          }
        }
        if (changes.length < CHANGE_SAMPLES) {
          const state = this.sState.data[i];
          changes.push({
            kind: state === ADDED ? 'added' : 'revised',
            subject: info.key ? `${info.indicator.code} ${info.key}` : info.indicator.code,
            indicator: info.indicator.code,
            members: info.members,
            period,
            old: state === REVISED ? this.sOld.data[i]! : null,
            value,
            sheet: at.sheet,
            row: at.row!,
            col: columnLetter(at.col!),
          });
        }
      }
    }
    c.warnings = this.ctx.issues.counts.warning;
    this.classified = true;
    this.planOrder = order;
    return { counts: { ...c }, periodFrom: from, periodTo: to, sourceUnits: [...units].sort(), changes };
  }

  private planOrder: Int32Array | null = null;

  write(snapshotId: number, progress?: (written: number) => void): TargetCounts {
    if (!this.classified || !this.planOrder) throw new Error('plan() must run before write()');
    const db = this.ctx.db;
    const ids = this.series.map((s, k) => this.existingIds[k] ?? this.store.ensureSeries(s.indicator.code, s.members));
    const ROWS = 128;
    const one = '(?, ?, ?, ?, ?, ?, ?)';
    const many = db.prepare(`INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES ${Array(ROWS).fill(one).join(', ')}`);
    const single = db.prepare(`INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES ${one}`);
    const params: unknown[] = [];
    const letters = new Map<number, string>();
    const letter = (c: number) => {
      let l = letters.get(c);
      if (!l) letters.set(c, (l = columnLetter(c)));
      return l;
    };
    const order = this.planOrder;
    let written = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const state = this.sState.data[i];
      if (state !== ADDED && state !== REVISED) continue;
      params.push(ids[this.sSeries.data[i]!], this.periods[this.sPeriod.data[i]!], snapshotId, this.sValue.data[i], this.sheets[this.sSheet.data[i]!] ?? null, this.sRow.data[i], letter(this.sCol.data[i]!));
      if (params.length === ROWS * 7) {
        many.run(params);
        params.length = 0;
        written += ROWS;
        if (progress && written % (ROWS * 64) === 0) progress(written);
      }
    }
    for (let k = 0; k < params.length; k += 7) single.run(params.slice(k, k + 7));
    return { ...this.counts };
  }
}

function previousPeriod(period: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const y = Number(q[1]);
    const n = Number(q[2]);
    return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
  }
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : null;
}

export const observationsTarget: ImportTarget = {
  name: OBSERVATIONS_TARGET,
  requiredFields: REQUIRED_OBSERVATION_FIELDS,
  suggest(db, layout, sample) {
    const catalog = readCatalog(db);
    const lookup = new CatalogLookup(catalog);
    return suggestObservationMapping(layout, sample, lookup, catalog.indicators.map((i) => ({ code: i.code, name: i.name.zh })));
  },
  open(ctx: TargetContext) {
    return new ObservationSession(ctx);
  },
};

registerTarget(observationsTarget);
