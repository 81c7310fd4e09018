import * as core from '@actions/core';
import { errorMessage, runnerWorkspace } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { checkDrift } from './check-drift';
import { getInputs } from './inputs';
import { OUTPUT_ISSUE_NUMBER, OUTPUT_REPORT_PATH, OUTPUT_RETRAIN, OUTPUT_VERDICT } from './outputs';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs(runnerWorkspace());
    const outcome = await checkDrift(connectGitHub(inputs.token), inputs, {
      info: (line) => core.info(line),
      summary: async (markdown) => {
        await core.summary.addRaw(markdown).addEOL().write();
      },
    });
    core.setOutput(OUTPUT_VERDICT, outcome.verdict);
    core.setOutput(OUTPUT_RETRAIN, outcome.retrain ? 'true' : 'false');
    core.setOutput(OUTPUT_REPORT_PATH, outcome.reportPath);
    core.setOutput(OUTPUT_ISSUE_NUMBER, outcome.issueNumber?.toString() ?? '');
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
