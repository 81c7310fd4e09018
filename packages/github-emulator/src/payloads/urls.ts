/**
 * Base URLs of the emulator, laid out like GitHub Enterprise Server on one origin:
 * `api` = `http://127.0.0.1:PORT/api/v3`, `uploads` = `http://127.0.0.1:PORT/api/uploads`,
 * `web` = `http://127.0.0.1:PORT` (html_url, browser_download_url).
 */
export interface Urls {
  readonly api: string;
  readonly uploads: string;
  readonly web: string;
  /** The signed-URL storage origin (another port: another host, as GitHub's downloads are). */
  readonly storage: string;
}

/** `owner/repo` URLs shared by every repository-scoped payload. */
export function repoUrls(urls: Urls, fullName: string): { api: string; web: string } {
  return { api: `${urls.api}/repos/${fullName}`, web: `${urls.web}/${fullName}` };
}

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds, e.g. `2026-01-02T03:04:05Z`. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A GraphQL-style global node id, e.g. `RE_kwDOAAAD6A` (prefix + base64url of the kind and id). */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}
