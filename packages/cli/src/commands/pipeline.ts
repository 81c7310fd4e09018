import { runPipeline } from '@repo/pipeline';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { displayPath, noPositionals, pipelineContext } from './shared';

export const pipeline: Command = {
  name: 'pipeline',
  summary:
    'pull data, validate, train, evaluate against production, report, promote when the gates pass',
  usage: 'mlops pipeline [--model <name>]... [--no-promote]',
  options: {
    model: { type: 'string', multiple: true },
    'no-promote': { type: 'boolean', default: false },
  },
  optionHelp: [
    ['--model <name>', 'only this model; repeat for several (default: every model under models/)'],
    [
      '--no-promote',
      'evaluate and report, register nothing (default: promote when the gates pass)',
    ],
  ],
  async run(context) {
    noPositionals(context, 'pipeline');
    const ctx = pipelineContext(context);
    const summary = await runPipeline(ctx, {
      models: context.values.model as string[] | undefined,
      promote: context.values['no-promote'] !== true,
    });
    for (const result of summary.models) {
      context.print(result.evaluation.markdown);
      context.print('');
      context.print(`Report: ${displayPath(result.evaluation.reportFile)}`);
      context.print(result.promotion?.message ?? 'Not promoted (--no-promote).');
      context.print('');
    }
    return { json: summary, exitCode: summary.passed ? ExitCode.ok : ExitCode.gatesFailed };
  },
};
