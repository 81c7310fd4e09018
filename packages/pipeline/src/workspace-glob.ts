import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** `*` and `?` within one path segment, `**` across segments, as a RegExp of one segment. */
function segmentPattern(segment: string): RegExp {
  const body = segment
    .split('')
    .map((ch) =>
      ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

const hasMagic = (segment: string) => /[*?]/.test(segment);

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function walk(
  dir: string,
  rel: string,
  segments: readonly string[],
  out: string[],
): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === '**') {
    await walk(dir, rel, rest, out);
    for (const entry of await entries(dir)) {
      if (entry.isDirectory())
        await walk(join(dir, entry.name), join(rel, entry.name), segments, out);
    }
    return;
  }
  const matches = hasMagic(head)
    ? (await entries(dir)).filter((e) => segmentPattern(head).test(e.name))
    : (await entries(dir)).filter((e) => e.name === head);
  for (const entry of matches) {
    const path = join(rel, entry.name);
    if (rest.length === 0) {
      if (entry.isFile()) out.push(path);
    } else if (entry.isDirectory()) await walk(join(dir, entry.name), path, rest, out);
  }
}

/**
 * The files below `root` matching `pattern` (`/`-separated, relative to root; `*`, `?`, `**`),
 * as paths relative to root, sorted so that the same tree always gives the same order.
 */
export async function expandWorkspaceGlob(root: string, pattern: string): Promise<string[]> {
  const out: string[] = [];
  await walk(
    root,
    '',
    pattern.split('/').filter((s) => s !== '' && s !== '.'),
    out,
  );
  return [...new Set(out)].sort();
}
