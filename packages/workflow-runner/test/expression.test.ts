// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are GitHub ${{ }} expressions, not template literals
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  type ExpressionScope,
  evaluateCondition,
  evaluateExpression,
  interpolate,
} from '../src/index';

const scope = (failed = false): ExpressionScope => ({
  failed,
  contexts: {
    github: {
      event_name: 'push',
      event: { pull_request: { number: 7, labels: [{ name: 'release:major' }] } },
    },
    env: { MODE: 'Fast' },
    inputs: { model: 'house-prices' },
    matrix: { model: 'house-prices' },
    steps: { 'changed-models': { outputs: { matrix: '{"model":["a","b"]}', any: 'true' } } },
    needs: { changes: { outputs: { any: 'false' } } },
    secrets: { GITHUB_TOKEN: 't' },
  },
});

const evaluate = (source: string, failed = false) => evaluateExpression(source, scope(failed));

describe('evaluateExpression', () => {
  it('reads literals, including escaped quotes, numbers and null', () => {
    expect(evaluate("'it''s'")).toBe("it's");
    expect(evaluate('0x10')).toBe(16);
    expect(evaluate('-2.5')).toBe(-2.5);
    expect(evaluate('null')).toBeNull();
  });

  it('dereferences contexts with dots, brackets and hyphenated ids, case-insensitively', () => {
    expect(evaluate("steps.changed-models.outputs['any']")).toBe('true');
    expect(evaluate('GitHub.Event.Pull_Request.number')).toBe(7);
    expect(evaluate('github.event.pull_request.labels[0].name')).toBe('release:major');
    expect(evaluate('github.event.missing.deeper')).toBeNull();
  });

  it('compares strings case-insensitively and coerces mixed types to numbers', () => {
    expect(evaluate("env.MODE == 'fast'")).toBe(true);
    expect(evaluate("'1' == 1")).toBe(true);
    expect(evaluate("true == '1'")).toBe(true);
    expect(evaluate("null == ''")).toBe(true);
    expect(evaluate("needs.changes.outputs.any != 'true'")).toBe(true);
    expect(evaluate('2 < 10')).toBe(true);
  });

  it('returns an operand from && and ||, and negates with !', () => {
    expect(evaluate("inputs.model || 'fallback'")).toBe('house-prices');
    expect(evaluate("inputs.nothing || 'fallback'")).toBe('fallback');
    expect(evaluate("inputs.model && 'both'")).toBe('both');
    expect(evaluate('!inputs.model')).toBe(false);
    expect(evaluate("!(1 == 2) && (false || 'x' == 'X')")).toBe(true);
  });

  it('calls fromJSON, toJSON, format, contains, startsWith and join', () => {
    expect(evaluate('fromJSON(steps.changed-models.outputs.matrix).model[1]')).toBe('b');
    expect(evaluate('toJSON(matrix)')).toBe('{\n  "model": "house-prices"\n}');
    expect(evaluate("format('{0}@v{1} {{x}}', matrix.model, 2)")).toBe('house-prices@v2 {x}');
    expect(evaluate("contains(github.event.pull_request.labels.*.name, 'x')")).toBe(false);
    expect(evaluate("contains(github.event.pull_request.labels.*.name, 'RELEASE:major')")).toBe(
      true,
    );
    expect(evaluate('toJSON(steps.*.outputs.any)')).toBe('[\n  "true"\n]');
    expect(evaluate('contains(fromJSON(\'["a","B"]\'), \'b\')')).toBe(true);
    expect(evaluate("contains('Hello World', 'WORLD')")).toBe(true);
    expect(evaluate("startsWith(matrix.model, 'HOUSE')")).toBe(true);
    expect(evaluate("join(fromJSON('[1,2]'), '+')")).toBe('1+2');
  });

  it('answers the status functions from the failed flag', () => {
    expect(evaluate('success()')).toBe(true);
    expect(evaluate('failure()', true)).toBe(true);
    expect(evaluate('always()', true)).toBe(true);
    expect(evaluate('cancelled()')).toBe(false);
  });

  it('rejects unknown contexts, unknown functions and malformed text', () => {
    expect(() => evaluate('nope.x')).toThrow(ExpressionError);
    expect(() => evaluate("tojsn('x')")).toThrow(/unknown function tojsn/);
    expect(() => evaluate("'open")).toThrow(/unterminated/);
    expect(() => evaluate('a b')).toThrow(ExpressionError);
  });
});

describe('interpolate', () => {
  it('replaces every ${{ }} with the string form of its value', () => {
    expect(
      interpolate('model-report-${{ matrix.model }} (${{ null }}${{ 1 == 1 }})', scope()),
    ).toBe('model-report-house-prices (true)');
    expect(interpolate('${{ github.event }}', scope())).toBe('Object');
  });
});

describe('evaluateCondition', () => {
  it('wraps a condition without a status function in success()', () => {
    expect(evaluateCondition("inputs.model == 'house-prices'", scope())).toBe(true);
    expect(evaluateCondition("inputs.model == 'house-prices'", scope(true))).toBe(false);
    expect(evaluateCondition("always() && inputs.model == 'house-prices'", scope(true))).toBe(true);
  });

  it('accepts ${{ }} around the condition and treats an absent one as success()', () => {
    expect(evaluateCondition("${{ !cancelled() && inputs.model != '' }}", scope(true))).toBe(true);
    expect(evaluateCondition(undefined, scope())).toBe(true);
    expect(evaluateCondition(undefined, scope(true))).toBe(false);
    expect(evaluateCondition("${{ needs.changes.outputs.any == 'true' }}", scope())).toBe(false);
  });
});
