import { FeatureColumnError, FeatureFitError } from './errors';
import { featureNames } from './feature-names';
import { fitCategoricalFeature, fitNumericFeature } from './fit-feature';
import { fitTarget } from './fit-target';
import { resolveRows } from './rows';
import type { PreprocessSpec } from './spec';
import { type FeatureState, PREPROCESSOR_VERSION, type PreprocessorState } from './state';
import type { TableLike } from './table';

/**
 * Fits every preprocessing statistic (impute values, standardization, category levels, target
 * transform) on `trainRows` of `table` only, so validation and test rows cannot leak into it.
 */
export function fitPreprocessor(
  table: TableLike,
  spec: PreprocessSpec,
  trainRows: Int32Array,
): PreprocessorState {
  resolveRows(table, trainRows);
  if (trainRows.length === 0) {
    throw new FeatureFitError(`${table.source}: no training rows to fit the preprocessor on`);
  }
  const seen = new Set<string>();
  const features: FeatureState[] = [];
  for (const feature of spec.features) {
    if (seen.has(feature.name)) {
      throw new FeatureColumnError(
        `${table.source}: feature column "${feature.name}" is listed twice`,
        feature.name,
      );
    }
    seen.add(feature.name);
    features.push(
      feature.type === 'numeric'
        ? fitNumericFeature(table, feature.name, spec.missing.numeric, trainRows)
        : fitCategoricalFeature(table, feature.name, spec.missing.categorical, trainRows),
    );
  }
  return {
    version: PREPROCESSOR_VERSION,
    features,
    target: fitTarget(table, spec.target, trainRows),
    featureNames: featureNames(features),
  };
}
