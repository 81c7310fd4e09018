import { accessSync, constants, createWriteStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { FeatureRecord } from '@repo/features';
import { createRng } from '@repo/tabular';
import { PredictionLogError } from './errors';
import type { LoadedModel } from './loaded-model';

/** Default bound of the in-memory queue, in records. */
export const DEFAULT_LOG_QUEUE = 10_000;
/** Default size at which the log is rotated: 64 MiB. */
export const DEFAULT_LOG_MAX_BYTES = 64 * 1024 * 1024;
/** Default number of rotated files kept (`<file>.1` … `<file>.5`). */
export const DEFAULT_LOG_KEEP = 5;

export interface PredictionLogOptions {
  /** The JSON Lines file; rotated files are `<path>.1` (newest) … `<path>.<keep>`. */
  readonly path: string;
  /** The share of records logged, from 0 (none) to 1 (every one). */
  readonly sampleRate: number;
  /** Uniform numbers in [0, 1) for sampling; default a seeded generator (`seed`). */
  readonly random?: (() => number) | undefined;
  /** Seed of the default generator; default the time of creation. */
  readonly seed?: number | undefined;
  /** Records waiting to be written beyond this many are dropped (and counted). */
  readonly maxQueue?: number | undefined;
  /** The file is rotated before it would grow past this many bytes. */
  readonly maxBytes?: number | undefined;
  /** How many rotated files are kept. */
  readonly keep?: number | undefined;
  /** Opens the stream of a (new or rotated) log file; default an appending file stream. */
  readonly open?: ((path: string) => Writable) | undefined;
  /** Told how many records were written, and dropped, as it happens (metrics). */
  readonly onWritten?: ((count: number) => void) | undefined;
  readonly onDropped?: ((count: number) => void) | undefined;
  /** Where a write error is reported (the log then drops what it is given). */
  readonly log?: ((line: string) => void) | undefined;
}

/** The counts of a prediction log. */
export interface PredictionLogStats {
  readonly written: number;
  readonly dropped: number;
  readonly queued: number;
  readonly rotations: number;
}

interface Entry {
  readonly at: number;
  readonly model: LoadedModel;
  readonly requestId: string;
  readonly record: FeatureRecord;
  readonly prediction: number;
}

/** Records serialized into one write. */
const BATCH = 512;

function checkOptions(options: PredictionLogOptions): void {
  const { sampleRate, maxQueue, maxBytes, keep } = options;
  if (options.open === undefined) assertWritableFolder(options.path);
  if (!(sampleRate >= 0 && sampleRate <= 1)) {
    throw new PredictionLogError(
      `the sample rate must be from 0 to 1, not ${sampleRate}`,
      options.path,
    );
  }
  for (const [name, value] of Object.entries({ maxQueue, maxBytes, keep })) {
    if (value !== undefined && !(Number.isInteger(value) && value >= (name === 'keep' ? 0 : 1))) {
      throw new PredictionLogError(`${name} must be a whole number, not ${value}`, options.path);
    }
  }
}

/** The folder of `path` exists and can be written (checked once, when the log is set up). */
function assertWritableFolder(path: string): void {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (cause) {
    throw new PredictionLogError(
      `cannot write the prediction log ${path}: its folder does not exist or is not writable`,
      path,
      { cause },
    );
  }
}

/**
 * One line of the log, flat: `{ timestamp, model, version, requestId, <feature>: value, …,
 * prediction }`, one key per feature named as the model's column (`null` when missing), as the
 * drift checks read a log of served requests. A feature named like one of the other keys wins.
 */
function line(entry: Entry): string {
  const { model } = entry;
  const out: Record<string, number | string | null> = {
    timestamp: new Date(entry.at).toISOString(),
    model: model.model,
    version: model.version,
    requestId: entry.requestId,
  };
  let predictionIsFeature = false;
  for (const { name } of model.features) {
    out[name] = entry.record[name] ?? null;
    if (name === 'prediction') predictionIsFeature = true;
  }
  if (!predictionIsFeature) out.prediction = entry.prediction;
  return JSON.stringify(out);
}

/**
 * A JSON Lines log of sampled predictions, written in the background: `record` only samples and
 * queues (a bounded queue: a record arriving when it is full is dropped and counted), so a slow
 * or stuck disk never delays an answer. The file is rotated by size.
 */
export class PredictionLog {
  private readonly options: PredictionLogOptions;
  private readonly random: () => number;
  private readonly maxQueue: number;
  private readonly maxBytes: number;
  private queue: Entry[] = [];
  private stream: Writable | undefined;
  private size = 0;
  private draining: Promise<void> | undefined;
  private failed = false;
  private counts = { written: 0, dropped: 0, rotations: 0 };

  constructor(options: PredictionLogOptions) {
    checkOptions(options);
    this.options = options;
    this.random = options.random ?? createRng(options.seed ?? Date.now()).next;
    this.maxQueue = options.maxQueue ?? DEFAULT_LOG_QUEUE;
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  }

  get stats(): PredictionLogStats {
    return { ...this.counts, queued: this.queue.length };
  }

  /** Samples the records of one answered request and queues them; never waits. */
  record(
    request: { readonly requestId: string },
    model: LoadedModel,
    records: readonly FeatureRecord[],
    predictions: readonly number[],
  ): void {
    const rate = this.options.sampleRate;
    if (rate <= 0) return;
    const at = Date.now();
    let dropped = 0;
    for (let i = 0; i < records.length; i++) {
      if (rate < 1 && this.random() >= rate) continue;
      if (this.failed || this.queue.length >= this.maxQueue) {
        dropped++;
        continue;
      }
      const record = records[i] as FeatureRecord;
      const prediction = predictions[i] as number;
      this.queue.push({ at, model, requestId: request.requestId, record, prediction });
    }
    if (dropped > 0) this.drop(dropped);
    if (this.queue.length > 0 && this.draining === undefined) {
      this.draining = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.drain())
        .finally(() => {
          this.draining = undefined;
        });
    }
  }

  /** Resolves once every record queued so far is written (or, past `timeoutMs`, gives up waiting). */
  async flush(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = (async () => {
      while (this.draining !== undefined) await this.draining;
      return true as const;
    })();
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Flushes (within `timeoutMs`) and closes the file; records given afterwards are dropped. */
  async close(timeoutMs?: number): Promise<boolean> {
    const flushed = await this.flush(timeoutMs);
    this.failed = true;
    const stream = this.stream;
    this.stream = undefined;
    if (stream !== undefined && flushed) await endStream(stream);
    else stream?.destroy();
    return flushed;
  }

  private drop(count: number): void {
    this.counts.dropped += count;
    this.options.onDropped?.(count);
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.failed) {
      const batch = this.queue.splice(0, BATCH);
      try {
        await this.writeLines(batch.map(line));
        this.counts.written += batch.length;
        this.options.onWritten?.(batch.length);
      } catch (cause) {
        this.drop(batch.length);
        this.fail(cause);
      }
    }
  }

  /** Writes whole lines, rotating first when the next line would take the file past `maxBytes`. */
  private async writeLines(lines: readonly string[]): Promise<void> {
    if (this.stream === undefined) this.openStream();
    let chunk = '';
    let chunkBytes = 0;
    for (const text of lines) {
      const bytes = Buffer.byteLength(text) + 1;
      if (this.size + chunkBytes + bytes > this.maxBytes && this.size + chunkBytes > 0) {
        if (chunk !== '') await this.write(chunk, chunkBytes);
        chunk = '';
        chunkBytes = 0;
        await this.rotate();
      }
      chunk += `${text}\n`;
      chunkBytes += bytes;
    }
    if (chunk !== '') await this.write(chunk, chunkBytes);
  }

  /** A write failed: report it once, drop what is queued and whatever comes later. */
  private fail(cause: unknown): void {
    if (!this.failed) {
      const error = new PredictionLogError(
        `prediction log ${this.options.path}: ${(cause as Error).message}; logging stops`,
        this.options.path,
        { cause },
      );
      this.options.log?.(error.message);
    }
    this.failed = true;
    const left = this.queue.splice(0).length;
    if (left > 0) this.drop(left);
  }

  private async write(text: string, bytes: number): Promise<void> {
    const stream = this.stream ?? this.openStream();
    this.size += bytes;
    if (!stream.write(text)) await waitForDrain(stream);
  }

  private openStream(): Writable {
    const { path } = this.options;
    this.size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    const stream = this.options.open?.(path) ?? createWriteStream(path, { flags: 'a' });
    stream.on('error', (error: Error) => this.fail(error));
    this.stream = stream;
    return stream;
  }

  /** `<path>` → `<path>.1`, `<path>.1` → `<path>.2`, …; the oldest beyond `keep` is removed. */
  private async rotate(): Promise<void> {
    const { path } = this.options;
    const keep = this.options.keep ?? DEFAULT_LOG_KEEP;
    if (this.stream !== undefined) await endStream(this.stream);
    this.stream = undefined;
    if (keep > 0) await rm(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) await renameIfPresent(`${path}.${i}`, `${path}.${i + 1}`);
    if (keep > 0) await renameIfPresent(path, `${path}.1`);
    else await rm(path, { force: true });
    this.counts.rotations++;
    this.size = 0;
  }
}

async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

function endStream(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
