/**
 * The indicator-observation target: records of (indicator, dimension members, period, value)
 * become vintaged observations. Validation: unknown indicator or member, a dimension the indicator
 * is not broken down by, periods of the wrong frequency or YTD form, unreadable values, units that
 * do not convert, rates outside 0-100, negative counts, duplicate keys in the file; warnings for
 * tenfold jumps. A value identical to the current vintage is "unchanged" and not stored again.
 *
 * Staging is columnar (typed arrays, about 30 bytes a value) and lookups are cached by the texts
 * read, so a million-row file costs a few hundred catalogue lookups and stays small in memory.
 * Duplicate keys are found after reading, when the staged values are grouped by series and period.
 */
import { readCatalog } from '../../db/catalog';
import { ObservationStore } from '../../db/observations';
import { VALUE_FIELD, type FieldCell, type ImportRecord } from '../../../shared/import/mapping';
import { CatalogLookup, type IndicatorMatch } from '../../../shared/import/lookup';
import { parsePeriodText, resolvePeriod, type PeriodProblem } from '../../../shared/import/periods';
import { suggestObservationMapping, REQUIRED_OBSERVATION_FIELDS } from '../../../shared/import/suggest';
import { cellText, columnLetter, splitUnitSuffix } from '../../../shared/import/text';
import { convertUnit, unitScale } from '../../../shared/import/units';
import { parseAgencyValue, plainNumber } from '../../../shared/import/values';
import { seriesKey } from '../../../shared/domain/series-key';
import type { Indicator, MemberSelection } from '../../../shared/domain/types';
import { dataError } from '../errors';
import type { IssueLocation } from '../issues';
import { registerTarget, type ChangeSample, type ImportTarget, type SheetContext, type TargetContext, type TargetCounts, type TargetPlan, type TargetSession } from '../target';

export const OBSERVATIONS_TARGET = 'observations';

/** Staged-value states. */
const OK = 0;
const REJECTED = 1;
const REPEATED = 2;
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

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The previous canonical period (same frequency), or null. */
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

/** An interned period index, or why a period text does not fit the indicator. */
type PeriodOutcome = number | { problem: PeriodProblem | 'missing' | 'unreadable'; text: string };

interface IndicatorState {
  match: IndicatorMatch;
  /** Period text -> outcome. */
  periods: Map<string, PeriodOutcome>;
}

type KeyOutcome = { series: number; ind: IndicatorState } | { code: string; params: Record<string, string | number>; field: string | null };

/** Member texts, one level per dimension field, then the indicator text, lead to an outcome. */
type KeyTree = Map<string, KeyTree | KeyOutcome>;

interface SeriesInfo {
  indicator: Indicator;
  members: MemberSelection;
  key: string;
}

class ObservationSession implements TargetSession {
  private readonly lookup: CatalogLookup;
  private readonly store: ObservationStore;
  private readonly keyCache: KeyTree = new Map();
  private readonly indicatorStates = new Map<string, IndicatorState>();
  private readonly seriesIndex = new Map<string, number>();
  private readonly series: SeriesInfo[] = [];
  private readonly periodIndex = new Map<string, number>();
  private readonly periods: string[] = [];
  private readonly sheets: Array<string | null> = [];

  private sheetIdx = -1;
  private sheetName: string | null = null;
  private yearHint: number | null = null;
  private dimFields: string[] = [];
  private sheetUnitHeader = new Map<number, string | null>();
  private readonly dimCells = new Map<Record<string, FieldCell>, Array<FieldCell | undefined>>();
  /** The previous record's fields object, raw indicator and member cells, and their outcome. */
  private lastFields: Record<string, FieldCell> | null = null;
  private readonly lastKey: Array<FieldCell['value']> = [];
  private lastOutcome: KeyOutcome | undefined = undefined;

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
  private grouped: { order: Int32Array; start: Int32Array } | null = null;
  private existingIds: Array<number | null> = [];

  constructor(private readonly ctx: TargetContext) {
    this.lookup = new CatalogLookup(readCatalog(ctx.db));
    this.store = new ObservationStore(ctx.db);
  }

