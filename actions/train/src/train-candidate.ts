import {
  type RestoredCaches,
  restoreTrainingCaches,
  type SafeCache,
  saveTrainingCaches,
} from '@repo/action-common/cache';
import {
  candidateDir,
  createContext,
  effectiveBackend,
  loadModelData,
  trainModel,
} from '@repo/pipeline';
import type { Inputs } from './inputs';

/** The action's log (the runner's in the action, an array in a test). */
export interface TrainLog {
  info(line: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface TrainOutcome {
  /** The candidate folder. */
  readonly artifactPath: string;
  readonly inputHash: string;
  /** The candidate was restored from the cache, not trained. */
  readonly cacheHit: boolean;
}

/**
 * Trains `inputs.model` of the repository at `root` into its candidate folder, unless the cache
 * holds the candidate trained from the same inputs and backend (then only the data is loaded, for
 * evaluate); saves the DVC cache and the new candidate. `event` is the workflow event payload: a
 * pull request's head commit is recorded as the candidate's commit.
 */
export async function trainCandidate(
  root: string,
  inputs: Inputs,
  log: TrainLog,
  options: { readonly cache: SafeCache; readonly event: Record<string, unknown> },
): Promise<TrainOutcome> {
  const { model, backend } = inputs;
  const ctx = createContext({ root, backend, log: (line) => log.info(line), progress: null });
  const restored: RestoredCaches = await restoreTrainingCaches(
    options.cache,
    root,
    model,
    effectiveBackend(ctx.backend),
  );
  if (restored.candidateHit) {
    log.info(
      `${model}: candidate restored from the cache (inputs ${restored.inputHash.slice(0, 12)}); not retraining`,
    );
    // Evaluate runs next on this runner and needs the data in the workspace.
    await loadModelData(ctx, model);
  } else {
    const commit = pullRequestHead(options.event);
    const summary = await log.group(`train ${model}`, () =>
      trainModel(ctx, model, commit === undefined ? {} : { commit }),
    );
    log.info(
      `${model}: trained on ${summary.backend} in ${(summary.trainingMs / 1000).toFixed(1)} s (${summary.epochsRun} epochs), artifact ${summary.artifactDigest.slice(0, 12)}`,
    );
  }
  await saveTrainingCaches(options.cache, root, model, restored);
  return {
    artifactPath: candidateDir(ctx.paths, model),
    inputHash: restored.inputHash,
    cacheHit: restored.candidateHit,
  };
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
