import type { FeatureRecord } from '@repo/features';
import { ONNX_MIN_ROWS } from './batch-engine';
import type { LoadedModel } from './loaded-model';
import type { FeatureRule } from './validate-records';

/** A value the model was trained for: the middle of a declared range, a training level. */
function typicalValue(feature: FeatureRule): number | string | null {
  if (feature.kind === 'categorical') {
    const [level] = feature.levels ?? [];
    return level ?? null;
  }
  const { min, max } = feature;
  if (min !== undefined && max !== undefined) return (min + max) / 2;
  return min ?? max ?? 0;
}

/** A record of typical values of every feature of `model`: the warm-up prediction's input. */
export function warmUpRecord(model: LoadedModel): FeatureRecord {
  return Object.fromEntries(model.features.map((feature) => [feature.name, typicalValue(feature)]));
}

/**
 * Predictions before a version answers requests, so that the first request does not pay for
 * compiling the network or opening its ONNX Runtime session (a batch of `ONNX_MIN_ROWS`), and a
 * version that cannot predict (or predicts a non-finite value, `NonFinitePredictionError`) is
 * found before it is served.
 */
export async function warmUp(model: LoadedModel): Promise<void> {
  const record = warmUpRecord(model);
  model.predict([record], 'warn');
  await model.predictMany(
    Array.from({ length: ONNX_MIN_ROWS }, () => record),
    'warn',
  );
}
