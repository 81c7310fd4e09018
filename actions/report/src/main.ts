import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { GatesFailedError } from './errors';
import { getInputs } from './inputs';
import { OUTPUT_COMMENT_IDS, OUTPUT_PASSED } from './outputs';
import { reportPullRequest } from './report-pull-request';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const connection = connectGitHub(inputs.token);
    const outcome = await reportPullRequest(connection, inputs, {
      info: (line) => core.info(line),
      warning: (line) => core.warning(line),
      summary: async (markdown) => {
        await core.summary.addRaw(markdown).addEOL().write();
      },
    });
    core.setOutput(OUTPUT_COMMENT_IDS, JSON.stringify(outcome.commentIds));
    core.setOutput(OUTPUT_PASSED, outcome.failures.length === 0 ? 'true' : 'false');
    if (outcome.failures.length > 0) {
      throw new GatesFailedError(`quality gates failed: ${outcome.failures.join('; ')}`);
    }
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
