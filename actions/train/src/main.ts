import * as core from '@actions/core';
import { errorMessage, readEventPayload, runnerWorkspace } from '@repo/action-common';
import {
  createSafeCache,
  restoreTrainingCaches,
  saveTrainingCaches,
} from '@repo/action-common/cache';
import {
  candidateDir,
  createContext,
  effectiveBackend,
  findRepoRoot,
  loadModelData,
  trainModel,
} from '@repo/pipeline';
import { getInputs } from './inputs';
import { OUTPUT_ARTIFACT_PATH, OUTPUT_CACHE_HIT, OUTPUT_INPUT_HASH } from './outputs';

export async function run(): Promise<void> {
  try {
    const { model, backend } = getInputs();
    const workspace = runnerWorkspace();
    const root = findRepoRoot(workspace);
    const ctx = createContext({ root, backend, log: (line) => core.info(line), progress: null });
    const cache = createSafeCache(root, workspace);

    const restored = await restoreTrainingCaches(cache, root, model, effectiveBackend(ctx.backend));
    core.setOutput(OUTPUT_INPUT_HASH, restored.inputHash);
    const dir = candidateDir(ctx.paths, model);
    if (restored.candidateHit) {
      core.info(
        `${model}: candidate restored from the cache (inputs ${restored.inputHash.slice(0, 12)}); not retraining`,
      );
      // Evaluate runs next on this runner and needs the data in the workspace.
      await loadModelData(ctx, model);
    } else {
      const commit = pullRequestHead(await readEventPayload());
      const summary = await core.group(`train ${model}`, () =>
        trainModel(ctx, model, commit === undefined ? {} : { commit }),
      );
      core.info(
        `${model}: trained on ${summary.backend} in ${(summary.trainingMs / 1000).toFixed(1)} s (${summary.epochsRun} epochs), artifact ${summary.artifactDigest.slice(0, 12)}`,
      );
    }
    await saveTrainingCaches(cache, root, model, restored);
    core.setOutput(OUTPUT_ARTIFACT_PATH, dir);
    core.setOutput(OUTPUT_CACHE_HIT, restored.candidateHit ? 'true' : 'false');
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

/**
 * The pull request's head commit, which a pull_request run reviews (actions/checkout checks out a
 * temporary merge of it into the base); undefined for other events.
 */
function pullRequestHead(event: Record<string, unknown>): string | undefined {
  const pull = event.pull_request as { head?: { sha?: unknown } } | undefined;
  const sha = pull?.head?.sha;
  return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
}
