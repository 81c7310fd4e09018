import { describe, expect, it } from 'vitest';
import { paginate } from '../src/index';

const items = Array.from({ length: 7 }, (_, i) => i + 1);
const base = 'http://127.0.0.1:1/api/v3/repos/a/b/releases';

describe('paginate', () => {
  it('returns the first page with next and last links in GitHub order', () => {
    const page = paginate(items, new URL(`${base}?per_page=3`));
    expect(page.items).toEqual([1, 2, 3]);
    expect(page.link).toBe(
      `<${base}?per_page=3&page=2>; rel="next", <${base}?per_page=3&page=3>; rel="last"`,
    );
  });

  it('returns a middle page with prev, next, last and first links', () => {
    const page = paginate(items, new URL(`${base}?per_page=3&page=2`));
    expect(page.items).toEqual([4, 5, 6]);
    expect(page.link).toBe(
      [
        `<${base}?per_page=3&page=1>; rel="prev"`,
        `<${base}?per_page=3&page=3>; rel="next"`,
        `<${base}?per_page=3&page=3>; rel="last"`,
        `<${base}?per_page=3&page=1>; rel="first"`,
      ].join(', '),
    );
  });

  it('returns the last page with only prev and first links', () => {
    const page = paginate(items, new URL(`${base}?per_page=3&page=3`));
    expect(page.items).toEqual([7]);
    expect(page.link).toBe(
      `<${base}?per_page=3&page=2>; rel="prev", <${base}?per_page=3&page=1>; rel="first"`,
    );
  });

  it('omits the Link header when everything fits on one page', () => {
    expect(paginate(items, new URL(base)).link).toBeUndefined();
  });

  it('defaults to 30 per page and caps per_page at 100', () => {
    const many = Array.from({ length: 250 }, (_, i) => i);
    expect(paginate(many, new URL(base)).items).toHaveLength(30);
    expect(paginate(many, new URL(`${base}?per_page=500`)).items).toHaveLength(100);
  });

  it('keeps the other query parameters in the links', () => {
    const page = paginate(items, new URL(`${base}?environment=prod&per_page=5`));
    expect(page.link).toContain(`<${base}?environment=prod&per_page=5&page=2>; rel="next"`);
  });
});
