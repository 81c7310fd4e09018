import { resolve } from 'node:path';
import { loadRelease, predictFile } from '@repo/serving';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { SERVING_CACHE } from './serve';
import { pipelineContext, requirePositional } from './shared';

export const predict: Command = {
  name: 'predict',
  summary:
    'batch prediction: every record of a CSV or JSON Lines file, streamed, into a file written whole or not at all',
  usage:
    'mlops predict <model> --input <file.csv|file.jsonl> --output <file.csv|file.jsonl> [--version v] [--id <column>] [--on-invalid warn|reject]',
  options: {
    input: { type: 'string' },
    output: { type: 'string' },
    version: { type: 'string', default: 'production' },
    id: { type: 'string' },
    'on-invalid': { type: 'string', default: 'warn' },
  },
  optionHelp: [
    ['--input <file>', 'the records: a CSV with a header, or JSON Lines (required)'],
    ['--output <file>', 'the predictions, .csv or .jsonl; replaced only when complete (required)'],
    ['--version <v>', 'the version to predict with (default: production)'],
    ['--id <column>', 'an input column copied to each output row (default: the row number)'],
    [
      '--on-invalid <warn|reject>',
      'out-of-range values and unseen categories: counted and predicted, or refused (default: warn)',
    ],
  ],
  async run(context) {
    const model = requirePositional(context, 'model', 'predict');
    const input = context.values.input as string | undefined;
    const output = context.values.output as string | undefined;
    if (input === undefined || output === undefined) {
      throw new UsageError('predict: --input <file> and --output <file> are required');
    }
    const onInvalid = context.values['on-invalid'];
    if (onInvalid !== 'warn' && onInvalid !== 'reject') {
      throw new UsageError(
        `predict: --on-invalid is "${String(onInvalid)}"; expected warn or reject`,
      );
    }
    const ctx = pipelineContext(context);
    const loaded = await loadRelease(ctx.registry, model, String(context.values.version), {
      cacheDir: resolve(ctx.paths.root, SERVING_CACHE),
      backend: ctx.backend,
    });
    try {
      const summary = await predictFile(loaded, {
        input: resolve(input),
        output: resolve(output),
        onInvalid,
        ...(context.values.id === undefined ? {} : { idColumn: String(context.values.id) }),
      });
      context.print(
        `${loaded.tag}: ${summary.rows.toLocaleString('en-US')} rows in ${summary.seconds.toFixed(2)} s (${Math.round(summary.rowsPerSecond).toLocaleString('en-US')} rows/s) → ${output}${summary.recordsWithWarnings > 0 ? `; ${summary.recordsWithWarnings} with warnings` : ''}`,
      );
      return { json: { tag: loaded.tag, ...summary }, exitCode: ExitCode.ok };
    } finally {
      loaded.dispose();
    }
  },
};
