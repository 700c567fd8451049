import { describe, expect, it } from 'vitest';
import {
  article41,
  checkReport,
  crossCheckGap,
  isCrossCheckException,
  jobLossRate,
  mainSeparationReason,
  panelDiffusion,
  panelObservations,
  panelTotals,
  rankReducers,
  type ReportFigures,
} from '../../shared/domain/enterprise';

function report(over: Partial<ReportFigures> = {}): ReportFigures {
  const base: ReportFigures = { opening: 100, hires: 5, sepEconomic: 0, sepContractEnd: 1, sepQuit: 2, sepRetire: 0, sepOther: 0, closing: 102, avgWage: 5000, production: 'normal', plannedCuts: 0 };
  const r = { ...base, ...over };
  if (over.closing === undefined) r.closing = r.opening + r.hires - r.sepEconomic - r.sepContractEnd - r.sepQuit - r.sepRetire - r.sepOther;
  return r;
}

describe('Article 41 (Labour Contract Law)', () => {
  it('flags 20 economic separations and not 19, whatever the share', () => {
    expect(article41(19, 1000)).toEqual({ article41: false, clause: null, bigCut: false, sharePct: 1.9 });
    expect(article41(20, 1000)).toEqual({ article41: true, clause: 'people', bigCut: false, sharePct: 2 });
    expect(article41(20, 20_000).article41).toBe(true);
  });

  it('under 20 people flags 10% of the opening headcount and not 9.9%', () => {
    // 10 of 101 = 9.90099% (below); 10 of 100 = 10% exactly (flagged); 19 of 190 = 10%; 19 of 191 = 9.95%.
    expect(article41(10, 101)).toMatchObject({ article41: false, clause: null });
    expect(article41(10, 101).sharePct).toBeCloseTo(9.90099, 4);
    expect(article41(10, 100)).toMatchObject({ article41: true, clause: 'share', sharePct: 10 });
    expect(article41(19, 190)).toMatchObject({ article41: true, clause: 'share' });
    expect(article41(19, 191)).toMatchObject({ article41: false });
    // 99 of 1000 is 9.9% but 99 people: the people clause applies.
    expect(article41(99, 1000)).toMatchObject({ article41: true, clause: 'people' });
  });

  it('a single firm cutting more than 200 is the city-level alarm; exactly 200 is not', () => {
    expect(article41(200, 5000).bigCut).toBe(false);
    expect(article41(201, 5000)).toMatchObject({ article41: true, bigCut: true });
  });

  it('nothing to flag without cuts; a share needs an opening headcount', () => {
    expect(article41(0, 100)).toEqual({ article41: false, clause: null, bigCut: false, sharePct: 0 });
    expect(article41(5, 0)).toEqual({ article41: false, clause: null, bigCut: false, sharePct: null });
  });

  it('takes other parameters', () => {
    expect(article41(15, 1000, { minPeople: 15, minSharePct: 10, bigCut: 100 }).clause).toBe('people');
    expect(article41(101, 1000, { minPeople: 15, minSharePct: 10, bigCut: 100 }).bigCut).toBe(true);
  });
});

