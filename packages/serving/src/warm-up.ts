import type { FeatureRecord } from '@repo/features';
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
 * One prediction before a version answers requests, so that the first request does not pay for
 * compiling the network, and a version that cannot predict (or predicts a non-finite value,
 * `NonFinitePredictionError`) is found before it is served.
 */
export function warmUp(model: LoadedModel): void {
  model.predict([warmUpRecord(model)], 'warn');
}
