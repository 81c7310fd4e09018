import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { deployRelease } from './deploy-release';
import { getInputs } from './inputs';
import { OUTPUT_DEPLOYMENT_ID, OUTPUT_PREDICTION, OUTPUT_TAG } from './outputs';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const { prediction } = await deployRelease(
      connectGitHub(inputs.token),
      inputs,
      { info: (line) => core.info(line) },
      {
        tempDir: process.env.RUNNER_TEMP || undefined,
        progress: {
          tag: (tag) => core.setOutput(OUTPUT_TAG, tag),
          deploymentId: (id) => core.setOutput(OUTPUT_DEPLOYMENT_ID, String(id)),
        },
      },
    );
    core.setOutput(OUTPUT_PREDICTION, String(prediction));
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