describe('consistency checks on a monthly report', () => {
  it('passes a balanced report that follows last month', () => {
    expect(checkReport(report(), 100)).toEqual([]);
  });

  it('opening + hires - separations must equal closing exactly', () => {
    // 100 + 5 - (1 + 2) = 102, reported 101.
    expect(checkReport(report({ closing: 101 }), 100)).toEqual([{ check: 'balance', severity: 'error', field: 'closing', expected: 102, actual: 101 }]);
    expect(checkReport(report({ closing: 103 }), 100)[0]).toMatchObject({ check: 'balance', expected: 102, actual: 103 });
  });

  it('opening must equal last month’s closing (a warning), and is not checked without last month', () => {
    expect(checkReport(report(), 98)).toEqual([{ check: 'continuity', severity: 'warning', field: 'opening', expected: 98, actual: 100 }]);
    expect(checkReport(report(), null)).toEqual([]);
  });

  it('average wage within plausible bounds (a warning), missing wage not flagged', () => {
    expect(checkReport(report({ avgWage: 999 }), 100)).toEqual([{ check: 'wage_bounds', severity: 'warning', field: 'avgWage', expected: 1000, actual: 999 }]);
    expect(checkReport(report({ avgWage: 50001 }), 100)[0]).toMatchObject({ check: 'wage_bounds', expected: 50000 });
    expect(checkReport(report({ avgWage: 1000 }), 100)).toEqual([]);
    expect(checkReport(report({ avgWage: 3000 }), 100, { min: 3500, max: 9000 })[0]).toMatchObject({ check: 'wage_bounds', expected: 3500 });
    expect(checkReport(report({ avgWage: null }), 100)).toEqual([]);
  });

  it('counts must be whole and not negative (and then the balance is not computed)', () => {
    expect(checkReport(report({ hires: -1, closing: 96 }), 100)).toEqual([{ check: 'negative', severity: 'error', field: 'hires', expected: null, actual: -1 }]);
    expect(checkReport(report({ sepQuit: 2.5, closing: 101 }), 100)).toEqual([{ check: 'not_integer', severity: 'error', field: 'sepQuit', expected: null, actual: 2.5 }]);
    expect(checkReport(report({ sepQuit: Number.NaN, closing: 101 }), 100)[0]).toMatchObject({ check: 'not_integer', actual: null });
  });

  it('several problems are all reported', () => {
    const issues = checkReport(report({ closing: 90, avgWage: 200 }), 95);
    expect(issues.map((i) => i.check)).toEqual(['balance', 'continuity', 'wage_bounds']);
  });
});

describe('social-insurance cross-check', () => {
  it('gives the gap in percent of the reported headcount, with its direction', () => {
    expect(crossCheckGap(400, 340)).toEqual({ gapPct: -15, direction: 'fewer_contributors', difference: -60 });
    expect(crossCheckGap(200, 250)).toEqual({ gapPct: 25, direction: 'more_contributors', difference: 50 });
    expect(crossCheckGap(200, 200)).toEqual({ gapPct: 0, direction: null, difference: 0 });
    expect(crossCheckGap(0, 12)).toEqual({ gapPct: null, direction: 'more_contributors', difference: 12 });
  });

  it('lists gaps strictly above the threshold', () => {
    expect(isCrossCheckException(crossCheckGap(100, 110), 10)).toBe(false);
    expect(isCrossCheckException(crossCheckGap(100, 111), 10)).toBe(true);
    expect(isCrossCheckException(crossCheckGap(100, 89), 10)).toBe(true);
    expect(isCrossCheckException(crossCheckGap(0, 3), 10)).toBe(true);
    expect(isCrossCheckException(crossCheckGap(0, 0), 10)).toBe(false);
  });
});

