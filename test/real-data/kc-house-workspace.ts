import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedConfig, loadModelConfig } from '@repo/config';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root: this file lives in `<root>/test/real-data/`. */
export const REPO_ROOT = resolve(here, '..', '..');

/** The shared King County house sales, beside the repository (never copied into it). */
export const KC_HOUSE_CSV = resolve(
  REPO_ROOT,
  '..',
  'shared',
  'datasets',
  'kc-house-sales',
  'kc_house_data.csv',
);

/** The model name, equal to the fixture's folder name. */
export const KC_HOUSE_MODEL = 'kc-house-prices';

/** The fixture config written for the real data. */
export const KC_HOUSE_FIXTURE = join(here, KC_HOUSE_MODEL, 'model.yaml');

/** True when the shared dataset is present (it is not part of the repository). */
export function kcHouseDataPresent(): boolean {
  return existsSync(KC_HOUSE_CSV);
}

export interface KcHouseWorkspace {
  /** A temporary repository root under `os.tmpdir()`: `models/kc-house-prices/model.yaml` and `data/`. */
  readonly root: string;
  readonly loaded: LoadedConfig;
}

/**
 * Builds a temporary repository root that holds the fixture as `models/kc-house-prices/model.yaml`
 * and, for each of its `data.files`, a symlink to the shared CSV. Without `data.dvc` the pipeline
 * reads the data as-is (untracked). The caller removes `root`.
 */
export async function createKcHouseWorkspace(): Promise<KcHouseWorkspace> {
  const loaded = await loadModelConfig(KC_HOUSE_FIXTURE);
  const root = await mkdtemp(join(tmpdir(), 'kc-house-'));
  const modelDir = join(root, 'models', KC_HOUSE_MODEL);
  await mkdir(modelDir, { recursive: true });
  await copyFile(KC_HOUSE_FIXTURE, join(modelDir, 'model.yaml'));
  for (const file of loaded.config.data.files) {
    const link = join(root, file);
    await mkdir(dirname(link), { recursive: true });
    await symlink(KC_HOUSE_CSV, link);
  }
  return { root, loaded };
}
