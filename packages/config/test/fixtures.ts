/** A valid configuration as YAML text, with line numbers stable for the tests. */
export const validYaml = `name: house-prices
task: regression
data:
  files: [data/house-sales/sales.csv]
  maxMissingRate: 0.1
features:
  - { name: sqft_living, type: numeric, min: 100, max: 20000 }
  - { name: neighborhood, type: categorical }
target: { name: price, transform: log, min: 1000 }
groups: [neighborhood]
split: { method: time, timeColumn: sale_date, validationFraction: 0.15, testFraction: 0.15 }
missing: { numeric: median, categorical: unknown }
model: { type: mlp, hiddenLayers: [64, 32], activation: relu }
training:
  epochs: 40
  batchSize: 256
  learningRate: 0.001
  optimizer: adam
  earlyStopping: { patience: 5, minDelta: 0.0001 }
seed: 42
gates:
  - { type: no-regression, metric: rmse, tolerance: 0.02 }
  - { type: min, metric: r2, value: 0.7 }
  - { type: max-group-gap, metric: mape, group: neighborhood, value: 0.15 }
  - { type: max, metric: latency_p95_ms, value: 50 }
`;
