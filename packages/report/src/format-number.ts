/** Number formatting for reports: readable, stable, locale-independent (en-US). */

const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

function nonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '-∞';
  return undefined;
}

/**
 * A value with 4 significant digits (`0.8123`, `12.35`), whole numbers with thousands
 * separators from 1,000 up (`48,214` for a price-sized RMSE), and exponent notation below
 * 0.001 (`1.23e-4`).
 */
export function formatNumber(value: number): string {
  const special = nonFinite(value);
  if (special !== undefined) return special;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 1000) return WHOLE.format(value);
  if (magnitude < 0.001) {
    const [mantissa = '', exponent = ''] = value.toExponential(2).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`;
  }
  return SIGNIFICANT.format(value);
}

/** `formatNumber` with an explicit sign: `+0.012`, `-1,250`, `0`. */
export function formatSigned(value: number): string {
  if (value > 0) return `+${formatNumber(value)}`;
  return formatNumber(value);
}

/** A ratio as a signed percentage with one decimal: 0.0271 → `+2.7%`. */
export function formatPercent(ratio: number): string {
  const special = nonFinite(ratio * 100);
  if (special !== undefined) return special;
  const text = PERCENT.format(ratio * 100);
  return ratio > 0 ? `+${text}%` : `${text}%`;
}

/** A whole count with thousands separators: 20640 → `20,640`. */
export function formatCount(value: number): string {
  return nonFinite(value) ?? WHOLE.format(value);
}

/** A duration in milliseconds: `850 ms`, `12.3 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const special = nonFinite(ms);
  if (special !== undefined) return special;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    return `${minutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}
