/**
 * Messages of the import, snapshot, provenance, catalogue-editing and package domains, in both
 * languages, keyed by error/issue code. One table feeds the UI (registered as the `<ns>:errors.*`
 * i18n keys) and the CLI, so both say the same thing.
 */
import type { Locale } from '../domain/types';

export interface Message {
  zh: string;
  en: string;
}

export const DATA_MESSAGES: Record<string, Message> = {
  // Files refused as a whole.
  'import.file_too_large': { zh: '文件 {{file}} 超过 1 GB，无法导入', en: '{{file}} is larger than 1 GB and cannot be imported' },
  'import.file_empty': { zh: '文件 {{file}} 是空的', en: '{{file}} is empty' },
  'import.not_text': { zh: '文件 {{file}} 不是文本表格（CSV）或 Excel 工作簿，可能已损坏', en: '{{file}} is neither a text table (CSV) nor an Excel workbook; it may be damaged' },
  'import.xls_unsupported': { zh: '文件 {{file}} 是旧版 Excel（.xls）格式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入', en: '{{file}} is an old Excel (.xls) file; save it as .xlsx in Excel or WPS, then import it' },
  'import.unsupported_format': { zh: '文件 {{file}} 的格式（{{kind}}）不能导入，请提供 CSV 或 XLSX', en: '{{file}} is a {{kind}} file; only CSV and XLSX can be imported' },
  'import.bad_encoding': { zh: '文件 {{file}} 在第 {{offset}} 字节处不是有效的 {{encoding}} 编码，请选择其他编码（如 GBK）', en: '{{file}} is not valid {{encoding}} at byte {{offset}}; choose another encoding (e.g. GBK)' },
  'import.csv_unterminated_quote': { zh: '文件 {{file}} 第 {{row}} 行的引号没有闭合，文件可能不完整（被截断）', en: '{{file}}: the quote opened in row {{row}} is never closed; the file may be truncated' },
  'import.csv_record_too_long': { zh: '文件 {{file}} 第 {{row}} 行过长，不像表格数据', en: '{{file}}: row {{row}} is too long to be table data' },
  'import.csv_too_many_fields': { zh: '文件 {{file}} 第 {{row}} 行的列数过多，不像表格数据', en: '{{file}}: row {{row}} has too many columns to be table data' },
  'import.zip_truncated': { zh: '工作簿 {{file}} 不完整（文件被截断或损坏）', en: 'The workbook {{file}} is incomplete (truncated or damaged)' },
  'import.zip_corrupt': { zh: '工作簿 {{file}} 已损坏（{{entry}}：{{reason}}）', en: 'The workbook {{file}} is damaged ({{entry}}: {{reason}})' },
  'import.zip_bomb': { zh: '工作簿 {{file}} 解压后过大（{{entry}} 超过 {{limit}} 字节），已拒绝', en: 'The workbook {{file}} expands too much ({{entry}} exceeds {{limit}} bytes) and was refused' },
  'import.zip_too_many_entries': { zh: '工作簿 {{file}} 包含的部件过多（{{count}} 个），已拒绝', en: 'The workbook {{file}} has too many parts ({{count}}) and was refused' },
  'import.zip_encrypted': { zh: '工作簿 {{file}} 已加密，请先取消密码保护', en: 'The workbook {{file}} is encrypted; remove the password first' },
  'import.xlsx_invalid': { zh: '工作簿 {{file}} 无法读取：{{reason}}', en: 'The workbook {{file}} cannot be read: {{reason}}' },
  'import.no_table': { zh: '文件 {{file}} 中没有找到数据表', en: 'No table found in {{file}}' },
  'import.too_many_values': { zh: '文件 {{file}} 的数值超过 {{limit}} 个，请拆分后导入', en: '{{file}} holds more than {{limit}} values; split it and import the parts' },
  'import.mapping_incomplete': { zh: '工作表“{{sheet}}”还缺少：{{fields}}，请在映射中指定', en: 'Sheet "{{sheet}}" still needs: {{fields}}; set them in the mapping' },
  'import.nothing_to_import': { zh: '文件 {{file}} 中没有可导入的数值', en: '{{file}} holds no value that can be imported' },
  'import.has_rejections': { zh: '有 {{rejected}} 个数值未通过校验；请修正文件或映射，或确认仅导入通过校验的数值', en: '{{rejected}} values failed validation; fix the file or mapping, or confirm importing only the valid values' },
  'import.unit_required': { zh: '请选择数据来源单位（文件中的指标来自：{{candidates}}）', en: 'Choose the source unit (the indicators in the file come from: {{candidates}})' },
  'import.unknown_unit': { zh: '没有代码为 {{unit}} 的来源单位', en: 'There is no source unit with code {{unit}}' },
  'import.unknown_template': { zh: '没有名为“{{name}}”的映射模板', en: 'There is no mapping template named "{{name}}"' },
  'import.unknown_target': { zh: '未知的导入目标 {{target}}', en: 'Unknown import target {{target}}' },
  'import.bad_mapping': { zh: '映射无效：{{reason}}', en: 'Invalid mapping: {{reason}}' },
  'import.job_unknown': { zh: '导入任务已结束或不存在', en: 'The import job is finished or unknown' },
  'import.file_changed': { zh: '文件 {{file}} 在预览之后发生了变化，请重新预览', en: '{{file}} changed after the preview; preview it again' },
  'import.template_name_taken': { zh: '已有名为“{{name}}”的映射模板', en: 'A mapping template named "{{name}}" already exists' },
  'import.bad_pattern': { zh: '文件名模式“{{pattern}}”无效', en: 'The file-name pattern "{{pattern}}" is invalid' },

  // Issues on cells: refused values.
  'import.unknown_indicator': { zh: '目录中没有指标“{{text}}”', en: 'Unknown indicator "{{text}}"' },
  'import.unknown_member': { zh: '“{{dimension}}”中没有“{{text}}”', en: 'Unknown {{dimension}} "{{text}}"' },
  'import.unknown_dimension': { zh: '没有名为“{{dimension}}”的分组维度', en: 'There is no dimension "{{dimension}}"' },
  'import.dimension_not_used': { zh: '指标 {{indicator}} 不按“{{dimension}}”分组', en: '{{indicator}} is not broken down by {{dimension}}' },
  'import.missing_field': { zh: '缺少{{field}}', en: 'No {{field}} given' },
  'import.bad_period': { zh: '无法识别时期“{{text}}”', en: 'Cannot read the period "{{text}}"' },
  'import.period_frequency': { zh: '时期“{{text}}”与指标 {{indicator}} 的频率（{{frequency}}）不符', en: 'The period "{{text}}" does not fit the frequency of {{indicator}} ({{frequency}})' },
  'import.period_ytd_form': { zh: '“{{text}}”是年初累计数，但指标 {{indicator}} 不是累计指标', en: '"{{text}}" is a year-to-date span, but {{indicator}} is not published cumulatively' },
  'import.period_single_form': { zh: '“{{text}}”是单期数，但指标 {{indicator}} 按年初累计公布', en: '"{{text}}" is a single period, but {{indicator}} is published year-to-date' },
  'import.period_ytd_start': { zh: '累计时期“{{text}}”必须从1月（一季度）开始', en: 'The span "{{text}}" must start in January (the first quarter)' },
  'import.bad_value': { zh: '无法识别数值“{{text}}”', en: 'Cannot read the value "{{text}}"' },
  'import.unit_mismatch': { zh: '单位“{{unit}}”不能换算为指标单位“{{indicatorUnit}}”', en: 'The unit "{{unit}}" does not convert to the indicator unit "{{indicatorUnit}}"' },
  'import.unknown_value_unit': { zh: '无法识别单位“{{unit}}”', en: 'Unknown unit "{{unit}}"' },
  'import.rate_out_of_range': { zh: '比率 {{value}} 不在 0 到 100 之间', en: 'The rate {{value}} is outside 0-100' },
  'import.negative_count': { zh: '数量不能为负数（{{value}}）', en: 'A count cannot be negative ({{value}})' },
  'import.duplicate_key': { zh: '与 {{first}} 的数据重复（指标、分组和时期相同但数值不同）', en: 'Duplicates {{first}} (same indicator, members and period, different value)' },
  'import.derived_view': { zh: '这是派生视图（{{view}}）的数值，只能导入公布值', en: 'This is a value of a derived view ({{view}}); only published values can be imported' },

  // Enterprise reports, social-insurance contributors and signal case lists (issue 6).
  'import.bad_credit_code': { zh: '统一社会信用代码“{{code}}”无效（{{problem}}）', en: 'The unified social credit code "{{code}}" is invalid ({{problem}})' },
  'import.unknown_firm': { zh: '信用代码 {{code}} 不在重点企业名录中', en: 'No monitored firm has the credit code {{code}}' },
  'import.report_month': { zh: '“{{text}}”不是一个月份（月报须按月填报）', en: '"{{text}}" is not a month (the reports are monthly)' },
  'import.not_whole': { zh: '人数应为整数（{{value}}）', en: 'A number of people must be whole ({{value}})' },
  'import.bad_production': { zh: '无法识别生产状态“{{text}}”（应为正常、减产、停产或扩产）', en: 'Cannot read the production status "{{text}}" (normal, reduced, halted or expanded)' },
  'import.duplicate_firm_month': { zh: '企业 {{code}} 的同一月份与 {{first}} 重复且数据不同', en: 'The same firm ({{code}}) and month as {{first}}, with different figures' },
  'import.report_balance': { zh: '{{name}}：期初+新招用-减员应等于期末 {{expected}} 人，填报为 {{actual}} 人', en: '{{name}}: opening + hires - separations gives {{expected}}, the report says {{actual}}' },
  'import.report_negative': { zh: '{{name}}：人数不能为负数（{{actual}}）', en: '{{name}}: a number of people cannot be negative ({{actual}})' },
  'import.report_not_integer': { zh: '{{name}}：人数应为整数（{{actual}}）', en: '{{name}}: a number of people must be whole ({{actual}})' },
  'import.bad_date': { zh: '无法识别日期“{{text}}”', en: 'Cannot read the date "{{text}}"' },
  'import.bad_channel': { zh: '无法识别渠道“{{text}}”（应为12345、欠薪预警平台、110联动或其他）', en: 'Cannot read the channel "{{text}}" (12345, wage-arrears platform, 110 linkage or other)' },
  'import.bad_category': { zh: '无法识别类别“{{text}}”（应为欠薪、裁员、停产、社保或其他）', en: 'Cannot read the category "{{text}}" (wage arrears, layoffs, halt, social insurance or other)' },
  'import.bad_count': { zh: '数量应至少为1（{{value}}）', en: 'The count must be at least 1 ({{value}})' },

  // Warnings and notes.
  'import.firm_name_differs': { zh: '企业名称“{{name}}”与名录中 {{code}} 的名称“{{registered}}”不同，按信用代码匹配', en: 'The name "{{name}}" differs from "{{registered}}" registered for {{code}}; matched by credit code' },
  'import.report_continuity': { zh: '{{name}}：期初人数 {{actual}} 与上月期末 {{expected}} 不符', en: '{{name}}: opening headcount {{actual}} differs from last month\'s closing {{expected}}' },
  'import.report_wage_bounds': { zh: '{{name}}：平均工资 {{actual}} 元超出合理范围（界限 {{expected}} 元）', en: '{{name}}: average wage {{actual}} yuan is outside the plausible range (bound {{expected}})' },
  'import.signal_code_ignored': { zh: '信用代码“{{code}}”无效，按企业名称关联', en: 'The credit code "{{code}}" is invalid; the case is linked by name' },
  'import.duplicate_same': { zh: '与 {{first}} 重复（数值相同），只计一次', en: 'Repeats {{first}} with the same value; counted once' },
  'import.jump_revision': { zh: '与当前版本相比变化超过10倍（{{old}} → {{value}}），请确认单位', en: 'Changes more than tenfold against the current vintage ({{old}} -> {{value}}); check the unit' },
  'import.jump_period': { zh: '比上期（{{previousPeriod}}：{{previous}}）变化超过10倍，请确认单位', en: 'More than tenfold against the previous period ({{previousPeriod}}: {{previous}}); check the unit' },
  'import.rows_after_footnote': { zh: '第 {{row}} 行起为表注，其后的行未读取', en: 'Footnotes start at row {{row}}; the rows after them were not read' },
  'import.sheet_skipped': { zh: '工作表“{{sheet}}”未导入：{{reason}}', en: 'Sheet "{{sheet}}" was not imported: {{reason}}' },
  'import.already_imported': { zh: '该文件已于 {{importedAt}} 导入（快照 #{{snapshotId}}），再次导入不会有任何变化', en: 'This file was imported on {{importedAt}} (snapshot #{{snapshotId}}); importing it again changes nothing' },
  'import.more_issues': { zh: '另有 {{count}} 条问题未列出', en: '{{count}} more issues not listed' },

  // Snapshots and provenance.
  'snapshot.not_found': { zh: '没有编号为 {{id}} 的快照', en: 'There is no snapshot {{id}}' },
  'snapshot.already_deleted': { zh: '快照 #{{id}} 已于 {{deletedAt}} 删除', en: 'Snapshot {{id}} was deleted on {{deletedAt}}' },
  'snapshot.reason_required': { zh: '删除快照须填写原因', en: 'Deleting a snapshot needs a reason' },
  'provenance.not_found': { zh: '{{indicator}} 在 {{period}} 没有数值', en: '{{indicator}} has no value for {{period}}' },
  'provenance.bad_member': { zh: '分组条件“{{text}}”应写成 维度=代码', en: 'The member filter "{{text}}" must read dimension=code' },

  // Catalogue editing.
  'catalog.duplicate_code': { zh: '指标代码 {{code}} 已存在', en: 'The indicator code {{code}} already exists' },
  'catalog.not_found': { zh: '目录中没有指标 {{code}}', en: 'There is no indicator {{code}}' },
  'catalog.unknown_source_unit': { zh: '没有代码为 {{unit}} 的来源单位', en: 'There is no source unit {{unit}}' },
  'catalog.unknown_dimension': { zh: '没有名为“{{dimension}}”的分组维度', en: 'There is no dimension "{{dimension}}"' },
  'catalog.frequency_in_use': { zh: '指标 {{code}} 已有 {{count}} 个数值，不能再修改频率或累计口径', en: '{{code}} already holds {{count}} values; its frequency and YTD definition can no longer change' },
  'catalog.dimension_in_use': { zh: '指标 {{code}} 已有按“{{dimension}}”分组的数值，不能移除该维度', en: '{{code}} holds values broken down by {{dimension}}; the dimension cannot be removed' },
  'catalog.unit_code_taken': { zh: '来源单位代码 {{code}} 已存在', en: 'The source-unit code {{code}} already exists' },

  // Snapshot packages.
  'package.not_a_package': { zh: '文件 {{file}} 不是快照数据包', en: '{{file}} is not a snapshot package' },
  'package.version': { zh: '数据包格式版本 {{version}} 不受支持', en: 'Package format version {{version}} is not supported' },
  'package.tampered': { zh: '数据包内容被改动过（{{entry}} 的校验值不符），已拒绝', en: 'The package was altered ({{entry}} does not match its hash) and was refused' },
  'package.bad_signature': { zh: '数据包签名无效，内容可能被改动，已拒绝', en: 'The package signature is invalid; its content may have been altered; refused' },
  'package.unsigned': { zh: '数据包没有签名；只有明确同意接收未签名数据包时才能导入', en: 'The package is unsigned; it can only be imported if you explicitly accept unsigned packages' },
  'package.untrusted_key': { zh: '数据包由未受信任的密钥 {{keyId}}（{{name}}）签名；请先信任该公钥，或明确同意接收未验证的数据包', en: 'The package is signed with the untrusted key {{keyId}} ({{name}}); trust that public key first, or explicitly accept unverified packages' },
  'package.no_signing_key': { zh: '还没有签名密钥，请先在设置中生成', en: 'There is no signing key yet; generate one in settings first' },
  'package.bad_key': { zh: '公钥无效：{{reason}}', en: 'Invalid public key: {{reason}}' },
  'package.unknown_key': { zh: '没有编号为 {{keyId}} 的密钥', en: 'There is no key {{keyId}}' },
  'package.empty_selection': { zh: '没有选中可导出的快照', en: 'No snapshot selected for export' },
  'package.bad_section': { zh: '数据包中的“{{section}}”部分格式不正确，已拒绝', en: 'The package\'s {{section}} section is malformed and was refused' },
  'package.deleted_snapshot': { zh: '快照 #{{id}} 已删除，不能导出', en: 'Snapshot {{id}} is deleted and cannot be exported' },
  'package.too_large': { zh: '数据包过大（超过 {{limit}} 字节）', en: 'The package is too large (over {{limit}} bytes)' },
  'package.unknown_catalog': { zh: '数据包引用了本机目录中没有、包内也未定义的 {{what}}：{{code}}', en: 'The package refers to a {{what}} neither in this catalogue nor defined in the package: {{code}}' },
};

