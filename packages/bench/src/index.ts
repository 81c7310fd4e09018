export {
  type BaselineResult,
  type BenchLineOptions,
  benchLine,
  type SkippedBaseline,
} from './bench-line';
export {
  type PythonBaselineOptions,
  pythonEnvironment,
  pythonUnavailable,
  runPythonBaseline,
} from './python-baseline';
export { type RunSummary, summarize } from './summary';
export { type TimeRunsOptions, timeAlternately, timeRuns } from './time-runs';
