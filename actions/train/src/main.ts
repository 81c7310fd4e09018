import * as core from '@actions/core';
import { errorMessage, readEventPayload, runnerWorkspace } from '@repo/action-common';
import { createSafeCache } from '@repo/action-common/cache';
import { findRepoRoot } from '@repo/pipeline';
import { getInputs } from './inputs';
import { OUTPUT_ARTIFACT_PATH, OUTPUT_CACHE_HIT, OUTPUT_INPUT_HASH } from './outputs';
import { trainCandidate } from './train-candidate';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const workspace = runnerWorkspace();
    const root = findRepoRoot(workspace);
    const outcome = await trainCandidate(
      root,
      inputs,
      { info: (line) => core.info(line), group: (name, work) => core.group(name, work) },
      { cache: createSafeCache(root, workspace), event: await readEventPayload() },
    );
    core.setOutput(OUTPUT_INPUT_HASH, outcome.inputHash);
    core.setOutput(OUTPUT_ARTIFACT_PATH, outcome.artifactPath);
    core.setOutput(OUTPUT_CACHE_HIT, outcome.cacheHit ? 'true' : 'false');
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
