import type { PreprocessorState } from './state';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * The state as deterministic JSON: object keys sorted, two-space indentation, a final newline,
 * numbers in JavaScript's shortest round-trip form (so parsing gives back the same doubles).
 * Equal states always give byte-identical text.
 */
export function serializePreprocessor(state: PreprocessorState): string {
  return `${JSON.stringify(sortKeys(state), null, 2)}\n`;
}
