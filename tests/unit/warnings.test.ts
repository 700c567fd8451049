import { describe, expect, it } from 'vitest';
import type { Polarity } from '../../shared/domain/types';
import type { ReportFigures } from '../../shared/domain/enterprise';
import { countSignals, linkSignal, parseSignalCategory, parseSignalChannel, signalFingerprint } from '../../shared/domain/signals';
import {
  evaluateAnomaly,
  evaluateArticle41,
  evaluateChange,
  evaluateConsecutive,
  evaluateCrossCheck,
  evaluateFirmThreshold,
  evaluateSignalCount,
  evaluateThreshold,
  type SeriesInput,
} from '../../shared/warnings/evaluate';
import { bandLevel, checkBands, maxLevel } from '../../shared/warnings/levels';
import { ruleDefinitionSchema, type AlertSubject, type RuleDefinitionInput, type RuleOf } from '../../shared/warnings/rules';
import { evaluationPeriod, monthsCovered, panelSeries, panelSubjectKey, seriesSubjectKey } from '../../shared/warnings/scope';
import { DEFAULT_RULES } from '../../shared/warnings/defaults';

const subject: AlertSubject = { type: 'series', key: 'series:X|', label: { zh: 'X', en: 'X' } };
const name = { zh: '测试', en: 'test' };

function rule<K extends RuleDefinitionInput['kind']>(def: Extract<RuleDefinitionInput, { kind: K }>): RuleOf<K> {
  return ruleDefinitionSchema.parse(def) as RuleOf<K>;
}

function series(points: Array<[string, number | null]>, polarity: Polarity, changeUnit: 'percent' | 'points' | 'diff' = 'points'): SeriesInput {
  return { subject, points: points.map(([period, value]) => ({ period, value })), polarity, changeUnit, unit: { zh: '%', en: '%' } };
}

const indicatorScope = { type: 'indicator' as const, indicator: 'UNE.SURVEY_RATE', members: {} };
const panel = { type: 'panel' as const, sectors: [], districts: [] };

describe('levels and bands', () => {
  it('gives the most severe band reached, inclusive', () => {
    const bands = { blue: 4, yellow: 5, orange: 6, red: 7 };
    expect(bandLevel(3.99, bands, 'above')).toBeNull();
    expect(bandLevel(4, bands, 'above')).toBe('blue');
    expect(bandLevel(6.5, bands, 'above')).toBe('orange');
    expect(bandLevel(7, bands, 'above')).toBe('red');
    expect(bandLevel(null, bands, 'above')).toBeNull();
    expect(bandLevel(Number.NaN, bands, 'above')).toBeNull();
    // below: lower is worse
    expect(bandLevel(48, { blue: 50, yellow: 49, red: 45 }, 'below')).toBe('yellow');
    expect(bandLevel(44, { blue: 50, yellow: 49, red: 45 }, 'below')).toBe('red');
    expect(bandLevel(51, { blue: 50 }, 'below')).toBeNull();
  });

  it('checks that bands get stricter with the level', () => {
    expect(checkBands({ yellow: 5, red: 7 }, 'above')).toBeNull();
    expect(checkBands({ yellow: 5, red: 4 }, 'above')).toBe('not_monotone');
    expect(checkBands({ yellow: 5, red: 4 }, 'below')).toBeNull();
    expect(checkBands({}, 'above')).toBe('empty');
    expect(maxLevel('yellow', 'orange')).toBe('orange');
    expect(maxLevel(null, 'blue')).toBe('blue');
  });
});

describe('rule definitions', () => {
  it('ship valid defaults with unique codes', () => {
    for (const d of DEFAULT_RULES) expect(ruleDefinitionSchema.safeParse(d.definition).success, d.code).toBe(true);
    expect(new Set(DEFAULT_RULES.map((d) => d.code)).size).toBe(DEFAULT_RULES.length);
  });

  it('refuse a series kind on the panel without a metric, bands that do not rise, a kind on the wrong scope', () => {
    expect(ruleDefinitionSchema.safeParse({ kind: 'threshold', name, scope: panel, params: { bands: { red: 3 } } }).success).toBe(false);
    expect(ruleDefinitionSchema.safeParse({ kind: 'change', name, scope: indicatorScope, params: { basis: 'mom', bands: { yellow: 0.5, red: 0.3 } } }).success).toBe(false);
    expect(ruleDefinitionSchema.safeParse({ kind: 'article41', name, scope: indicatorScope, params: {} }).success).toBe(false);
    expect(ruleDefinitionSchema.safeParse({ kind: 'article41', name, scope: panel, params: { minPeople: 50, bigCut: 20 } }).success).toBe(false);
    expect(ruleDefinitionSchema.safeParse({ kind: 'signal_count', name, scope: panel, params: { bands: { red: 1 } } }).success).toBe(false);
    expect(ruleDefinitionSchema.safeParse({ kind: 'threshold', name, scope: indicatorScope, params: { bands: { red: 3 } }, extra: 1 }).success).toBe(false);
  });

  it('fill defaults', () => {
    const r = rule({ kind: 'article41', name, scope: panel, params: {} });
    expect(r.params).toEqual({ minPeople: 20, minSharePct: 10, bigCut: 200, level: 'orange', bigCutLevel: 'red', basis: 'economic' });
  });
});

