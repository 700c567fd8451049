import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../shared/domain/catalog';
import type { BindingPoint } from '../../shared/reports/bindings';
import { buildDraft, latestPeriodFor, midSentence, seasonalOutlook } from '../../shared/reports/draft';
import type { Block } from '../../shared/reports/model';

const indicators = new Map(INDICATORS.map((i) => [i.code, i]));
const monthly = (from: number, values: number[], year = 2024): BindingPoint[] => values.map((value, i) => ({ period: `${year}-${String(from + i).padStart(2, '0')}`, value }));

/** A small world: last year and this year to August, each indicator moving the way a test needs. */
function facts(overrides: Record<string, BindingPoint[]> = {}, period = '2024-08') {
  const series = new Map<string, BindingPoint[]>([
    ['UNE.SURVEY_RATE', [...monthly(1, [5.6, 5.6, 5.6, 5.6, 5.6, 5.6, 5.6, 5.6], 2023), ...monthly(1, [5.6, 5.6, 5.5, 5.5, 5.4, 5.3, 5.2, 5.1])]],
    ['UNE.REG_COUNT', [...monthly(8, [120000], 2023), ...monthly(7, [116000, 115000])]],
    ['UI.RECIPIENTS', [...monthly(8, [52000], 2023), ...monthly(7, [50000, 49000])]],
    ['ENT.HEADCOUNT', [...monthly(8, [340000], 2023), ...monthly(7, [342000, 343000])]],
    ['EMP.NEW_URBAN', [...monthly(8, [7.5], 2023), ...monthly(7, [7.0, 8.1])]],
    ['EMP.NEW_URBAN_PCT', monthly(8, [70.0])],
    ['GRP.ZERO_EMP_HH', monthly(7, [3, 0])],
    ['GRP.GRAD_UNEMP', monthly(7, [5200, 4100])],
    ...Object.entries(overrides),
  ]);
  return { period, locale: 'zh-CN' as const, indicators, series, enterpriseReports: false };
}

const text = (blocks: Block[]) =>
  blocks.map((b) => (b.type === 'paragraph' ? b.content.map((i) => (i.type === 'text' ? i.text : `{${i.binding.indicator}:${i.binding.measure}@${i.binding.period}}`)).join('') : b.type === 'heading' ? `#${b.text}` : `[${b.type}]`));

describe('auto-draft', () => {
  it('judges 稳中有进 when the core indicators improve on a year earlier, naming them', () => {
    const t = text(buildDraft(facts()));
    expect(t[1]).toBe('2024年8月，全市就业形势稳中有进。从主要指标看，城镇调查失业率、城镇登记失业人数、领取失业保险金人数、重点企业在岗职工人数和城镇新增就业人数好于上年同期。');
  });

  it('judges 承压运行 when they worsen', () => {
    const worse = facts({
      'UNE.SURVEY_RATE': [...monthly(8, [5.0], 2023), ...monthly(7, [5.2, 5.3])],
      'UNE.REG_COUNT': [...monthly(8, [100000], 2023), ...monthly(7, [110000, 112000])],
      'ENT.HEADCOUNT': [...monthly(8, [350000], 2023), ...monthly(7, [342000, 341000])],
      'UI.RECIPIENTS': [...monthly(8, [52000], 2023), ...monthly(7, [54000, 55000])],
      'EMP.NEW_URBAN': [...monthly(8, [7.5], 2023), ...monthly(7, [6.5, 7.0])],
      'EMP.NEW_URBAN_PCT': monthly(8, [60.0]),
    });
    const t = text(buildDraft(worse));
    expect(t[1]).toBe('2024年8月，全市就业形势承压运行。从主要指标看，城镇调查失业率、城镇登记失业人数、领取失业保险金人数、重点企业在岗职工人数和城镇新增就业人数弱于上年同期。');
    // Mixed news (two better, three worse, ahead of time progress) nets to 总体稳定.
    const mixed = facts({
      'UNE.SURVEY_RATE': [...monthly(8, [5.0], 2023), ...monthly(7, [5.2, 5.3])],
      'UNE.REG_COUNT': [...monthly(8, [100000], 2023), ...monthly(7, [110000, 112000])],
      'ENT.HEADCOUNT': [...monthly(8, [350000], 2023), ...monthly(7, [342000, 341000])],
    });
    expect(text(buildDraft(mixed))[1]).toBe('2024年8月，全市就业形势总体稳定。从主要指标看，领取失业保险金人数和城镇新增就业人数好于上年同期；城镇调查失业率、城镇登记失业人数和重点企业在岗职工人数弱于上年同期。');
    expect(t.join('\n')).toContain('从结构看，重点企业在岗职工同比减少');
  });

  it('adds the run clause only when the rate has a run or a reversal to report', () => {
    const run = text(buildDraft(facts())).find((s) => s.startsWith('8月份'))!;
    expect(run).toBe('8月份，全市城镇调查失业率为{UNE.SURVEY_RATE:value@2024-08}，比上月{UNE.SURVEY_RATE:prev@2024-08}，{UNE.SURVEY_RATE:trend@2024-08}，同比{UNE.SURVEY_RATE:yoy@2024-08}。');
    const single = facts({ 'UNE.SURVEY_RATE': [...monthly(1, [5.6, 5.6, 5.6, 5.6, 5.6, 5.6, 5.6, 5.6], 2023), ...monthly(6, [5.4, 5.4, 5.3])] });
    expect(text(buildDraft(single)).find((s) => s.startsWith('8月份'))).not.toContain(':trend@');
  });

  it('words for key groups follow the data: cleared households, graduates only from July', () => {
    const t = text(buildDraft(facts())).join('\n');
    expect(t).toContain('零就业家庭{GRP.ZERO_EMP_HH:value@2024-08}，保持动态清零。');
    expect(t).toContain('离校未就业高校毕业生{GRP.GRAD_UNEMP:value@2024-08}');
    const notCleared = text(buildDraft(facts({ 'GRP.ZERO_EMP_HH': monthly(7, [0, 2]) }))).join('\n');
    expect(notCleared).toContain('，尚未实现动态清零，需逐户跟踪帮扶。');
    const june = text(buildDraft(facts({ 'GRP.GRAD_UNEMP': monthly(6, [5000]) }, '2024-06'))).join('\n');
    expect(june).not.toContain('离校未就业高校毕业生{');
  });

  it('the outlook names the season ahead', () => {
    expect(seasonalOutlook('2024-07', 'zh-CN')).toContain('高校毕业生集中离校');
    expect(seasonalOutlook('2025-02', 'zh-CN')).toContain('春节');
    expect(seasonalOutlook('2024-03', 'en-US')).toContain('spring hiring');
    expect(text(buildDraft(facts())).join('\n')).toContain('毕业季影响逐步消退');
  });

  it('quarterly figures bind to the latest quarter that has ended by the month', () => {
    const ratio = indicators.get('LMK.RATIO')!;
    const points = [{ period: '2024-Q1', value: 1.5 }, { period: '2024-Q2', value: 1.6 }, { period: '2024-Q3', value: 1.7 }];
    expect(latestPeriodFor(ratio, points, '2024-08')).toBe('2024-Q2');
    expect(latestPeriodFor(ratio, points, '2024-09')).toBe('2024-Q3');
  });

  it('English draft: same structure, names read mid-sentence', () => {
    const en = buildDraft({ ...facts(), locale: 'en-US' });
    expect(en.filter((b) => b.type === 'heading').length).toBe(7);
    expect(text(en)[1]).toContain('Compared with a year earlier, surveyed urban unemployment rate');
    expect(midSentence('UI recipients')).toBe('UI recipients');
  });
});