describe('panel aggregates', () => {
  it('sums reports and computes the job-loss rate from the sums', () => {
    const a = report({ opening: 1000, hires: 10, sepEconomic: 30, sepQuit: 10, sepContractEnd: 0 });
    const b = report({ opening: 200, hires: 4, sepEconomic: 0, sepQuit: 2, sepContractEnd: 0 });
    const t = panelTotals([a, b]);
    // separations 40 + 2 = 42 over opening 1200 = 3.5%
    // closing 1000 + 10 - 40 = 970 and 200 + 4 - 2 = 202
    expect(t).toEqual({ firms: 2, opening: 1200, closing: 1172, hires: 14, separations: 42, sepEconomic: 30, plannedCuts: 0, netChange: -28, jobLossRate: 3.5 });
    expect(jobLossRate(3, 0)).toBeNull();
    expect(panelTotals([])).toMatchObject({ firms: 0, jobLossRate: null });
  });

  it('makes the ENT.* observations for the city, each district and each sector', () => {
    const rows = [
      { firm: { district: '210106', sector: 'EQUIP' }, report: report({ opening: 300, hires: 3, sepQuit: 6, sepContractEnd: 0 }) },
      { firm: { district: '210106', sector: 'AUTO' }, report: report({ opening: 100, hires: 1, sepQuit: 1, sepContractEnd: 0 }) },
      { firm: { district: '210102', sector: 'AUTO' }, report: report({ opening: 50, hires: 0, sepQuit: 1, sepContractEnd: 0 }) },
    ];
    const obs = panelObservations(rows);
    const find = (indicator: string, members: Record<string, string>) => obs.find((o) => o.indicator === indicator && JSON.stringify(o.members) === JSON.stringify(members))?.value;
    expect(find('ENT.HEADCOUNT', {})).toBe(297 + 100 + 49);
    expect(find('ENT.SEPARATIONS', { district: '210106' })).toBe(7);
    // AUTO: separations 2 of opening 150 = 1.333...% -> 1.33
    expect(find('ENT.JOB_LOSS_RATE', { sector: 'AUTO' })).toBe(1.33);
    expect(find('ENT.HIRES', { sector: 'EQUIP' })).toBe(3);
    // 1 city + 2 districts + 2 sectors, 4 indicators each
    expect(obs).toHaveLength(20);
  });

  it('ranks reducers by net reduction, ties by economic layoffs, and leaves out firms that grew', () => {
    const items = [
      { id: 'a', f: { opening: 100, closing: 90, sepEconomic: 0 } },
      { id: 'b', f: { opening: 500, closing: 470, sepEconomic: 5 } },
      { id: 'c', f: { opening: 300, closing: 270, sepEconomic: 25 } },
      { id: 'd', f: { opening: 100, closing: 104, sepEconomic: 0 } },
      { id: 'e', f: { opening: 100, closing: 100, sepEconomic: 0 } },
    ];
    const ranked = rankReducers(items, (i) => i.f, 10);
    expect(ranked.map((r) => [r.item.id, r.reduction])).toEqual([
      ['c', 30],
      ['b', 30],
      ['a', 10],
    ]);
    expect(rankReducers(items, (i) => i.f, 1)).toHaveLength(1);
  });

  it('names the main separation reason', () => {
    expect(mainSeparationReason(report({ sepEconomic: 30, sepQuit: 5 }))).toBe('economic');
    expect(mainSeparationReason(report({ sepEconomic: 2, sepQuit: 2, sepContractEnd: 0 }))).toBe('economic');
    expect(mainSeparationReason({ sepEconomic: 0, sepContractEnd: 0, sepQuit: 0, sepRetire: 0, sepOther: 0 })).toBeNull();
  });
});

describe('key-enterprise diffusion indices', () => {
  it('derives each question’s answers and takes % up + half % unchanged', () => {
    const prev = new Map<number, ReportFigures>([
      [1, report({ hires: 5, avgWage: 5000 })],
      [2, report({ hires: 5, avgWage: 5000 })],
      [3, report({ hires: 5, avgWage: 5000 })],
    ]);
    const current = [
      // hires up, headcount up (102 > 100), wage +1% up, expanded
      { enterpriseId: 1, ...report({ hires: 6, avgWage: 5050, production: 'expanded' as const }) },
      // hires same, headcount down, wage +0.4% unchanged (within 0.5%), reduced
      { enterpriseId: 2, ...report({ hires: 5, sepEconomic: 10, avgWage: 5020, production: 'reduced' as const }) },
      // no previous month: hiring and wages left out; headcount same (opening 100, 2 hires, 2 quits), normal
      { enterpriseId: 4, ...report({ hires: 2, sepQuit: 1, sepContractEnd: 1, avgWage: 4000, production: 'normal' as const }) },
    ];
    const d = panelDiffusion(current, prev);
    // hiring: up, same -> (100 + 50) / 2 = 75
    expect(d.hiring).toMatchObject({ index: 75, up: 1, same: 1, down: 0, n: 2 });
    // headcount: up, down, same -> (1 + 0.5) / 3 = 50
    expect(d.headcount).toMatchObject({ index: 50, n: 3 });
    // wages: up, same -> 75
    expect(d.wages).toMatchObject({ index: 75, n: 2 });
    // production: expanded up, reduced down, normal same -> 50
    expect(d.production).toMatchObject({ index: 50, up: 1, same: 1, down: 1 });
  });
});

describe('production status', () => {
  it('reads the words report forms use', async () => {
    const { parseProductionStatus } = await import('../../shared/domain/enterprise');
    expect(parseProductionStatus('正常')).toBe('normal');
    expect(parseProductionStatus(' 减产 ')).toBe('reduced');
    expect(parseProductionStatus('停产')).toBe('halted');
    expect(parseProductionStatus('扩产')).toBe('expanded');
    expect(parseProductionStatus('expanded')).toBe('expanded');
    expect(parseProductionStatus('良好')).toBeNull();
    expect(parseProductionStatus('')).toBeNull();
  });
});
