/**
 * The rules shipped with the workstation, from ../DOMAIN.md section 4: Article 41 and the
 * single-firm alarm, the job-loss rate of the monitored firms as a core indicator, the example
 * registered-rate bands (5-7% yellow, above 7% red; blue and orange added between), the
 * social-insurance cross-check and the public-opinion signals. Users edit and disable them on the
 * rules page; they are never deleted.
 */
import type { RuleDefinitionInput } from './rules';

export interface DefaultRule {
  code: string;
  definition: RuleDefinitionInput;
}

const all = { type: 'panel' as const, sectors: [], districts: [] };

export const DEFAULT_RULES: DefaultRule[] = [
  {
    code: 'ART41',
    definition: {
      kind: 'article41',
      name: { zh: '经济性裁员达第四十一条标准（单家超200人为红色）', en: 'Economic layoffs under Labour Contract Law Art. 41 (over 200 in one firm: red)' },
      scope: all,
      params: { minPeople: 20, minSharePct: 10, bigCut: 200, level: 'orange', bigCutLevel: 'red', basis: 'economic' },
    },
  },
  {
    code: 'ART41_PLANNED',
    definition: {
      kind: 'article41',
      name: { zh: '拟裁员达第四十一条标准（须提前30日说明并报告）', en: 'Planned cuts under Art. 41 (30 days’ notice and report required)' },
      scope: all,
      params: { minPeople: 20, minSharePct: 10, bigCut: 200, level: 'blue', bigCutLevel: 'orange', basis: 'planned' },
    },
  },
  {
    code: 'FIRM_NET_REDUCTION',
    definition: {
      kind: 'firm_threshold',
      name: { zh: '单家企业月净减员', en: 'Single firm: net reduction in a month' },
      scope: all,
      params: { metric: 'net_reduction', bands: { blue: 50, yellow: 100 }, minOpening: 0 },
    },
  },
  {
    code: 'ENT_JOB_LOSS_LEVEL',
    definition: {
      kind: 'threshold',
      name: { zh: '重点企业岗位流失率', en: 'Key enterprises: job-loss rate' },
      scope: { type: 'indicator', indicator: 'ENT.JOB_LOSS_RATE', members: {} },
      params: { bands: { blue: 1.8, yellow: 2.0, orange: 2.5, red: 3.0 }, direction: 'above' },
    },
  },
  {
    code: 'ENT_JOB_LOSS_SECTOR',
    definition: {
      kind: 'threshold',
      name: { zh: '分行业岗位流失率', en: 'Job-loss rate by sector' },
      scope: { type: 'indicator', indicator: 'ENT.JOB_LOSS_RATE', members: {}, breakdown: 'sector' },
      params: { bands: { yellow: 2.5, orange: 3.5, red: 5.0 }, direction: 'above' },
    },
  },
  {
    code: 'ENT_JOB_LOSS_CONSEC',
    definition: {
      kind: 'consecutive',
      name: { zh: '岗位流失率连续上升', en: 'Job-loss rate rising month after month' },
      scope: { type: 'indicator', indicator: 'ENT.JOB_LOSS_RATE', members: {} },
      params: { bands: { blue: 3, yellow: 4, orange: 6 } },
    },
  },
  {
    code: 'ENT_HEADCOUNT_YOY',
    definition: {
      kind: 'change',
      name: { zh: '重点企业在岗职工同比减少', en: 'Key enterprises: headcount down year on year' },
      scope: { type: 'indicator', indicator: 'ENT.HEADCOUNT', members: {} },
      params: { basis: 'yoy', bands: { blue: 2, yellow: 3, orange: 5, red: 8 } },
    },
  },
  {
    code: 'ENT_HEAVY_YOY',
    definition: {
      kind: 'change',
      name: { zh: '传统产业（装备制造、冶金、石化、煤炭）重点企业在岗人数同比减少', en: 'Traditional heavy industry: headcount down year on year' },
      scope: { type: 'panel', sectors: ['EQUIP', 'METAL', 'PETRO', 'COAL'], districts: [], metric: 'headcount' },
      params: { basis: 'yoy', bands: { blue: 3, yellow: 5, orange: 8, red: 12 } },
    },
  },
  {
    code: 'ENT_SEPARATIONS_ANOMALY',
    definition: {
      kind: 'anomaly',
      name: { zh: '重点企业减员人数同比变化异常', en: 'Key enterprises: unusual year-on-year change in separations' },
      scope: { type: 'indicator', indicator: 'ENT.SEPARATIONS', members: {}, breakdown: 'sector' },
      params: { bands: { yellow: 3.5, orange: 5, red: 7 }, window: 36, basis: 'yoy' },
    },
  },
  {
    code: 'UI_RECIPIENTS_ANOMALY',
    definition: {
      kind: 'anomaly',
      name: { zh: '领取失业保险金人数同比变化异常', en: 'Unemployment-insurance recipients: unusual year-on-year change' },
      scope: { type: 'indicator', indicator: 'UI.RECIPIENTS', members: {} },
      params: { bands: { yellow: 3.5, orange: 5, red: 7 }, window: 36, basis: 'yoy' },
    },
  },
  {
    code: 'SI_CROSSCHECK',
    definition: {
      kind: 'crosscheck',
      name: { zh: '数据比对异常：报送在岗人数与社保缴费人数差距', en: 'Cross-check: reported headcount vs social-insurance contributors' },
      scope: all,
      params: { bands: { yellow: 10, orange: 20, red: 30 }, direction: 'either', minReported: 20 },
    },
  },
  {
    code: 'UNE_SURVEY_LEVEL',
    definition: {
      kind: 'threshold',
      name: { zh: '城镇调查失业率', en: 'Surveyed unemployment rate' },
      scope: { type: 'indicator', indicator: 'UNE.SURVEY_RATE', members: {} },
      params: { bands: { blue: 5.5, yellow: 5.8, orange: 6.2, red: 6.5 }, direction: 'above' },
    },
  },
  {
    code: 'UNE_SURVEY_MOM',
    definition: {
      kind: 'change',
      name: { zh: '城镇调查失业率环比上升', en: 'Surveyed unemployment rate up on the month' },
      scope: { type: 'indicator', indicator: 'UNE.SURVEY_RATE', members: {} },
      params: { basis: 'mom', bands: { blue: 0.2, yellow: 0.3, orange: 0.5, red: 0.8 } },
    },
  },
  {
    code: 'UNE_YOUTH_LEVEL',
    definition: {
      kind: 'threshold',
      name: { zh: '16-24岁调查失业率', en: 'Youth (16-24) surveyed unemployment rate' },
      scope: { type: 'indicator', indicator: 'UNE.SURVEY_YOUTH', members: {} },
      params: { bands: { blue: 17, yellow: 19, orange: 21, red: 24 }, direction: 'above' },
    },
  },
  {
    code: 'UNE_REG_RATE_DISTRICT',
    definition: {
      kind: 'threshold',
      name: { zh: '分区县城镇登记失业率（5-7%黄色，7%以上红色）', en: 'Registered unemployment rate by district (5-7% yellow, over 7% red)' },
      scope: { type: 'indicator', indicator: 'UNE.REG_RATE', members: {}, breakdown: 'district' },
      params: { bands: { blue: 4, yellow: 5, orange: 6, red: 7 }, direction: 'above' },
    },
  },
  {
    code: 'UI_CLAIMS_YOY',
    definition: {
      kind: 'change',
      name: { zh: '失业保险金新增申领人数同比增长', en: 'Unemployment-insurance new claims up year on year' },
      scope: { type: 'indicator', indicator: 'UI.NEW_CLAIMS', members: {} },
      params: { basis: 'yoy', bands: { blue: 10, yellow: 15, orange: 25, red: 40 } },
    },
  },
  {
    code: 'ZERO_EMP_HH',
    definition: {
      kind: 'threshold',
      name: { zh: '零就业家庭未动态清零（分区县）', en: 'Zero-employment households not cleared (by district)' },
      scope: { type: 'indicator', indicator: 'GRP.ZERO_EMP_HH', members: {}, breakdown: 'district' },
      params: { bands: { yellow: 1, orange: 3 }, direction: 'above' },
    },
  },
  {
    code: 'GRAD_UNEMP_YOY',
    definition: {
      kind: 'change',
      name: { zh: '离校未就业高校毕业生同比增加', en: 'Graduates not employed after leaving school, up year on year' },
      scope: { type: 'indicator', indicator: 'GRP.GRAD_UNEMP', members: {} },
      params: { basis: 'yoy', bands: { blue: 5, yellow: 10, orange: 20 } },
    },
  },
  {
    code: 'HOTLINE_YOY',
    definition: {
      kind: 'change',
      name: { zh: '12345就业类诉求同比增长', en: '12345 employment complaints up year on year' },
      scope: { type: 'indicator', indicator: 'RSK.HOTLINE', members: {} },
      params: { basis: 'yoy', bands: { blue: 10, yellow: 20, orange: 35, red: 50 } },
    },
  },
  {
    code: 'SIG_DISTRICT_ARREARS',
    definition: {
      kind: 'signal_count',
      name: { zh: '区县欠薪线索数', en: 'Wage-arrears signals per district' },
      scope: { type: 'signals', categories: ['wage_arrears'], channels: [], by: 'district' },
      params: { bands: { yellow: 12, orange: 20, red: 35 } },
    },
  },
  {
    code: 'SIG_DISTRICT_LAYOFF',
    definition: {
      kind: 'signal_count',
      name: { zh: '区县裁员、停产线索数', en: 'Layoff and halt signals per district' },
      scope: { type: 'signals', categories: ['layoff', 'halt'], channels: [], by: 'district' },
      params: { bands: { yellow: 6, orange: 10, red: 20 } },
    },
  },
  {
    code: 'SIG_FIRM',
    definition: {
      kind: 'signal_count',
      name: { zh: '同一企业舆情线索', en: 'Signals about one firm' },
      scope: { type: 'signals', categories: [], channels: [], by: 'firm' },
      params: { bands: { blue: 5, yellow: 10, orange: 20, red: 40 } },
    },
  },
];
