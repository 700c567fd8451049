/**
 * The import targets that read one record per row (issue 6): key-enterprise monthly reports,
 * social-insurance contributors and public-opinion signal case lists. Their fields, the header
 * words that name them (for the suggested mapping) and their names in both languages (for the
 * mapping editor) are data shared by main's targets and the renderer's wizard.
 */
import type { LocalizedName } from '../domain/types';

export interface RecordTargetField {
  name: string;
  label: LocalizedName;
  /** Header texts naming the field (compared without spaces, width or case). */
  words: string[];
  required: boolean;
}

export interface RecordTarget {
  name: string;
  label: LocalizedName;
  /** The source unit whose files these usually are. */
  sourceUnit: string;
  fields: RecordTargetField[];
}

const f = (name: string, zh: string, en: string, words: string[], required: boolean): RecordTargetField => ({ name, label: { zh, en }, words: [zh, ...words, name], required });

export const ENTERPRISE_REPORTS_TARGET = 'enterprise_reports';
export const SI_CONTRIBUTIONS_TARGET = 'si_contributions';
export const SIGNALS_TARGET = 'signals';

export const RECORD_TARGETS: RecordTarget[] = [
  {
    name: ENTERPRISE_REPORTS_TARGET,
    label: { zh: '重点企业月报', en: 'Key-enterprise monthly reports' },
    sourceUnit: 'RSJ',
    fields: [
      f('credit_code', '统一社会信用代码', 'Credit code', ['社会信用代码', '信用代码', 'credit code'], true),
      f('name', '企业名称', 'Firm name', ['单位名称', '企业', 'firm'], false),
      f('period', '月份', 'Month', ['统计月份', '报告期', '时期', 'period'], true),
      f('opening', '期初人数', 'Opening headcount', ['期初在岗人数', '月初在岗人数', '上月末在岗人数'], true),
      f('hires', '新招用', 'Hires', ['新招用人数', '本月新增', '新增人数'], true),
      f('sep_economic', '经济性裁员', 'Economic layoffs', ['经济性裁员人数'], true),
      f('sep_contract_end', '合同到期', 'Contracts ended', ['合同到期终止'], true),
      f('sep_quit', '主动离职', 'Quits', ['辞职'], true),
      f('sep_retire', '退休', 'Retirements', [], true),
      f('sep_other', '其他减员', 'Other separations', ['其他'], true),
      f('closing', '期末人数', 'Closing headcount', ['期末在岗人数', '月末在岗人数'], true),
      f('avg_wage', '平均工资', 'Average wage', ['月平均工资', '平均工资元'], false),
      f('production', '生产状态', 'Production status', ['生产经营状态'], true),
      f('planned_cuts', '拟裁员', 'Planned cuts', ['拟裁员人数', '计划裁员人数'], false),
    ],
  },
  {
    name: SI_CONTRIBUTIONS_TARGET,
    label: { zh: '社保缴费人数（按单位）', en: 'Social-insurance contributors by employer' },
    sourceUnit: 'SBZX',
    fields: [
      f('credit_code', '统一社会信用代码', 'Credit code', ['社会信用代码', '信用代码', '单位代码', 'credit code'], true),
      f('name', '单位名称', 'Employer', ['企业名称', '参保单位'], false),
      f('period', '月份', 'Month', ['缴费月份', '费款所属期', '所属期', '时期', 'period'], true),
      f('contributors', '缴费人数', 'Contributors', ['参保缴费人数', '实缴人数', '在职缴费人数'], true),
    ],
  },
  {
    name: SIGNALS_TARGET,
    label: { zh: '舆情线索清单', en: 'Public-opinion signal case list' },
    sourceUnit: 'RXZX',
    fields: [
      f('date', '日期', 'Date', ['受理日期', '登记日期', '来电时间', '受理时间', '发生日期'], true),
      f('channel', '渠道', 'Channel', ['来源', '线索来源', '来源渠道'], true),
      f('district', '区县', 'District', ['所属区县', '所属地区', '区域', '地区'], false),
      f('firm', '企业名称', 'Firm name', ['被反映单位', '涉及单位', '单位名称', 'name'], false),
      f('credit_code', '统一社会信用代码', 'Credit code', ['社会信用代码', '信用代码'], false),
      f('category', '类别', 'Category', ['诉求类别', '问题类别', '线索类别'], true),
      f('count', '数量', 'Count', ['件数', '涉及人数', '人数'], false),
      f('summary', '摘要', 'Summary', ['内容摘要', '诉求内容', '简要情况'], false),
    ],
  },
];

/** A record target by name, or undefined (for the observations target, among others). */
export function recordTarget(name: string): RecordTarget | undefined {
  return RECORD_TARGETS.find((t) => t.name === name);
}
