import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigValidationError, type LoadedConfig, loadModelConfig } from '@repo/config';
import { readPointer, status } from '@repo/dvc';
import {
  assertValid,
  columnTypesFor,
  readCsv,
  type Split,
  splitRows,
  type Table,
} from '@repo/tabular';
import { concatTables } from './concat-tables';
import type { PipelineContext } from './context';
import { DATA_POINTER, pullData } from './data-steps';
import { DataOutOfDateError, WorkspaceError } from './errors';
import { modelDir } from './workspace';

/** A model's validated configuration, its data, and the seeded split of that data. */
export interface ModelData {
  readonly loaded: LoadedConfig;
  readonly table: Table;
  readonly split: Split;
  /** md5 of the DVC-tracked data (`data.dvc`), or `untracked` without a pointer. */
  readonly dataMd5: string;
}

/**
 * Loads `models/<model>/model.yaml`, makes sure the DVC-tracked data is in the workspace (pulling it
 * when it is missing; refusing when it was changed without `mlops data add`), reads the data files
 * with the declared column types, validates them against the config and splits them.
 */
export async function loadModelData(ctx: PipelineContext, model: string): Promise<ModelData> {
  const configFile = join(modelDir(ctx.paths, model), 'model.yaml');
  if (!existsSync(configFile)) {
    throw new WorkspaceError(`unknown model "${model}": ${configFile} does not exist`);
  }
  const loaded = await loadModelConfig(configFile);
  const dataMd5 = await ensureData(ctx);
  const types = columnTypesFor(loaded.config);
  const tables: Table[] = [];
  for (const [index, file] of loaded.config.data.files.entries()) {
    if (!/\.(csv|txt)$/i.test(file)) {
      throw new WorkspaceError(
        `${configFile}: data file ${file}: only CSV files are read (Parquet is not supported yet)`,
      );
    }
    const path = join(ctx.paths.root, file);
    if (!existsSync(path)) throw missingDataFile(loaded, index, dataMd5);
    const table = await readCsv(path, { types });
    assertValid(table, loaded.config);
    tables.push(table);
  }
  const table = concatTables(tables);
  const split = splitRows(table, loaded.config.split, loaded.config.seed);
  return { loaded, table, split, dataMd5 };
}

/** `data.files[i]` names a file the workspace does not have: a config error, at its line. */
function missingDataFile(loaded: LoadedConfig, index: number, dataMd5: string) {
  const path = `data.files[${index}]`;
  const line = loaded.lineOf(path);
  return new ConfigValidationError(loaded.file, [
    {
      path,
      expected: 'a file of the workspace',
      found: `"${loaded.config.data.files[index]}", which does not exist${dataMd5 === 'untracked' ? '' : ` (the data of ${DATA_POINTER} is pulled)`}`,
      ...(line === undefined ? {} : { line }),
    },
  ]);
}

async function ensureData(ctx: PipelineContext): Promise<string> {
  const pointerFile = join(ctx.paths.root, DATA_POINTER);
  if (!existsSync(pointerFile)) return 'untracked';
  const pointer = await readPointer(pointerFile);
  const report = await status({ root: ctx.paths.root, pointer: DATA_POINTER, remote: false });
  if (report.workspace === 'missing') {
    const pulled = await pullData(ctx);
    ctx.log(pulled.message);
  } else if (report.workspace === 'modified') {
    const changed = report.changed.slice(0, 5).map((c) => `${c.state} ${c.relpath}`);
    throw new DataOutOfDateError(
      `the data differs from ${DATA_POINTER} (${changed.join(', ')}${report.changed.length > 5 ? ', …' : ''}): ` +
        'run `mlops data add data` to version the change, or `mlops data pull` to restore the tracked version',
    );
  }
  return pointer.outs.map((out) => out.md5).join('+');
}