  beginSheet(sheet: SheetContext): void {
    this.sheets.push(sheet.name);
    this.sheetIdx = this.sheets.length - 1;
    this.sheetName = sheet.name;
    this.yearHint = sheet.layout.yearHint;
    // Cached outcomes depend on the sheet's dimension columns and year hint.
    this.keyCache.clear();
    this.indicatorStates.clear();
    this.dimCells.clear();
    this.lastFields = null;
    this.lastOutcome = undefined;
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

  private at(cell: FieldCell | null | undefined, record: ImportRecord): IssueLocation {
    if (!cell) return { sheet: this.sheetName, row: record.row, col: null };
    if (cell.origin === 'constant') return { sheet: this.sheetName, row: null, col: null, once: true };
    if (cell.origin === 'header') return { sheet: this.sheetName, row: cell.row, col: cell.col, once: true };
    return { sheet: this.sheetName, row: cell.row ?? record.row, col: cell.col };
  }

  private reject(code: string, params: Record<string, string | number>, at: IssueLocation): void {
    this.counts.rejected++;
    this.ctx.issues.error(code, params, at);
  }

  /** A record's dimension cells in `dimFields` order, looked up once per fields object (records are reused). */
  private dimCellsOf(f: Record<string, FieldCell>): Array<FieldCell | undefined> {
    let cells = this.dimCells.get(f);
    if (cells) return cells;
    cells = this.dimFields.map((d) => f[d]);
    // A caller that hands a new record every time is still served, without hoarding them.
    if (this.dimCells.size < 64) this.dimCells.set(f, cells);
    return cells;
  }

  add(record: ImportRecord): void {
    const f = record.fields;
    this.counts.read++;
    const valueCell = f[VALUE_FIELD];
    // Most values are plain numbers: read them without building a parse result.
    let value = plainNumber(valueCell?.value);
    let unit: string | null = null;
    if (value !== value) {
      const parsed = parseAgencyValue(valueCell?.value);
      if (parsed.kind === 'missing') {
        this.counts.skipped++;
        return;
      }
      // Locations are only built when something is wrong (no closures per record: this is the hot loop).
      if (parsed.kind === 'invalid') return this.reject('import.bad_value', { text: parsed.text }, this.at(valueCell, record));
      value = parsed.value;
      unit = parsed.percent ? '%' : parsed.unit;
    }

    const view = f.view;
    if (view) {
      const v = cellText(view.value).trim();
      if (v && v !== 'published') return this.reject('import.derived_view', { view: v }, this.at(view, record));
    }

    // Indicator and members, cached by their texts. Rows of a long file come series by series:
    // when a record's cells hold what the previous one's held, its outcome is the previous one's.
    const indCell = f.indicator;
    const dimCells = this.dimCellsOf(f);
    const lastKey = this.lastKey;
    let outcome = this.lastOutcome;
    if (outcome !== undefined && this.lastFields === f && lastKey[0] === (indCell ? indCell.value : null)) {
      for (let i = 0; i < dimCells.length; i++) {
        const cell = dimCells[i];
        if (lastKey[i + 1] !== (cell ? cell.value : null)) {
          outcome = undefined;
          break;
        }
      }
    } else {
      outcome = undefined;
    }
    if (outcome === undefined) {
      const indText = indCell ? cellText(indCell.value).trim() : '';
      // A tree of maps keyed by each text in turn: no key string is built per record.
      let node = this.keyCache;
      lastKey.length = dimCells.length + 1;
      lastKey[0] = indCell ? indCell.value : null;
      for (let i = 0; i < dimCells.length; i++) {
        const cell = dimCells[i];
        lastKey[i + 1] = cell ? cell.value : null;
        const text = cell ? cellText(cell.value).trim() : '';
        let next = node.get(text) as KeyTree | undefined;
        if (!next) node.set(text, (next = new Map()));
        node = next;
      }
      outcome = node.get(indText) as KeyOutcome | undefined;
      if (outcome === undefined) {
        outcome = this.resolveKey(indText, f);
        node.set(indText, outcome);
      }
      this.lastOutcome = outcome;
      this.lastFields = f;
    }
    if ('code' in outcome) {
      const cell = outcome.field ? f[outcome.field] : undefined;
      return this.reject(outcome.code, outcome.params, this.at(cell ?? valueCell, record));
    }
    const s = outcome.series;
    const indState = outcome.ind;
    const indicator = indState.match.indicator;

    // Period, cached per indicator by its text.
    const perCell = f.period;
    if (!perCell) return this.reject('import.missing_field', { field: 'period' }, this.at(valueCell, record));
    const perRaw = perCell.value;
    const perKey = perRaw instanceof Date ? `D${perRaw.getTime()}` : typeof perRaw === 'string' ? perRaw : cellText(perRaw);
    let p = indState.periods.get(perKey);
    if (p === undefined) {
      p = this.resolvePeriodText(perRaw, indicator);
      indState.periods.set(perKey, p);
    }
    if (typeof p !== 'number') {
      if (p.problem === 'missing') return this.reject('import.missing_field', { field: 'period' }, this.at(perCell, record));
      if (p.problem === 'unreadable') return this.reject('import.bad_period', { text: p.text }, this.at(perCell, record));
      const params: Record<string, string> = p.problem === 'ytd_start' ? { text: p.text } : { text: p.text, indicator: indicator.code };
      if (p.problem === 'frequency') params.frequency = indicator.frequency;
      return this.reject(`import.period_${p.problem}`, params, this.at(perCell, record));
    }

    // Value, in the indicator's unit.
    let unitSource = valueCell;
    /** A sheet-wide unit ("单位：人" in the title) applies only to indicators of its family. */
    let advisory = false;
    if (unit === null) {
      const unitCell = f.unit;
      if (unitCell && unitCell.origin === 'cell') {
        const t = cellText(unitCell.value).trim();
        if (t) {
          unit = t;
          unitSource = unitCell;
        }
      }
      if (unit === null) unit = indState.match.unit ?? (valueCell ? (this.sheetUnitHeader.get(valueCell.col ?? -1) ?? null) : null);
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
        if (!unitScale(unit)) return this.reject('import.unknown_value_unit', { unit }, this.at(unitSource, record));
        return this.reject('import.unit_mismatch', { unit, indicatorUnit: target || '—' }, this.at(unitSource, record));
      }
    }
    if (indicator.kind === 'rate' && target === '%' && (value < 0 || value > 100)) return this.reject('import.rate_out_of_range', { value }, this.at(valueCell, record));
    if ((indicator.kind === 'count' || indicator.kind === 'amount' || indicator.kind === 'ratio') && value < 0) {
      return this.reject('import.negative_count', { value }, this.at(valueCell, record));
    }

    // Stage.
    const i = this.n++;
    if (this.n > this.ctx.limits.maxValues) throw dataError('import.too_many_values', { file: this.ctx.fileName, limit: this.ctx.limits.maxValues });
    if (this.n > this.sState.data.length) {
      for (const c of [this.sSeries, this.sPeriod, this.sValue, this.sOld, this.sSheet, this.sRow, this.sCol, this.sState] as Array<Column<Int32Array | Float64Array | Uint8Array>>) c.ensure(this.n);
    }
    this.sSeries.data[i] = s;
    this.sPeriod.data[i] = p;
    this.sValue.data[i] = value;
    this.sSheet.data[i] = this.sheetIdx;
    this.sRow.data[i] = valueCell?.row ?? record.row;
    this.sCol.data[i] = valueCell?.col ?? 0;
    this.sState.data[i] = OK;
  }

