import type { PipelineContext } from './context';
import { WorkspaceError } from './errors';
import { type EvaluationSummary, evaluateModel } from './evaluate-step';
import { loadModelData } from './model-data';
import { type PromotionSummary, promoteModel } from './promote-step';
import { type TrainSummary, trainModel } from './train-step';
import { listModels } from './workspace';

export interface ModelPipelineResult {
  readonly model: string;
  readonly training: TrainSummary;
  readonly evaluation: EvaluationSummary;
  /** Null when promotion was not asked for. */
  readonly promotion: PromotionSummary | null;
}

export interface PipelineSummary {
  /** True when every model passed its gates. */
  readonly passed: boolean;
  readonly models: readonly ModelPipelineResult[];
}

/**
 * For every model (or those named): train → evaluate against production → report → promote when
 * the gates pass. Models run one after another; the first error stops the run.
 */
export async function runPipeline(
  ctx: PipelineContext,
  options: { readonly models?: readonly string[] | undefined; readonly promote?: boolean } = {},
): Promise<PipelineSummary> {
  const available = await listModels(ctx.paths);
  const models = options.models ?? available;
  for (const model of models) {
    if (!available.includes(model)) {
      throw new WorkspaceError(
        `unknown model "${model}" (models: ${available.join(', ') || 'none'})`,
      );
    }
  }
  if (models.length === 0) throw new WorkspaceError(`no models found in ${ctx.paths.modelsDir}`);
  const results: ModelPipelineResult[] = [];
  for (const model of models) {
    ctx.log(`── ${model} ──`);
    const data = await loadModelData(ctx, model);
    const training = await trainModel(ctx, model, { data });
    const evaluation = await evaluateModel(ctx, model, { data });
    const promotion = options.promote === false ? null : await promoteModel(ctx, model);
    if (promotion !== null) ctx.log(promotion.message);
    results.push({ model, training, evaluation, promotion });
  }
  return { passed: results.every((r) => r.evaluation.passed), models: results };
}
