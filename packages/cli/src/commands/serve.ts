import { join } from 'node:path';
import { loadRelease, type OnInvalid, startServer } from '@repo/serving';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { pipelineContext, requirePositional } from './shared';

/** Where `mlops serve` keeps the verified files of the versions it loaded. */
const SERVING_CACHE = join('.mlops', 'serving');

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8080;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`serve: --port must be a whole number from 0 to 65535, not "${text}"`);
  }
  return port;
}

function parseOnInvalid(text: string | undefined): OnInvalid {
  if (text === undefined) return 'warn';
  if (text !== 'warn' && text !== 'reject') {
    throw new UsageError(`serve: --on-invalid must be warn or reject, not "${text}"`);
  }
  return text;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serve: Command = {
  name: 'serve',
  summary:
    'serve a registered version over HTTP (POST /predict, Open Inference v2, TF Serving, MLflow; GET /openapi.json) until interrupted',
  usage:
    'mlops serve <model> [--version <version>|production|latest] [--port <n>] [--host <h>] [--on-invalid warn|reject]',
  options: {
    version: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'on-invalid': { type: 'string' },
  },
  async run(context) {
    const model = requirePositional(context, 'model', 'serve');
    const ref = (context.values.version as string | undefined) ?? 'production';
    const port = parsePort(context.values.port as string | undefined);
    const host = (context.values.host as string | undefined) ?? '127.0.0.1';
    const onInvalid = parseOnInvalid(context.values['on-invalid'] as string | undefined);
    const ctx = pipelineContext(context);
    const version = await ctx.registry.resolve(model, ref);
    if (version === undefined) throw new UsageError(`serve: ${model} has no version "${ref}"`);
    const loaded = await loadRelease(ctx.registry, model, version.version, {
      cacheDir: join(ctx.paths.root, SERVING_CACHE),
      backend: ctx.backend,
    });
    try {
      const server = await startServer({
        model: loaded,
        host,
        port,
        onInvalid,
        log: context.log,
      });
      context.log(`serving ${loaded.tag} on ${server.url}`);
      const signal = await untilSignal();
      context.log(`${signal}: stopping`);
      await server.close();
      return {
        json: { model, version: loaded.version, tag: loaded.tag, url: server.url, signal },
        exitCode: ExitCode.ok,
      };
    } finally {
      loaded.dispose();
    }
  },
};
