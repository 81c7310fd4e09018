/** A share as an unsigned percentage with one decimal: 0.025 → `2.5%`. */
export function percent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '—';
}
