/**
 * The employment climate index shipped with the workstation (就业景气指数): the monitored key
 * enterprises' headcount, hires and separations, the public HR market's demand and vacancy-to-seeker
 * ratio (quarterly), new market entities and unemployment-insurance new claims (published year-to-date,
 * so de-cumulated first), the surveyed unemployment rate and industrial value-added growth.
 * Components where a rise is bad news enter inverted. Users save their own versions on top.
 */
import type { IndexDefinitionSpec } from '../api/analytics';

export const DEFAULT_DEFINITION_NAME = 'employment-climate';

export const DEFAULT_DEFINITION_SPEC: IndexDefinitionSpec = {
  title: { zh: '沈阳市就业景气指数', en: 'Shenyang employment climate index' },
  description: {
    zh: '按美国经济咨商局(Conference Board)合成指数方法编制：各成分经季节调整后取对称变化率(比率类取差值)，逆指标取反，按估计期变化标准差的倒数加权，累积后以基年平均为100。',
    en: 'Built by the Conference Board composite-index method: seasonally adjusted components enter as symmetric percent changes (rates as differences), inverted where up is bad, weighted by the inverse standard deviation of their changes over the estimation window, cumulated and rebased to the base year = 100.',
  },
  components: [
    { indicator: 'ENT.HEADCOUNT', members: {}, direction: 'normal' },
    { indicator: 'ENT.HIRES', members: {}, direction: 'normal' },
    { indicator: 'ENT.SEPARATIONS', members: {}, direction: 'inverted' },
    { indicator: 'LMK.DEMAND', members: {}, direction: 'normal' },
    { indicator: 'LMK.RATIO', members: {}, direction: 'normal' },
    { indicator: 'MKT.NEW_ENTITIES', members: {}, direction: 'normal' },
    { indicator: 'UI.NEW_CLAIMS', members: {}, direction: 'inverted' },
    { indicator: 'UNE.SURVEY_RATE', members: {}, direction: 'inverted' },
    { indicator: 'MAC.IVA_G', members: {}, direction: 'normal' },
  ],
  weighting: 'standardized',
  window: { from: '2016-01', to: '2024-12' },
  baseYear: 2024,
  seasonalAdjustment: 'stl',
  minCoverage: 0.5,
};
