/**
 * The auto-draft of a monthly report: the seven standard sections of ../DOMAIN.md section 7 with
 * tables, charts and sentences. Every number is a binding; the words around them (the overall
 * judgement, which clauses appear, the outlook) are chosen here from the data as of the pinned state.
 */
import { changeUnitOf } from '../calc/changes';
import type { Indicator, Locale } from '../domain/types';
import { lastMonthOf, mustParsePeriod, periodLabel, quarterOf, shiftPeriod } from '../period';
import { resolveBinding, type BindingPoint } from './bindings';
import type { Binding, BindingMeasure, Block, Inline } from './model';
import { changeDecimals, directionOf, isImprovement, judgementPhrase, listPhrase, overallJudgement, streakOf, type Direction } from './phrases';

export interface DraftFacts {
  /** The report month, e.g. 2024-06. */
  period: string;
  locale: Locale;
  indicators: ReadonlyMap<string, Indicator>;
  /** City totals as of the pinned state, by indicator code. */
  series: ReadonlyMap<string, readonly BindingPoint[]>;
  /** Whether key-enterprise reports exist for the month. */
  enterpriseReports: boolean;
  /** The climate-index definition to chart in the outlook, when the cache has one. */
  climateDefinition?: string | null;
  /** Whether the warnings and risk ledger are there to summarise (五、风险隐患). */
  riskSummary?: boolean;
}

/** Indicators the draft reads (totals). */
export const DRAFT_INDICATORS = [
  'EMP.NEW_URBAN', 'EMP.NEW_URBAN_PCT', 'EMP.HARD_PLACED', 'UNE.SURVEY_RATE', 'UNE.SURVEY_YOUTH', 'UNE.REG_COUNT', 'UI.RECIPIENTS', 'UI.NEW_CLAIMS',
  'LMK.RATIO', 'LMK.DEMAND', 'MKT.NEW_ENTITIES', 'ENT.HEADCOUNT', 'ENT.HIRES', 'ENT.SEPARATIONS', 'ENT.JOB_LOSS_RATE', 'GRP.GRAD_UNEMP',
  'GRP.RURAL_TRANSFER', 'GRP.ZERO_EMP_HH', 'RSK.HOTLINE',
];

export const KPI_TABLE_INDICATORS = ['EMP.NEW_URBAN', 'EMP.NEW_URBAN_PCT', 'UNE.SURVEY_RATE', 'UNE.SURVEY_YOUTH', 'UNE.REG_COUNT', 'UI.RECIPIENTS', 'LMK.RATIO', 'MKT.NEW_ENTITIES', 'ENT.HEADCOUNT', 'ENT.JOB_LOSS_RATE'];

const SECTIONS = {
  'zh-CN': ['一、总体判断', '二、主要指标', '三、重点企业', '四、重点群体', '五、风险隐患', '六、趋势研判', '七、下步措施'],
  'en-US': ['I. Overall assessment', 'II. Main indicators', 'III. Key enterprises', 'IV. Key groups', 'V. Risks', 'VI. Outlook', 'VII. Next steps'],
} as const;

/** The latest period of an indicator's own frequency, at or before the report month, that has data. */
export function latestPeriodFor(indicator: Indicator, points: readonly BindingPoint[], month: string): string | null {
  const limit = indicator.frequency === 'M' ? month : indicator.frequency === 'Q' ? quarterOf(month) : month.slice(0, 4);
  const have = points.filter((p) => p.value != null && p.period <= limit && (indicator.frequency !== 'Q' || lastMonthOf(p.period) <= month));
  return have.length ? have[have.length - 1]!.period : null;
}

/**
 * Builds the draft's blocks.
 * @example buildDraft({ period: '2024-06', locale: 'zh-CN', indicators, series, enterpriseReports: true })[0] // { type: 'heading', text: '一、总体判断', ... }
 */
