/** A model could not be promoted because a quality gate failed on the default branch. */
export class PromotionRefusedError extends Error {
  override readonly name = 'PromotionRefusedError';
}