  private resolvePeriodText(raw: FieldCell['value'], indicator: Indicator): PeriodOutcome {
    const text = cellText(raw).trim();
    if (!text) return { problem: 'missing', text };
    const pt = parsePeriodText(raw, this.yearHint);
    if (!pt) return { problem: 'unreadable', text };
    const r = resolvePeriod(pt, indicator);
    if ('problem' in r) return { problem: r.problem, text };
    let idx = this.periodIndex.get(r.period);
    if (idx === undefined) {
      idx = this.periods.length;
      this.periods.push(r.period);
      this.periodIndex.set(r.period, idx);
    }
    return idx;
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
    // The same indicator text may carry a unit ("(万人)"): period cache per text, not per code.
    let ind = this.indicatorStates.get(indText);
    if (!ind) this.indicatorStates.set(indText, (ind = { match, periods: new Map() }));
    return { series: s, ind };
  }

  private where(i: number): string {
    const sheet = this.sheets[this.sSheet.data[i]!];
    return `${sheet ? `${sheet}!` : ''}${columnLetter(this.sCol.data[i]!)}${this.sRow.data[i]}`;
  }

  private location(i: number): IssueLocation {
    return { sheet: this.sheets[this.sSheet.data[i]!] ?? null, row: this.sRow.data[i]!, col: this.sCol.data[i]! };
  }

