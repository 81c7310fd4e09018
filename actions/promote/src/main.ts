import * as core from '@actions/core';
import { errorMessage, readEventPayload } from '@repo/action-common';
import {
  createSafeCache,
  restoreTrainingCaches,
  saveTrainingCaches,
} from '@repo/action-common/cache';
import { connectGitHub } from '@repo/action-common/github';
import {
  createContext,
  effectiveBackend,
  evaluateModel,
  findRepoRoot,
  loadModelData,
  type PromotionSummary,
  promoteModel,
  trainModel,
} from '@repo/pipeline';
import { PromotionRefusedError } from './errors';
import { getInputs } from './inputs';
import { OUTPUT_PROMOTED, OUTPUT_RELEASED, OUTPUT_RELEASES } from './outputs';
import { pullRequestBump } from './pull-request-bump';
import { restoreReviewedCandidate } from './reviewed-candidate';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const { client, github, registry, where } = connectGitHub(inputs.token);
    const root = findRepoRoot(github.workspace);
    const ctx = createContext({
      root,
      registry,
      backend: inputs.backend,
      log: (line) => core.info(line),
      progress: null,
    });
    const cache = createSafeCache(root, github.workspace);
    if (inputs.models.length === 0) core.info('no changed model: nothing to promote');

    let bump = inputs.bump;
    if (bump === undefined && inputs.models.length > 0) {
      const event = await readEventPayload();
      const headCommit = event.head_commit as { message?: unknown } | undefined;
      bump = await pullRequestBump(
        client,
        where,
        github.sha,
        typeof headCommit?.message === 'string' ? headCommit.message : undefined,
      );
    }

    const results: PromotionSummary[] = [];
    for (const model of inputs.models) {
      const result = await core.group(`promote ${model}`, async () => {
        const restored = await restoreTrainingCaches(
          cache,
          root,
          model,
          effectiveBackend(ctx.backend),
        );
        const data = await loadModelData(ctx, model);
        const reviewed = restored.candidateHit
          ? 'cache'
          : await restoreReviewedCandidate(
              client,
              where,
              root,
              model,
              restored.inputHash,
              github.sha,
            );
        if (reviewed !== undefined) {
          core.info(
            reviewed === 'cache'
              ? `${model}: shipping the candidate of the default branch's cache (inputs ${restored.inputHash.slice(0, 12)})`
              : `${model}: shipping the candidate reviewed in pull request #${reviewed.pullNumber} (inputs ${restored.inputHash.slice(0, 12)}, run ${reviewed.runId}, head ${reviewed.headSha.slice(0, 12)})`,
          );
        } else {
          core.info(
            `${model}: no reviewed candidate for inputs ${restored.inputHash.slice(0, 12)}: retraining`,
          );
          await trainModel(ctx, model, { data });
          await saveTrainingCaches(cache, root, model, restored);
        }
        await evaluateModel(ctx, model, {
          data,
          ...(github.runUrl === undefined ? {} : { runUrl: github.runUrl }),
        });
        // Production moves when the deploy workflow's deployment of the release succeeds.
        return promoteModel(ctx, model, {
          bump,
          setProduction: false,
          ...(github.runUrl === undefined ? {} : { links: { runUrl: github.runUrl } }),
        });
      });
      core.info(result.message);
      results.push(result);
    }

    core.setOutput(
      OUTPUT_RELEASES,
      JSON.stringify(
        results.map(({ model, status, version, tag, bump: applied }) => ({
          model,
          status,
          version,
          tag,
          bump: applied,
        })),
      ),
    );
    core.setOutput(
      OUTPUT_PROMOTED,
      JSON.stringify(
        results
          .filter((r) => r.status === 'promoted')
          .map(({ model, version }) => ({ model, version })),
      ),
    );
    core.setOutput(
      OUTPUT_RELEASED,
      results.some((r) => r.status === 'promoted') ? 'true' : 'false',
    );
    const refused = results.filter((r) => r.status === 'gates-failed');
    if (refused.length > 0) {
      throw new PromotionRefusedError(refused.map((r) => r.message).join('; '));
    }
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