/**
 * Fills `{{name}}` placeholders.
 * @example interpolate('第 {{row}} 行', { row: 3 }) // '第 3 行'
 */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (params[k] !== undefined ? String(params[k]) : `{{${k}}}`));
}

/** Field names as the messages say them ("缺少指标", "still needs: indicator, period"). */
const FIELD_NAMES: Record<string, Message> = {
  indicator: { zh: '指标', en: 'indicator' },
  period: { zh: '时期', en: 'period' },
  value: { zh: '数值', en: 'value' },
  unit: { zh: '单位', en: 'unit' },
  credit_code: { zh: '统一社会信用代码', en: 'credit code' },
  name: { zh: '企业名称', en: 'firm name' },
  opening: { zh: '期初人数', en: 'opening headcount' },
  hires: { zh: '新招用人数', en: 'hires' },
  sep_economic: { zh: '经济性裁员', en: 'economic layoffs' },
  sep_contract_end: { zh: '合同到期', en: 'contracts ended' },
  sep_quit: { zh: '主动离职', en: 'quits' },
  sep_retire: { zh: '退休', en: 'retirements' },
  sep_other: { zh: '其他减员', en: 'other separations' },
  closing: { zh: '期末人数', en: 'closing headcount' },
  avg_wage: { zh: '平均工资', en: 'average wage' },
  production: { zh: '生产状态', en: 'production status' },
  planned_cuts: { zh: '拟裁员人数', en: 'planned cuts' },
  contributors: { zh: '缴费人数', en: 'contributors' },
  date: { zh: '日期', en: 'date' },
  channel: { zh: '渠道', en: 'channel' },
  category: { zh: '类别', en: 'category' },
  count: { zh: '数量', en: 'count' },
};