describe('threshold rules, by polarity', () => {
  it('"up is bad": values at or above a band', () => {
    const r = rule({ kind: 'threshold', name, scope: indicatorScope, params: { bands: { yellow: 5.8, red: 6.5 } } });
    const s = series([['2024-05', 5.7], ['2024-06', 5.9], ['2024-07', 6.5]], 'up_bad');
    expect(evaluateThreshold(r, s, '2024-05')).toBeNull();
    expect(evaluateThreshold(r, s, '2024-06')).toMatchObject({ level: 'yellow', value: 5.9, evidence: { kind: 'threshold', direction: 'above' } });
    expect(evaluateThreshold(r, s, '2024-07')?.level).toBe('red');
    expect(evaluateThreshold(r, s, '2024-08')).toBeNull();
  });

  it('"up is good": values at or below a band', () => {
    const r = rule({ kind: 'threshold', name, scope: indicatorScope, params: { bands: { blue: 50, orange: 48 } } });
    const s = series([['2024-05', 50.5], ['2024-06', 49.2], ['2024-07', 47]], 'up_good');
    expect(evaluateThreshold(r, s, '2024-05')).toBeNull();
    expect(evaluateThreshold(r, s, '2024-06')).toMatchObject({ level: 'blue', evidence: { direction: 'below' } });
    expect(evaluateThreshold(r, s, '2024-07')?.level).toBe('orange');
  });

  it('an explicit direction overrides the polarity', () => {
    const r = rule({ kind: 'threshold', name, scope: indicatorScope, params: { bands: { yellow: 1 }, direction: 'above' } });
    expect(evaluateThreshold(r, series([['2024-06', 2]], 'up_good'), '2024-06')?.level).toBe('yellow');
  });
});

describe('change rules, by polarity and unit', () => {
  it('a rate up 0.3 points on the month is a yellow deterioration when up is bad', () => {
    const r = rule({ kind: 'change', name, scope: indicatorScope, params: { basis: 'mom', bands: { blue: 0.2, yellow: 0.3, red: 0.8 } } });
    const s = series([['2024-05', 5.0], ['2024-06', 5.3], ['2024-07', 5.1]], 'up_bad', 'points');
    expect(evaluateChange(r, s, '2024-06')).toMatchObject({ level: 'yellow', value: 0.3, evidence: { base: 5, basePeriod: '2024-05', changeUnit: 'points' } });
    // a fall of 0.2 points is an improvement
    expect(evaluateChange(r, s, '2024-07')).toBeNull();
  });

  it('a count down 4% on the year is a deterioration when up is good; up 4% is not', () => {
    const r = rule({ kind: 'change', name, scope: indicatorScope, params: { basis: 'yoy', bands: { blue: 2, yellow: 3, orange: 5 } } });
    const s = series([['2023-06', 1000], ['2024-06', 960], ['2023-07', 1000], ['2024-07', 1040]], 'up_good', 'percent');
    // (960 / 1000 - 1) x 100 = -4 -> deterioration 4 -> yellow
    expect(evaluateChange(r, s, '2024-06')).toMatchObject({ level: 'yellow', value: -4, evidence: { basePeriod: '2023-06', basis: 'yoy' } });
    expect(evaluateChange(r, s, '2024-07')).toBeNull();
  });

  it('a neutral indicator deteriorates either way; an explicit direction restricts it', () => {
    const either = rule({ kind: 'change', name, scope: indicatorScope, params: { basis: 'mom', bands: { blue: 10 } } });
    const s = series([['2024-05', 100], ['2024-06', 85]], 'neutral', 'percent');
    expect(evaluateChange(either, s, '2024-06')?.level).toBe('blue');
    const upOnly = rule({ kind: 'change', name, scope: indicatorScope, params: { basis: 'mom', bands: { blue: 10 }, direction: 'up' } });
    expect(evaluateChange(upOnly, s, '2024-06')).toBeNull();
  });

  it('needs both values and a base that is not zero for a percentage', () => {
    const r = rule({ kind: 'change', name, scope: indicatorScope, params: { basis: 'mom', bands: { blue: 1 } } });
    expect(evaluateChange(r, series([['2024-06', 5]], 'up_bad'), '2024-06')).toBeNull();
    expect(evaluateChange(r, series([['2024-05', 0], ['2024-06', 5]], 'up_bad', 'percent'), '2024-06')).toBeNull();
    expect(evaluateChange(r, series([['2024-05', null], ['2024-06', 5]], 'up_bad'), '2024-06')).toBeNull();
  });
});

