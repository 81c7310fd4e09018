/** p clipped to [0, 1] (NaN stays NaN), as scipy's `np.clip(p, 0, 1)` on every p-value. */
export function clipProbability(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}
