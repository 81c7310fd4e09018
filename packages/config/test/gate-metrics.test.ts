import { describe, expect, it } from 'vitest';
import { ConfigReadError, ConfigValidationError, parseModelConfig } from '../src/index';
import { validYaml } from './fixtures';

const FILE = 'models/house-prices/model.yaml';

function refusal(text: string): Error {
  try {
    parseModelConfig(text, FILE, 'house-prices');
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the configuration to be refused');
}

/** The fixture with its first gate naming `metric` instead of `rmse`. */
const withGateMetric = (metric: string) => {
  const text = validYaml.replace(/metric: rmse\b/, `metric: ${metric}`);
  expect(text).not.toBe(validYaml);
  return text;
};

describe('gates name metrics the evaluation of the task has', () => {
  it('refuses a misspelled metric with its line and the metric meant', () => {
    const error = refusal(withGateMetric('rmsee'));
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error.message).toMatch(
      /gates\[0\]\.metric \(line \d+\): expected a metric of a regression model \(mse, rmse, .*\), found "rmsee"; did you mean "rmse"\?/,
    );
  });

  it('refuses a classification metric on a regression, saying so', () => {
    const error = refusal(withGateMetric('accuracy'));
    expect(error.message).toContain(
      'found "accuracy"; "accuracy" is a classification metric and this model is a regression',
    );
  });

  it('accepts every metric the pipeline measures, such as latency and size', () => {
    for (const metric of ['mae', 'r2', 'latency_p95_ms', 'latency_b1000_p99_ms', 'size_bytes']) {
      expect(() => parseModelConfig(withGateMetric(metric), FILE, 'house-prices')).not.toThrow();
    }
  });
});

describe('a YAML syntax error', () => {
  it('gives the line and the column', () => {
    const text = validYaml.replace(/\n {2}(\w+): /, '\n $1: ');
    const error = refusal(text);
    expect(error).toBeInstanceOf(ConfigReadError);
    expect(error.message).toMatch(/model\.yaml: not valid YAML \(line \d+, column \d+\): /);
  });
});