describe('consecutive deterioration', () => {
  const r = rule({ kind: 'consecutive', name, scope: indicatorScope, params: { bands: { blue: 3, yellow: 4, orange: 6 } } });

  it('counts months each worse than the one before, ending with the period (up is bad)', () => {
    const s = series([['2024-01', 5.0], ['2024-02', 5.1], ['2024-03', 5.2], ['2024-04', 5.3], ['2024-05', 5.4], ['2024-06', 5.3]], 'up_bad');
    expect(evaluateConsecutive(r, s, '2024-03')).toBeNull();
    expect(evaluateConsecutive(r, s, '2024-04')).toMatchObject({ level: 'blue', value: 3 });
    const five = evaluateConsecutive(r, s, '2024-05');
    expect(five).toMatchObject({ level: 'yellow', value: 4 });
    expect(five?.evidence).toMatchObject({ kind: 'consecutive', run: 4, direction: 'up', points: [{ period: '2024-01', value: 5 }, { period: '2024-02', value: 5.1 }, { period: '2024-03', value: 5.2 }, { period: '2024-04', value: 5.3 }, { period: '2024-05', value: 5.4 }] });
    expect(evaluateConsecutive(r, s, '2024-06')).toBeNull();
  });

  it('falls are the deterioration when up is good; a flat month or a gap ends the run', () => {
    const s = series([['2024-01', 100], ['2024-02', 99], ['2024-03', 98], ['2024-04', 97], ['2024-05', 97], ['2024-06', 96]], 'up_good');
    expect(evaluateConsecutive(r, s, '2024-04')).toMatchObject({ value: 3, evidence: { direction: 'down' } });
    expect(evaluateConsecutive(r, s, '2024-06')).toBeNull();
    const gap = series([['2024-01', 1], ['2024-02', 2], ['2024-04', 3], ['2024-05', 4], ['2024-06', 5]], 'up_bad');
    expect(evaluateConsecutive(r, gap, '2024-06')).toBeNull();
  });
});

describe('anomaly rules', () => {
  // 2023-01..2024-01: changes alternate +1, +2 (twelve of them): median 1.5, every deviation 0.5,
  // so MAD 0.5 and the scale 1.4826 x 0.5 = 0.7413.
  const history: Array<[string, number]> = [
    ['2023-01', 100], ['2023-02', 101], ['2023-03', 103], ['2023-04', 104], ['2023-05', 106], ['2023-06', 107], ['2023-07', 109],
    ['2023-08', 110], ['2023-09', 112], ['2023-10', 113], ['2023-11', 115], ['2023-12', 116], ['2024-01', 118],
  ];
  const r = rule({ kind: 'anomaly', name, scope: indicatorScope, params: { bands: { yellow: 3.5, red: 7 }, window: 24, basis: 'mom' } });

  it('scores the change against the median and MAD of the preceding changes (up is bad)', () => {
    const s = series([...history, ['2024-02', 124]], 'up_bad', 'diff');
    // change 6: (6 - 1.5) / 0.7413 = 6.0704 -> yellow (below red 7)
    const f = evaluateAnomaly(r, s, '2024-02');
    expect(f?.value).toBeCloseTo(4.5 / 0.7413, 9);
    expect(f).toMatchObject({ level: 'yellow', evidence: { kind: 'anomaly', change: 6, median: 1.5, mad: 0.5, window: 24, basis: 'mom' } });
    // 2024-01 has only eleven earlier changes, fewer than the twelve needed
    expect(evaluateAnomaly(r, s, '2024-01')).toBeNull();
  });

  it('a fall is the bad direction when up is good, and no alarm when up is bad', () => {
    const s = (polarity: Polarity) => series([...history, ['2024-02', 112]], polarity, 'diff');
    // change -6: (-6 - 1.5) / 0.7413 = -10.117 -> a deterioration of 10.1 when falls are bad -> red
    const good = evaluateAnomaly(r, s('up_good'), '2024-02');
    expect(good?.value).toBeCloseTo(-7.5 / 0.7413, 9);
    expect(good?.level).toBe('red');
    expect(evaluateAnomaly(r, s('up_bad'), '2024-02')).toBeNull();
    expect(evaluateAnomaly(r, s('neutral'), '2024-02')?.level).toBe('red');
  });
});

