import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { assertModelName } from '@repo/registry';

export interface InputHash {
  /** Lowercase hex sha256 (see `trainingInputHash`). */
  readonly hash: string;
  /** The hashed files, relative to the root with `/` separators, sorted. */
  readonly files: readonly string[];
}

/** Files of a folder, recursively, skipping `skip` directory names; none when it does not exist. */
async function filesUnder(dir: string, skip: ReadonlySet<string>): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) out.push(...(await filesUnder(path, skip)));
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
  return out;
}

const NONE = new Set<string>();
/** Never inputs: training outputs and installed dependencies. */
const MODEL_SKIP = new Set(['artifacts', 'node_modules']);
/** The actions run training and evaluation (their sources and bundles); their tests do not. */
const ACTIONS_SKIP = new Set(['node_modules', 'test', 'bench']);

export interface InputHashOptions {
  /**
   * The training backend preference in effect (`auto`, `wasm`, …; after `MLOPS_BACKEND`): a
   * candidate trained on one backend does not stand for one trained on another. Default `auto`.
   */
  readonly backend?: string;
}

/**
 * The hash of every input of training `model` in the repository at `root`: `data.dvc` (hence the
 * data md5), `models/<model>/**` except `artifacts/`, `package-lock.json`,
 * `packages/<pkg>/src/**`, `actions/**` except tests and benches, and the backend preference.
 * Definition: sha256 over the lines `<relative path>\t<sha256 of the file>\n`, one per
 * existing file, sorted by path (UTF-16 code units), paths with `/`, then the line
 * `backend\t<preference>\n`. Equal hashes mean a candidate trained from one tree can stand for
 * a candidate trained from the other.
 */
export async function trainingInputHash(
  root: string,
  model: string,
  options: InputHashOptions = {},
): Promise<InputHash> {
  assertModelName(model);
  const candidates = [
    join(root, 'data.dvc'),
    join(root, 'package-lock.json'),
    ...(await filesUnder(join(root, 'models', model), MODEL_SKIP)),
    ...(await filesUnder(join(root, 'actions'), ACTIONS_SKIP)),
  ];
  const packagesDir = join(root, 'packages');
  if (existsSync(packagesDir)) {
    for (const entry of await readdir(packagesDir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        candidates.push(...(await filesUnder(join(packagesDir, entry.name, 'src'), NONE)));
      }
    }
  }
  const files = candidates
    .filter((path) => existsSync(path))
    .map((path) => ({ path, rel: relative(root, path).split(sep).join('/') }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of files) {
    const digest = createHash('sha256')
      .update(await readFile(file.path))
      .digest('hex');
    hash.update(`${file.rel}\t${digest}\n`);
  }
  hash.update(`backend\t${options.backend ?? 'auto'}\n`);
  return { hash: hash.digest('hex'), files: files.map((f) => f.rel) };
}
