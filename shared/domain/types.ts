/**
 * Domain types shared by main, renderer and the CLI.
 * Periods are canonical strings: monthly `2024-06`, quarterly `2024-Q2`, annual `2024`.
 */

export type Frequency = 'M' | 'Q' | 'A';

/** Whether a rise is good news (`up_good`), bad news (`up_bad`) or neither. */
export type Polarity = 'up_good' | 'up_bad' | 'neutral';

/**
 * What the number is. It decides how changes are expressed:
 * counts and amounts change in percent, rates and growth rates in percentage points,
 * ratios and indices as a plain difference.
 */
export type ValueKind = 'count' | 'amount' | 'rate' | 'growth' | 'ratio' | 'index';

export type Tier = 'core' | 'related' | 'macro' | 'group';

export type Locale = 'zh-CN' | 'en-US';

export interface LocalizedName {
  zh: string;
  en: string;
}

export interface SourceUnit {
  code: string;
  name: LocalizedName;
  contact: string | null;
}

export interface Dimension {
  code: string;
  name: LocalizedName;
  members: Member[];
}

export interface Member {
  dimension: string;
  code: string;
  name: LocalizedName;
}

export interface Indicator {
  code: string;
  name: LocalizedName;
  /** Unit as published, e.g. 万人, 人, %, 亿元. */
  unit: LocalizedName;
  frequency: Frequency;
  polarity: Polarity;
  kind: ValueKind;
  /** Published as a year-to-date cumulative (1-N月累计). */
  ytd: boolean;
  /** The first YTD point of a year covers January and February together (1-2月). */
  janFebCombined: boolean;
  tier: Tier;
  sourceUnit: string;
  /** Dimensions this indicator is broken down by (each on its own, not crossed). */
  dimensions: string[];
  decimals: number;
  description: LocalizedName;
}

/** Dimension members identifying one series of an indicator; `{}` is the total. */
export type MemberSelection = Record<string, string>;

export interface SeriesPoint {
  period: string;
  value: number | null;
}
