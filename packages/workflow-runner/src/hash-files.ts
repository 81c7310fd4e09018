import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * GitHub's `hashFiles(pattern, …)`: the SHA-256 of the SHA-256 digests of every file under
 * `workspace` that a pattern matches, in path order; '' when none matches. Patterns are globs
 * relative to the workspace (`*` within a folder, `**` across folders, `?` one character, a
 * leading `!` excludes). `.git` is not searched.
 */
export function hashFiles(workspace: string, patterns: readonly string[]): string {
  const include = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  const matched = listFiles(workspace)
    .filter((path) => include.some((re) => re.test(path)) && !exclude.some((re) => re.test(path)))
    .sort();
  if (matched.length === 0) return '';
  const total = createHash('sha256');
  for (const path of matched) {
    total.update(
      createHash('sha256')
        .update(readFileSync(join(workspace, path)))
        .digest(),
    );
  }
  return total.digest('hex');
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files;
}

function globToRegExp(pattern: string): RegExp {
  const glob = pattern.replace(/^\.\//, '');
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
