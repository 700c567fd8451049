import { analyzeCreditCode, type CreditCodeAnalysis } from '../../../shared/domain/credit-code';
import { EXIT_OK, EXIT_REJECTED, rejectInput, type CliCommand } from '../command';

const REMARKS: Record<string, string> = {
  unknown_authority: '登记管理部门代码不在标准之列 / unknown registration authority',
  unknown_category: '机构类别代码与登记管理部门不符 / organisation category unknown for this authority',
  division_format: '行政区划码不像有效代码 / implausible administrative division code',
  org_check: '组织机构代码校验位不符(GB 11714) / organisation-code check character does not match (GB 11714)',
};

/** Why a code is not valid, in both languages. */
export function creditCodeReason(a: CreditCodeAnalysis): string {
  switch (a.problem) {
    case null:
      return '';
    case 'length':
      return `长度应为18位，实际${[...a.normalized].length}位 / must have 18 characters, has ${[...a.normalized].length}`;
    case 'charset':
      return `第${a.position}位字符“${a.character}”不允许（不用I、O、Z、S、V） / character ${a.position} "${a.character}" is not allowed (I, O, Z, S, V are not used)`;
    case 'check_digit':
      return `校验码应为${a.expectedCheck}，实际为${a.parts?.check} / check character should be ${a.expectedCheck}, is ${a.parts?.check}`;
  }
}

export const creditCodeCommand: CliCommand = {
  name: 'credit-code',
  summary: 'Check unified social credit codes (GB 32100-2015): valid, or why not',
  usage: 'credit-code CODE... [--json]',
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    if (!args.positionals.length) rejectInput('cli.missing_argument', 'Give at least one code', { argument: 'CODE' });
    let invalid = 0;
    for (const code of args.positionals) {
      const a = analyzeCreditCode(code);
      if (!a.valid) invalid++;
      if (args.values.json) {
        io.out(JSON.stringify({ code, normalized: a.normalized, valid: a.valid, problem: a.problem, reason: a.valid ? null : creditCodeReason(a), expectedCheck: a.expectedCheck, remarks: a.remarks }));
      } else {
        const remarks = a.remarks.map((r) => `\n  注意 / note: ${REMARKS[r]}`).join('');
        io.out(a.valid ? `${code}\t有效 / valid${remarks}` : `${code}\t无效 / invalid: ${creditCodeReason(a)}`);
      }
    }
    return invalid ? EXIT_REJECTED : EXIT_OK;
  },
};
