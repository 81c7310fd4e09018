import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { getInputs } from './inputs';
import {
  OUTPUT_CHECKSUMS_PATH,
  OUTPUT_FAILED,
  OUTPUT_PROMOTED,
  OUTPUT_RELEASED,
  OUTPUT_RELEASES,
} from './outputs';
import { releaseModels } from './release-models';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const outcome = await releaseModels(connectGitHub(inputs.token), inputs, {
      info: (line) => core.info(line),
      warning: (line) => core.warning(line),
      error: (line) => core.error(line),
      group: (name, work) => core.group(name, work),
    });
    core.setOutput(OUTPUT_RELEASES, JSON.stringify(outcome.releases));
    core.setOutput(OUTPUT_PROMOTED, JSON.stringify(outcome.deploy));
    core.setOutput(
      OUTPUT_RELEASED,
      outcome.releases.some((r) => r.status === 'promoted') ? 'true' : 'false',
    );
    // Gate refusals and failures do not fail this job, so that the other models still deploy;
    // the workflow's `result` job fails the run when this list is not empty.
    core.setOutput(OUTPUT_FAILED, JSON.stringify(outcome.failed));
    if (outcome.checksums !== '') {
      const path = join(process.env.RUNNER_TEMP || process.cwd(), 'mlops-released.sha256');
      await writeFile(path, outcome.checksums);
      core.setOutput(OUTPUT_CHECKSUMS_PATH, path);
    }
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
