import { evaluateModel } from '@repo/pipeline';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { displayPath, pipelineContext, requirePositional } from './shared';

export const evaluate: Command = {
  name: 'evaluate',
  summary: 'evaluate the candidate against production, check the gates, write the report',
  usage: 'mlops evaluate <model>',
  options: {},
  optionHelp: [],
  async run(context) {
    const model = requirePositional(context, 'model', 'evaluate');
    const summary = await evaluateModel(pipelineContext(context), model);
    context.print(summary.markdown);
    context.print(`Report: ${displayPath(summary.reportFile)}`);
    return { json: summary, exitCode: summary.passed ? ExitCode.ok : ExitCode.gatesFailed };
  },
};
