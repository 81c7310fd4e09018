/** Small GitHub-flavoured markdown builders. */

export type Alignment = 'left' | 'right' | 'center';

/** Makes text safe inside a table cell: escapes `|`, turns line breaks into `<br>`. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Escapes `&`, `<`, `>` and `"` for text inside HTML tags such as `<summary>`. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Longest text an untrusted value shows in a report (the rest is cut with `…`). */
export const UNTRUSTED_TEXT_LIMIT = 200;

/**
 * Inline code that survives any text: fenced by one more backtick than the longest run of
 * backticks in it, line breaks turned into spaces. Inside a code span nothing is markup: no
 * mention (`@user`), image, link, heading or HTML reaches the reader as such, so every string
 * that comes from a pull request (names, parameter values, lineage, data levels) goes through
 * here or {@link untrustedText}.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith(' ') || flat.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** An untrusted string as inert inline code, cut to {@link UNTRUSTED_TEXT_LIMIT} characters. */
export function untrustedText(text: string): string {
  const chars = [...text];
  return inlineCode(
    chars.length > UNTRUSTED_TEXT_LIMIT
      ? `${chars.slice(0, UNTRUSTED_TEXT_LIMIT).join('')}…`
      : text,
  );
}

/** A table; cells are escaped. `align` defaults to left for every column. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
): string {
  const rule = header.map((_, i) => {
    const a = align[i] ?? 'left';
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : ':---';
  });
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A collapsible section; `open` shows it expanded. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
