import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, orgCodeCheckChar, validateCreditCode } from '../../shared/domain/credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character was worked out by hand', () => {
    // 91110108600040399D: weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 over
    // 9,1,1,1,0,1,0,8,6,0,0,0,4,0,3,9,9 sum to 9+3+9+27+0+26+0+136+120+0+0+0+32+0+30+270+252 = 914;
    // 914 mod 31 = 15; 31-15 = 16 -> alphabet[16] = 'G'.
    expect(creditCodeCheckChar('91110108600040399')).toBe('G');
    expect(validateCreditCode('91110108600040399G')).toBeNull();
    expect(validateCreditCode('91110108600040399D')).toBe('check_digit');
  });

  it('names what is wrong', () => {
    expect(validateCreditCode('9111010860004039')).toBe('length');
    expect(validateCreditCode('91110108600040399I')).toBe('charset');
  });

  it('computes GB 11714 organisation-code check characters', () => {
    // D2143569: 13*3+2*7+1*9+4*10+3*5+5*8+6*4+9*2 = 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1; 11-1 = 10 -> 'X'.
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });
});
