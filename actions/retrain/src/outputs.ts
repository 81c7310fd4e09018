/** The retraining pull request's number; empty when none was opened or updated. */
export const OUTPUT_PULL_REQUEST = 'pull-request';
/** `created`, `updated`, `unchanged` (same data and body) or `none` (nothing to retrain). */
export const OUTPUT_ACTION = 'action';
/** `true` when model-pr was dispatched on the branch (a `GITHUB_TOKEN` push starts no workflow). */
export const OUTPUT_DISPATCHED = 'dispatched';
