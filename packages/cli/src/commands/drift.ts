import { resolve } from 'node:path';
import {
  compareCsvFiles,
  DRIFT_METHODS,
  type DriftMethod,
  driftCheck,
  driftHeadline,
  generateExampleWindow,
  type ResolvedSource,
  renderDriftMarkdown,
  writeDriftOutputs,
} from '@repo/pipeline';
import type { Command, CommandContext } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { noPositionals, pipelineContext, requirePositional } from './shared';

const string = (context: CommandContext, name: string) =>
  context.values[name] as string | undefined;

/** `--current <path|url>`: a URL as is, a path from the current folder. */
export function currentSource(value: string | undefined): ResolvedSource | undefined {
  if (value === undefined) return undefined;
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: value, timeoutMs: 10_000 };
  return { kind: 'path', pattern: resolve(value) };
}

export const drift: Command = {
  name: 'drift',
  summary:
    "compare the current window with the production model's training data: column, prediction and concept drift",
  usage:
    'mlops drift <model> [--current <path|url>] [--markdown <file>] [--html <file>] [--json-file <file>] [--strict-reference] [--json]',
  options: {
    current: { type: 'string' },
    markdown: { type: 'string' },
    html: { type: 'string' },
    'json-file': { type: 'string' },
    'strict-reference': { type: 'boolean', default: false },
  },
  optionHelp: [
    [
      '--current <path|url>',
      'the current window: a file, a glob or a URL (default: monitoring.source in model.yaml)',
    ],
    ['--markdown <file>', 'also write the report as Markdown (default: none)'],
    ['--html <file>', 'also write the report as a self-contained HTML page (default: none)'],
    ['--json-file <file>', 'also write the report as JSON (default: none)'],
    [
      '--strict-reference',
      "refuse (exit 3) when the production version's data cannot be pulled (default: fall back to its profile.json)",
    ],
  ],
  async run(context) {
    const model = requirePositional(context, 'model', 'drift');
    const ctx = pipelineContext(context);
    const current = currentSource(string(context, 'current'));
    const check = await driftCheck(ctx, model, {
      ...(current === undefined ? {} : { current }),
      strictReference: context.values['strict-reference'] === true,
    });
    const written = await writeDriftOutputs(check.report, {
      markdown: string(context, 'markdown'),
      html: string(context, 'html'),
      json: string(context, 'json-file'),
    });
    for (const file of written) context.log(`wrote ${file}`);
    context.log(`${model}: ${driftHeadline(check.report)}`);
    context.print(renderDriftMarkdown(check.report));
    return {
      json: check.report,
      exitCode: check.report.status === 'drift' ? ExitCode.drift : ExitCode.ok,
    };
  },
};

function methodOption(value: string | undefined): DriftMethod | undefined {
  if (value === undefined) return undefined;
  if (!(DRIFT_METHODS as readonly string[]).includes(value)) {
    throw new UsageError(`--method must be one of ${DRIFT_METHODS.join(', ')}, not "${value}"`);
  }
  return value as DriftMethod;
}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${value}"`);
  return n;
}

export const driftCompare: Command = {
  name: 'drift compare',
  summary: 'drift statistics of two CSV files, any columns, no model',
  usage:
    'mlops drift compare --reference <csv> --current <csv> [--columns a,b] [--method <name>] [--threshold <x>] [--drift-share <x>] [--json]',
  options: {
    reference: { type: 'string' },
    current: { type: 'string' },
    columns: { type: 'string' },
    method: { type: 'string' },
    threshold: { type: 'string' },
    'drift-share': { type: 'string' },
  },
  optionHelp: [
    ['--reference <csv>', 'the reference data (required)'],
    ['--current <csv>', 'the current data (required)'],
    [
      '--columns a,b',
      'the columns to compare (default: every non-date column of the same kind in both)',
    ],
    [
      '--method <name>',
      `the statistic for every column: ${DRIFT_METHODS.join(', ')} (default: by column kind and size)`,
    ],
    ['--threshold <x>', "the method's drift threshold (default: the method's own)"],
    ['--drift-share <x>', 'the share of drifted columns that is dataset drift (default: 0.5)'],
  ],
  async run(context) {
    noPositionals(context, 'drift compare');
    const reference = string(context, 'reference');
    const current = string(context, 'current');
    if (reference === undefined || current === undefined) {
      throw new UsageError('drift compare: --reference <csv> and --current <csv> are required');
    }
    const columns = string(context, 'columns')
      ?.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const result = await compareCsvFiles(resolve(reference), resolve(current), {
      columns,
      method: methodOption(string(context, 'method')),
      threshold: numberOption('threshold', string(context, 'threshold')),
      driftShare: numberOption('drift-share', string(context, 'drift-share')),
    });
    for (const c of result.columns) {
      context.print(
        `${c.drifted ? 'drift   ' : 'no drift'}  ${c.column}  ${c.method} ${c.score} (${c.scoreKind === 'p-value' ? '≤' : '≥'} ${c.threshold})`,
      );
    }
    context.print(
      `${result.driftedColumns} of ${result.columns.length} columns drifted: ${result.drifted ? 'dataset drift' : 'no dataset drift'}`,
    );
    return { json: result, exitCode: result.drifted ? ExitCode.drift : ExitCode.ok };
  },
};

export const driftGenerateWindow: Command = {
  name: 'drift generate-window',
  summary:
    "write a window of the example's house sales: fresh (later months: drifted) or training (the training months)",
  usage:
    'mlops drift generate-window --window fresh|training [--out <file>] [--rows <n>] [--seed <n>]',
  options: {
    window: { type: 'string' },
    out: { type: 'string' },
    rows: { type: 'string' },
    seed: { type: 'string' },
  },
  optionHelp: [
    ['--window fresh|training', 'later months (drifted) or the training months (required)'],
    ['--out <file>', 'where to write it (default: incoming/house-prices/ under the root)'],
    ['--rows <n>', 'how many sales (default: 1500)'],
    ['--seed <n>', 'the random seed (default: 4242 fresh, 4243 training)'],
  ],
  async run(context) {
    noPositionals(context, 'drift generate-window');
    const window = string(context, 'window');
    if (window === undefined)
      throw new UsageError('drift generate-window: --window fresh|training is required');
    const out = string(context, 'out');
    const summary = await generateExampleWindow(pipelineContext(context), {
      window,
      out: out === undefined ? undefined : resolve(out),
      rows: numberOption('rows', string(context, 'rows')),
      seed: numberOption('seed', string(context, 'seed')),
    });
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};
