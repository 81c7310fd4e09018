import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this test suite belongs to. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a fresh clone of the template holds that the pipeline reads. */
const CLONED = [
  'models/house-prices/model.yaml',
  'models/house-prices/package.json',
  'data.dvc',
  '.dvc/config',
  '.dvc/.gitignore',
  '.dvc/storage',
  '.gitignore',
];

/**
 * A new git repository in a temporary folder with the template's model, data pointer and DVC
 * remote, committed: what `git clone` of the template gives, without node_modules.
 * `epochs` shortens training to keep the suite fast; everything else is the example model as is.
 */
export function cloneTemplate(options: { epochs?: number } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'mlops-e2e-'));
  for (const path of CLONED) cpSync(join(projectRoot, path), join(root, path), { recursive: true });
  if (options.epochs !== undefined) {
    editFile(join(root, 'models/house-prices/model.yaml'), (text) =>
      text.replace(/epochs: \d+/, `epochs: ${options.epochs}`),
    );
  }
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(
    root,
    '-c',
    'user.name=e2e',
    '-c',
    'user.email=e2e@example.com',
    'commit',
    '-q',
    '-m',
    'template',
  );
  return root;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

export function editFile(path: string, edit: (text: string) => string): void {
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** Every file below `root` (but .git) with its sha256: to prove a failed command changed nothing. */
/**
 * DVC's own folders (git-ignored): the object cache, which may gain verified objects, and the
 * state of verified objects in `.dvc/tmp`, as DVC keeps its state database there.
 */
export const DVC_INTERNALS = ['.dvc/cache/', '.dvc/tmp/'] as const;

export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (statSync(path).isFile()) {
        out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(root);
  return out;
}
