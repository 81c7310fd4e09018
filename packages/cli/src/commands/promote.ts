import { promoteModel } from '@repo/pipeline';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { pipelineContext, requirePositional } from './shared';

export const promote: Command = {
  name: 'promote',
  summary:
    'register the evaluated candidate as a new version and make it production (also a rolled-back version it is identical to)',
  usage: 'mlops promote <model> [--bump major|minor|patch]',
  options: { bump: { type: 'string' } },
  optionHelp: [
    [
      '--bump major|minor|patch',
      'which part of the version to raise (default: major when the input columns changed, else minor)',
    ],
  ],
  async run(context) {
    const model = requirePositional(context, 'model', 'promote');
    const bump = context.values.bump as string | undefined;
    if (bump !== undefined && !['major', 'minor', 'patch'].includes(bump)) {
      throw new UsageError(`promote: --bump must be major, minor or patch, not "${bump}"`);
    }
    const summary = await promoteModel(pipelineContext(context), model, {
      bump: bump as 'major' | 'minor' | 'patch' | undefined,
      overrideRollback: true,
    });
    context.print(summary.message);
    return {
      json: summary,
      exitCode: summary.status === 'gates-failed' ? ExitCode.gatesFailed : ExitCode.ok,
    };
  },
};
