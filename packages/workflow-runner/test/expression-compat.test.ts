// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are GitHub ${{ }} expressions, not template literals
/**
 * Cases where GitHub's expression semantics are subtle. Each expectation is the answer of
 * `@actions/expressions` (GitHub's own evaluator), which the runner now uses; the ones marked
 * "differs" are where the hand-written evaluator it replaced gave another answer.
 */
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  type ExpressionScope,
  evaluateExpression,
  interpolate,
} from '../src/index';

const scope: ExpressionScope = {
  failed: false,
  contexts: {
    github: { event: { pull_request: null, labels: [{ name: 'a' }, { name: 'B' }] } },
    env: { COUNT: '10' },
  },
};
const evaluate = (source: string) => evaluateExpression(source, scope);

describe('GitHub expression semantics (answers of @actions/expressions)', () => {
  it('coerces mismatched types to numbers for ==', () => {
    expect(evaluate("'' == 0")).toBe(true);
    expect(evaluate('null == false')).toBe(true);
    expect(evaluate('null == 0')).toBe(true);
    expect(evaluate("'' == false")).toBe(true);
    expect(evaluate('true == 1')).toBe(true);
    expect(evaluate("' 1 ' == 1")).toBe(true);
    expect(evaluate("1 == '1.0'")).toBe(true);
    expect(evaluate("'0x10' == 16")).toBe(true);
    expect(evaluate("'a' == 0")).toBe(false);
    expect(evaluate("'false' == false")).toBe(false);
    expect(evaluate('1e3 == 1000')).toBe(true);
  });

  it('compares strings case-insensitively, and lexically when both sides are strings', () => {
    expect(evaluate("'abc' == 'ABC'")).toBe(true);
    expect(evaluate("'abc' < 'ABD'")).toBe(true);
    expect(evaluate("'10' < '9'")).toBe(true);
    expect(evaluate("'10' < 9")).toBe(false);
    expect(evaluate('env.count > 9')).toBe(true);
    expect(evaluate("'x' == 'x '")).toBe(false);
  });

  it('compares objects and arrays by identity', () => {
    expect(evaluate('fromJSON(\'{"a":1}\') == fromJSON(\'{"a":1}\')')).toBe(false);
  });

  it('yields null for property access on null and for missing indexes', () => {
    expect(evaluate('github.event.pull_request.number')).toBeNull();
    expect(evaluate('github.event.labels[5]')).toBeNull();
    expect(evaluate('toJSON(github.event.pull_request)')).toBe('null');
  });

  it('indexes arrays with numbers and numeric strings, truncating fractions (differs)', () => {
    expect(evaluate("fromJSON('[1,2]')[1]")).toBe(2);
    expect(evaluate("fromJSON('[1,2]')['1']")).toBe(2);
    expect(evaluate('github.event.labels[0.5]')).toEqual({ name: 'a' });
  });

  it('filters with .* and flattens a second .* (differs)', () => {
    expect(evaluate('github.event.labels.*.name')).toEqual(['a', 'B']);
    expect(evaluate('github.event.labels.*.missing')).toEqual([]);
    expect(evaluate('github.event.labels.*.*')).toEqual(['a', 'B']);
    expect(evaluate("contains(github.event.labels.*.name, 'b')")).toBe(true);
  });

  it('returns an operand from && and ||', () => {
    expect(evaluate("1 && 'x'")).toBe('x');
    expect(evaluate("0 || ''")).toBe('');
    expect(evaluate('true && null')).toBeNull();
    expect(evaluate("!'0'")).toBe(false);
  });

  it('matches strings case-insensitively in contains, startsWith and endsWith', () => {
    expect(evaluate("contains('Hello', 'ell')")).toBe(true);
    expect(evaluate("contains('Hello', 'ELL')")).toBe(true);
    expect(evaluate("contains(fromJSON('[1,2]'), '1')")).toBe(true);
    expect(evaluate("startsWith('abc', 'AB')")).toBe(true);
    expect(evaluate("endsWith('abc', 'BC')")).toBe(true);
  });

  it('formats and joins like GitHub', () => {
    expect(evaluate("format('{0}-{1}', 'a', 1)")).toBe('a-1');
    expect(evaluate("format('{0}', null)")).toBe('');
    expect(evaluate("format('{0}', fromJSON('[1]'))")).toBe('Array');
    expect(evaluate("format('{0:x}', 1)")).toBe('1');
    expect(evaluate('join(github.event.labels.*.name)')).toBe('a,B');
    expect(evaluate("join('abc', '-')")).toBe('abc');
  });

  it('prints numbers with at most 15 significant digits (differs)', () => {
    expect(evaluate("format('{0}', 1.23456789012345678)")).toBe('1.234567890123457');
    expect(interpolate('${{ 0.1 }}/${{ 1.0 }}', scope)).toBe('0.1/1');
    expect(evaluate('toJSON(1.0)')).toBe('1');
  });

  it('rejects malformed format strings and bad JSON as ExpressionError (differs)', () => {
    expect(() => evaluate("format('{ 0}', 1)")).toThrow(ExpressionError);
    expect(() => evaluate("format('}')")).toThrow(/format string is invalid/);
    expect(() => evaluate("format('{1}', 'a')")).toThrow(/more arguments than were supplied/);
    expect(() => evaluate("fromJSON('')")).toThrow(ExpressionError);
    expect(() => evaluate("fromJSON('nope')")).toThrow(/Error parsing JSON/);
    expect(() => evaluate('0.1 + 0.2')).toThrow(/expression `0.1 \+ 0.2`/);
  });
});
