import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatSigned,
} from '../src/format-number';

describe('formatNumber', () => {
  it('keeps four significant digits below 1,000', () => {
    expect(formatNumber(0.812345)).toBe('0.8123');
    expect(formatNumber(12.3456)).toBe('12.35');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-7.654321)).toBe('-7.654');
  });

  it('rounds large values to whole numbers with thousands separators', () => {
    expect(formatNumber(48213.77)).toBe('48,214');
    expect(formatNumber(1_234_567.8)).toBe('1,234,568');
  });

  it('uses exponent notation for tiny values and names non-finite ones', () => {
    expect(formatNumber(0.000123456)).toBe('1.23e-4');
    expect(formatNumber(0.0002)).toBe('2e-4');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('formatSigned, formatPercent, formatCount and formatDuration', () => {
  it('sign differences explicitly', () => {
    expect(formatSigned(0.0125)).toBe('+0.0125');
    expect(formatSigned(-1250.4)).toBe('-1,250');
    expect(formatSigned(0)).toBe('0');
  });

  it('format ratios as signed percentages with one decimal', () => {
    expect(formatPercent(0.02712)).toBe('+2.7%');
    expect(formatPercent(-0.5)).toBe('-50.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('format counts and durations for people', () => {
    expect(formatCount(20640)).toBe('20,640');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});