export function buildDraft(f: DraftFacts): Block[] {
  const zh = f.locale === 'zh-CN';
  let n = 0;
  const id = () => `b${++n}`;
  const blocks: Block[] = [];
  const heading = (text: string) => blocks.push({ id: id(), type: 'heading', level: 1, text });
  const para = (parts: Array<string | Inline | null | false>) => {
    const content = parts.filter((x): x is string | Inline => !!x).map((x) => (typeof x === 'string' ? { type: 'text' as const, text: x } : x));
    if (content.length) blocks.push({ id: id(), type: 'paragraph', content });
  };
  const has = (code: string) => f.indicators.has(code) && (f.series.get(code)?.some((p) => p.value != null) ?? false);
  const periodOf = (code: string) => (has(code) ? latestPeriodFor(f.indicators.get(code)!, f.series.get(code)!, f.period) : null);
  const bind = (code: string, measure: BindingMeasure, period = periodOf(code)): Inline | null =>
    period ? { type: 'binding', binding: { indicator: code, members: {}, period, measure, format: 'phrase' } } : null;
  const resolve = (code: string, measure: BindingMeasure) => {
    const period = periodOf(code);
    if (!period) return null;
    const b: Binding = { indicator: code, members: {}, period, measure, format: 'phrase' };
    return resolveBinding(b, f.indicators.get(code)!, f.series.get(code)!, f.locale);
  };
  const dirOf = (code: string, measure: 'yoy' | 'prev'): Direction | null => {
    const r = resolve(code, measure);
    if (!r || r.value == null) return null;
    const ind = f.indicators.get(code)!;
    return directionOf(r.value, changeDecimals(changeUnitOf(ind.kind), ind.decimals));
  };
  // English names start with a capital in the catalogue; inside a sentence they read in lower case.
  const name = (code: string) => (zh ? f.indicators.get(code)!.name.zh : midSentence(f.indicators.get(code)!.name.en));
  const month = mustParsePeriod(f.period).index;
  const monthLabel = periodLabel(f.period, f.locale);
  const ytdLabel = periodLabel(f.period, f.locale, true);
  const S = SECTIONS[f.locale];

  // 一、总体判断: the judgement and which core indicators improved or worsened on a year earlier.
  const judged = ['UNE.SURVEY_RATE', 'UNE.REG_COUNT', 'UI.RECIPIENTS', 'ENT.HEADCOUNT', 'EMP.NEW_URBAN'].filter(has);
  const verdicts = judged.map((code) => {
    const dir = dirOf(code, 'yoy');
    return { code, better: dir ? isImprovement(dir, f.indicators.get(code)!.polarity) : null };
  });
  const progressGap = resolve('EMP.NEW_URBAN_PCT', 'progress')?.value ?? null;
  const judgement = overallJudgement([...verdicts.map((v) => v.better), progressGap == null ? null : progressGap >= 0]);
  const better = verdicts.filter((v) => v.better === true).map((v) => name(v.code));
  const worse = verdicts.filter((v) => v.better === false).map((v) => name(v.code));
  heading(S[0]);
  para([
    zh ? `${monthLabel}，全市就业形势${judgementPhrase(judgement, f.locale)}。` : `In ${monthLabel} the city's labour market was ${judgementPhrase(judgement, f.locale)}.`,
    better.length > 0 && (zh ? `从主要指标看，${listPhrase(better, f.locale)}好于上年同期` : ` Compared with a year earlier, ${listPhrase(better, f.locale)} improved`),
    worse.length > 0 && (zh ? `${better.length ? '；' : '从主要指标看，'}${listPhrase(worse, f.locale)}弱于上年同期` : `${better.length ? '; ' : ' Compared with a year earlier, '}${listPhrase(worse, f.locale)} weakened`),
    (better.length > 0 || worse.length > 0) && (zh ? '。' : '.'),
  ]);

  // 二、主要指标
  heading(S[1]);
  if (has('EMP.NEW_URBAN')) {
    para(
      zh
        ? [`${ytdLabel}，全市城镇新增就业`, bind('EMP.NEW_URBAN', 'value'), has('EMP.NEW_URBAN_PCT') && '，完成年度目标的', bind('EMP.NEW_URBAN_PCT', 'value'), has('EMP.NEW_URBAN_PCT') && '，', bind('EMP.NEW_URBAN_PCT', 'progress'), '，同比', bind('EMP.NEW_URBAN', 'yoy'), '。']
        : [`From January to ${monthLabel}, new urban jobs reached `, bind('EMP.NEW_URBAN', 'value'), has('EMP.NEW_URBAN_PCT') && ', ', bind('EMP.NEW_URBAN_PCT', 'value'), has('EMP.NEW_URBAN_PCT') && ' of the annual target, ', bind('EMP.NEW_URBAN_PCT', 'progress'), '; year on year ', bind('EMP.NEW_URBAN', 'yoy'), '.'],
    );
  }
  if (has('UNE.SURVEY_RATE')) {
    const rateInd = f.indicators.get('UNE.SURVEY_RATE')!;
    const runValues = (f.series.get('UNE.SURVEY_RATE') ?? []).filter((p) => p.period <= f.period).slice(-25).map((p) => p.value);
    const streak = streakOf(runValues, rateInd.decimals);
    const showTrend = streak.length >= 2 || (streak.length === 1 && streak.before !== null && streak.before !== 'flat' && streak.before !== streak.direction);
    para(
      zh
        ? [`${month}月份，全市城镇调查失业率为`, bind('UNE.SURVEY_RATE', 'value'), '，比上月', bind('UNE.SURVEY_RATE', 'prev'), showTrend && '，', showTrend && bind('UNE.SURVEY_RATE', 'trend'), '，同比', bind('UNE.SURVEY_RATE', 'yoy'), has('UNE.SURVEY_YOUTH') && '；16-24岁（不含在校生）调查失业率为', bind('UNE.SURVEY_YOUTH', 'value'), has('UNE.SURVEY_YOUTH') && '，比上月', bind('UNE.SURVEY_YOUTH', 'prev'), '。']
        : [`In ${monthLabel} the surveyed urban unemployment rate was `, bind('UNE.SURVEY_RATE', 'value'), ', ', bind('UNE.SURVEY_RATE', 'prev'), ' on the previous month', showTrend && ' (', showTrend && bind('UNE.SURVEY_RATE', 'trend'), showTrend && ')', ' and ', bind('UNE.SURVEY_RATE', 'yoy'), ' on a year earlier', has('UNE.SURVEY_YOUTH') && '; for ages 16-24 (excluding students) it was ', bind('UNE.SURVEY_YOUTH', 'value'), has('UNE.SURVEY_YOUTH') && ', ', bind('UNE.SURVEY_YOUTH', 'prev'), has('UNE.SURVEY_YOUTH') && ' on the previous month', '.'],
    );
  }
  if (has('UNE.REG_COUNT')) {
    para(
      zh
        ? ['月末全市城镇登记失业人员', bind('UNE.REG_COUNT', 'value'), '，比上月', bind('UNE.REG_COUNT', 'prev'), '，同比', bind('UNE.REG_COUNT', 'yoy'), has('UI.RECIPIENTS') && '；领取失业保险金人数', bind('UI.RECIPIENTS', 'value'), has('UI.RECIPIENTS') && '，同比', bind('UI.RECIPIENTS', 'yoy'), '。']
        : ['At the end of the month ', bind('UNE.REG_COUNT', 'value'), ' were registered unemployed, ', bind('UNE.REG_COUNT', 'prev'), ' on the previous month and ', bind('UNE.REG_COUNT', 'yoy'), ' year on year', has('UI.RECIPIENTS') && '; unemployment-insurance recipients numbered ', bind('UI.RECIPIENTS', 'value'), has('UI.RECIPIENTS') && ', ', bind('UI.RECIPIENTS', 'yoy'), has('UI.RECIPIENTS') && ' year on year', '.'],
    );
  }
  const ratioPeriod = periodOf('LMK.RATIO');
  if (ratioPeriod) {
    const q = periodLabel(ratioPeriod, f.locale);
    para(
      zh
        ? [`${q}，全市人力资源市场求人倍率为`, bind('LMK.RATIO', 'value'), '，比上季', bind('LMK.RATIO', 'prev'), '，同比', bind('LMK.RATIO', 'yoy'), has('LMK.DEMAND') && '；市场需求人数', bind('LMK.DEMAND', 'value'), has('LMK.DEMAND') && '，同比', bind('LMK.DEMAND', 'yoy'), '。']
        : [`In ${q} the vacancy-to-seeker ratio of the public HR market was `, bind('LMK.RATIO', 'value'), ', ', bind('LMK.RATIO', 'prev'), ' on the previous quarter and ', bind('LMK.RATIO', 'yoy'), ' year on year', has('LMK.DEMAND') && '; vacancies numbered ', bind('LMK.DEMAND', 'value'), has('LMK.DEMAND') && ', ', bind('LMK.DEMAND', 'yoy'), has('LMK.DEMAND') && ' year on year', '.'],
    );
  }
  const kpis = KPI_TABLE_INDICATORS.filter(has);
  if (kpis.length) blocks.push({ id: id(), type: 'kpiTable', indicators: kpis, caption: zh ? '表1  主要就业指标' : 'Table 1  Main employment indicators' });
  if (has('UNE.SURVEY_RATE')) {
    blocks.push({ id: id(), type: 'chart', caption: zh ? '图1  城镇调查失业率走势' : 'Figure 1  Surveyed urban unemployment rate', series: [{ indicator: 'UNE.SURVEY_RATE', members: {} }, ...(has('UNE.SURVEY_YOUTH') ? [] : [])], view: 'published', span: 25, kind: 'line', annotations: true });
  }
  if (has('EMP.NEW_URBAN')) {
    blocks.push({ id: id(), type: 'chart', caption: zh ? '图2  城镇新增就业（当月值）' : 'Figure 2  New urban jobs (monthly)', series: [{ indicator: 'EMP.NEW_URBAN', members: {} }], view: 'period', span: 25, kind: 'bar', annotations: true });
  }

  // 三、重点企业
  heading(S[2]);
  if (has('ENT.HEADCOUNT')) {
    para(
      zh
        ? [`${month}月末，全市重点监测企业在岗职工`, bind('ENT.HEADCOUNT', 'value'), '，比上月', bind('ENT.HEADCOUNT', 'prev'), '，同比', bind('ENT.HEADCOUNT', 'yoy'), has('ENT.HIRES') && '；当月新招用', bind('ENT.HIRES', 'value'), has('ENT.SEPARATIONS') && '，减员', bind('ENT.SEPARATIONS', 'value'), has('ENT.JOB_LOSS_RATE') && '，岗位流失率', bind('ENT.JOB_LOSS_RATE', 'value'), has('ENT.JOB_LOSS_RATE') && '，比上月', bind('ENT.JOB_LOSS_RATE', 'prev'), '。']
        : [`At the end of ${monthLabel} the monitored key enterprises employed `, bind('ENT.HEADCOUNT', 'value'), ', ', bind('ENT.HEADCOUNT', 'prev'), ' on the previous month and ', bind('ENT.HEADCOUNT', 'yoy'), ' year on year', has('ENT.HIRES') && '; they hired ', bind('ENT.HIRES', 'value'), has('ENT.SEPARATIONS') && ' and lost ', bind('ENT.SEPARATIONS', 'value'), has('ENT.JOB_LOSS_RATE') && ', a job-loss rate of ', bind('ENT.JOB_LOSS_RATE', 'value'), has('ENT.JOB_LOSS_RATE') && ' (', bind('ENT.JOB_LOSS_RATE', 'prev'), has('ENT.JOB_LOSS_RATE') && ' on the previous month)', '.'],
    );
  }
  if (f.enterpriseReports) {
    blocks.push({ id: id(), type: 'enterpriseRanking', caption: zh ? '表2  当月减员较多的重点企业' : 'Table 2  Key enterprises with the largest reductions', limit: 10 });
  }

  // 四、重点群体
  heading(S[3]);
  para(
    zh
      ? [has('EMP.HARD_PLACED') && `${ytdLabel}，全市就业困难人员实现就业`, bind('EMP.HARD_PLACED', 'value'), has('EMP.HARD_PLACED') && '，同比', bind('EMP.HARD_PLACED', 'yoy'), has('EMP.HARD_PLACED') && '。']
      : [has('EMP.HARD_PLACED') && `From January to ${monthLabel}, `, bind('EMP.HARD_PLACED', 'value'), has('EMP.HARD_PLACED') && ' hard-to-employ people found work, ', bind('EMP.HARD_PLACED', 'yoy'), has('EMP.HARD_PLACED') && ' year on year.'],
  );
  if (month >= 7 && has('GRP.GRAD_UNEMP') && periodOf('GRP.GRAD_UNEMP') === f.period) {
    para(zh ? ['离校未就业高校毕业生', bind('GRP.GRAD_UNEMP', 'value'), '，比上月', bind('GRP.GRAD_UNEMP', 'prev'), '。'] : ['Graduates not yet employed after leaving school numbered ', bind('GRP.GRAD_UNEMP', 'value'), ', ', bind('GRP.GRAD_UNEMP', 'prev'), ' on the previous month.']);
  }
  const zeroHh = resolve('GRP.ZERO_EMP_HH', 'value');
  if (zeroHh && zeroHh.value != null) {
    const cleared = zeroHh.value === 0;
    para(
      zh
        ? ['零就业家庭', bind('GRP.ZERO_EMP_HH', 'value'), cleared ? '，保持动态清零。' : '，比上月', !cleared && bind('GRP.ZERO_EMP_HH', 'prev'), !cleared && '，尚未实现动态清零，需逐户跟踪帮扶。']
        : ['Zero-employment households numbered ', bind('GRP.ZERO_EMP_HH', 'value'), cleared ? ', still cleared to zero.' : ', ', !cleared && bind('GRP.ZERO_EMP_HH', 'prev'), !cleared && ' on the previous month; they are not yet cleared and are followed household by household.'],
    );
  }
  const ruralPeriod = periodOf('GRP.RURAL_TRANSFER');
  if (ruralPeriod) {
    const label = periodLabel(ruralPeriod, f.locale, true);
    para(zh ? [`${label}，农村劳动力转移就业`, bind('GRP.RURAL_TRANSFER', 'value'), '，同比', bind('GRP.RURAL_TRANSFER', 'yoy'), '。'] : [`${label}: rural labour transferred to employment `, bind('GRP.RURAL_TRANSFER', 'value'), ', ', bind('GRP.RURAL_TRANSFER', 'yoy'), ' year on year.']);
  }
  blocks.push({ id: id(), type: 'keyGroups', caption: zh ? '表3  重点群体就业情况' : 'Table 3  Key groups' });

  // 五、风险隐患
  heading(S[4]);
  if (has('RSK.HOTLINE')) {
    const hot = dirOf('RSK.HOTLINE', 'yoy');
    para(
      zh
        ? [`${month}月，12345就业类诉求和欠薪预警`, bind('RSK.HOTLINE', 'value'), '，比上月', bind('RSK.HOTLINE', 'prev'), '，同比', bind('RSK.HOTLINE', 'yoy'), hot === 'up' ? '，劳动关系领域风险有所上升，需重点关注欠薪和裁员诉求。' : '，劳动关系领域总体平稳。']
        : [`In ${monthLabel} the 12345 hotline logged `, bind('RSK.HOTLINE', 'value'), ' on employment and wage arrears, ', bind('RSK.HOTLINE', 'prev'), ' on the previous month and ', bind('RSK.HOTLINE', 'yoy'), ' year on year', hot === 'up' ? '; labour-relations risk is rising and wage-arrears and layoff complaints need close attention.' : '; labour relations are broadly stable.'],
    );
  }
  if (has('UI.NEW_CLAIMS')) {
    para(zh ? [`${ytdLabel}，失业保险金新增申领`, bind('UI.NEW_CLAIMS', 'value'), '，同比', bind('UI.NEW_CLAIMS', 'yoy'), '。'] : [`From January to ${monthLabel}, new unemployment-insurance claims numbered `, bind('UI.NEW_CLAIMS', 'value'), ', ', bind('UI.NEW_CLAIMS', 'yoy'), ' year on year.']);
  }

  if (f.riskSummary) blocks.push({ id: id(), type: 'riskSummary', caption: zh ? '表4  最严重的生效预警' : 'Table 4  Most severe active alerts', limit: 5 });

  // 六、趋势研判: the season ahead, then structural pressure read from the data.
  heading(S[5]);
  para([seasonalOutlook(shiftPeriod(f.period, 1), f.locale)]);
  const headYoy = dirOf('ENT.HEADCOUNT', 'yoy');
  const youthYoy = dirOf('UNE.SURVEY_YOUTH', 'yoy');
  const structural: string[] = [];
  if (headYoy === 'down') structural.push(zh ? '重点企业在岗职工同比减少，传统行业用工收缩的结构性压力仍然存在' : 'key-enterprise headcount is below a year earlier, so structural pressure from shrinking traditional sectors persists');
  else if (headYoy) structural.push(zh ? '重点企业用工总体稳定' : 'key-enterprise employment is broadly stable');
  if (youthYoy === 'up') structural.push(zh ? '青年失业率高于上年同期，青年就业压力较大' : 'youth unemployment is above a year earlier, so pressure on young job seekers is high');
  if (structural.length) para([zh ? `从结构看，${structural.join('；')}。` : `Structurally, ${structural.join('; ')}.`]);
  if (f.climateDefinition) {
    blocks.push({ id: id(), type: 'climateIndex', caption: zh ? '图3  就业景气指数及各成分拉动' : 'Figure 3  Employment climate index and contributions', definition: f.climateDefinition, span: 25 });
  }
  if (has('ENT.HEADCOUNT')) {
    blocks.push({ id: id(), type: 'chart', caption: zh ? `图${f.climateDefinition ? 4 : 3}  重点企业在岗职工人数同比变化` : `Figure ${f.climateDefinition ? 4 : 3}  Key-enterprise headcount, year on year`, series: [{ indicator: 'ENT.HEADCOUNT', members: {} }], view: 'yoy', span: 25, kind: 'line', annotations: true });
  }

  // 七、下步措施: the bureau's standing measures, for the author to adapt.
  heading(S[6]);
  for (const text of nextSteps(f.locale, youthYoy === 'up' || month >= 6, headYoy === 'down')) para([text]);
  return blocks;
}