  /**
   * Groups staged values by series (counting sort), each group by period then file order, and
   * settles duplicate keys: a repeat of the same value is counted once (a warning), different
   * values for one key are all refused. Done once.
   */
  private group(): { order: Int32Array; start: Int32Array } {
    if (this.grouped) return this.grouped;
    const ns = this.series.length;
    const start = new Int32Array(ns + 1);
    const sSeries = this.sSeries.data;
    const sPeriod = this.sPeriod.data;
    for (let i = 0; i < this.n; i++) start[sSeries[i]! + 1]!++;
    for (let s = 0; s < ns; s++) start[s + 1]! += start[s]!;
    const fill = start.slice(0, ns);
    const order = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) order[fill[sSeries[i]!]!++] = i;
    // Rank of each interned period in time order.
    const byTime = this.periods.map((_, k) => k).sort((a, b) => (this.periods[a]! < this.periods[b]! ? -1 : this.periods[a]! > this.periods[b]! ? 1 : 0));
    const rank = new Int32Array(this.periods.length);
    byTime.forEach((k, r) => (rank[k] = r));
    for (let s = 0; s < ns; s++) {
      const a = start[s]!;
      const b = start[s + 1]!;
      let sorted = true;
      for (let k = a + 1; k < b; k++) {
        if (rank[sPeriod[order[k - 1]!]!]! >= rank[sPeriod[order[k]!]!]!) {
          sorted = false;
          break;
        }
      }
      if (!sorted) {
        const g = Array.from(order.subarray(a, b)).sort((x, y) => rank[sPeriod[x]!]! - rank[sPeriod[y]!]! || x - y);
        order.set(g, a);
      }
    }
    // Duplicates are now adjacent.
    const state = this.sState.data;
    const value = this.sValue.data;
    for (let s = 0; s < ns; s++) {
      const b = start[s + 1]!;
      let k = start[s]!;
      while (k < b) {
        let e = k + 1;
        while (e < b && sPeriod[order[e]!] === sPeriod[order[k]!]) e++;
        if (e - k > 1) {
          const first = order[k]!;
          const allSame = Array.from(order.subarray(k + 1, e)).every((x) => sameValue(value[x]!, value[first]!));
          if (allSame) {
            for (let j = k + 1; j < e; j++) {
              state[order[j]!] = REPEATED;
              this.counts.skipped++;
              this.ctx.issues.warning('import.duplicate_same', { first: this.where(first) }, this.location(order[j]!));
            }
          } else {
            for (let j = k; j < e; j++) {
              const x = order[j]!;
              state[x] = REJECTED;
              this.counts.rejected++;
              this.ctx.issues.error('import.duplicate_key', { first: this.where(j === k ? order[k + 1]! : first) }, this.location(x));
            }
          }
        }
        k = e;
      }
    }
    this.grouped = { order, start };
    return this.grouped;
  }

  plan(): TargetPlan {
    const c = this.counts;
    c.added = c.revised = c.unchanged = 0;
    const { order, start } = this.group();
    this.existingIds = this.series.map((s) => this.store.seriesId(s.indicator.code, s.members));
    const prevIndex = this.periods.map((p) => {
      const prev = previousPeriod(p);
      return prev === null ? -1 : (this.periodIndex.get(prev) ?? -1);
    });
    const changes: ChangeSample[] = [];
    const units = new Set<string>();
    let from: string | null = null;
    let to: string | null = null;
    const state = this.sState.data;
    const sPeriod = this.sPeriod.data;
    const sValue = this.sValue.data;
    for (let s = 0; s < this.series.length; s++) {
      const info = this.series[s]!;
      const id = this.existingIds[s]!;
      const current = new Map<string, number | null>();
      if (id !== null) for (const p of this.store.read(id)) current.set(p.period, p.value);
      const checkJumps = info.indicator.kind === 'count' || info.indicator.kind === 'amount';
      let prevStaged = -1;
      let any = false;
      for (let k = start[s]!; k < start[s + 1]!; k++) {
        const i = order[k]!;
        if (state[i] === REJECTED || state[i] === REPEATED) continue;
        any = true;
        const pi = sPeriod[i]!;
        const period = this.periods[pi]!;
        const value = sValue[i]!;
        if (from === null || period < from) from = period;
        if (to === null || period > to) to = period;
        const old = id === null ? undefined : current.get(period);
        if (old === undefined || old === null) {
          state[i] = ADDED;
          c.added++;
        } else if (sameValue(old, value)) {
          state[i] = UNCHANGED;
          c.unchanged++;
        } else {
          state[i] = REVISED;
          this.sOld.data[i] = old;
          c.revised++;
          if (checkJumps && old > 0 && value > 0 && (value / old >= JUMP || old / value >= JUMP)) {
            this.ctx.issues.warning('import.jump_revision', { old, value }, this.location(i));
          }
        }
        if (checkJumps && value > 0 && prevIndex[pi] !== -1) {
          // The previous period's value: staged just before in this group, or in the cache.
          const pp = prevIndex[pi]!;
          const prevPeriod = this.periods[pp]!;
          const prev = prevStaged >= 0 && sPeriod[prevStaged] === pp ? sValue[prevStaged]! : (current.get(prevPeriod) ?? null);
          // A YTD series restarts in January; only compare within a year.
          const sameYear = prevPeriod.slice(0, 4) === period.slice(0, 4);
          if (prev !== null && prev > 0 && (!info.indicator.ytd || sameYear) && (value / prev >= JUMP || prev / value >= JUMP)) {
            this.ctx.issues.warning('import.jump_period', { previousPeriod: prevPeriod, previous: prev, value }, this.location(i));
          }
        } else if (checkJumps && value > 0 && id !== null) {
          const prevPeriod = previousPeriod(period);
          const prev = prevPeriod ? (current.get(prevPeriod) ?? null) : null;
          const sameYear = prevPeriod !== null && prevPeriod.slice(0, 4) === period.slice(0, 4);
          if (prev !== null && prev > 0 && (!info.indicator.ytd || sameYear) && (value / prev >= JUMP || prev / value >= JUMP)) {
            this.ctx.issues.warning('import.jump_period', { previousPeriod: prevPeriod!, previous: prev, value }, this.location(i));
          }
        }
        prevStaged = i;
        if (state[i] !== UNCHANGED && changes.length < CHANGE_SAMPLES) {
          const at = this.location(i);
          changes.push({
            kind: state[i] === ADDED ? 'added' : 'revised',
            subject: info.key ? `${info.indicator.code} ${info.key}` : info.indicator.code,
            indicator: info.indicator.code,
            members: info.members,
            period,
            old: state[i] === REVISED ? this.sOld.data[i]! : null,
            value,
            sheet: at.sheet,
            row: at.row!,
            col: columnLetter(at.col!),
          });
        }
      }
      if (any) units.add(info.indicator.sourceUnit);
    }
    c.warnings = this.ctx.issues.counts.warning;
    return { counts: { ...c }, periodFrom: from, periodTo: to, sourceUnits: [...units].sort(), changes };
  }

  write(snapshotId: number, progress?: (written: number) => void): TargetCounts {
    if (!this.grouped) throw new Error('plan() must run before write()');
    const db = this.ctx.db;
    const ids = this.series.map((s, k) => this.existingIds[k] ?? this.store.ensureSeries(s.indicator.code, s.members));
    const ROWS = 128;
    const one = '(?, ?, ?, ?, ?, ?, ?)';
    const many = db.prepare(`INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES ${Array(ROWS).fill(one).join(', ')}`);
    const single = db.prepare(`INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES ${one}`);
    const params: unknown[] = new Array(ROWS * 7);
    let filled = 0;
    const letters = new Map<number, string>();
    const letter = (c: number) => {
      let l = letters.get(c);
      if (!l) letters.set(c, (l = columnLetter(c)));
      return l;
    };
    const { order } = this.grouped;
    const state = this.sState.data;
    let written = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const st = state[i];
      if (st !== ADDED && st !== REVISED) continue;
      params[filled++] = ids[this.sSeries.data[i]!];
      params[filled++] = this.periods[this.sPeriod.data[i]!];
      params[filled++] = snapshotId;
      params[filled++] = this.sValue.data[i];
      params[filled++] = this.sheets[this.sSheet.data[i]!] ?? null;
      params[filled++] = this.sRow.data[i];
      params[filled++] = letter(this.sCol.data[i]!);
      if (filled === ROWS * 7) {
        many.run(params);
        filled = 0;
        written += ROWS;
        if (progress && written % (ROWS * 64) === 0) progress(written);
      }
    }
    for (let k = 0; k < filled; k += 7) single.run(params.slice(k, k + 7));
    return { ...this.counts };
  }
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
