import { join } from 'node:path';
import { listModels, type PipelineContext } from '@repo/pipeline';
import {
  AccessLogError,
  type ModelServer,
  type ModelServerOptions,
  nextSignal,
  PredictionLogError,
  startModelServer,
} from '@repo/serving';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { parseServeFlags } from './serve-options';
import { pipelineContext } from './shared';

/** Where `mlops serve` keeps the verified files of the versions it loaded. */
export const SERVING_CACHE = join('.mlops', 'serving');

/** `--all`: the models of the repository that have a production version. */
async function modelsInProduction(
  models: readonly string[],
  registry: PipelineContext['registry'],
  log: (line: string) => void,
): Promise<string[]> {
  const served: string[] = [];
  for (const model of models) {
    if ((await registry.resolve(model, 'production')) === undefined) {
      log(`serve: ${model} has no production version yet; not served`);
    } else served.push(model);
  }
  if (served.length === 0) throw new UsageError('serve --all: no model has a production version');
  return served;
}

/**
 * Starts the server; a log file that cannot be written, or a port that is taken or not allowed,
 * is a usage error (exit code 2): another --port or file is the fix.
 */
async function start(options: ModelServerOptions): Promise<ModelServer> {
  try {
    return await startModelServer(options);
  } catch (error) {
    if (error instanceof PredictionLogError || error instanceof AccessLogError) {
      throw new UsageError(`serve: ${error.message}`, { cause: error });
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const why = code === 'EADDRINUSE' ? 'is in use' : 'may not be used by this user';
      throw new UsageError(
        `serve: port ${options.port} on ${options.host ?? '127.0.0.1'} ${why}; choose another with --port <n> (--port 0 picks a free one)`,
        { cause: error },
      );
    }
    throw error;
  }
}

export const serve: Command = {
  name: 'serve',
  summary:
    'serve registered versions over HTTP (POST /predict, Open Inference v2, TF Serving, MLflow; GET /metrics, /openapi.json) until SIGTERM/SIGINT; --follow swaps to each new production version',
  usage:
    'mlops serve <model>... | --all [--follow [--interval <seconds>]] [--version <version>|production|latest] [--port <n>] [--host <h>] [--on-invalid warn|reject] [--log-predictions <file> [--log-sample <0..1>] [--log-max-bytes <n>] [--log-keep <n>]] [--access-log | --access-log-file <file>] [--shutdown-grace <seconds>]',
  options: {
    version: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'on-invalid': { type: 'string' },
    all: { type: 'boolean', default: false },
    follow: { type: 'boolean', default: false },
    interval: { type: 'string' },
    'log-predictions': { type: 'string' },
    'log-sample': { type: 'string' },
    'log-max-bytes': { type: 'string' },
    'log-keep': { type: 'string' },
    'access-log': { type: 'boolean', default: false },
    'access-log-file': { type: 'string' },
    'shutdown-grace': { type: 'string' },
  },
  optionHelp: [
    ['--all', 'serve every model that has a production version'],
    [
      '--version <version>|production|latest',
      'the version to serve, one model only (default: production)',
    ],
    ['--port <n>', 'the port to listen on; 0 picks a free one (default: 8080)'],
    ['--host <h>', 'the address to listen on (default: 127.0.0.1)'],
    [
      '--on-invalid warn|reject',
      'a value outside the min/max of model.yaml: warn or answer 400 (default: warn)',
    ],
    ['--follow', 'swap to each new production version without failing a request (default: off)'],
    [
      '--interval <seconds>',
      'with --follow, how often to look for a new production version (default: 30)',
    ],
    ['--log-predictions <file>', 'append every prediction to this JSON Lines file (default: off)'],
    ['--log-sample <0..1>', 'the share of requests logged (default: 1)'],
    ['--log-max-bytes <n>', 'rotate the prediction log at this size (default: 67108864, 64 MiB)'],
    ['--log-keep <n>', 'rotated prediction logs to keep (default: 5)'],
    ['--access-log', 'one line per request on stderr (default: off)'],
    ['--access-log-file <file>', 'the access log into this file instead (default: off)'],
    [
      '--shutdown-grace <seconds>',
      'on SIGTERM/SIGINT, how long in-flight requests may finish (default: 10)',
    ],
  ],
  async run(context) {
    const flags = parseServeFlags(context);
    const ctx = pipelineContext(context);
    const models = flags.all
      ? await modelsInProduction(await listModels(ctx.paths), ctx.registry, context.log)
      : flags.models;
    for (const model of models) {
      if ((await ctx.registry.resolve(model, flags.ref)) === undefined) {
        throw new UsageError(`serve: ${model} has no version "${flags.ref}"`);
      }
    }
    const signal = nextSignal();
    const serving = await start({
      ...flags,
      registry: ctx.registry,
      models,
      cacheDir: join(ctx.paths.root, SERVING_CACHE),
      backend: ctx.backend,
      log: context.log,
    });
    const served = serving.slots.map((slot) => slot.model.tag).join(', ');
    const following =
      flags.followIntervalMs === undefined
        ? ''
        : ` (following production every ${flags.followIntervalMs / 1000} s)`;
    context.log(`serving ${served} on ${serving.server.url}${following}`);
    const received = await signal;
    context.log(`${received}: stopping (in-flight requests get ${flags.graceMs / 1000} s)`);
    const report = await serving.stop(flags.graceMs);
    context.log(`stopped${report.drained ? '' : ' (requests still in flight were cut)'}`);
    return {
      json: {
        models: serving.slots.map((slot) => ({
          model: slot.name,
          version: slot.model.version,
          tag: slot.model.tag,
        })),
        url: serving.server.url,
        signal: received,
        ...report,
      },
      exitCode: ExitCode.ok,
    };
  },
};