function report(over: Partial<ReportFigures>): ReportFigures {
  const r: ReportFigures = { opening: 100, hires: 0, sepEconomic: 0, sepContractEnd: 0, sepQuit: 0, sepRetire: 0, sepOther: 0, closing: 100, avgWage: 5000, production: 'normal', plannedCuts: 0, ...over };
  if (over.closing === undefined) r.closing = r.opening + r.hires - r.sepEconomic - r.sepContractEnd - r.sepQuit - r.sepRetire - r.sepOther;
  return r;
}
const firm = (key: string, over: Partial<ReportFigures>) => ({ subject: { type: 'firm' as const, key, label: { zh: key, en: key } }, report: report(over) });

describe('firm rules', () => {
  it('Article 41: 20 people, or 10% under 20, at the rule’s level; over 200 at the alarm level', () => {
    const r = rule({ kind: 'article41', name, scope: panel, params: {} });
    const fired = evaluateArticle41(r, [
      firm('a', { opening: 1000, sepEconomic: 19 }),
      firm('b', { opening: 1000, sepEconomic: 20 }),
      firm('c', { opening: 100, sepEconomic: 10 }),
      firm('d', { opening: 101, sepEconomic: 10 }),
      firm('e', { opening: 3000, sepEconomic: 201 }),
      firm('f', { opening: 3000, sepEconomic: 200 }),
    ]);
    expect(fired.map((f) => [f.subject.key, f.level, f.value])).toEqual([
      ['b', 'orange', 20],
      ['c', 'orange', 10],
      ['e', 'red', 201],
      ['f', 'orange', 200],
    ]);
    expect(fired[1]!.evidence).toMatchObject({ kind: 'article41', clause: 'share', sharePct: 10, opening: 100 });
  });

  it('Article 41 on planned cuts', () => {
    const r = rule({ kind: 'article41', name, scope: panel, params: { basis: 'planned', level: 'blue' } });
    const fired = evaluateArticle41(r, [firm('a', { opening: 500, plannedCuts: 25 }), firm('b', { opening: 500, sepEconomic: 40 })]);
    expect(fired.map((f) => [f.subject.key, f.level])).toEqual([['a', 'blue']]);
  });

  it('single-firm thresholds on a chosen figure, skipping small firms', () => {
    const r = rule({ kind: 'firm_threshold', name, scope: panel, params: { metric: 'job_loss_rate', bands: { yellow: 10, red: 30 }, minOpening: 50 } });
    const fired = evaluateFirmThreshold(r, [firm('a', { opening: 200, sepQuit: 20 }), firm('b', { opening: 40, sepQuit: 20 }), firm('c', { opening: 100, sepQuit: 9 }), firm('d', { opening: 100, sepQuit: 30 })]);
    expect(fired.map((f) => [f.subject.key, f.level, f.value])).toEqual([
      ['a', 'yellow', 10],
      ['d', 'red', 30],
    ]);
    const net = rule({ kind: 'firm_threshold', name, scope: panel, params: { metric: 'net_reduction', bands: { blue: 50 } } });
    expect(evaluateFirmThreshold(net, [firm('a', { opening: 500, hires: 10, sepEconomic: 60 })])[0]).toMatchObject({ value: 50, level: 'blue' });
  });

  it('cross-check gap bands on the absolute gap, either way or one direction', () => {
    const r = rule({ kind: 'crosscheck', name, scope: panel, params: { bands: { yellow: 10, orange: 20, red: 30 }, minReported: 20 } });
    const rows = [
      { subject: firm('a', {}).subject, reported: 400, contributors: 340 },
      { subject: firm('b', {}).subject, reported: 200, contributors: 262 },
      { subject: firm('c', {}).subject, reported: 100, contributors: 95 },
      { subject: firm('d', {}).subject, reported: 10, contributors: 2 },
    ];
    expect(evaluateCrossCheck(r, rows).map((f) => [f.subject.key, f.level, f.value])).toEqual([
      ['a', 'yellow', -15],
      ['b', 'red', 31],
    ]);
    const fewer = rule({ kind: 'crosscheck', name, scope: panel, params: { bands: { yellow: 10 }, direction: 'fewer_contributors' } });
    expect(evaluateCrossCheck(fewer, rows).map((f) => f.subject.key)).toEqual(['a', 'd']);
  });
});

