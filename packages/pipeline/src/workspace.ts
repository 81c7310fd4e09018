import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceError } from './errors';

/** Where things live in a repository made from this template. */
export interface WorkspacePaths {
  readonly root: string;
  readonly modelsDir: string;
  readonly registryDir: string;
}

/** The nearest folder at or above `start` that holds `models/` or `data.dvc`. */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'models')) || existsSync(join(dir, 'data.dvc'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new WorkspaceError(
        `no repository root found at or above ${resolve(start)} (looked for models/ or data.dvc)`,
      );
    }
    dir = parent;
  }
}

export function workspacePaths(
  options: { root?: string | undefined; registryDir?: string | undefined } = {},
): WorkspacePaths {
  const root = options.root === undefined ? findRepoRoot() : resolve(options.root);
  return {
    root,
    modelsDir: join(root, 'models'),
    registryDir:
      options.registryDir === undefined
        ? join(root, '.mlops', 'registry')
        : resolve(options.registryDir),
  };
}

/** Model names: the folders under `models/` that hold a `model.yaml`, sorted. */
export async function listModels(paths: WorkspacePaths): Promise<string[]> {
  const entries = await readdir(paths.modelsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(paths.modelsDir, entry.name, 'model.yaml')),
    )
    .map((entry) => entry.name)
    .sort();
}

export function modelDir(paths: WorkspacePaths, model: string): string {
  return join(paths.modelsDir, model);
}

/** The candidate of a model: what `train` writes and `evaluate`/`promote` read. */
export function candidateDir(paths: WorkspacePaths, model: string): string {
  return join(paths.modelsDir, model, 'artifacts', 'candidate');
}
