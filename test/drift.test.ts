import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { datasetDrift } from '@repo/drift';
import { readCsv } from '@repo/tabular';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, editFile, snapshotTree } from './helpers/template-repo';

/** `mlops drift`'s exit code when drift is detected (ExitCode.drift). */
const DRIFT = 5;
const INVALID_INPUT = 3;

interface Report {
  status: string;
  dataset: { driftedColumns: number; columns: { column: string; drifted: boolean }[] } | null;
  lineage: {
    referenceFrom: string;
    referenceRows: number;
    currentRows: number;
    releaseTag: string;
  };
  concept: { metric: string; interval: { lower: number; upper: number } } | null;
  prediction: { method: string } | null;
  notes: string[];
}

/** The fresh window with one column edited, written to `name` in the clone. */
function editedWindow(root: string, name: string, edit: (lines: string[][]) => string[][]): string {
  const text = readFileSync(join(root, 'incoming/house-prices/window.csv'), 'utf8').trim();
  const rows = edit(text.split('\n').map((line) => line.split(',')));
  const file = join(root, name);
  writeFileSync(file, `${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
}

function withoutColumn(rows: string[][], column: string): string[][] {
  const index = rows[0]?.indexOf(column) ?? -1;
  return rows.map((r) => r.filter((_, i) => i !== index));
}

function setColumn(rows: string[][], column: string, value: (row: number) => string): string[][] {
  const index = rows[0]?.indexOf(column) ?? -1;
  return rows.map((r, row) => (row === 0 ? r : r.map((v, i) => (i === index ? value(row) : v))));
}

describe('drift reports and retraining on a fresh clone of the template', () => {
  let root: string;
  let server: Server;
  let base: string;
  const run = (args: string[]) => runCli(args, { cwd: root });

  beforeAll(async () => {
    root = cloneTemplate({ epochs: 4 });
    const pipeline = await run(['pipeline', '-q']);
    expect(pipeline.code, pipeline.stderr).toBe(0);
    expect((await run(['drift', 'generate-window', '--window', 'fresh'])).code).toBe(0);
    expect(
      (await run(['drift', 'generate-window', '--window', 'training', '--out', 'training.csv']))
        .code,
    ).toBe(0);
    server = createServer((req, res) => {
      if (req.url === '/fresh.csv') {
        res.end(readFileSync(join(root, 'incoming/house-prices/window.csv')));
      } else if (req.url === '/fresh.jsonl') {
        const [header, ...lines] = readFileSync(
          join(root, 'incoming/house-prices/window.csv'),
          'utf8',
        )
          .trim()
          .split('\n');
        const names = header?.split(',') ?? [];
        const record = (line: string) => {
          const values = line.split(',');
          return JSON.stringify(
            Object.fromEntries(names.map((name, i) => [name, values[i] === '' ? null : values[i]])),
          );
        };
        res.end(`${lines.map(record).join('\n')}\n`);
      } else if (req.url === '/slow.csv') {
        // Never answers: the source's timeout must end the wait.
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('detects dataset drift on the fresh window of later months, with exit code 5', async () => {
    const result = await run(['drift', 'house-prices']);
    expect(result.code, result.stderr).toBe(DRIFT);
    expect(result.stdout).toMatch(
      /\*\*Drift detected for \d+ of 12 columns \(\d+%\): dataset drift\*\*/,
    );
    expect(result.stdout).toContain('```mermaid\nxychart-beta');
    expect(result.stdout).toContain('## Prediction drift');
    expect(result.stdout).toContain('## Concept drift');
    expect(result.stdout).toContain(
      'house-prices@v1.0.0 training split (data version pulled from DVC)',
    );
    const json = await run(['drift', 'house-prices', '--json']);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.status).toBe('drift');
    expect(report.dataset?.driftedColumns).toBeGreaterThanOrEqual(6);
    expect(report.dataset?.columns.find((c) => c.column === 'sqft_living')?.drifted).toBe(true);
    expect(report.lineage).toMatchObject({
      referenceFrom: 'dvc',
      referenceRows: 8400,
      currentRows: 1500,
    });
    expect(report.concept?.metric).toBe('rmse');
    expect(report.prediction?.method).toBe('wasserstein');
  });

  it('finds no drift in a window drawn from the training months, with exit code 0', async () => {
    const result = await run(['drift', 'house-prices', '--current', 'training.csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('**No drift: none of 12 columns drifted**');
  });

  it('writes the Markdown, a self-contained HTML page and the JSON of every number', async () => {
    const result = await run([
      'drift',
      'house-prices',
      '--markdown',
      'd.md',
      '--html',
      'd.html',
      '--json-file',
      'd.json',
    ]);
    expect(result.code, result.stderr).toBe(DRIFT);
    expect(readFileSync(join(root, 'd.md'), 'utf8')).toContain('Drift detected for');
    const html = readFileSync(join(root, 'd.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(JSON.parse(readFileSync(join(root, 'd.json'), 'utf8')).status).toBe('drift');
  });

  it('reads the window from an http URL on loopback', async () => {
    const result = await run(['drift', 'house-prices', '--current', `${base}/fresh.csv`, '--json']);
    expect(result.code, result.stderr).toBe(DRIFT);
    expect(JSON.parse(result.stdout).lineage.currentSource).toBe(`${base}/fresh.csv`);
  });

  it('reads a JSON Lines window from a URL the same way as the CSV', async () => {
    const csv = JSON.parse((await run(['drift', 'house-prices', '--json'])).stdout) as Report;
    const result = await run([
      'drift',
      'house-prices',
      '--current',
      `${base}/fresh.jsonl`,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(DRIFT);
    const jsonl = JSON.parse(result.stdout) as Report;
    expect(jsonl.dataset?.columns).toEqual(csv.dataset?.columns);
  });

  it('applies the configured time window: the last 30 days before the latest sale', async () => {
    const config = join(root, 'models/house-prices/model.yaml');
    const original = readFileSync(config, 'utf8');
    editFile(config, (text) =>
      text.replace('  minRows: 100', '  minRows: 100\n  window: { column: sale_date, last: 30d }'),
    );
    try {
      const result = await run(['drift', 'house-prices', '--json']);
      expect([0, DRIFT]).toContain(result.code);
      const report = JSON.parse(result.stdout) as Report & {
        lineage: { window: { from: string; to: string } };
      };
      expect(report.lineage.window).toEqual({
        column: 'sale_date',
        from: '2025-09-01',
        to: '2025-09-30',
      });
      expect(report.lineage.currentRows).toBeGreaterThan(100);
      expect(report.lineage.currentRows).toBeLessThan(1500);
    } finally {
      writeFileSync(config, original);
    }
  });

  it('says "too few rows" instead of a verdict for an empty window or one below minRows', async () => {
    const empty = editedWindow(root, 'empty.csv', (rows) => rows.slice(0, 1));
    const few = editedWindow(root, 'few.csv', (rows) => rows.slice(0, 51));
    for (const file of [empty, few]) {
      const result = await run(['drift', 'house-prices', '--current', file, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.status).toBe('too-few-rows');
      expect(report.dataset).toBeNull();
    }
    const text = await run(['drift', 'house-prices', '--current', few]);
    expect(text.stdout).toContain('**Too few rows: 50 in the window, 100 needed for a verdict**');
  });

  describe('refuses bad input with exit code 3, naming the file, column or source, writing nothing', () => {
    const refuses = async (args: string[], message: RegExp | string) => {
      const before = snapshotTree(root);
      const result = await run(['drift', 'house-prices', ...args, '--markdown', 'never.md']);
      expect(result.code, result.stderr).toBe(INVALID_INPUT);
      expect(result.stderr).toMatch(message);
      expect(snapshotTree(root)).toEqual(before);
    };

    it('a window without one of the features', async () => {
      const file = editedWindow(root, 'no-lot.csv', (rows) => withoutColumn(rows, 'sqft_lot'));
      await refuses(['--current', file], /no-lot\.csv: the window has no column "sqft_lot"/);
    });

    it('a feature missing in every row', async () => {
      const file = editedWindow(root, 'blank.csv', (rows) =>
        setColumn(rows, 'sqft_living', () => ''),
      );
      await refuses(
        ['--current', file],
        /blank\.csv: column "sqft_living" is missing in every one of the 1500 rows/,
      );
    });

    it('text in a numeric column', async () => {
      const file = editedWindow(root, 'text.csv', (rows) =>
        setColumn(rows, 'bedrooms', (row) => (row === 7 ? 'three' : '3')),
      );
      await refuses(['--current', file], /text\.csv.*bedrooms.*three|text\.csv.*three.*bedrooms/);
    });

    it('a source with no file', async () => {
      await refuses(['--current', 'incoming/nothing-here.csv'], /nothing-here\.csv/);
    });

    it('a source URL that answers 404', async () => {
      await refuses(['--current', `${base}/missing.csv`], `${base}/missing.csv: HTTP 404`);
    });

    it('a source URL that does not answer within its timeout', async () => {
      const config = join(root, 'models/house-prices/model.yaml');
      const original = readFileSync(config, 'utf8');
      editFile(config, (text) =>
        text.replace(/^ {2}source: .*$/m, `  source: { url: "${base}/slow.csv", timeoutMs: 300 }`),
      );
      try {
        await refuses([], `${base}/slow.csv: no answer within 300 ms`);
      } finally {
        writeFileSync(config, original);
      }
    });

    it('a data version the DVC remote cannot serve, when the profile fallback is refused', async () => {
      const moved = ['.dvc/cache', '.dvc/storage'].filter((d) => existsSync(join(root, d)));
      for (const dir of moved) renameSync(join(root, dir), join(root, `${dir}.away`));
      try {
        await refuses(
          ['--strict-reference'],
          /data version 4c6fdb71ccd1aa4bd6f1f8e2eed986a0\.dir of house-prices cannot be pulled/,
        );
        const fallback = await run(['drift', 'house-prices', '--json']);
        expect(fallback.code, fallback.stderr).toBe(DRIFT);
        const report = JSON.parse(fallback.stdout) as Report;
        expect(report.lineage.referenceFrom).toBe('profile');
        expect(report.notes[0]).toContain("Reference rebuilt from the release's profile.json");
      } finally {
        for (const dir of moved) {
          // The failed pull may have left an empty cache layout behind.
          rmSync(join(root, dir), { recursive: true, force: true });
          renameSync(join(root, `${dir}.away`), join(root, dir));
        }
      }
    });
  });

  it('refuses a model without a production version with exit code 3', async () => {
    const bare = cloneTemplate();
    const result = await runCli(['drift', 'house-prices'], { cwd: bare });
    expect(result.code).toBe(INVALID_INPUT);
    expect(result.stderr).toContain('house-prices has no production version');
  });

  it('gives the same numbers in drift compare as @repo/drift called directly', async () => {
    const reference = join(root, 'training.csv');
    const current = join(root, 'incoming/house-prices/window.csv');
    const result = await run([
      'drift',
      'compare',
      '--reference',
      reference,
      '--current',
      current,
      '--columns',
      'sqft_living,neighborhood,floors',
      '--json',
    ]);
    expect([0, DRIFT]).toContain(result.code);
    const expected = datasetDrift(await readCsv(reference), await readCsv(current), {
      include: ['sqft_living', 'neighborhood', 'floors'],
    });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const psi = await run([
      'drift',
      'compare',
      '--reference',
      reference,
      '--current',
      current,
      '--method',
      'psi',
      '--json',
    ]);
    const direct = datasetDrift(await readCsv(reference), await readCsv(current), {
      include: JSON.parse(psi.stdout).columns.map((c: { column: string }) => c.column),
      defaults: { method: 'psi' },
    });
    expect(JSON.parse(psi.stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('retrains nothing when the policy is not met, and writes nothing half when the window cannot be added', async () => {
    const before = snapshotTree(root);
    const calm = await run(['retrain', 'house-prices', '--current', 'training.csv', '--json']);
    expect(calm.code, calm.stderr).toBe(0);
    expect(JSON.parse(calm.stdout)).toMatchObject({ prepared: false, reasons: [] });
    const file = editedWindow(root, 'no-price.csv', (rows) => withoutColumn(rows, 'price'));
    const snapshot = snapshotTree(root);
    const failed = await run(['retrain', 'house-prices', '--current', file, '--force']);
    expect(failed.code).toBe(INVALID_INPUT);
    expect(failed.stderr).toContain('no-price.csv: the window has no column "price"');
    expect(snapshotTree(root)).toEqual(snapshot);
    expect(Object.keys(snapshot).filter((path) => !(path in before))).toEqual(['no-price.csv']);
  });

  it('retrains: tracks the production data plus the window, and the pipeline trains on it against production', async () => {
    const pointer = readFileSync(join(root, 'data.dvc'), 'utf8');
    const retrain = await run(['retrain', 'house-prices', '--json']);
    expect(retrain.code, retrain.stderr).toBe(0);
    const summary = JSON.parse(retrain.stdout);
    expect(summary).toMatchObject({
      prepared: true,
      reasons: ['dataset-drift'],
      rows: { reference: 12000, current: 1500, total: 13500 },
    });
    const changed = readFileSync(join(root, 'data.dvc'), 'utf8');
    expect(changed).not.toBe(pointer);
    expect(changed).toContain(`md5: ${summary.dataMd5}`);
    const pipeline = await run(['pipeline']);
    expect([0, 1]).toContain(pipeline.code);
    expect(pipeline.stdout).toContain('vs **production** `v1.0.0`');
    const training = JSON.parse(
      readFileSync(join(root, 'models/house-prices/artifacts/candidate/training.json'), 'utf8'),
    );
    expect(training.lineage.dataMd5).toBe(summary.dataMd5);
    expect(training.lineage.dataRows).toBe(13500);
  });
});
