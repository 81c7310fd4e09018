import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FeatureRecord } from '@repo/features';
import { BatchInputError } from './errors';
import type { LoadedModel, OnInvalid } from './loaded-model';

export interface BatchPredictOptions {
  /** A CSV (with a header) or JSON Lines file of records; its ending (`.csv`, `.jsonl`) decides. */
  readonly input: string;
  /** Where the predictions go (`.csv` or `.jsonl`); written whole or not at all. */
  readonly output: string;
  /** An input column copied to each output row (e.g. an id); default: the 0-based row number. */
  readonly idColumn?: string;
  /** Records per prediction call (default 4,096): bounds the memory whatever the file's size. */
  readonly batchSize?: number;
  /** What out-of-range values and unseen categories do (default `warn`: counted, predicted). */
  readonly onInvalid?: OnInvalid;
  /** Called after each batch with the rows done so far. */
  readonly onProgress?: (rows: number) => void;
}

export interface BatchPredictSummary {
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Records with at least one warning (out of range, unseen category). */
  readonly recordsWithWarnings: number;
  readonly output: string;
}

type Format = 'csv' | 'jsonl';

function formatOf(path: string, what: string): Format {
  const ending = extname(path).toLowerCase();
  if (ending === '.csv') return 'csv';
  if (ending === '.jsonl' || ending === '.ndjson') return 'jsonl';
  throw new BatchInputError(`${what} ${path}: expected a .csv or .jsonl file, found "${ending}"`);
}

/** One CSV line's cells (RFC 4180 quotes within the line; a quoted field has no line break). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** The partial files a killed run of `output` left (`.<name>.partial-<pid>`), to remove. */
async function removeStalePartials(output: string): Promise<void> {
  const prefix = `.${basename(output)}.partial-`;
  const entries = await readdir(dirname(output)).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith(prefix)) await rm(join(dirname(output), entry), { force: true });
  }
}

class RecordReader {
  private header: string[] | undefined;
  constructor(
    private readonly format: Format,
    private readonly model: LoadedModel,
    private readonly input: string,
  ) {}

  /** The record of one line, or undefined for the header and blank lines. */
  read(line: string, lineNo: number): Record<string, unknown> | undefined {
    if (line.trim() === '') return undefined;
    if (this.format === 'jsonl') {
      try {
        const value = JSON.parse(line) as unknown;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          return value as Record<string, unknown>;
        }
      } catch {}
      throw new BatchInputError(`${this.input}: line ${lineNo} is not a JSON object`);
    }
    const cells = csvCells(line);
    if (this.header === undefined) {
      this.header = cells.map((c) => c.trim());
      return undefined;
    }
    const record: Record<string, unknown> = {};
    this.header.forEach((name, i) => {
      record[name] = cells[i] ?? '';
    });
    return record;
  }

  /** The record as the model reads it: numbers for numeric features, null for empty cells. */
  features(record: Record<string, unknown>): FeatureRecord {
    const out: Record<string, number | string | null> = {};
    for (const field of this.model.inputSchema) {
      const value = record[field.name];
      if (value === undefined || value === null || value === '') out[field.name] = null;
      else if (field.type === 'numeric' && typeof value === 'string')
        out[field.name] = Number(value);
      else out[field.name] = value as number | string;
    }
    return out;
  }
}

/**
 * Predicts every record of a file with a loaded version, streaming in batches (bounded memory),
 * keeping the input's order, into `output` through a temporary file renamed at the end: an
 * interrupted or failed run leaves no output (and a later run removes a killed run's partial
 * file). Output rows: `id` (the `idColumn` value or the row number) and the target's name.
 */
export async function predictFile(
  model: LoadedModel,
  options: BatchPredictOptions,
): Promise<BatchPredictSummary> {
  const inputFormat = formatOf(options.input, 'input');
  const outputFormat = formatOf(options.output, 'output');
  const batchSize = options.batchSize ?? 4096;
  await removeStalePartials(options.output);
  const partial = join(
    dirname(options.output),
    `.${basename(options.output)}.partial-${process.pid}`,
  );
  const out = createWriteStream(partial);
  const started = process.hrtime.bigint();
  const reader = new RecordReader(inputFormat, model, options.input);
  let rows = 0;
  let warned = 0;
  let batch: { id: string; features: FeatureRecord }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    let prediction: ReturnType<LoadedModel['predict']>;
    try {
      prediction = await model.predictMany(
        batch.map((b) => b.features),
        options.onInvalid ?? 'warn',
      );
    } catch (error) {
      const record = (error as { record?: unknown }).record;
      const row = typeof record === 'number' ? ` (data row ${rows + record + 1})` : '';
      throw new BatchInputError(
        `${options.input}${row}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    warned += (prediction.warnings ?? []).filter((w) => w.length > 0).length;
    const lines = batch.map((b, i) =>
      outputFormat === 'csv'
        ? `${csvCell(b.id)},${prediction.predictions[i]}\n`
        : `${JSON.stringify({ id: b.id, [model.target]: prediction.predictions[i] })}\n`,
    );
    await write(out, lines.join(''));
    rows += batch.length;
    batch = [];
    options.onProgress?.(rows);
  };
  try {
    if (outputFormat === 'csv') await write(out, `id,${csvCell(model.target)}\n`);
    const lines = createInterface({ input: createReadStream(options.input), crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo += 1;
      const record = reader.read(line, lineNo);
      if (record === undefined) continue;
      const id =
        options.idColumn === undefined
          ? String(rows + batch.length)
          : String(record[options.idColumn] ?? '');
      batch.push({ id, features: reader.features(record) });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(partial, options.output);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    rows,
    seconds,
    rowsPerSecond: rows / Math.max(seconds, 1e-9),
    recordsWithWarnings: warned,
    output: options.output,
  };
}

/** Writes and waits for the stream to drain when its buffer is full (bounded memory). */
function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    if (stream.write(text)) {
      stream.off('error', reject);
      resolve();
    } else {
      stream.once('drain', () => {
        stream.off('error', reject);
        resolve();
      });
    }
  });
}
