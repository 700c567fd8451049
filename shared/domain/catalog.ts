/**
 * The seed indicator catalogue, dimensions and source units (../DOMAIN.md section 1).
 * The database is seeded from these; afterwards the catalogue lives in the database and is
 * edited there.
 */
import type { Dimension, Indicator, SourceUnit } from './types';

export const SOURCE_UNITS: SourceUnit[] = [
  { code: 'TJJ', name: { zh: '市统计局', en: 'Municipal Statistics Bureau' }, contact: null },
  { code: 'DCD', name: { zh: '国家统计局沈阳调查队', en: 'NBS Shenyang Survey Office' }, contact: null },
  { code: 'RSJ', name: { zh: '市人社局就业处', en: 'HRSS Bureau, Employment Division' }, contact: null },
  { code: 'JYFW', name: { zh: '市公共就业和人才服务中心', en: 'Public Employment and Talent Service Centre' }, contact: null },
  { code: 'SBZX', name: { zh: '市社会保险事业服务中心', en: 'Social Insurance Service Centre' }, contact: null },
  { code: 'SCJG', name: { zh: '市市场监督管理局', en: 'Market Regulation Administration' }, contact: null },
  { code: 'SWJ', name: { zh: '市税务局', en: 'Municipal Tax Service' }, contact: null },
  { code: 'RMYH', name: { zh: '人民银行沈阳分行', en: "People's Bank of China, Shenyang Branch" }, contact: null },
  { code: 'JYJ', name: { zh: '市教育局', en: 'Municipal Education Bureau' }, contact: null },
  { code: 'NYNC', name: { zh: '市农业农村局', en: 'Agriculture and Rural Affairs Bureau' }, contact: null },
  { code: 'RXZX', name: { zh: '市12345热线', en: '12345 Citizen Hotline' }, contact: null },
];

const DISTRICTS: Array<[string, string, string]> = [
  ['210102', '和平区', 'Heping'],
  ['210103', '沈河区', 'Shenhe'],
  ['210104', '大东区', 'Dadong'],
  ['210105', '皇姑区', 'Huanggu'],
  ['210106', '铁西区', 'Tiexi'],
  ['210111', '苏家屯区', 'Sujiatun'],
  ['210112', '浑南区', 'Hunnan'],
  ['210113', '沈北新区', 'Shenbei New District'],
  ['210114', '于洪区', 'Yuhong'],
  ['210115', '辽中区', 'Liaozhong'],
  ['210123', '康平县', 'Kangping'],
  ['210124', '法库县', 'Faku'],
  ['210181', '新民市', 'Xinmin'],
];

function dimension(code: string, zh: string, en: string, members: Array<[string, string, string]>): Dimension {
  return {
    code,
    name: { zh, en },
    members: members.map(([m, mzh, men]) => ({ dimension: code, code: m, name: { zh: mzh, en: men } })),
  };
}

