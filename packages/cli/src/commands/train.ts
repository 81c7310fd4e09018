import { trainModel } from '@repo/pipeline';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { pipelineContext, requirePositional } from './shared';

export const train: Command = {
  name: 'train',
  summary: "train a model's candidate (models/<name>/artifacts/candidate)",
  usage: 'mlops train <model>',
  options: {},
  optionHelp: [],
  async run(context) {
    const model = requirePositional(context, 'model', 'train');
    const summary = await trainModel(pipelineContext(context), model);
    context.print(
      `Trained ${model} on ${summary.backend}: ${summary.epochsRun} epochs in ${(summary.trainingMs / 1000).toFixed(1)} s, ` +
        `artifact ${summary.artifactDigest.slice(0, 12)} in ${summary.dir}`,
    );
    return { json: summary, exitCode: ExitCode.ok };
  },
};
