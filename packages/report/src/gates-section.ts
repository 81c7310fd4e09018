import { describeGate } from './describe-gate';
import { formatNumber } from './format-number';
import type { GateResult } from './gate-spec';
import { markdownTable } from './markdown';
import { metricDirection } from './metric-direction';

function limit(result: GateResult): string {
  if (result.threshold === null) return '—';
  const { gate } = result;
  const atLeast =
    gate.type === 'min' ||
    (gate.type === 'no-regression' && metricDirection(gate.metric) === 'higher');
  return `${atLeast ? '≥' : '≤'} ${formatNumber(result.threshold)}`;
}

/** The gates table: pass/fail, gate, candidate value, limit and the reason. */
export function gatesSection(gates: readonly GateResult[]): string {
  if (gates.length === 0) return '### Quality gates\n\n_No gates are configured for this model._';
  const rows = gates.map((result) => [
    result.passed ? '✅' : '❌',
    describeGate(result.gate),
    result.actual === null ? '—' : formatNumber(result.actual),
    limit(result),
    result.reason,
  ]);
  const table = markdownTable(['', 'Gate', 'Value', 'Limit', 'Why'], rows, [
    'center',
    'left',
    'right',
    'right',
    'left',
  ]);
  return `### Quality gates\n\n${table}`;
}
