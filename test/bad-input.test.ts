import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, DVC_INTERNALS, editFile, snapshotTree } from './helpers/template-repo';

const CSV = 'data/house-sales/sales.csv';

/** A clone with the data pulled, then changed by `change` and versioned with `mlops data add`. */
async function cloneWithData(
  change: (csv: string) => string,
  options: { published?: boolean } = {},
): Promise<string> {
  const root = cloneTemplate({ epochs: 2 });
  const first = await runCli(options.published === true ? ['pipeline'] : ['data', 'pull'], {
    cwd: root,
  });
  expect(first.code, first.stderr).toBe(0);
  editFile(join(root, CSV), change);
  const added = await runCli(['data', 'add', 'data'], { cwd: root });
  expect(added.code, added.stderr).toBe(0);
  return root;
}

/** Runs the pipeline, expecting it to fail with `code` and to leave every file as it was. */
async function expectRefused(root: string, code: number) {
  // The DVC cache may gain verified objects (as with DVC); nothing else may change.
  const tree = () =>
    Object.fromEntries(
      Object.entries(snapshotTree(root)).filter(
        ([path]) => !DVC_INTERNALS.some((prefix) => path.startsWith(prefix)),
      ),
    );
  const before = tree();
  const run = await runCli(['pipeline', '--json'], { cwd: root });
  expect(run.code, run.stderr).toBe(code);
  expect(tree()).toEqual(before);
  const error = (
    JSON.parse(run.stdout) as { error: { name: string; message: string; exitCode: number } }
  ).error;
  expect(error.exitCode).toBe(code);
  expect(run.stderr).toContain(`mlops: ${error.message.split('\n')[0]}`);
  return error;
}

describe('bad input is refused with a clear error and changes nothing', () => {
  it('refuses a corrupted DVC object, naming it, and writes no data', async () => {
    const root = cloneTemplate({ epochs: 2 });
    const objects = join(root, '.dvc/storage/files/md5');
    const [prefix] = readdirSync(objects).filter(
      (d) => !readdirSync(join(objects, d))[0]?.endsWith('.dir'),
    );
    const [rest] = readdirSync(join(objects, String(prefix)));
    const object = join(objects, String(prefix), String(rest));
    chmodSync(object, 0o644);
    const bytes = readFileSync(object);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    writeFileSync(object, bytes);
    const error = await expectRefused(root, 4);
    expect(error.name).toBe('DvcObjectCorruptError');
    expect(error.message).toContain(`${prefix}${rest}`);
    expect(error.message).toContain('house-sales/sales.csv');
    expect(
      readdirSync(join(root, '.dvc/cache/files/md5')).flatMap((d) =>
        readdirSync(join(root, '.dvc/cache/files/md5', d)),
      ),
    ).not.toContain(rest);
  });

  it('refuses data without a declared column, naming the file and column', async () => {
    const root = await cloneWithData((csv) =>
      csv
        .split('\n')
        .map((line) => line.split(',').slice(0, -1).join(','))
        .join('\n'),
    );
    const error = await expectRefused(root, 3);
    expect(error.name).toBe('ColumnNotFoundError');
    expect(error.message).toContain('sales.csv');
    expect(error.message).toContain('"distance_to_center_km"');
  });

  it('refuses a text in a numeric column, naming the file, column and row, and keeps the registry as it was', async () => {
    const root = await cloneWithData(
      (csv) => {
        const lines = csv.split('\n');
        const header = (lines[0] ?? '').split(',');
        const column = header.indexOf('sqft_living');
        const fields = (lines[17] ?? '').split(',');
        fields[column] = 'large';
        lines[17] = fields.join(',');
        return lines.join('\n');
      },
      { published: true },
    );
    expect(readdirSync(join(root, '.mlops/registry/house-prices'))).toContain('1.0.0');
    const error = await expectRefused(root, 3);
    expect(error.name).toBe('CsvTypeError');
    expect(error.message).toMatch(
      /sales\.csv: column "sqft_living" row 17 \(line 18\): expected a number, found "large"/,
    );
  });

  it('refuses a config with a misspelled key, naming the file, the path and the right key', async () => {
    const root = cloneTemplate({ epochs: 2 });
    editFile(join(root, 'models/house-prices/model.yaml'), (text) =>
      text.replace('batchSize:', 'batch_size:'),
    );
    const error = await expectRefused(root, 3);
    expect(error.name).toBe('ConfigValidationError');
    expect(error.message).toContain('models/house-prices/model.yaml');
    expect(error.message).toMatch(
      /training\.batch_size \(line \d+\): expected one of the keys .*; did you mean "batchSize"\?/,
    );
  });

  it('refuses an empty data file, naming it', async () => {
    const root = await cloneWithData(() => '');
    const error = await expectRefused(root, 3);
    expect(error.name).toBe('EmptyDataError');
    expect(error.message).toContain('sales.csv');
  });

  it('refuses data changed without `mlops data add`, saying how to fix it', async () => {
    const root = cloneTemplate({ epochs: 2 });
    expect((await runCli(['data', 'pull'], { cwd: root })).code).toBe(0);
    editFile(join(root, CSV), (csv) =>
      csv.replace('\n', '\n2023-01-01,1,1,1,1,1,1,1,1,Fremont,house,47.6,-122.3,1\n'),
    );
    const error = await expectRefused(root, 3);
    expect(error.name).toBe('DataOutOfDateError');
    expect(error.message).toContain('mlops data add data');
  });

  it('answers a usage error with exit code 2 and a pointer to --help', async () => {
    const root = cloneTemplate();
    const run = await runCli(['pipeline', '--epochs', '3'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--epochs'");
    expect(run.stderr).toContain('mlops --help');
  });
});
