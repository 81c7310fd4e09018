import { describe, expect, it } from 'vitest';
import { canonicalJson, stableJson } from '../src/canonical-json';

describe('stableJson', () => {
  it('serialises objects independently of key insertion order, at every depth', () => {
    const a = { b: 1, a: { d: [{ y: 1, x: 2 }], c: null } };
    const b = { a: { c: null, d: [{ x: 2, y: 1 }] }, b: 1 };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(stableJson(a)).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "x": 2,\n        "y": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('keeps array order', () => {
    expect(JSON.parse(stableJson([3, 1, 2]))).toEqual([3, 1, 2]);
  });
});

describe('canonicalJson', () => {
  it('is compact and independent of key insertion order', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":[2,1]}');
    expect(canonicalJson({ a: { c: 2, d: 1 }, b: [2, 1] })).toBe(
      canonicalJson({ b: [2, 1], a: { d: 1, c: 2 } }),
    );
  });
});
