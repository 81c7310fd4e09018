/** `drift`, `no-drift` or `too-few-rows`. */
export const OUTPUT_VERDICT = 'verdict';
/** `true` when the model's retraining policy (`monitoring.retrain.on`) is met, else `false`. */
export const OUTPUT_RETRAIN = 'retrain';
/** The folder holding `drift.md`, `drift.html` and `drift.json` (for upload-artifact). */
export const OUTPUT_REPORT_PATH = 'report-path';
/** The model's drift issue number, empty when it has none. */
export const OUTPUT_ISSUE_NUMBER = 'issue-number';
