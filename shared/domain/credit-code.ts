/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capital letters without I, O, Z, S, V):
 *
 *   position 1      registration authority (登记管理部门代码), e.g. 9 = market regulation (工商)
 *   position 2      organisation category within that authority (机构类别代码), e.g. 91 = enterprise
 *   positions 3-8   administrative division of the registering office (登记管理机关行政区划码)
 *   positions 9-17  the entity's organisation code (主体标识码, GB 11714, with its own check character)
 *   position 18     check character over the first 17, weights 3^(i-1) mod 31, c = 31 - (sum mod 31)
 *
 * Only the length, the alphabet and the 18th character decide validity (that is what GB 32100
 * defines as the check); an unknown authority or category, an implausible division code or an
 * organisation-code check mismatch are reported as remarks on an otherwise valid code.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character for the first 17 characters, or null if any is outside the alphabet.
 * @example creditCodeCheckChar('91110108600040399') // 'G'
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[c]!;
}

export type CreditCodeProblem = 'length' | 'charset' | 'check_digit';

/**
 * Validates a code exactly as written; returns null when valid, else what is wrong.
 * @example validateCreditCode('91350100M000100Y43') // null
 */
export function validateCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check_digit';
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Check character of a GB 11714 organisation code (positions 9-17 of a credit code): weights
 * 3,7,9,10,5,8,4,2 over the first 8 characters (digits as themselves, A=10 ... Z=35),
 * c = 11 - (sum mod 11), 10 written X and 11 written 0.
 * @example orgCodeCheckChar('D2143569') // 'X'
 */
