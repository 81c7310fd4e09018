/** Finding, opening, updating, closing or de-duplicating a model's drift issue failed (`cause`: the API error). */
export class DriftIssueError extends Error {
  override readonly name = 'DriftIssueError';
}
