import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileRegistry } from '@repo/registry';
import { loadRelease } from '@repo/serving';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, projectRoot } from './helpers/template-repo';

let root: string;
let header: string;
let rows: string[];

beforeAll(async () => {
  root = cloneTemplate({ epochs: 2 });
  const pipeline = await runCli(['pipeline'], { cwd: root });
  expect(pipeline.code, pipeline.stderr).toBe(0);
  const lines = readFileSync(join(root, 'data/house-sales/sales.csv'), 'utf8').trim().split('\n');
  header = lines[0] ?? '';
  rows = lines.slice(1);
});

const csvOf = (data: readonly string[]) => `${header}\n${data.join('\n')}\n`;

/**
 * The production version's predictions, in process, for the first `n` data rows, as batch scoring
 * makes them (`predictMany`: ONNX Runtime from 64 rows, the fused kernel below).
 */
async function expectedPredictions(n: number): Promise<number[]> {
  const loaded = await loadRelease(
    new FileRegistry(join(root, '.mlops/registry')),
    'house-prices',
    'production',
    { cacheDir: join(root, '.mlops/test-cache') },
  );
  const names = header.split(',');
  const records = rows.slice(0, n).map((line) => {
    const cells = line.split(',');
    const record: Record<string, number | string | null> = {};
    for (const field of loaded.inputSchema) {
      const cell = cells[names.indexOf(field.name)] ?? '';
      record[field.name] = cell === '' ? null : field.type === 'numeric' ? Number(cell) : cell;
    }
    return record;
  });
  const { predictions } = await loaded.predictMany(records);
  loaded.dispose();
  return predictions;
}

describe('mlops predict', () => {
  it('predicts every row of a CSV in order, with the values the model gives in process', async () => {
    writeFileSync(join(root, 'in.csv'), csvOf(rows.slice(0, 500)));
    const run = await runCli(
      ['predict', 'house-prices', '--input', 'in.csv', '--output', 'out.csv'],
      { cwd: root },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/house-prices@v1\.0\.0: 500 rows in [\d.]+ s \([\d,]+ rows\/s\)/);
    const [head, ...out] = readFileSync(join(root, 'out.csv'), 'utf8').trim().split('\n');
    expect(head).toBe('id,price');
    expect(out.map((line) => line.split(',')[0])).toEqual(
      Array.from({ length: 500 }, (_, i) => String(i)),
    );
    const expected = await expectedPredictions(500);
    out.forEach((line, i) => {
      expect(Number(line.split(',')[1])).toBeCloseTo(expected[i] ?? Number.NaN, 6);
    });
  });

  it('reads and writes JSON Lines the same way, copying an id column', async () => {
    const names = header.split(',');
    const jsonl = rows.slice(0, 50).map((line, i) => {
      const cells = line.split(',');
      const record: Record<string, string> = { ref: `r${i}` };
      names.forEach((name, j) => {
        record[name] = cells[j] ?? '';
      });
      return JSON.stringify(record);
    });
    writeFileSync(join(root, 'in.jsonl'), `${jsonl.join('\n')}\n`);
    const run = await runCli(
      ['predict', 'house-prices', '--input', 'in.jsonl', '--output', 'out.jsonl', '--id', 'ref'],
      { cwd: root },
    );
    expect(run.code, run.stderr).toBe(0);
    const out = readFileSync(join(root, 'out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; price: number });
    const expected = await expectedPredictions(50);
    expect(out.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `r${i}`));
    out.forEach((r, i) => {
      expect(r.price).toBeCloseTo(expected[i] ?? Number.NaN, 6);
    });
  });

  it('names the data row of a bad value and writes no output', async () => {
    const names = header.split(',');
    const numeric = names.indexOf('sqft_living');
    const bad = rows.slice(0, 20).map((line, i) => {
      if (i !== 12) return line;
      const cells = line.split(',');
      cells[numeric] = 'large';
      return cells.join(',');
    });
    writeFileSync(join(root, 'bad.csv'), csvOf(bad));
    const run = await runCli(
      ['predict', 'house-prices', '--input', 'bad.csv', '--output', 'bad-out.csv'],
      { cwd: root },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/bad\.csv \(data row 13\).*sqft_living/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'bad-out.csv'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('leaves no output when killed mid-way, and the next run cleans up and completes', async () => {
    const many = Array.from({ length: 25 }, () => rows).flat();
    writeFileSync(join(root, 'big.csv'), csvOf(many));
    const child = spawn(
      process.execPath,
      [
        join(projectRoot, 'packages/cli/bin/mlops.js'),
        'predict',
        'house-prices',
        '--input',
        'big.csv',
        '--output',
        'big-out.csv',
      ],
      { cwd: root, env: { ...process.env, MLOPS_BACKEND: 'wasm' }, stdio: 'ignore' },
    );
    const deadline = Date.now() + 60_000;
    while (!readdirSync(root).some((f) => f.startsWith('.big-out.csv.partial-'))) {
      if (Date.now() > deadline) throw new Error('the run never started writing');
      await sleep(10);
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(existsSync(join(root, 'big-out.csv'))).toBe(false);
    const rerun = await runCli(
      ['predict', 'house-prices', '--input', 'big.csv', '--output', 'big-out.csv'],
      { cwd: root },
    );
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(readFileSync(join(root, 'big-out.csv'), 'utf8').trim().split('\n')).toHaveLength(
      many.length + 1,
    );
    expect(readdirSync(root).filter((f) => f.includes('.partial-'))).toEqual([]);
  }, 180_000);
});
