/**
 * What to preprocess: the `features`, `target` and `missing` parts of a model configuration
 * (`@repo/config`'s `ModelConfig` satisfies this shape and can be passed as is).
 */
export interface PreprocessSpec {
  readonly features: readonly { readonly name: string; readonly type: 'numeric' | 'categorical' }[];
  readonly target: { readonly name: string; readonly transform: 'none' | 'log' | 'standardize' };
  readonly missing: {
    readonly numeric: 'mean' | 'median' | 'zero';
    readonly categorical: 'mode' | 'unknown';
  };
}
