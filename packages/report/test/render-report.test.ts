import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../src/evaluate-gates';
import type { EvaluationResult } from '../src/evaluation-result';
import type { GateSpec } from '../src/gate-spec';
import { metricsDiff } from '../src/metrics-diff';
import { paramsDiff } from '../src/params-diff';
import { renderReport } from '../src/render-report';
import { evaluation } from './evaluation-fixture';

const gates: GateSpec[] = [
  { type: 'no-regression', metric: 'rmse', tolerance: 0.02 },
  { type: 'min', metric: 'r2', value: 0.7 },
  { type: 'max-group-gap', metric: 'rmse', group: 'ocean_proximity', value: 20_000 },
];

function report(candidate: EvaluationResult, production?: EvaluationResult, extra = {}): string {
  return renderReport({
    candidate,
    production,
    gates: evaluateGates(gates, candidate, production),
    metricsDiff: metricsDiff(candidate, production),
    paramsDiff: paramsDiff(candidate.params, production?.params),
    ...extra,
  });
}

/** The markdown between a `### heading` and the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`### ${heading}\n`);
  if (start < 0) return '';
  const next = markdown.indexOf('\n### ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

/** Table rows (cells trimmed) whose first cell contains `label`. */
function row(markdown: string, label: string): string[] | undefined {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    )
    .find((cells) => cells[0]?.includes(label));
}

const production = evaluation({
  version: '1.0.0',
  metrics: { rmse: 52_000, mae: 36_000, r2: 0.78 },
  params: { training: { learningRate: 0.003, epochs: 10 }, seed: 42 },
  data: { md5: '11112222333344445555666677778888', rows: 20_000 },
});

describe('renderReport with a production model', () => {
  const candidate = evaluation();
  const markdown = report(candidate, production, { runUrl: 'https://example.test/run/7' });

  it('starts with the hidden marker line used to find the sticky comment', () => {
    expect(markdown.split('\n')[0]).toBe('<!-- mlops-report:house-prices -->');
  });

  it('headlines the overall verdict and the model', () => {
    expect(markdown).toContain('## ✅ Model report: house-prices');
    expect(markdown).toContain('**Candidate** `v1.1.0` vs **production** `v1.0.0`');
    expect(markdown).toContain('all 3 gates passed');
    expect(markdown).toContain('[workflow run](https://example.test/run/7)');
    expect(markdown).not.toContain('No production model yet');
  });

  it('tabulates metrics with production, candidate, signed delta, direction verdict and percent', () => {
    const metrics = section(markdown, 'Metrics');
    expect(metrics).toContain('| Metric | Production | Candidate | Δ | Δ% |');
    expect(row(metrics, '`rmse`')).toEqual([
      '`rmse` ↓',
      '52,000',
      '50,000',
      '-2,000 ▼ better',
      '-3.8%',
    ]);
    expect(row(metrics, '`r2`')).toEqual(['`r2` ↑', '0.78', '0.8', '+0.02 ▲ better', '+2.6%']);
  });

  it('marks a worsened metric as worse', () => {
    const worse = report(
      evaluation({ metrics: { rmse: 60_000, mae: 35_000, r2: 0.8 } }),
      production,
    );
    expect(row(section(worse, 'Metrics'), '`rmse`')?.[3]).toBe('+8,000 **▲ worse**');
    expect(worse).toContain('## ❌ Model report: house-prices');
    expect(worse).toContain('**1 of 3 gates failed**: rmse: no regression (2% tolerance)');
  });

  it('lists every gate with its outcome, value, limit and reason', () => {
    const gatesTable = section(markdown, 'Quality gates');
    expect(row(gatesTable, '✅')).toEqual([
      '✅',
      'rmse: no regression (2% tolerance)',
      '50,000',
      '≤ 53,040',
      '50,000 vs production 52,000 (-3.8%): within the 2% tolerance (lower is better)',
    ]);
    expect(gatesTable).toContain('r2 ≥ 0.7');
    expect(gatesTable).toContain('rmse gap across ocean_proximity ≤ 20,000');
  });

  it('shows a per-group table with counts, metrics and the gap', () => {
    const groups = section(markdown, 'Metrics by group');
    expect(groups).toContain('<summary>By <code>ocean_proximity</code> (2 levels)</summary>');
    expect(row(groups, '`INLAND`')).toEqual(['`INLAND`', '600', '60,000']);
    expect(row(groups, '`NEAR BAY`')).toEqual(['`NEAR BAY`', '300', '45,000']);
    expect(row(groups, 'gap')).toEqual(['**gap (max − min)**', '', '15,000']);
  });

  it('shows only the changed parameters', () => {
    const params = section(markdown, 'Parameters');
    expect(params).toContain('1 changed parameter');
    expect(row(params, 'training.learningRate')).toEqual([
      '`training.learningRate`',
      '`0.003`',
      '`0.001`',
    ]);
    expect(params).not.toContain('training.epochs');
  });

  it('includes a mermaid xychart of the learning curves', () => {
    const curves = section(markdown, 'Learning curves');
    expect(curves).toContain('```mermaid');
    expect(curves).toContain('xychart-beta');
    expect(curves).toContain('line [1, 0.6, 0.4, 0.3]');
    expect(curves).toContain('line [1.1, 0.7, 0.5, 0.45]');
  });

  it('reports data version and lineage side by side, collapsed, and flags changed data', () => {
    const lineage = section(markdown, 'Data and lineage');
    expect(lineage).toContain('<details>');
    expect(row(lineage, 'Data md5')).toEqual([
      'Data md5',
      '`5d41402abc4b2a76b9719d911017c592`',
      '`11112222333344445555666677778888`',
    ]);
    expect(row(lineage, 'Rows')).toEqual(['Rows', '20,640', '20,000']);
    expect(row(lineage, 'Commit')?.[1]).toBe('`abcdef012345`');
    expect(row(lineage, 'Config hash')?.[1]).toBe('`c0ffee00c0ff`');
    expect(row(lineage, 'Backend')?.[1]).toBe('`tensorflow`');
    expect(row(lineage, 'Seed')?.[1]).toBe('42');
    expect(row(lineage, 'Training time')?.[1]).toBe('1 min 23 s');
    expect(markdown).toContain('Data changed: `11112222` (20,000 rows) → `5d41402a` (20,640 rows)');
  });

  it('says when no parameter changed and uses a custom title', () => {
    const same = report(evaluation({ params: production.params }), production, {
      title: 'Retrain on March data',
    });
    expect(same).toContain('## ✅ Retrain on March data');
    expect(section(same, 'Parameters')).toContain('No parameter changes from production');
  });
});

