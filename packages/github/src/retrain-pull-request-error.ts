/** Finding, opening or updating a model's retraining pull request failed (`cause`: the API error). */
export class RetrainPullRequestError extends Error {
  override readonly name = 'RetrainPullRequestError';
}
