import type { OnInvalid } from '@repo/serving';
import type { CommandContext } from '../command';
import { UsageError } from '../usage-error';

/** What `mlops serve` was asked for, parsed and checked. */
export interface ServeFlags {
  readonly models: readonly string[];
  readonly all: boolean;
  readonly ref: string;
  readonly port: number;
  readonly host: string;
  readonly onInvalid: OnInvalid;
  /** Follow production every this many ms; undefined without `--follow`. */
  readonly followIntervalMs: number | undefined;
  readonly predictionLog:
    | { path: string; sampleRate: number; maxBytes: number | undefined; keep: number | undefined }
    | undefined;
  /** `-` for stderr, or a file; undefined when off. */
  readonly accessLog: string | undefined;
  readonly graceMs: number;
}

function text(context: CommandContext, name: string): string | undefined {
  return context.values[name] as string | undefined;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`serve: --port must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

function parseOnInvalid(value: string | undefined): OnInvalid {
  if (value === undefined) return 'warn';
  if (value !== 'warn' && value !== 'reject') {
    throw new UsageError(`serve: --on-invalid must be warn or reject, not "${value}"`);
  }
  return value;
}

/** A number of seconds (`--interval 0.2`) in ms, or `fallback` when absent. */
function parseSeconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`serve: --${flag} must be a positive number of seconds, not "${value}"`);
  }
  return Math.round(seconds * 1000);
}

function parseWhole(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min) {
    throw new UsageError(
      `serve: --${flag} must be a whole number of at least ${min}, not "${value}"`,
    );
  }
  return number;
}

function parsePredictionLog(context: CommandContext): ServeFlags['predictionLog'] {
  const path = text(context, 'log-predictions');
  const sample = text(context, 'log-sample');
  const maxBytes = parseWhole('log-max-bytes', text(context, 'log-max-bytes'), 1);
  const keep = parseWhole('log-keep', text(context, 'log-keep'), 0);
  if (path === undefined) {
    if (sample !== undefined || maxBytes !== undefined || keep !== undefined) {
      throw new UsageError(
        'serve: --log-sample, --log-max-bytes and --log-keep need --log-predictions <file>',
      );
    }
    return undefined;
  }
  const sampleRate = sample === undefined ? 1 : Number(sample);
  if (sample?.trim() === '' || !(sampleRate >= 0 && sampleRate <= 1)) {
    throw new UsageError(`serve: --log-sample must be a number from 0 to 1, not "${sample}"`);
  }
  return { path, sampleRate, maxBytes, keep };
}

/** `--access-log` (stderr) or `--access-log-file <file>`: where the access log goes, if anywhere. */
function parseAccessLog(context: CommandContext): string | undefined {
  const file = text(context, 'access-log-file');
  if (file === '') throw new UsageError('serve: --access-log-file needs a file name');
  if (file !== undefined) return file;
  return context.values['access-log'] === true ? '-' : undefined;
}

/** Parses and checks the flags of `mlops serve`. */
export function parseServeFlags(context: CommandContext): ServeFlags {
  const all = context.values.all === true;
  const follow = context.values.follow === true;
  const models = [...context.positionals];
  if (all === models.length > 0) {
    throw new UsageError(
      all ? 'serve: give models or --all, not both' : 'serve: missing <model> (or --all)',
    );
  }
  const version = text(context, 'version');
  if (version !== undefined && (follow || all || models.length > 1)) {
    throw new UsageError(
      'serve: --version serves one model as it is; it cannot go with --follow, --all or several models',
    );
  }
  const interval = text(context, 'interval');
  if (interval !== undefined && !follow) throw new UsageError('serve: --interval needs --follow');
  return {
    models,
    all,
    ref: version ?? 'production',
    port: parsePort(text(context, 'port')),
    host: text(context, 'host') ?? '127.0.0.1',
    onInvalid: parseOnInvalid(text(context, 'on-invalid')),
    followIntervalMs: follow ? parseSeconds('interval', interval, 30_000) : undefined,
    predictionLog: parsePredictionLog(context),
    accessLog: parseAccessLog(context),
    graceMs: parseSeconds('shutdown-grace', text(context, 'shutdown-grace'), 10_000),
  };
}