/**
 * Seasonal effects expected in the coming month (../DOMAIN.md section 2).
 * @example seasonalOutlook('2024-07', 'zh-CN').includes('毕业') // true
 */
export function seasonalOutlook(nextMonth: string, locale: Locale): string {
  const m = mustParsePeriod(nextMonth).index;
  const zh = locale === 'zh-CN';
  if (m === 1 || m === 2) return zh ? '春节前后务工人员返乡、企业节后集中招工，失业率可能阶段性上升，春节因素使1-2月数据宜合并观察，并以同比为主。' : 'Around the Spring Festival migrant workers go home and firms hire after the holiday; unemployment may rise temporarily, January and February are best read together and year on year.';
  if (m === 3 || m === 4) return zh ? '春季招聘旺季到来，企业用工需求季节性回升，预计调查失业率将有所回落。' : 'The spring hiring season is starting; demand for labour usually rebounds and the surveyed rate tends to ease.';
  if (m >= 6 && m <= 8) return zh ? '高校毕业生集中离校，青年失业率和城镇调查失业率将出现季节性上升，需做好离校未就业毕业生的实名帮扶。' : 'Graduates are leaving school; youth and overall surveyed unemployment usually rise seasonally, so graduates not yet employed need close follow-up.';
  if (m === 9 || m === 10) return zh ? '毕业季影响逐步消退，秋季招聘展开，失业率预计季节性回落。' : 'The graduation effect is fading and autumn recruitment is under way; unemployment usually eases seasonally.';
  if (m === 11 || m === 12) return zh ? '临近年末，建筑等行业进入季节性停工期，部分企业用工趋于收缩，需关注欠薪和返乡就业。' : 'Towards the year end construction and other outdoor sectors pause for winter and some firms scale back; wage arrears and returning workers need attention.';
  return zh ? '二季度用工需求总体平稳，预计就业形势保持稳定。' : 'Demand for labour in the second quarter is usually steady; the situation is expected to remain stable.';
}

