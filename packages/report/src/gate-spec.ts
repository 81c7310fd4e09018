/** Quality gates as declared in `model.yaml` (the one definition lives in `@repo/config`). */
import type { GateSpec } from '@repo/config';

export type { GateSpec };

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
