import { describe, expect, it } from 'vitest';
import { parseAgencyValue } from '../../shared/import/values';
import { convertUnit, unitScale } from '../../shared/import/units';
import { toHalfWidth, columnLetter, columnIndex, splitUnitSuffix } from '../../shared/import/text';

const num = (value: number, extra: Partial<{ percent: boolean; unit: string | null }> = {}) => ({ kind: 'number', value, percent: false, unit: null, ...extra });

describe('values as agencies write them', () => {
  it.each([
    ['1234.5', num(1234.5)],
    ['1,234.5', num(1234.5)],
    ['12,345,678', num(12345678)],
    ['12.3%', num(12.3, { percent: true })],
    ['１，２３４．５', num(1234.5)],
    ['５．２％', num(5.2, { percent: true })],
    ['(12)', num(-12)],
    ['（1,200.5）', num(-1200.5)],
    ['-3.5', num(-3.5)],
    ['−3.5', num(-3.5)],
    ['+7', num(7)],
    ['12.3万人', num(12.3, { unit: '万人' })],
    ['8.5亿元', num(8.5, { unit: '亿元' })],
    ['1 234', num(1234)],
    ['1.2E+05', num(120000)],
    ['0', num(0)],
    ['-0', num(0)],
    [42, num(42)],
  ])('%s reads as a number', (text, expected) => {
    expect(parseAgencyValue(text)).toEqual(expected);
  });

  it.each(['', '  ', '—', '——', '-', '--', '…', '……', '...', '/', 'N/A', '－', null, undefined])('%s means no figure', (text) => {
    expect(parseAgencyValue(text as string)).toEqual({ kind: 'missing' });
  });

  it.each(['abc', '12..3', '1,23', '12a', '(-5)', '5%%', 'NaN', 'Infinity', '1,2345.6'])('%s is refused', (text) => {
    expect(parseAgencyValue(text).kind).toBe('invalid');
  });

  it('refuses non-finite numbers, booleans and dates', () => {
    expect(parseAgencyValue(Number.NaN).kind).toBe('invalid');
    expect(parseAgencyValue(Number.POSITIVE_INFINITY).kind).toBe('invalid');
    expect(parseAgencyValue(true).kind).toBe('invalid');
    expect(parseAgencyValue(new Date('2024-06-01')).kind).toBe('invalid');
  });
});

describe('units', () => {
  it('converts within a family, computed by hand', () => {
    expect(convertUnit(12345, '人', '万人')).toBe(1.2345);
    expect(convertUnit(1.5, '万人', '人')).toBe(15000);
    expect(convertUnit(3, '千人', '万人')).toBe(0.3);
    expect(convertUnit(25000, '万元', '亿元')).toBe(2.5);
    expect(convertUnit(0.1, '亿元', '万元')).toBe(1000);
    expect(convertUnit(7, '户', '户')).toBe(7);
  });

  it('refuses across families and unknown units', () => {
    expect(convertUnit(5, '%', '人')).toBeNull();
    expect(convertUnit(5, '人', '户')).toBeNull();
    expect(convertUnit(5, '吨', '人')).toBeNull();
    expect(unitScale('单位：万人')).toEqual({ family: 'persons', factor: 10000 });
  });
});

describe('text helpers', () => {
  it('half-width, letters, unit suffixes', () => {
    expect(toHalfWidth('ＡＢ１２　３')).toBe('AB12 3');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    for (const i of [0, 5, 25, 26, 51, 52, 701, 702, 16383]) expect(columnIndex(columnLetter(i))).toBe(i);
    expect(splitUnitSuffix('城镇新增就业人数（万人）')).toEqual({ label: '城镇新增就业人数', unit: '万人' });
    expect(splitUnitSuffix('数值(单位：人)')).toEqual({ label: '数值', unit: '人' });
    expect(splitUnitSuffix('铁西区')).toEqual({ label: '铁西区', unit: null });
  });
});
