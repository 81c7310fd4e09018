import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureRecord } from '@repo/features';
import {
  candidateDir,
  createContext,
  evaluateModel,
  loadModelData,
  type ModelData,
  type PipelineContext,
  promoteModel,
  trainModel,
} from '@repo/pipeline';
import { FileRegistry } from '@repo/registry';
import { generateHouseSales, writeCsv } from '@repo/tabular';

export const MODEL = 'house-prices';

/** Every temporary folder the fixture made, removed by `removeTemporaryDirs`. */
const temporary: string[] = [];

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

export async function removeTemporaryDirs(): Promise<void> {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

const REPO_MODEL_YAML = fileURLToPath(
  new URL('../../../models/house-prices/model.yaml', import.meta.url),
);

export interface PublishedRelease {
  readonly root: string;
  readonly ctx: PipelineContext;
  readonly registry: FileRegistry;
  /** The data as the pipeline read and split it. */
  readonly data: ModelData;
  /** Where the pipeline left the trained candidate (the files that were published). */
  readonly candidate: string;
  readonly version: string;
}

/** A trained and evaluated candidate of the example model, not yet promoted. */
export interface EvaluatedCandidate {
  readonly root: string;
  readonly ctx: PipelineContext;
  readonly data: ModelData;
}

/**
 * The repository's `model.yaml` (3 epochs, no quality gates, so that a short training is
 * promoted) on 2,000 generated house sales in a temporary repository, trained and evaluated by
 * the pipeline itself, with an empty `FileRegistry`.
 */
export async function evaluateHousePrices(): Promise<EvaluatedCandidate> {
  const root = await temporaryDir('serving-release-');
  const yaml = await readFile(REPO_MODEL_YAML, 'utf8');
  const shortened = yaml
    .replace(/^ {2}epochs: \d+$/m, '  epochs: 3')
    .replace(/^gates:\n(?: {2}- .*\n)+/m, 'gates: []\n')
    .replace('# yaml-language-server: $schema=../../packages/config/model.schema.json\n', '');
  if (!shortened.includes('epochs: 3') || !shortened.includes('gates: []')) {
    throw new Error(`the fixture no longer understands ${REPO_MODEL_YAML}`);
  }
  const modelDir = join(root, 'models', MODEL);
  await mkdir(modelDir, { recursive: true });
  await writeFile(join(modelDir, 'model.yaml'), shortened);
  const dataFile = join(root, 'data', 'house-sales', 'sales.csv');
  await mkdir(dirname(dataFile), { recursive: true });
  await writeCsv(generateHouseSales({ rows: 2000, seed: 7 }), dataFile);

  const ctx = createContext({ root, progress: null, backend: 'wasm' });
  const data = await loadModelData(ctx, MODEL);
  await trainModel(ctx, MODEL, { data });
  await evaluateModel(ctx, MODEL, { data });
  return { root, ctx, data };
}

/**
 * A real registry version of the example model, made by the pipeline itself: the candidate of
 * `evaluateHousePrices`, promoted (v1.0.0).
 */
export async function publishHousePrices(): Promise<PublishedRelease> {
  const { root, ctx, data } = await evaluateHousePrices();
  const promotion = await promoteModel(ctx, MODEL);
  if (promotion.status !== 'promoted' || promotion.version === null) {
    throw new Error(`the fixture was not promoted: ${promotion.message}`);
  }
  return {
    root,
    ctx,
    registry: ctx.registry as FileRegistry,
    data,
    candidate: candidateDir(ctx.paths, MODEL),
    version: promotion.version,
  };
}

/** Copies the registry of `release` so that a test can damage the copy. */
export async function copyRegistry(release: PublishedRelease): Promise<FileRegistry> {
  const copy = await temporaryDir('serving-registry-');
  await cp(release.registry.rootDir, copy, { recursive: true });
  return new FileRegistry(copy);
}

/** Rows of the pipeline's table as serving records: feature → value, `null` where missing. */
export function recordsOf(data: ModelData, rows: Int32Array): FeatureRecord[] {
  const { table, loaded } = data;
  return Array.from(rows, (row) => {
    const record: Record<string, number | string | null> = {};
    for (const feature of loaded.config.features) {
      const column = table.columns.get(feature.name);
      if (column?.kind === 'numeric') {
        const value = column.values[row] as number;
        record[feature.name] = Number.isNaN(value) ? null : value;
      } else if (column?.kind === 'categorical') {
        const code = column.codes[row] as number;
        record[feature.name] = code < 0 ? null : (column.levels[code] as string);
      } else {
        throw new Error(`column ${feature.name} is not in the table`);
      }
    }
    return record;
  });
}

/** A fresh cache folder for `loadRelease`. */
export function cacheDir(): Promise<string> {
  return temporaryDir('serving-cache-');
}
