import { type FeatureState, UNKNOWN_LEVEL } from './state';

/**
 * The model's input columns, in order: a numeric feature is its name, a categorical feature
 * one `name=level` per training level, then `name=(unknown)` when it has an unknown slot.
 */
export function featureNames(features: readonly FeatureState[]): string[] {
  const names: string[] = [];
  for (const feature of features) {
    if (feature.kind === 'numeric') {
      names.push(feature.name);
      continue;
    }
    for (const level of feature.levels) names.push(`${feature.name}=${level}`);
    if (feature.missing === 'unknown') names.push(`${feature.name}=${UNKNOWN_LEVEL}`);
  }
  return names;
}