export const DIMENSIONS: Dimension[] = [
  dimension('district', '区县', 'District', DISTRICTS),
  dimension('gender', '性别', 'Gender', [
    ['M', '男', 'Male'],
    ['F', '女', 'Female'],
  ]),
  dimension('industry', '产业', 'Industry', [
    ['I1', '第一产业', 'Primary industry'],
    ['I2', '第二产业', 'Secondary industry'],
    ['I3', '第三产业', 'Tertiary industry'],
  ]),
  dimension('sector', '行业', 'Sector', [
    ['EQUIP', '装备制造', 'Equipment manufacturing'],
    ['METAL', '冶金', 'Metallurgy'],
    ['PETRO', '石化', 'Petrochemicals'],
    ['COAL', '煤炭', 'Coal'],
    ['CONSTR', '建筑', 'Construction'],
    ['TRADSVC', '传统服务', 'Traditional services'],
    ['AUTO', '汽车', 'Automotive'],
    ['OTHER', '其他', 'Other'],
  ]),
  dimension('ownership', '所有制', 'Ownership', [
    ['CENTRAL', '央企', 'Central SOE'],
    ['PROVINCIAL', '省属', 'Provincial SOE'],
    ['MUNICIPAL', '市属', 'Municipal SOE'],
    ['PRIVATE', '民营', 'Private'],
    ['FOREIGN', '外资', 'Foreign-invested'],
    ['OTHER', '其他', 'Other'],
  ]),
  dimension('size', '企业规模', 'Firm size', [
    ['LARGE', '大型', 'Large'],
    ['MEDIUM', '中型', 'Medium'],
    ['SMALL', '小型', 'Small'],
    ['MICRO', '微型', 'Micro'],
  ]),
  dimension('age', '年龄段', 'Age band', [
    ['16-24', '16-24岁', '16-24'],
    ['25-34', '25-34岁', '25-34'],
    ['35-44', '35-44岁', '35-44'],
    ['45-54', '45-54岁', '45-54'],
    ['55+', '55岁及以上', '55 and over'],
  ]),
  dimension('education', '学历', 'Education', [
    ['JUNIOR', '初中及以下', 'Junior secondary or less'],
    ['SENIOR', '高中/中专', 'Senior secondary'],
    ['COLLEGE', '大专', 'Junior college'],
    ['BACHELOR', '本科及以上', "Bachelor's or higher"],
  ]),
  dimension('hukou', '户籍', 'Hukou', [
    ['LOCAL_URBAN', '本地城镇', 'Local urban'],
    ['LOCAL_RURAL', '本地农村', 'Local rural'],
    ['OTHER_URBAN', '外地城镇', 'Non-local urban'],
    ['OTHER_RURAL', '外地农村', 'Non-local rural'],
  ]),
  dimension('degree', '学历层次', 'Degree', [
    ['PHD', '博士', 'Doctorate'],
    ['MASTER', '硕士', "Master's"],
    ['BACHELOR', '本科', "Bachelor's"],
    ['COLLEGE', '专科', 'Junior college'],
  ]),
];

const U = {
  wanren: { zh: '万人', en: '10k persons' },
  ren: { zh: '人', en: 'persons' },
  pct: { zh: '%', en: '%' },
  ratio: { zh: '', en: '' },
  hu: { zh: '户', en: 'households' },
  yiyuan: { zh: '亿元', en: '100m yuan' },
  jian: { zh: '件', en: 'cases' },
  point: { zh: '', en: '' },
};

type Spec = Omit<Indicator, 'name' | 'description'> & { zh: string; en: string; note?: [string, string] };

function ind(spec: Spec): Indicator {
  const { zh, en, note, ...rest } = spec;
  return { ...rest, name: { zh, en }, description: { zh: note?.[0] ?? '', en: note?.[1] ?? '' } };
}

