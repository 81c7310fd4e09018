import { describeGate } from './describe-gate';
import type { EvaluationResult } from './evaluation-result';
import { formatCount } from './format-number';
import type { GateResult } from './gate-spec';
import { gatesSection } from './gates-section';
import { groupsSection } from './groups-section';
import { learningCurveChart } from './learning-curve-chart';
import { lineageSection } from './lineage-section';
import { inlineCode } from './markdown';
import type { MetricsDiff } from './metrics-diff';
import { metricsSection } from './metrics-section';
import type { ParamsDiff } from './params-diff';
import { paramsSection } from './params-section';
import { reportMarker } from './report-marker';

export interface ReportInput {
  readonly candidate: EvaluationResult;
  readonly production?: EvaluationResult;
  readonly gates: readonly GateResult[];
  readonly metricsDiff: MetricsDiff;
  readonly paramsDiff: ParamsDiff;
  /** Link to the workflow run that produced the candidate. */
  readonly runUrl?: string;
  /** Replaces `Model report: <model>` in the headline. */
  readonly title?: string;
}

function versionName(result: EvaluationResult): string {
  return result.version === undefined ? '' : ` ${inlineCode(`v${result.version}`)}`;
}

function summary(input: ReportInput): string[] {
  const { candidate, production, gates } = input;
  const failed = gates.filter((g) => !g.passed);
  const lines: string[] = [];
  const comparison =
    production === undefined
      ? `**Candidate**${versionName(candidate)}`
      : `**Candidate**${versionName(candidate)} vs **production**${versionName(production) || ' model'}`;
  const verdict =
    gates.length === 0
      ? 'no gates configured'
      : failed.length === 0
        ? gates.length === 1
          ? 'the gate passed'
          : `all ${gates.length} gates passed`
        : `**${failed.length} of ${gates.length} gates failed**: ${failed.map((g) => describeGate(g.gate)).join('; ')}`;
  const run = input.runUrl === undefined ? '' : ` · [workflow run](${input.runUrl})`;
  lines.push(`${comparison} · ${verdict}${run}`);
  if (production === undefined) {
    lines.push(
      '> [!NOTE]\n> **No production model yet**: there is nothing to compare with, so only the absolute gates apply. Promoting this candidate makes it the first production version.',
    );
  } else if (production.data.md5 !== candidate.data.md5) {
    lines.push(
      `Data changed: ${inlineCode(production.data.md5.slice(0, 8))} (${formatCount(production.data.rows)} rows) → ${inlineCode(candidate.data.md5.slice(0, 8))} (${formatCount(candidate.data.rows)} rows)`,
    );
  }
  return lines;
}

function curvesSection(candidate: EvaluationResult): string {
  const chart = learningCurveChart(candidate.history);
  if (chart === undefined) {
    const empty = candidate.history.loss.length === 0 && candidate.history.valLoss.length === 0;
    return `### Learning curves\n\n_${empty ? 'No training history was recorded.' : 'The loss history contains non-finite values and cannot be plotted.'}_`;
  }
  return `### Learning curves\n\n${chart.caption}\n\n${chart.mermaid}`;
}

/**
 * The candidate-vs-production report as GitHub-flavoured markdown: a hidden marker line
 * (`reportMarker`) for finding the sticky PR comment, a ✅/❌ headline, metrics, gates,
 * per-group metrics, parameter changes, a mermaid learning-curve chart, and data and lineage.
 */
export function renderReport(input: ReportInput): string {
  const { candidate, production, gates } = input;
  const passed = gates.every((g) => g.passed);
  const headline = `## ${passed ? '✅' : '❌'} ${input.title ?? `Model report: ${candidate.model}`}`;
  const sections = [
    reportMarker(candidate.model),
    headline,
    ...summary(input),
    metricsSection(candidate, production, input.metricsDiff),
    gatesSection(gates),
    groupsSection(candidate, gates),
    paramsSection(input.paramsDiff, production !== undefined),
    curvesSection(candidate),
    lineageSection(candidate, production),
  ].filter((s) => s !== '');
  const [marker, ...rest] = sections;
  return `${marker}\n${rest.join('\n\n')}\n`;
}