describe('signals', () => {
  it('reads the categories and channels case lists use', () => {
    expect(parseSignalCategory('欠薪')).toBe('wage_arrears');
    expect(parseSignalCategory(' 裁员 ')).toBe('layoff');
    expect(parseSignalCategory('停产')).toBe('halt');
    expect(parseSignalCategory('社保')).toBe('social_insurance');
    expect(parseSignalCategory('其他')).toBe('other');
    expect(parseSignalCategory('投诉')).toBeNull();
    expect(parseSignalChannel('12345')).toBe('hotline');
    expect(parseSignalChannel('欠薪预警平台')).toBe('wage_arrears');
    expect(parseSignalChannel('110联动')).toBe('police110');
    expect(parseSignalChannel('微博')).toBeNull();
  });

  it('links by credit code first, else by exact name', () => {
    const matcher = { byCode: (c: string) => (c === 'CODE' ? 1 : null), byName: (n: string) => (n === '沈阳甲公司' ? 2 : null) };
    expect(linkSignal({ creditCode: 'CODE', firmName: '沈阳甲公司' }, matcher)).toBe(1);
    expect(linkSignal({ creditCode: 'OTHER', firmName: ' 沈阳甲公司 ' }, matcher)).toBe(2);
    expect(linkSignal({ creditCode: null, firmName: '沈阳甲' }, matcher)).toBeNull();
    expect(linkSignal({ creditCode: null, firmName: null }, matcher)).toBeNull();
  });

  it('counts by a key, summing counts and skipping cases without one; the fingerprint ignores only spacing', () => {
    const cases = [
      { id: 1, count: 3, category: 'wage_arrears' as const, channel: 'hotline' as const, district: 'A' },
      { id: 2, count: 1, category: 'layoff' as const, channel: 'police110' as const, district: 'A' },
      { id: 3, count: 2, category: 'wage_arrears' as const, channel: 'hotline' as const, district: 'B' },
      { id: 4, count: 9, category: 'other' as const, channel: 'other' as const, district: null },
    ];
    expect(countSignals(cases, (c) => c.district)).toEqual([
      { key: 'A', count: 4, cases: 2, byCategory: { wage_arrears: 3, layoff: 1 }, byChannel: { hotline: 3, police110: 1 }, caseIds: [1, 2] },
      { key: 'B', count: 2, cases: 1, byCategory: { wage_arrears: 2 }, byChannel: { hotline: 2 }, caseIds: [3] },
    ]);
    const c = { date: '2026-10-03', channel: 'hotline' as const, district: '210106', firmName: '甲', creditCode: null, category: 'layoff' as const, count: 2, summary: 's' };
    expect(signalFingerprint({ ...c, summary: ' s ' })).toBe(signalFingerprint(c));
    expect(signalFingerprint({ ...c, count: 3 })).not.toBe(signalFingerprint(c));
  });

  it('signal-count rules band the count per subject', () => {
    const r = rule({ kind: 'signal_count', name, scope: { type: 'signals', categories: ['wage_arrears'], channels: [], by: 'district' }, params: { bands: { yellow: 4, red: 10 } } });
    const fired = evaluateSignalCount(r, [
      { subject: { type: 'district', key: 'district:A', label: { zh: 'A', en: 'A' } }, count: 4, cases: 2, byCategory: {}, byChannel: {}, caseIds: [1, 2] },
      { subject: { type: 'district', key: 'district:B', label: { zh: 'B', en: 'B' } }, count: 3, cases: 3, byCategory: {}, byChannel: {}, caseIds: [3] },
    ]);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ level: 'yellow', value: 4, evidence: { kind: 'signal_count', count: 4, cases: 2, caseIds: [1, 2] } });
  });
});