function fieldNames(list: string, locale: Locale): string {
  return list
    .split(/,\s*/)
    .map((f) => {
      const n = FIELD_NAMES[f];
      if (n) return locale === 'zh-CN' ? n.zh : n.en;
      return f.startsWith('dim:') ? f.slice(4) : f;
    })
    .join(locale === 'zh-CN' ? '、' : ', ');
}

/**
 * The message for a code in a locale, or null for a code this table does not hold. Field codes in
 * `field`/`fields` parameters read as words.
 * @example dataMessage('import.bad_value', { text: 'abc' }, 'en-US') // 'Cannot read the value "abc"'
 */
export function dataMessage(code: string, params: Record<string, string | number>, locale: Locale): string | null {
  const m = DATA_MESSAGES[code];
  if (!m) return null;
  const named = { ...params };
  for (const k of ['field', 'fields']) if (typeof named[k] === 'string') named[k] = fieldNames(named[k] as string, locale);
  return interpolate(locale === 'zh-CN' ? m.zh : m.en, named);
}

/** Groups the table as i18n resources: namespace -> { errors: { key: text } }. */
export function dataMessageResources(locale: Locale): Record<string, { errors: Record<string, string> }> {
  const out: Record<string, { errors: Record<string, string> }> = {};
  for (const [code, m] of Object.entries(DATA_MESSAGES)) {
    const dot = code.indexOf('.');
    const ns = code.slice(0, dot);
    (out[ns] ??= { errors: {} }).errors[code.slice(dot + 1)] = locale === 'zh-CN' ? m.zh : m.en;
  }
  return out;
}
