/**
 * Names of the enumerations of key-enterprise monitoring, warnings and the ledger, in both
 * languages: one source for the screens, the exports and the report.
 */
import type { LocalizedName } from './types';
import type { LedgerGroup, LedgerStatus } from './ledger';
import type { ProductionStatus, SeparationReason } from './enterprise';
import type { WarningLevel } from '../warnings/levels';
import type { RuleKind, SignalCategory, SignalChannel } from '../warnings/rules';

export const LEVEL_LABELS: Record<WarningLevel, LocalizedName> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};

export const LEDGER_STATUS_LABELS: Record<LedgerStatus, LocalizedName> = {
  pending: { zh: '待处理', en: 'Pending' },
  in_progress: { zh: '处理中', en: 'In hand' },
  resolved: { zh: '已化解', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const LEDGER_GROUP_LABELS: Record<LedgerGroup, LocalizedName> = {
  task_force: { zh: '专班', en: 'Task force' },
  layoff_response: { zh: '裁员风险应对组', en: 'Layoff-risk response group' },
  unemployed_support: { zh: '失业人员帮扶组', en: 'Unemployed support group' },
  area_assistance: { zh: '重点地区援助组', en: 'Key-area assistance group' },
  emergency: { zh: '突发事件处置组', en: 'Emergency response group' },
  policy_reserve: { zh: '政策储备', en: 'Policy reserve' },
};

export const SIGNAL_CATEGORY_LABELS: Record<SignalCategory, LocalizedName> = {
  wage_arrears: { zh: '欠薪', en: 'Wage arrears' },
  layoff: { zh: '裁员', en: 'Layoffs' },
  halt: { zh: '停产', en: 'Production halt' },
  social_insurance: { zh: '社保', en: 'Social insurance' },
  other: { zh: '其他', en: 'Other' },
};

export const SIGNAL_CHANNEL_LABELS: Record<SignalChannel, LocalizedName> = {
  hotline: { zh: '12345热线', en: '12345 hotline' },
  wage_arrears: { zh: '欠薪预警平台', en: 'Wage-arrears platform' },
  police110: { zh: '110联动', en: 'Police 110 linkage' },
  other: { zh: '其他', en: 'Other' },
};

export const PRODUCTION_LABELS: Record<ProductionStatus, LocalizedName> = {
  normal: { zh: '正常', en: 'Normal' },
  reduced: { zh: '减产', en: 'Reduced' },
  halted: { zh: '停产', en: 'Halted' },
  expanded: { zh: '扩产', en: 'Expanded' },
};

export const SEPARATION_REASON_LABELS: Record<SeparationReason, LocalizedName> = {
  economic: { zh: '经济性裁员', en: 'Economic layoff' },
  contractEnd: { zh: '合同到期', en: 'Contract ended' },
  quit: { zh: '主动离职', en: 'Quit' },
  retire: { zh: '退休', en: 'Retired' },
  other: { zh: '其他', en: 'Other' },
};

export const RULE_KIND_LABELS: Record<RuleKind, LocalizedName> = {
  threshold: { zh: '阈值分档', en: 'Threshold bands' },
  change: { zh: '环比/同比变化', en: 'Change vs last month / year' },
  consecutive: { zh: '连续恶化', en: 'Consecutive deterioration' },
  anomaly: { zh: '稳健异常分数', en: 'Robust anomaly score' },
  article41: { zh: '第四十一条/单家企业裁员', en: 'Article 41 / single-firm layoffs' },
  firm_threshold: { zh: '单家企业阈值', en: 'Single-firm threshold' },
  crosscheck: { zh: '社保比对差距', en: 'Social-insurance cross-check gap' },
  signal_count: { zh: '舆情线索数', en: 'Signal counts' },
};