describe('scopes', () => {
  it('evaluate the month, or the latest quarter or year ended by it', () => {
    expect(evaluationPeriod('2024-06', 'M')).toBe('2024-06');
    expect(evaluationPeriod('2024-06', 'Q')).toBe('2024-Q2');
    expect(evaluationPeriod('2024-05', 'Q')).toBe('2024-Q1');
    expect(evaluationPeriod('2024-02', 'Q')).toBe('2023-Q4');
    expect(evaluationPeriod('2024-12', 'A')).toBe('2024');
    expect(evaluationPeriod('2024-11', 'A')).toBe('2023');
  });

  it('aggregate the filtered panel into series, one per breakdown member', () => {
    const f = (id: number, sector: string, district: string) => ({ id, creditCode: String(id), name: String(id), sector, industry: 'I2', ownership: 'PRIVATE', size: 'MEDIUM', district, tradeExposed: false });
    const rows = [
      { firm: f(1, 'METAL', 'D1'), report: { ...report({ opening: 100, sepQuit: 10 }), period: '2024-06' } },
      { firm: f(2, 'METAL', 'D2'), report: { ...report({ opening: 300, sepQuit: 10 }), period: '2024-06' } },
      { firm: f(3, 'COAL', 'D1'), report: { ...report({ opening: 50, hires: 5 }), period: '2024-06' } },
      { firm: f(1, 'METAL', 'D1'), report: { ...report({ opening: 90 }), period: '2024-07' } },
      { firm: f(4, 'AUTO', 'D1'), report: { ...report({ opening: 999, sepQuit: 999 }), period: '2024-06' } },
    ];
    const scope = { type: 'panel' as const, sectors: ['METAL', 'COAL'], districts: [], metric: 'job_loss_rate' as const };
    // METAL+COAL in 2024-06: separations 20 over opening 450 = 4.444...% -> 4.44; 2024-07: 0 over 90 = 0
    expect(panelSeries(rows, scope)).toEqual([{ members: {}, points: [{ period: '2024-06', value: 4.44 }, { period: '2024-07', value: 0 }] }]);
    const bySector = panelSeries(rows, { ...scope, metric: 'headcount', breakdown: 'sector' });
    expect(bySector).toEqual([
      { members: { sector: 'COAL' }, points: [{ period: '2024-06', value: 55 }] },
      { members: { sector: 'METAL' }, points: [{ period: '2024-06', value: 380 }, { period: '2024-07', value: 90 }] },
    ]);
    expect(panelSubjectKey(scope, { sector: 'METAL' })).toBe('panel:job_loss_rate|sectors=COAL,METAL|sector=METAL');
    expect(seriesSubjectKey('RSK.HOTLINE', { district: '210106' })).toBe('series:RSK.HOTLINE|district=210106');
  });
});

describe('months evaluated after an import', () => {
  it('covers every month of the periods imported, at most the last 24', () => {
    expect(monthsCovered('2026-10', '2026-10')).toEqual(['2026-10']);
    expect(monthsCovered('2026-Q2', '2026-Q3')).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(monthsCovered('2025', '2025')).toHaveLength(12);
    const long = monthsCovered('2015-01', '2026-10');
    expect(long).toHaveLength(24);
    expect(long[0]).toBe('2024-11');
  });
});

describe('case dates', () => {
  it('reads dates as case lists write them, and refuses impossible ones', async () => {
    const { parseCaseDate } = await import('../../shared/domain/signals');
    expect(parseCaseDate('2026-10-03')).toBe('2026-10-03');
    expect(parseCaseDate('2026/10/3')).toBe('2026-10-03');
    expect(parseCaseDate('2026.1.9')).toBe('2026-01-09');
    expect(parseCaseDate('2026年10月3日 14:20')).toBe('2026-10-03');
    expect(parseCaseDate('２０２６-１０-０３')).toBe('2026-10-03');
    expect(parseCaseDate('20261003')).toBe('2026-10-03');
    expect(parseCaseDate(20261003)).toBe('2026-10-03');
    expect(parseCaseDate(new Date(Date.UTC(2026, 9, 3)))).toBe('2026-10-03');
    expect(parseCaseDate('2026-02-29')).toBeNull();
    expect(parseCaseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseCaseDate('2026-13-01')).toBeNull();
    expect(parseCaseDate('十月三日')).toBeNull();
    expect(parseCaseDate(null)).toBeNull();
  });
});
