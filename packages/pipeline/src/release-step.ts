import type { VersionBump } from '@repo/registry';
import type { PipelineContext } from './context';
import { evaluateModel } from './evaluate-step';
import { loadModelData } from './model-data';
import { type PromotionSummary, promoteModel } from './promote-step';
import { trainModel } from './train-step';

/** Where the candidate of a release comes from, when it is not trained here. */
export interface CandidateSource {
  /**
   * Puts a candidate trained from the same inputs into the model's candidate folder and returns
   * a line saying where it came from, or returns undefined (then the model is trained here).
   */
  readonly restore: () => Promise<string | undefined>;
  /** Called after training here (e.g. to save the candidate to a cache). */
  readonly trained?: () => Promise<void>;
}

export interface ReleaseOptions {
  readonly bump: VersionBump | undefined;
  readonly source?: CandidateSource;
  /** The run that releases, linked from the model card. */
  readonly runUrl?: string;
}

/**
 * A release run's step for one model, as the CLI's pipeline does it but without moving
 * production (a deployment does): the candidate (restored, else trained), its evaluation
 * against production on the default branch, and its registration when the gates pass.
 */
export async function releaseModel(
  ctx: PipelineContext,
  model: string,
  options: ReleaseOptions,
): Promise<PromotionSummary> {
  const data = await loadModelData(ctx, model);
  const restored = await options.source?.restore();
  if (restored !== undefined) {
    ctx.log(restored);
  } else {
    ctx.log(`${model}: no candidate to ship for these inputs: retraining`);
    await trainModel(ctx, model, { data });
    await options.source?.trained?.();
  }
  const runUrl = options.runUrl === undefined ? {} : { runUrl: options.runUrl };
  await evaluateModel(ctx, model, { data, ...runUrl });
  return promoteModel(ctx, model, {
    bump: options.bump,
    setProduction: false,
    ...(options.runUrl === undefined ? {} : { links: { runUrl: options.runUrl } }),
  });
}
