import * as core from '@actions/core';
import { errorMessage, runnerWorkspace } from '@repo/action-common';
import { findRepoRoot } from '@repo/pipeline';
import { findChangedModels } from './find-changed-models';
import { getInputs } from './inputs';
import { OUTPUT_ANY, OUTPUT_MATRIX, OUTPUT_MODELS } from './outputs';

export async function run(): Promise<void> {
  try {
    const changed = await findChangedModels(findRepoRoot(runnerWorkspace()), getInputs(), {
      info: (line) => core.info(line),
      warning: (line) => core.warning(line),
    });
    core.setOutput(OUTPUT_MODELS, JSON.stringify(changed));
    core.setOutput(OUTPUT_MATRIX, JSON.stringify({ model: changed }));
    core.setOutput(OUTPUT_ANY, changed.length > 0 ? 'true' : 'false');
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
