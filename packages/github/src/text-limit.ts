/**
 * GitHub's limit on a comment body and on a check run's `output.summary` / `output.text`:
 * 65 535 characters (a longer one is answered 422).
 */
export const GITHUB_TEXT_LIMIT = 65_535;

/**
 * `text` cut to at most `limit` UTF-16 code units, ending with `note` when cut (never in the
 * middle of a surrogate pair).
 */
export function truncateText(text: string, note: string, limit = GITHUB_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - note.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${note}`.slice(0, limit);
}
