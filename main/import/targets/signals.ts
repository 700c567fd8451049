/**
 * The public-opinion signal target: case lists from the 12345 hotline, the wage-arrears warning
 * platform, 110 linkage and the like (日期, 渠道, 区县, 企业名称 or 统一社会信用代码, 类别, 数量, 摘要).
 * Each row is a case, linked to a monitored firm by credit code or exact name; a row already held
 * (same date, channel, district, firm, category, count and summary) is not stored again.
 */
import { analyzeCreditCode, normalizeCreditCode } from '../../../shared/domain/credit-code';
import { parseCaseDate, parseSignalCategory, parseSignalChannel, signalFingerprint, type SignalCaseInput } from '../../../shared/domain/signals';
import { CatalogLookup } from '../../../shared/import/lookup';
import type { ImportRecord } from '../../../shared/import/mapping';
import { readCatalog } from '../../db/catalog';
import { SignalStore } from '../../db/signals';
import type { IssueLocation } from '../issues';
import { registerTarget, type ChangeSample, type ImportTarget, type TargetContext, type TargetCounts, type TargetPlan } from '../target';
import { cellRef, colOf, RecordSession, suggestByWords, text, wholeNumber } from './record-table';
import { recordTarget, SIGNALS_TARGET } from '../../../shared/import/record-targets';

export { SIGNALS_TARGET };
const SIGNAL_FIELDS = recordTarget(SIGNALS_TARGET)!.fields;

interface Staged {
  input: SignalCaseInput;
  fingerprint: string;
  sheet: string | null;
  row: number;
  at: IssueLocation;
  state: 'ok' | 'repeated' | 'added' | 'unchanged';
}

class SignalSession extends RecordSession {
  private readonly lookup: CatalogLookup;
  private readonly store: SignalStore;
  private readonly staged: Staged[] = [];
  private settled = false;

  constructor(ctx: TargetContext) {
    super(ctx);
    this.lookup = new CatalogLookup(readCatalog(ctx.db));
    this.store = new SignalStore(ctx.db);
  }

  add(record: ImportRecord): void {
    this.counts.read++;
    const f = record.fields;
    const at = (name: string) => this.at(record, name);
    const date = parseCaseDate(f.date?.value ?? null);
    if (!date) return this.reject(text(f.date) ? 'import.bad_date' : 'import.missing_field', text(f.date) ? { text: text(f.date) } : { field: 'date' }, at('date'));
    const channel = parseSignalChannel(text(f.channel));
    if (!channel) return this.reject(text(f.channel) ? 'import.bad_channel' : 'import.missing_field', text(f.channel) ? { text: text(f.channel) } : { field: 'channel' }, at('channel'));
    const category = parseSignalCategory(text(f.category));
    if (!category) return this.reject(text(f.category) ? 'import.bad_category' : 'import.missing_field', text(f.category) ? { text: text(f.category) } : { field: 'category' }, at('category'));
    let district: string | null = null;
    const districtText = text(f.district);
    if (districtText) {
      const m = this.lookup.member('district', districtText);
      if (!m || 'total' in m) return this.reject('import.unknown_member', { dimension: 'district', text: districtText }, at('district'));
      district = m.code;
    }
    let creditCode: string | null = normalizeCreditCode(text(f.credit_code)) || null;
    if (creditCode && !analyzeCreditCode(creditCode).valid) {
      // A mistyped code on a hotline record does not void the case: it is kept by name.
      this.ctx.issues.warning('import.signal_code_ignored', { code: creditCode }, at('credit_code'));
      creditCode = null;
    }
    const n = wholeNumber(f.count);
    if (!n.ok) return this.reject(n.code, n.params, at('count'));
    if (n.value === 0) return this.reject('import.bad_count', { value: 0 }, at('count'));
    const input: SignalCaseInput = { date, channel, district, firmName: text(f.firm) || null, creditCode, category, count: n.value ?? 1, summary: text(f.summary) };
    this.staged.push({ input, fingerprint: signalFingerprint(input), sheet: this.sheet, row: record.row, at: at('date'), state: 'ok' });
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const seen = new Map<string, Staged>();
    for (const s of this.staged) {
      const first = seen.get(s.fingerprint);
      if (!first) {
        seen.set(s.fingerprint, s);
        continue;
      }
      s.state = 'repeated';
      this.counts.skipped++;
      this.ctx.issues.warning('import.duplicate_same', { first: cellRef(first.sheet, first.at.col, first.row) }, s.at);
    }
  }

  plan(): TargetPlan {
    this.settle();
    return this.planRecords(this.staged, ['RXZX'], {
      classify: (s) => (s.state = this.store.isHeld(s.input) ? 'unchanged' : 'added'),
      period: (s) => s.input.date.slice(0, 7),
      sample: (s, kind, period): ChangeSample => ({ kind, subject: `${s.input.firmName ?? s.input.creditCode ?? ''} ${s.input.summary}`.trim(), indicator: 'RSK.HOTLINE', members: s.input.district ? { district: s.input.district } : {}, period, old: null, value: s.input.count, sheet: s.sheet, row: s.row, col: colOf(s.at) }),
    });
  }

  write(snapshotId: number): TargetCounts {
    for (const s of this.staged) if (s.state === 'added') this.store.add(snapshotId, s.input, { sheet: s.sheet, row: s.row });
    return { ...this.counts };
  }
}

export const signalsTarget: ImportTarget = {
  name: SIGNALS_TARGET,
  requiredFields: SIGNAL_FIELDS.filter((f) => f.required).map((f) => f.name),
  suggest: (_db, layout) => suggestByWords(layout, SIGNAL_FIELDS),
  open: (ctx) => new SignalSession(ctx),
};

registerTarget(signalsTarget);
