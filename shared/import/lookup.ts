/**
 * Finds catalogue entries from the labels agencies use: indicators by code or name (with a unit in
 * brackets split off), dimension members by code or name (铁西区, 铁西, 210106; 男, M), total
 * markers (全市, 合计), and dimensions from column headers (区县, 地区, 性别).
 */
import type { Dimension, Indicator } from '../domain/types';
import { normalizeLabel, splitUnitSuffix, toHalfWidth } from './text';

/** Words that mean "no breakdown: the total" in a member position. */
export const TOTAL_WORDS = ['全市', '合计', '总计', '全部', '总体', '全体', '沈阳市', '全市合计', '总数', 'total', 'all', 'citytotal'];

/** Header words for dimensions beyond their catalogue names. */
const DIMENSION_ALIASES: Record<string, string[]> = {
  district: ['地区', '区域', '区县', '县区', '行政区', '行政区划', '区(县)', '区(县、市)', '区县市', '所属区', '地区名称'],
  gender: ['性别'],
  industry: ['产业', '三次产业'],
  sector: ['行业', '行业类别', '所属行业'],
  ownership: ['所有制', '企业性质', '经济类型'],
  size: ['规模', '企业规模'],
  age: ['年龄', '年龄段', '年龄组'],
  education: ['学历', '文化程度', '受教育程度'],
  hukou: ['户籍', '户口性质'],
  degree: ['学历层次', '毕业生学历'],
};

export interface IndicatorMatch {
  indicator: Indicator;
  /** A unit written with the label ("(万人)"), to scale values by. */
  unit: string | null;
}

export type MemberMatch = { code: string } | { total: true };

function key(text: string): string {
  return normalizeLabel(text).toLowerCase();
}

export class CatalogLookup {
  private readonly indicators = new Map<string, Indicator>();
  private readonly members = new Map<string, Map<string, string>>();
  private readonly dimensionHeaders = new Map<string, string>();
  private readonly memberCache = new Map<string, Array<{ dimension: string; code: string }>>();
  readonly dimensionCodes: string[];

  constructor(catalog: { indicators: readonly Indicator[]; dimensions: readonly Dimension[] }) {
    for (const i of catalog.indicators) {
      this.indicators.set(key(i.code), i);
      this.indicators.set(key(i.name.zh), i);
      if (i.name.en) this.indicators.set(key(i.name.en), i);
    }
    this.dimensionCodes = catalog.dimensions.map((d) => d.code);
    for (const d of catalog.dimensions) {
      for (const h of [d.code, d.name.zh, d.name.en, ...(DIMENSION_ALIASES[d.code] ?? [])]) {
        if (h && !this.dimensionHeaders.has(key(h))) this.dimensionHeaders.set(key(h), d.code);
      }
      const byLabel = new Map<string, string>();
      const add = (label: string, code: string) => {
        const k = key(label);
        if (k && !byLabel.has(k)) byLabel.set(k, code);
      };
      for (const m of d.members) add(m.code, m.code);
      for (const m of d.members) {
        add(m.name.zh, m.code);
        add(m.name.en, m.code);
      }
      // Short forms: 铁西 for 铁西区, 沈北 for 沈北新区, 新民 for 新民市, 男性 for 男.
      for (const m of d.members) {
        const zh = normalizeLabel(m.name.zh);
        const short = zh.replace(/(新区|区|县|市)$/, '');
        if (short.length >= 2 && short !== zh) add(short, m.code);
        if (zh.endsWith('新区')) add(zh.slice(0, -1), m.code);
        if (d.code === 'gender') add(`${zh}性`, m.code);
      }
      this.members.set(d.code, byLabel);
    }
  }

  /**
   * An indicator by code, Chinese or English name; a unit in brackets is split off.
   * @example lookup.indicator('城镇新增就业人数（万人）') // { indicator: EMP.NEW_URBAN, unit: '万人' }
   */
  indicator(text: string): IndicatorMatch | null {
    const direct = this.indicators.get(key(text));
    if (direct) return { indicator: direct, unit: null };
    const { label, unit } = splitUnitSuffix(text);
    const found = this.indicators.get(key(label));
    return found ? { indicator: found, unit } : null;
  }

  /** A member of one dimension, or the total, or null when unknown. */
  member(dimension: string, text: string): MemberMatch | null {
    const k = key(text);
    const code = this.members.get(dimension)?.get(k);
    if (code) return { code };
    if (isTotalWord(text)) return { total: true };
    return null;
  }

  /** Every dimension member a label could be (used to classify headers). */
  membersNamed(text: string): Array<{ dimension: string; code: string }> {
    const k = key(text);
    let hit = this.memberCache.get(k);
    if (!hit) {
      hit = [];
      for (const [dimension, byLabel] of this.members) {
        const code = byLabel.get(k);
        if (code) hit.push({ dimension, code });
      }
      this.memberCache.set(k, hit);
    }
    return hit;
  }

  /** The dimension a column header names ("区县", "地区", "district"), or null. */
  dimensionOfHeader(text: string): string | null {
    return this.dimensionHeaders.get(key(splitUnitSuffix(text).label)) ?? this.dimensionHeaders.get(key(text)) ?? null;
  }

  hasDimension(code: string): boolean {
    return this.members.has(code);
  }
}

/** True for 全市, 合计 and the like. */
export function isTotalWord(text: string): boolean {
  const k = toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
  return TOTAL_WORDS.includes(k);
}
