import { stableJson } from '@repo/config';
import type { PreprocessorState } from './state';

/**
 * The state as deterministic JSON: object keys sorted, two-space indentation, a final newline,
 * numbers in JavaScript's shortest round-trip form (so parsing gives back the same doubles).
 * Equal states always give byte-identical text.
 */
export function serializePreprocessor(state: PreprocessorState): string {
  return stableJson(state);
}
