import { formatNumber } from './format-number';
import type { GateSpec } from './gate-spec';

/** A relative tolerance as a percentage without needless digits: 0.02 → `2%`, 0.005 → `0.5%`. */
export function formatTolerance(tolerance: number): string {
  return `${Number((tolerance * 100).toPrecision(6))}%`;
}

/** A short human description of a gate, e.g. `rmse: no regression (2% tolerance)`. */
export function describeGate(gate: GateSpec): string {
  switch (gate.type) {
    case 'no-regression':
      return `${gate.metric}: no regression (${formatTolerance(gate.tolerance)} tolerance)`;
    case 'min':
      return `${gate.metric} ≥ ${formatNumber(gate.value)}`;
    case 'max':
      return `${gate.metric} ≤ ${formatNumber(gate.value)}`;
    case 'max-group-gap':
      return `${gate.metric} gap across ${gate.group} ≤ ${formatNumber(gate.value)}${gate.minCount === undefined || gate.minCount <= 1 ? '' : ` (levels with ≥ ${gate.minCount} rows)`}`;
  }
}
