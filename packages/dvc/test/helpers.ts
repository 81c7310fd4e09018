import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface Golden {
  file: { path: string; md5: string; size: number };
  crlf: { path: string; md5: string; md5Dos2unix: string };
  directory: {
    path: string;
    md5: string;
    size: number;
    nfiles: number;
    entries: { md5: string; relpath: string }[];
    listing: string;
  };
  legacyDirectory: { path: string; md5: string };
  synthetic: { entries: { md5: string; relpath: string }[]; listing: string; md5: string };
  legacyBoundary: { md5: string; md5Dos2unix: string };
}

export async function readGolden(): Promise<Golden> {
  return JSON.parse(await readFile(join(FIXTURES, 'golden.json'), 'utf8')) as Golden;
}

/** A scratch folder under the OS temp dir. */
export function scratch(prefix = 'dvc-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * A repository with `.dvc/config` naming a local remote by a path relative to `.dvc/`
 * (`remote` → `<root>/.dvc/remote`), and the fixture dataset copied to `<root>/data`.
 */
export async function makeRepo(config?: string): Promise<string> {
  const root = await scratch('dvc-repo-');
  await mkdir(join(root, '.dvc'), { recursive: true });
  await writeFile(
    join(root, '.dvc', 'config'),
    config ?? '[core]\n    remote = local\n[\'remote "local"\']\n    url = remote\n',
  );
  await cp(join(FIXTURES, 'dataset'), join(root, 'data'), { recursive: true });
  return root;
}

/** Every file under `dir` with its bytes, keyed by `/`-separated relpath. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  async function walk(abs: string, rel: string): Promise<void> {
    let children: import('node:fs').Dirent[];
    try {
      children = await readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const child of children) {
      const childRel = rel ? `${rel}/${child.name}` : child.name;
      if (child.isDirectory()) await walk(join(abs, child.name), childRel);
      else result.set(childRel, await readFile(join(abs, child.name)));
    }
  }
  await walk(dir, '');
  return result;
}

export async function removeAll(...paths: string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true });
}