function nextSteps(locale: Locale, youth: boolean, layoffs: boolean): string[] {
  if (locale === 'zh-CN') {
    return [
      '一是落实稳岗扩岗政策，推进稳岗返还、社保补贴等政策直达快享。',
      youth ? '二是做好高校毕业生等青年就业工作，对离校未就业毕业生实名登记、分类帮扶。' : '二是加强公共就业服务，持续开展线上线下招聘活动。',
      layoffs ? '三是加强重点企业用工监测，对规模裁员企业提前介入，防范化解规模性失业风险。' : '三是加强重点企业用工监测，及时掌握企业用工变化。',
      '四是兜牢困难群体就业底线，确保零就业家庭动态清零。',
    ];
  }
  return [
    'First, deliver the job-retention and job-creation measures, including unemployment-insurance refunds and social-insurance subsidies.',
    youth ? 'Second, support graduates and other young people, registering and helping every graduate not yet employed.' : 'Second, strengthen public employment services with continuous online and offline job fairs.',
    layoffs ? 'Third, monitor the key enterprises closely and step in early where large layoffs are planned.' : 'Third, keep monitoring the key enterprises to catch changes in their staffing early.',
    'Fourth, protect the hardest-to-employ and keep zero-employment households cleared.',
  ];
}

/** @example midSentence('Surveyed urban unemployment rate') // 'surveyed urban unemployment rate' */
export function midSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}
