/** A quality gate of at least one model failed; the message names the models and the gates. */
export class GatesFailedError extends Error {
  override readonly name = 'GatesFailedError';
}
