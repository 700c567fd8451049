import { describe, expect, it } from 'vitest';
import {
  analyzeCreditCode,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  normalizeCreditCode,
  orgCodeCheckChar,
  validateCreditCode,
} from '../../shared/domain/credit-code';

// Alphabet values: 0-9 are themselves, then A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22
// P23 Q24 R25 T26 U27 W28 X29 Y30. Weights for positions 1..17: 3^(i-1) mod 31 =
// 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28. Check = alphabet[(31 - sum mod 31) mod 31].

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character was worked out by hand', () => {
    // 91110108600040399: 9*1+1*3+1*9+1*27+0+1*26+0+8*17+6*20+0+0+0+4*8+0+3*10+9*30+9*28
    // = 9+3+9+27+26+136+120+32+30+270+252 = 914; 914 mod 31 = 15; 31-15 = 16 -> 'G'.
    expect(creditCodeCheckChar('91110108600040399')).toBe('G');
    expect(validateCreditCode('91110108600040399G')).toBeNull();
    expect(validateCreditCode('91110108600040399D')).toBe('check_digit');
  });

  it('computes a Shenyang enterprise code with a letter check character', () => {
    // 91210106MA0U7LBN8: 9*1+1*3+2*9+1*27+0*19+1*26+0*16+6*17+M21*20+A10*29+0*25+U27*13+7*8
    // +L20*24+B11*10+N22*30+8*28 = 9+3+18+27+26+102+420+290+351+56+480+110+660+224 = 2776;
    // 2776 = 31*89 + 17; 31-17 = 14 -> 'E'.
    expect(creditCodeCheckChar('91210106MA0U7LBN8')).toBe('E');
    expect(analyzeCreditCode('91210106MA0U7LBN8E')).toMatchObject({ valid: true, problem: null, remarks: [] });
  });

  it('maps a sum divisible by 31 to check character 0, and remainder 1 to Y', () => {
    // 91210106MA0000357: 9+3+18+27+26+6*17+21*20+10*29+3*10+5*30+7*28
    // = 9+3+18+27+26+102+420+290+30+150+196 = 1271 = 31*41 -> (31-0) mod 31 = 0 -> '0'.
    expect(creditCodeCheckChar('91210106MA0000357')).toBe('0');
    // 91210106MA0000234: 9+3+18+27+26+102+420+290+2*10+3*30+4*28 = 1117 = 31*36 + 1 -> 30 -> 'Y'.
    expect(creditCodeCheckChar('91210106MA0000234')).toBe('Y');
    expect(validateCreditCode('91210106MA0000357' + '0')).toBeNull();
    expect(validateCreditCode('91210106MA0000234' + 'Y')).toBeNull();
  });

  it('computes a public-institution code (authority 1, category 2)', () => {
    // 12100000400000624: 1*1+2*3+1*9+0...+4*20+6*10+2*30+4*28 = 1+6+9+80+60+60+112 = 328;
    // 328 = 31*10 + 18; 31-18 = 13 -> 'D'.
    expect(creditCodeCheckChar('12100000400000624')).toBe('D');
    const a = analyzeCreditCode('12100000400000624D');
    expect(a.valid).toBe(true);
    expect(a.parts).toEqual({ authority: '1', category: '2', division: '100000', orgCode: '400000624', check: 'D' });
    expect(a.remarks).toEqual([]);
  });

  it('catches a single changed character and a transposition of neighbours', () => {
    expect(validateCreditCode('91210106MA0U7LBN8F')).toBe('check_digit');
    expect(validateCreditCode('91210106MA0U7LBM8E')).toBe('check_digit');
    // Swapping positions 15 and 16 (B, N): weights 10 and 30 differ, so the sum moves by (22-11)*(10-30) = -220, not a multiple of 31.
    expect(validateCreditCode('91210106MA0U7LNB8E')).toBe('check_digit');
    expect(analyzeCreditCode('91210106MA0U7LNB8E').expectedCheck).not.toBe('E');
  });

  it('names what is wrong', () => {
    expect(validateCreditCode('9111010860004039')).toBe('length');
    expect(validateCreditCode('91110108600040399I')).toBe('charset');
    const charset = analyzeCreditCode('91210106MAOU7LBN8E');
    expect(charset).toMatchObject({ valid: false, problem: 'charset', position: 11, character: 'O' });
    const short = analyzeCreditCode('91110108600040399');
    expect(short).toMatchObject({ valid: false, problem: 'length', expectedCheck: 'G' });
    expect(analyzeCreditCode('').problem).toBe('length');
    expect(analyzeCreditCode('91110108600040399G1').problem).toBe('length');
  });

  it('normalizes full-width characters, case, spaces and hyphens before checking', () => {
    expect(normalizeCreditCode('９１２１０１０６ma0u7lbn 8e')).toBe('91210106MA0U7LBN8E');
    expect(normalizeCreditCode(' 912101-06MA0U7LBN8E\t')).toBe('91210106MA0U7LBN8E');
    expect(analyzeCreditCode('９１２１０１０６ma0u7lbn8e').valid).toBe(true);
  });

  it('remarks on unusual parts without failing the GB 32100 check', () => {
    // Organisation code MA0U7LBN: M22*3 + A10*7 + 0*9 + U30*10 + 7*5 + L21*8 + B11*4 + N23*2
    // = 66+70+0+300+35+168+44+46 = 729; 729 mod 11 = 3; 11-3 = 8, so position 17 must be 8.
    expect(orgCodeCheckChar('MA0U7LBN')).toBe('8');
    const wrongOrg = '91210106MA0U7LBN7';
    const code = wrongOrg + creditCodeCheckChar(wrongOrg)!;
    expect(analyzeCreditCode(code)).toMatchObject({ valid: true, remarks: ['org_check'] });
    const unknownAuthority = '01210106MA0U7LBN8';
    expect(analyzeCreditCode(unknownAuthority + creditCodeCheckChar(unknownAuthority)!).remarks).toContain('unknown_authority');
    const unknownCategory = '95210106MA0U7LBN8';
    expect(analyzeCreditCode(unknownCategory + creditCodeCheckChar(unknownCategory)!).remarks).toContain('unknown_category');
    const badDivision = '91990106MA0U7LBN8';
    expect(analyzeCreditCode(badDivision + creditCodeCheckChar(badDivision)!).remarks).toContain('division_format');
  });

  it('computes GB 11714 organisation-code check characters', () => {
    // D2143569: 13*3+2*7+1*9+4*10+3*5+5*8+6*4+9*2 = 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1; 11-1 = 10 -> 'X'.
    expect(orgCodeCheckChar('D2143569')).toBe('X');
    // 00000000: sum 0; 11-0 = 11 -> '0'.
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // MA000035: 22*3+10*7+3*4+5*2 = 66+70+12+10 = 158; 158 mod 11 = 4; 11-4 = 7.
    expect(orgCodeCheckChar('MA000035')).toBe('7');
    expect(orgCodeCheckChar('MA00003')).toBeNull();
    expect(orgCodeCheckChar('MA00003*')).toBeNull();
  });

  it('every 17-character prefix has exactly one check character (exhaustive over the last position)', () => {
    const prefix = '9121010600000000';
    let valid = 0;
    for (const last of CREDIT_CODE_ALPHABET) {
      for (const check of CREDIT_CODE_ALPHABET) if (validateCreditCode(prefix + last + check) === null) valid++;
    }
    expect(valid).toBe(CREDIT_CODE_ALPHABET.length);
  });
});