export function orgCodeCheckChar(first8: string): string | null {
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Registration authorities (position 1) and their organisation categories (position 2), GB 32100-2015 table 1. */
export const CREDIT_CODE_AUTHORITIES: Record<string, { zh: string; en: string; categories: Record<string, { zh: string; en: string }> | null }> = {
  '1': { zh: '机构编制', en: 'Institutional establishment', categories: { '1': { zh: '机关', en: 'Government organ' }, '2': { zh: '事业单位', en: 'Public institution' }, '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation' }, '9': { zh: '其他', en: 'Other' } } },
  '2': { zh: '外交', en: 'Foreign affairs', categories: { '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': { zh: '其他', en: 'Other' } } },
  '3': { zh: '司法行政', en: 'Judicial administration', categories: { '1': { zh: '律师执业机构', en: 'Law firm' }, '2': { zh: '公证处', en: 'Notary office' }, '3': { zh: '基层法律服务所', en: 'Legal service office' }, '4': { zh: '司法鉴定机构', en: 'Forensic institution' }, '5': { zh: '仲裁委员会', en: 'Arbitration commission' }, '9': { zh: '其他', en: 'Other' } } },
  '4': { zh: '文化', en: 'Culture', categories: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre' }, '9': { zh: '其他', en: 'Other' } } },
  '5': { zh: '民政', en: 'Civil affairs', categories: { '1': { zh: '社会团体', en: 'Social organisation' }, '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' }, '3': { zh: '基金会', en: 'Foundation' }, '9': { zh: '其他', en: 'Other' } } },
  '6': { zh: '旅游', en: 'Tourism', categories: { '1': { zh: '外国旅游部门常驻代表机构', en: 'Foreign tourism office' }, '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'Hong Kong, Macao or Taiwan tourism office' }, '9': { zh: '其他', en: 'Other' } } },
  '7': { zh: '宗教', en: 'Religious affairs', categories: { '1': { zh: '宗教活动场所', en: 'Place of worship' }, '2': { zh: '宗教院校', en: 'Religious school' }, '9': { zh: '其他', en: 'Other' } } },
  '8': { zh: '工会', en: 'Trade unions', categories: { '1': { zh: '基层工会', en: 'Grass-roots trade union' }, '9': { zh: '其他', en: 'Other' } } },
  '9': { zh: '工商', en: 'Market regulation', categories: { '1': { zh: '企业', en: 'Enterprise' }, '2': { zh: '个体工商户', en: 'Individual business' }, '3': { zh: '农民专业合作社', en: 'Farmers’ cooperative' } } },
  A: { zh: '中央军委改革和编制办公室', en: 'Central Military Commission establishment office', categories: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': { zh: '其他', en: 'Other' } } },
  N: { zh: '农业', en: 'Agriculture', categories: { '1': { zh: '组级集体经济组织', en: 'Group-level collective' }, '2': { zh: '村级集体经济组织', en: 'Village-level collective' }, '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective' }, '9': { zh: '其他', en: 'Other' } } },
  Y: { zh: '其他', en: 'Other', categories: null },
};

/** Province-level prefixes of GB/T 2260 division codes; 10 is used for national-level registration (100000). */
const PROVINCE_PREFIXES = new Set(['10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

/** A remark on a code that passes the GB 32100 check but looks unusual. */
export type CreditCodeRemark = 'unknown_authority' | 'unknown_category' | 'division_format' | 'org_check';

export interface CreditCodeAnalysis {
  /** What was given. */
  input: string;
  /** Upper case, half-width, spaces removed: what was checked. */
  normalized: string;
  valid: boolean;
  problem: CreditCodeProblem | null;
  /** For `charset`: the 1-based position and the character that is not allowed. */
  position: number | null;
  character: string | null;
  /** For a 17- or 18-character code in the alphabet: the check character the first 17 call for. */
  expectedCheck: string | null;
  remarks: CreditCodeRemark[];
  /** The parts, when the code has 18 characters of the alphabet. */
  parts: { authority: string; category: string; division: string; orgCode: string; check: string } | null;
}

/**
 * Half-width, upper case, without spaces or hyphens: how codes are compared and stored.
 * @example normalizeCreditCode('９１２１０１０６ma0u7lbn 4r') // '91210106MA0U7LBN4R'
 */
export function normalizeCreditCode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // Full-width ASCII (U+FF01..U+FF5E) maps to U+0021..U+007E.
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
    if (/[\s\u3000\-－]/.test(half)) continue;
    out += half.toUpperCase();
  }
  return out;
}

/**
 * Checks a code and says what is wrong or unusual with it.
 * @example analyzeCreditCode('91110108600040399D').problem // 'check_digit' (expectedCheck 'G')
 */
export function analyzeCreditCode(input: string): CreditCodeAnalysis {
  const normalized = normalizeCreditCode(input);
  const base: CreditCodeAnalysis = { input, normalized, valid: false, problem: null, position: null, character: null, expectedCheck: null, remarks: [], parts: null };
  const chars = [...normalized];
  const bad = chars.findIndex((ch) => !CREDIT_CODE_ALPHABET.includes(ch));
  if (bad >= 0 && bad < 18) return { ...base, problem: 'charset', position: bad + 1, character: chars[bad]! };
  if (chars.length !== 18) {
    return { ...base, problem: 'length', expectedCheck: chars.length === 17 ? creditCodeCheckChar(normalized) : null };
  }
  const expectedCheck = creditCodeCheckChar(normalized.slice(0, 17))!;
  const parts = { authority: normalized[0]!, category: normalized[1]!, division: normalized.slice(2, 8), orgCode: normalized.slice(8, 17), check: normalized[17]! };
  const remarks: CreditCodeRemark[] = [];
  const authority = CREDIT_CODE_AUTHORITIES[parts.authority];
  if (!authority) remarks.push('unknown_authority');
  else if (authority.categories && !authority.categories[parts.category]) remarks.push('unknown_category');
  if (!/^\d{6}$/.test(parts.division) || !PROVINCE_PREFIXES.has(parts.division.slice(0, 2))) remarks.push('division_format');
  if (orgCodeCheckChar(parts.orgCode.slice(0, 8)) !== parts.orgCode[8]) remarks.push('org_check');
  const valid = expectedCheck === parts.check;
  return { ...base, valid, problem: valid ? null : 'check_digit', expectedCheck, remarks, parts };
}
