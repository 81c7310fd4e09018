/** One page of a list and the `Link` header that points to its neighbours. */
export interface Page<T> {
  readonly items: T[];
  /** `Link` header value, absent when every item fits on one page (as on GitHub). */
  readonly link: string | undefined;
}

/** GitHub's default and maximum `per_page`. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

/**
 * Slices `items` by the request's `per_page` (default 30, capped at 100) and `page` (1-based)
 * query parameters and formats the `Link` header the way GitHub does: relations in the order
 * prev, next, last, first, each `<url>; rel="name"`, joined by `, `. Page 1 carries only next
 * and last; the last page carries only prev and first. The URLs keep every other query
 * parameter of the request and set `per_page` (when the request gave one) and `page`.
 */
export function paginate<T>(items: readonly T[], requestUrl: URL): Page<T> {
  const perPage = clampInteger(
    requestUrl.searchParams.get('per_page'),
    DEFAULT_PER_PAGE,
    1,
    MAX_PER_PAGE,
  );
  const page = clampInteger(requestUrl.searchParams.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  if (lastPage === 1) return { items: slice, link: undefined };
  const relations: string[] = [];
  const pageUrl = (n: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(n));
    return `<${url.toString()}>`;
  };
  if (page > 1) relations.push(`${pageUrl(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) {
    relations.push(`${pageUrl(page + 1)}; rel="next"`);
    relations.push(`${pageUrl(lastPage)}; rel="last"`);
  }
  if (page > 1) relations.push(`${pageUrl(1)}; rel="first"`);
  return { items: slice, link: relations.join(', ') };
}

function clampInteger(raw: string | null, fallback: number, min: number, max: number): number {
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  return Math.min(max, Math.max(min, Number(raw)));
}
