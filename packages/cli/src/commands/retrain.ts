import { retrainData } from '@repo/pipeline';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { currentSource } from './drift';
import { pipelineContext, requirePositional } from './shared';

export const retrain: Command = {
  name: 'retrain',
  summary:
    'when the retraining policy is met, track the production data version plus the current window as the new data version',
  usage: 'mlops retrain <model> [--current <path|url>] [--force] [--json]',
  options: { current: { type: 'string' }, force: { type: 'boolean', default: false } },
  optionHelp: [
    [
      '--current <path|url>',
      'the current window: a file, a glob or a URL (default: monitoring.source in model.yaml)',
    ],
    [
      '--force',
      'track the new data version even when the retraining policy is not met (default: off)',
    ],
  ],
  async run(context) {
    const model = requirePositional(context, 'model', 'retrain');
    const current = currentSource(context.values.current as string | undefined);
    const summary = await retrainData(pipelineContext(context), model, {
      ...(current === undefined ? {} : { current }),
      force: context.values.force === true,
    });
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};
