import { describe, expect, it } from 'vitest';
import { indexCsv } from '../../shared/analytics/index-csv';
import { climateSentence, summarizeClimate } from '../../shared/analytics/climate-summary';

const A = { zh: '重点企业新招用人数', en: 'hires' };
const B = { zh: '新登记经营主体', en: 'new entities' };
const C = { zh: '城镇调查失业率', en: 'the unemployment rate' };
const D = { zh: '求人倍率', en: 'the vacancy ratio' };

function input(points: Record<string, number | null>, change: number) {
  const labels: Record<string, typeof A> = { A, B, C, D };
  return {
    periods: ['2026-09', '2026-10'],
    index: [100, 100 + change],
    change: [null, change],
    components: Object.entries(points).map(([key, v]) => ({ key, label: labels[key]!, pointContributions: [null, v] })),
  };
}

describe('climate index sentence', () => {
  it('names the two largest drivers and the largest drag of a rise', () => {
    const x = input({ A: 0.8, B: 0.5, C: -0.2, D: 0.1 }, 1.2);
    expect(summarizeClimate(x, 1)).toMatchObject({ direction: 'up', drivers: [{ key: 'A', points: 0.8 }, { key: 'B', points: 0.5 }], drags: [{ key: 'C', points: -0.2 }] });
    expect(climateSentence(x, 1, 'zh-CN')).toBe('本月指数上升1.2点，主要由重点企业新招用人数、新登记经营主体拉动，城镇调查失业率拖累。');
    expect(climateSentence(x, 1, 'en-US')).toBe('This month the index rose 1.2 points, driven mainly by hires and new entities; the unemployment rate weighed on it.');
  });

  it('describes a fall by what dragged it down and what held it up', () => {
    const x = input({ A: -0.9, B: 0.3, C: -0.4, D: null }, -1.0);
    expect(climateSentence(x, 1, 'zh-CN')).toBe('本月指数下降1.0点，主要受重点企业新招用人数、城镇调查失业率拖累，新登记经营主体拉动。');
    expect(climateSentence(x, 1, 'en-US')).toBe('This month the index fell 1.0 point, dragged down mainly by hires and the unemployment rate; new entities offset part of the fall.');
    expect(climateSentence(x, 1, 'zh-CN', 'period')).toMatch(/^2026年10月指数下降1\.0点/);
  });

  it('leaves out a missing part and reads a change rounding to 0.0 as flat', () => {
    expect(climateSentence(input({ A: 0.6 }, 0.6), 1, 'zh-CN')).toBe('本月指数上升0.6点，主要由重点企业新招用人数拉动。');
    expect(climateSentence(input({ A: 0.02, C: -0.03 }, -0.01), 1, 'zh-CN')).toBe('本月指数与上期基本持平，重点企业新招用人数拉动，城镇调查失业率拖累。');
    expect(climateSentence(input({ A: 0.6 }, 0.6), 0, 'zh-CN')).toBeNull(); // no change in the first period
  });
});

describe('index CSV', () => {
  it('writes one contribution column per component and leaves gaps empty', () => {
    const csv = indexCsv({
      periods: ['2024-01', '2024-02'],
      index: [100, 101.25],
      change: [null, 1.25],
      growth: [null, 1.2422360248],
      coverage: [0, 1],
      components: [
        { key: 'ENT.HIRES', pointContributions: [null, 1] },
        { key: 'UNE.SURVEY_RATE', pointContributions: [null, 0.25] },
      ],
    });
    expect(csv).toBe('period,index,change,growth,coverage,ENT.HIRES,UNE.SURVEY_RATE\n2024-01,100,,,0,,\n2024-02,101.25,1.25,1.242236,1,1,0.25\n');
    const cli = indexCsv({ periods: ['2024-01'], index: [Number.NaN], change: [null], growth: [null], components: [{ key: 'a,b', pointContributions: [null] }] }, { detail: false });
    expect(cli).toBe('period,index,"a,b"\n2024-01,,\n');
  });
});
