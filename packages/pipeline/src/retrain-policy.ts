import type { RetrainTrigger } from '@repo/config';

/** The triggers of `monitoring.retrain.on` that the verdicts meet, in the policy's order. */
export function retrainReasons(
  on: readonly RetrainTrigger[],
  datasetDrift: boolean,
  predictionDrift: boolean,
  conceptDegraded: boolean,
): RetrainTrigger[] {
  const met: Record<RetrainTrigger, boolean> = {
    'dataset-drift': datasetDrift,
    'prediction-drift': predictionDrift,
    'concept-degraded': conceptDegraded,
    always: true,
  };
  return on.filter((trigger) => met[trigger]);
}
