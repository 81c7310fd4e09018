import { errorMessage, readEventPayload } from '@repo/action-common';
import {
  createSafeCache,
  restoreTrainingCaches,
  saveTrainingCaches,
} from '@repo/action-common/cache';
import { type GitHubConnection, pipelineContextFor } from '@repo/action-common/github';
import {
  type DeployTarget,
  deployTargets,
  effectiveBackend,
  type PromotionSummary,
  releaseChecksums,
  releaseModel,
} from '@repo/pipeline';
import type { VersionBump } from '@repo/registry';
import type { Inputs } from './inputs';
import { pullRequestBump } from './pull-request-bump';
import { restoreReviewedCandidate } from './reviewed-candidate';

/** The action's log (the runner's in the action, arrays in a test). */
export interface ReleaseLog {
  info(line: string): void;
  warning(line: string): void;
  error(line: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface ReleaseOutcome {
  readonly releases: readonly Pick<
    PromotionSummary,
    'model' | 'status' | 'version' | 'tag' | 'bump'
  >[];
  /** What the deploy job deploys: new releases, and releases of earlier runs never deployed. */
  readonly deploy: readonly DeployTarget[];
  /** Models refused by their gates or whose release failed, with why. */
  readonly failed: readonly { readonly model: string; readonly reason: string }[];
  /** `sha256sum` lines of every asset this run published (the attestation's subjects). */
  readonly checksums: string;
}

/**
 * Releases each model on its own: one model's refused gates or failure neither stops the others
 * nor their deployment.
 */
export async function releaseModels(
  connection: GitHubConnection,
  inputs: Inputs,
  log: ReleaseLog,
): Promise<ReleaseOutcome> {
  const { client, github, registry, where } = connection;
  const ctx = pipelineContextFor(connection, inputs.backend, log.info);
  const root = ctx.paths.root;
  const cache = createSafeCache(root, github.workspace);
  if (inputs.models.length === 0) log.info('no changed model: nothing to promote');
  const bump = inputs.bump ?? (inputs.models.length > 0 ? await labelBump(connection) : undefined);
  const results: PromotionSummary[] = [];
  const failed: { model: string; reason: string }[] = [];
  for (const model of inputs.models) {
    try {
      const result = await log.group(`promote ${model}`, async () => {
        const restored = await restoreTrainingCaches(
          cache,
          root,
          model,
          effectiveBackend(ctx.backend),
        );
        const short = restored.inputHash.slice(0, 12);
        return releaseModel(ctx, model, {
          bump,
          ...(github.runUrl === undefined ? {} : { runUrl: github.runUrl }),
          source: {
            restore: async () => {
              if (restored.candidateHit) {
                return `${model}: shipping the candidate of the default branch's cache (inputs ${short})`;
              }
              const reviewed = await restoreReviewedCandidate(
                client,
                where,
                root,
                model,
                restored.inputHash,
                github.sha,
              );
              return reviewed === undefined
                ? undefined
                : `${model}: shipping the candidate reviewed in pull request #${reviewed.pullNumber} (inputs ${short}, run ${reviewed.runId}, head ${reviewed.headSha.slice(0, 12)})`;
            },
            trained: () => saveTrainingCaches(cache, root, model, restored),
          },
        });
      });
      log.info(result.message);
      results.push(result);
      if (result.status === 'gates-failed') {
        log.error(result.message);
        failed.push({ model, reason: result.message });
      }
    } catch (error) {
      log.error(`${model}: not released: ${errorMessage(error)}`);
      failed.push({ model, reason: errorMessage(error) });
    }
  }
  const published = results
    .filter((r) => r.status === 'promoted' && r.version !== null)
    .map((r) => ({ model: r.model, version: r.version as string }));
  return {
    checksums: await releaseChecksums(registry, published),
    releases: results.map(({ model, status, version, tag, bump: applied }) => ({
      model,
      status,
      version,
      tag,
      bump: applied,
    })),
    deploy: await deployTargets(registry, results),
    failed,
  };
}

/** The `release:*` label of the merged pull request, else undefined (the schema rule). */
async function labelBump(connection: GitHubConnection): Promise<VersionBump | undefined> {
  const event = await readEventPayload();
  const headCommit = event.head_commit as { message?: unknown } | undefined;
  return pullRequestBump(
    connection.client,
    connection.where,
    connection.github.sha,
    typeof headCommit?.message === 'string' ? headCommit.message : undefined,
  );
}