export const INDICATORS: Indicator[] = [
  ind({ code: 'EMP.NEW_URBAN', zh: '城镇新增就业人数', en: 'New urban jobs', unit: U.wanren, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: true, janFebCombined: true, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'gender'], decimals: 2 }),
  ind({ code: 'EMP.NEW_URBAN_PCT', zh: '城镇新增就业年度目标完成率', en: 'New urban jobs, % of annual target', unit: U.pct, frequency: 'M', polarity: 'up_good', kind: 'rate', ytd: true, janFebCombined: true, tier: 'core', sourceUnit: 'RSJ', dimensions: [], decimals: 1, note: ['与时序进度(N/12)比较', 'Compare with time progress N/12'] }),
  ind({ code: 'EMP.REEMP', zh: '失业人员再就业人数', en: 'Unemployed people re-employed', unit: U.ren, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: true, janFebCombined: true, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'gender'], decimals: 0 }),
  ind({ code: 'EMP.HARD_PLACED', zh: '就业困难人员实现就业', en: 'Hard-to-employ people placed', unit: U.ren, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: true, janFebCombined: true, tier: 'group', sourceUnit: 'RSJ', dimensions: ['district'], decimals: 0 }),
  ind({ code: 'UNE.SURVEY_RATE', zh: '城镇调查失业率', en: 'Surveyed urban unemployment rate', unit: U.pct, frequency: 'M', polarity: 'up_bad', kind: 'rate', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'DCD', dimensions: [], decimals: 1 }),
  ind({ code: 'UNE.SURVEY_YOUTH', zh: '16-24岁(不含在校生)调查失业率', en: 'Surveyed unemployment rate, age 16-24 (excl. students)', unit: U.pct, frequency: 'M', polarity: 'up_bad', kind: 'rate', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'DCD', dimensions: [], decimals: 1 }),
  ind({ code: 'UNE.REG_COUNT', zh: '城镇登记失业人数', en: 'Registered urban unemployed', unit: U.ren, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'gender', 'age'], decimals: 0, note: ['期末存量', 'Stock at period end'] }),
  ind({ code: 'UNE.REG_RATE', zh: '城镇登记失业率', en: 'Registered urban unemployment rate', unit: U.pct, frequency: 'Q', polarity: 'up_bad', kind: 'rate', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district'], decimals: 2, note: ['登记失业人数/(城镇从业人员+登记失业人数)', 'Registered unemployed / (urban employed + registered unemployed)'] }),
  ind({ code: 'UNE.REG_NEW', zh: '新增登记失业人数', en: 'Newly registered unemployed', unit: U.ren, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: true, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'gender'], decimals: 0 }),
  ind({ code: 'LMK.DEMAND', zh: '人力资源市场需求人数', en: 'HR market vacancies', unit: U.ren, frequency: 'Q', polarity: 'up_good', kind: 'count', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'JYFW', dimensions: ['industry'], decimals: 0 }),
  ind({ code: 'LMK.SEEKERS', zh: '求职人数', en: 'HR market job seekers', unit: U.ren, frequency: 'Q', polarity: 'neutral', kind: 'count', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'JYFW', dimensions: [], decimals: 0 }),
  ind({ code: 'LMK.RATIO', zh: '求人倍率', en: 'Vacancy-to-seeker ratio', unit: U.ratio, frequency: 'Q', polarity: 'up_good', kind: 'ratio', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'JYFW', dimensions: [], decimals: 2, note: ['有效岗位数/有效求职人数', 'Effective vacancies / effective job seekers'] }),
  ind({ code: 'ENT.HEADCOUNT', zh: '重点企业在岗职工人数', en: 'Key enterprises: headcount', unit: U.ren, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'sector'], decimals: 0 }),
  ind({ code: 'ENT.HIRES', zh: '重点企业新招用人数', en: 'Key enterprises: hires', unit: U.ren, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'sector'], decimals: 0 }),
  ind({ code: 'ENT.SEPARATIONS', zh: '重点企业减员人数', en: 'Key enterprises: separations', unit: U.ren, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'sector'], decimals: 0 }),
  ind({ code: 'ENT.JOB_LOSS_RATE', zh: '岗位流失率', en: 'Key enterprises: job-loss rate', unit: U.pct, frequency: 'M', polarity: 'up_bad', kind: 'rate', ytd: false, janFebCombined: false, tier: 'core', sourceUnit: 'RSJ', dimensions: ['district', 'sector'], decimals: 2, note: ['减员人数/期初在岗人数', 'Separations / opening headcount'] }),
  ind({ code: 'ENT.SI_CONTRIB', zh: '社保缴费人数', en: 'Social-insurance contributors', unit: U.ren, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: false, janFebCombined: false, tier: 'related', sourceUnit: 'SBZX', dimensions: ['district'], decimals: 0 }),
  ind({ code: 'MKT.NEW_ENTITIES', zh: '新登记经营主体', en: 'Newly registered market entities', unit: U.hu, frequency: 'M', polarity: 'up_good', kind: 'count', ytd: true, janFebCombined: false, tier: 'related', sourceUnit: 'SCJG', dimensions: ['district'], decimals: 0 }),
  ind({ code: 'UI.RECIPIENTS', zh: '领取失业保险金人数', en: 'Unemployment-insurance recipients', unit: U.ren, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: false, janFebCombined: false, tier: 'related', sourceUnit: 'SBZX', dimensions: ['district', 'gender'], decimals: 0, note: ['期末人数', 'At period end'] }),
  ind({ code: 'UI.NEW_CLAIMS', zh: '失业保险金新增申领人数', en: 'Unemployment-insurance new claims', unit: U.ren, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: true, janFebCombined: false, tier: 'related', sourceUnit: 'SBZX', dimensions: ['district'], decimals: 0 }),
  ind({ code: 'LOAN.STARTUP', zh: '创业担保贷款发放额', en: 'Start-up guarantee loans issued', unit: U.yiyuan, frequency: 'M', polarity: 'up_good', kind: 'amount', ytd: true, janFebCombined: true, tier: 'related', sourceUnit: 'RMYH', dimensions: [], decimals: 2 }),
  ind({ code: 'MAC.GDP', zh: '地区生产总值', en: 'Regional GDP', unit: U.yiyuan, frequency: 'Q', polarity: 'up_good', kind: 'amount', ytd: true, janFebCombined: false, tier: 'macro', sourceUnit: 'TJJ', dimensions: [], decimals: 1 }),
  ind({ code: 'MAC.GDP_G', zh: '地区生产总值可比增速', en: 'Regional GDP real growth', unit: U.pct, frequency: 'Q', polarity: 'up_good', kind: 'growth', ytd: true, janFebCombined: false, tier: 'macro', sourceUnit: 'TJJ', dimensions: [], decimals: 1 }),
  ind({ code: 'MAC.IVA_G', zh: '规上工业增加值增速', en: 'Industrial value added growth (above designated size)', unit: U.pct, frequency: 'M', polarity: 'up_good', kind: 'growth', ytd: true, janFebCombined: true, tier: 'macro', sourceUnit: 'TJJ', dimensions: [], decimals: 1 }),
  ind({ code: 'MAC.PMI_EMP', zh: '制造业PMI从业人员指数', en: 'Manufacturing PMI employment sub-index', unit: U.point, frequency: 'M', polarity: 'up_good', kind: 'index', ytd: false, janFebCombined: false, tier: 'macro', sourceUnit: 'TJJ', dimensions: [], decimals: 1, note: ['50为荣枯线', '50 is neutral'] }),
  ind({ code: 'GRP.GRAD_UNEMP', zh: '离校未就业高校毕业生', en: 'Graduates not employed after leaving school', unit: U.ren, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: false, janFebCombined: false, tier: 'group', sourceUnit: 'JYJ', dimensions: ['degree'], decimals: 0, note: ['每年7-12月跟踪', 'Followed July to December'] }),
  ind({ code: 'GRP.RURAL_TRANSFER', zh: '农村劳动力转移就业', en: 'Rural labour transferred to employment', unit: U.wanren, frequency: 'Q', polarity: 'up_good', kind: 'count', ytd: true, janFebCombined: false, tier: 'group', sourceUnit: 'NYNC', dimensions: ['district'], decimals: 2 }),
  ind({ code: 'GRP.ZERO_EMP_HH', zh: '零就业家庭', en: 'Zero-employment households', unit: U.hu, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: false, janFebCombined: false, tier: 'group', sourceUnit: 'RSJ', dimensions: ['district'], decimals: 0, note: ['目标：动态清零', 'Target: cleared to zero continuously'] }),
  ind({ code: 'RSK.HOTLINE', zh: '12345就业类诉求/欠薪预警', en: '12345 employment complaints / wage-arrears alerts', unit: U.jian, frequency: 'M', polarity: 'up_bad', kind: 'count', ytd: false, janFebCombined: false, tier: 'related', sourceUnit: 'RXZX', dimensions: ['district'], decimals: 0 }),
];

/** The 13 districts and counties with their 2020 census residents in 10k (DOMAIN.md section 6). */
export const DISTRICT_POPULATION: Record<string, number> = {
  '210106': 133.59,
  '210114': 106.61,
  '210105': 87.73,
  '210112': 79.88,
  '210103': 78.26,
  '210104': 75.5,
  '210102': 73.08,
  '210113': 61.94,
  '210181': 56.56,
  '210111': 52.43,
  '210115': 39.5,
  '210124': 34.09,
  '210123': 27.84,
};

/** Counties and districts with a large rural population (used for rural-transfer breakdowns). */
export const RURAL_DISTRICTS = ['210181', '210115', '210124', '210123', '210111', '210113', '210112', '210114'];

/** Core indicators shown as KPI cards on the overview, in order. */
export const OVERVIEW_KPIS = [
  'EMP.NEW_URBAN',
  'EMP.NEW_URBAN_PCT',
  'UNE.SURVEY_RATE',
  'UNE.REG_COUNT',
  'UNE.REG_RATE',
  'LMK.RATIO',
  'UI.RECIPIENTS',
  'ENT.HEADCOUNT',
  'ENT.JOB_LOSS_RATE',
];
