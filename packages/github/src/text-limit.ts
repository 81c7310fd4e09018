/**
 * GitHub's limit on a comment body and on a check run's `output.summary` / `output.text`:
 * 65 535 characters (a longer one is answered 422).
 */
export const GITHUB_TEXT_LIMIT = 65_535;

/** Where the last code fence (```…) or `<details>` that is open at `end` starts, if one is. */
function openBlockStart(text: string, end: number): number | undefined {
  const head = text.slice(0, end);
  let fenceStart: number | undefined;
  for (const match of head.matchAll(/^ {0,3}(`{3,}|~{3,})/gm)) {
    fenceStart = fenceStart === undefined ? match.index : undefined;
  }
  if (fenceStart !== undefined) return fenceStart;
  const open: number[] = [];
  for (const match of head.matchAll(/<details\b[^>]*>|<\/details>/gi)) {
    if (match[0].startsWith('</')) open.pop();
    else open.push(match.index);
  }
  return open.at(-1);
}

/**
 * `text` cut to at most `limit` UTF-16 code units, ending with `note` when cut: never in the
 * middle of a surrogate pair, and never inside a code fence (a mermaid chart) or a
 * `<details>` section, which are dropped whole instead of being left open.
 */
export function truncateText(text: string, note: string, limit = GITHUB_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - note.length);
  for (;;) {
    const start = openBlockStart(text, end);
    if (start === undefined) break;
    end = start;
  }
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${note}`.slice(0, limit);
}
