import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { evaluateCandidate } from './evaluate-candidate';
import { getInputs } from './inputs';
import { OUTPUT_PASSED, OUTPUT_REPORT_PATH } from './outputs';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const outcome = await evaluateCandidate(connectGitHub(inputs.token), inputs, {
      info: (line) => core.info(line),
      summary: async (markdown) => {
        if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
      },
    });
    core.setOutput(OUTPUT_PASSED, outcome.passed ? 'true' : 'false');
    core.setOutput(OUTPUT_REPORT_PATH, outcome.reportPath);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
