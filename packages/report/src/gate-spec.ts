/**
 * Quality gates, structurally identical to `GateSpec` of `@repo/config` (declared here so the
 * report does not depend on the configuration package).
 */
export type GateSpec =
  /** The candidate may not be worse than production by more than `tolerance` (relative, 0.02 = 2%). */
  | { readonly type: 'no-regression'; readonly metric: string; readonly tolerance: number }
  /** The metric must be at least `value`. */
  | { readonly type: 'min'; readonly metric: string; readonly value: number }
  /** The metric must be at most `value`. */
  | { readonly type: 'max'; readonly metric: string; readonly value: number }
  /** The largest difference of `metric` between the levels of `group` must be at most `value`. */
  | {
      readonly type: 'max-group-gap';
      readonly metric: string;
      readonly group: string;
      readonly value: number;
      /** Levels with fewer test rows are left out of the gap (default 1: every level counts). */
      readonly minCount?: number;
    };

/** The outcome of one gate. */
export interface GateResult {
  readonly gate: GateSpec;
  readonly passed: boolean;
  /** The candidate's value (the gap for `max-group-gap`); null when there is none. */
  readonly actual: number | null;
  /** The limit `actual` was held to; null when nothing was compared. */
  readonly threshold: number | null;
  /** A sentence explaining the outcome. */
  readonly reason: string;
}
