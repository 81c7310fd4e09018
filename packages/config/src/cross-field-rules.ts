import { isAbsolute } from 'node:path';
import type { ConfigIssue } from './errors';
import { gateMetricIssues } from './gate-metrics';
import { monitoringIssues } from './monitoring-rules';
import type { ModelConfig } from './types';

/** Rules the schema cannot say: references between fields and their consistency. */
export function crossFieldIssues(config: ModelConfig, expectedName?: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (expectedName !== undefined && config.name !== expectedName) {
    issues.push({
      path: 'name',
      expected: `"${expectedName}" (the model's folder name)`,
      found: JSON.stringify(config.name),
    });
  }
  config.data.files.forEach((file, index) => {
    // Inside the DVC-tracked data/ folder: a config (possibly a pull request's, read by a trusted
    // job) must never make the pipeline read another file of the machine.
    const parts = file.split(/[\\/]+/);
    if (isAbsolute(file) || parts[0] !== 'data' || parts.length < 2 || parts.includes('..')) {
      issues.push({
        path: `data.files[${index}]`,
        expected: 'a path inside the data/ folder, relative to the repository root (data/…)',
        found: JSON.stringify(file),
      });
    }
  });
  const seen = new Map<string, number>();
  config.features.forEach((feature, index) => {
    const first = seen.get(feature.name);
    if (first !== undefined) {
      issues.push({
        path: `features[${index}].name`,
        expected: 'a feature name not used before',
        found: `"${feature.name}", already features[${first}]`,
      });
    } else seen.set(feature.name, index);
    if (
      feature.type === 'categorical' &&
      (feature.min !== undefined || feature.max !== undefined)
    ) {
      issues.push({
        path: `features[${index}]`,
        expected: 'min/max only on numeric features',
        found: 'a range on a categorical feature',
      });
    }
    if (feature.min !== undefined && feature.max !== undefined && feature.min > feature.max) {
      issues.push({
        path: `features[${index}].max`,
        expected: `a number ≥ min (${feature.min})`,
        found: String(feature.max),
      });
    }
  });
  if (seen.has(config.target.name)) {
    issues.push({
      path: 'target.name',
      expected: 'a column that is not also a feature',
      found: JSON.stringify(config.target.name),
    });
  }
  const { split } = config;
  if (split.method === 'time' && split.timeColumn === undefined) {
    issues.push({
      path: 'split.timeColumn',
      expected: 'a date column (required when method is "time")',
      found: 'nothing',
    });
  }
  if (split.validationFraction + split.testFraction >= 0.9) {
    issues.push({
      path: 'split.testFraction',
      expected: 'validationFraction + testFraction < 0.9 (leave rows to train on)',
      found: String(split.validationFraction + split.testFraction),
    });
  }
  if (
    config.task === 'regression' &&
    config.target.transform === 'log' &&
    config.target.min !== undefined &&
    config.target.min <= 0
  ) {
    issues.push({
      path: 'target.min',
      expected: 'a positive bound for a log-transformed target',
      found: String(config.target.min),
    });
  }
  if (config.task === 'classification' && config.target.transform !== 'none') {
    issues.push({
      path: 'target.transform',
      expected: '"none" for classification',
      found: JSON.stringify(config.target.transform),
    });
  }
  config.gates.forEach((gate, index) => {
    if (gate.type === 'max-group-gap' && !config.groups.includes(gate.group)) {
      issues.push({
        path: `gates[${index}].group`,
        expected: `one of the groups ${config.groups.map((g) => `"${g}"`).join(', ') || '(none declared)'}`,
        found: JSON.stringify(gate.group),
      });
    }
  });
  issues.push(...gateMetricIssues(config));
  issues.push(...monitoringIssues(config));
  return issues;
}
