import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { getInputs } from './inputs';
import { openRetrainPullRequest } from './open-retrain-pull-request';
import { OUTPUT_ACTION, OUTPUT_DISPATCHED, OUTPUT_PULL_REQUEST } from './outputs';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const outcome = await openRetrainPullRequest(connectGitHub(inputs.token), inputs, {
      info: (line) => core.info(line),
      summary: async (markdown) => {
        await core.summary.addRaw(markdown).addEOL().write();
      },
    });
    core.setOutput(OUTPUT_PULL_REQUEST, outcome.pullRequest?.toString() ?? '');
    core.setOutput(OUTPUT_ACTION, outcome.action);
    core.setOutput(OUTPUT_DISPATCHED, outcome.dispatched ? 'true' : 'false');
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