describe('renderReport without a production model', () => {
  const markdown = report(evaluation());

  it('says there is no production model yet and still passes the relative gate', () => {
    expect(markdown).toContain('**No production model yet**');
    expect(markdown).toContain('## ✅ Model report: house-prices');
    expect(markdown).toContain('no production model to compare with');
  });

  it('shows only the candidate column of the metrics table', () => {
    const metrics = section(markdown, 'Metrics');
    expect(metrics).toContain('| Metric | Candidate |');
    expect(row(metrics, '`rmse`')).toEqual(['`rmse` ↓', '50,000']);
    expect(metrics).not.toContain('Production');
  });

  it('lists all parameters in a collapsed section', () => {
    const params = section(markdown, 'Parameters');
    expect(params).toContain('<summary>All 3 parameters</summary>');
    expect(row(params, 'training.epochs')).toEqual(['`training.epochs`', '`10`']);
  });

  it('has a single lineage column', () => {
    expect(row(section(markdown, 'Data and lineage'), 'Rows')).toEqual(['Rows', '20,640']);
  });
});

describe('renderReport edge cases', () => {
  it('expands the group table of a failed group-gap gate', () => {
    const candidate = evaluation({
      groups: {
        ocean_proximity: { INLAND: { count: 1, rmse: 90_000 }, ISLAND: { count: 1, rmse: 10_000 } },
      },
    });
    const markdown = report(candidate, production);
    expect(markdown).toContain('<details open>\n<summary>❌ By <code>ocean_proximity</code>');
    expect(markdown).toContain('## ❌');
  });

  it('explains a missing learning curve instead of drawing an empty chart', () => {
    const markdown = report(evaluation({ history: { loss: [], valLoss: [] } }));
    expect(markdown).not.toContain('```mermaid');
    expect(section(markdown, 'Learning curves')).toContain('No training history was recorded.');
  });

  it('fills metrics that a DVC-default diff leaves out as unchanged from the evaluations', () => {
    const candidate = evaluation({ metrics: { rmse: 50_000, r2: 0.78 } });
    const markdown = renderReport({
      candidate,
      production,
      gates: [],
      metricsDiff: metricsDiff(candidate, production, { all: false }),
      paramsDiff: {},
    });
    expect(row(section(markdown, 'Metrics'), '`r2`')).toEqual([
      '`r2` ↑',
      '0.78',
      '0.78',
      '0 =',
      '0.0%',
    ]);
    expect(row(section(markdown, 'Metrics'), '`mae`')).toEqual([
      '`mae` ↓',
      '36,000',
      '—',
      '—',
      '—',
    ]);
    expect(section(markdown, 'Quality gates')).toContain('No gates are configured');
  });

  it('escapes pipes in table cells', () => {
    const candidate = evaluation({ params: { note: 'a|b' } });
    expect(report(candidate)).toContain('`a\\|b`');
  });
});
