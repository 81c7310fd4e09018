import type { ModelConfig } from '@repo/config';
import { describeGate, type EvaluationResult, formatNumber, type GateResult } from '@repo/report';

export interface ModelCardInput {
  readonly config: ModelConfig;
  readonly version: string;
  readonly candidate: EvaluationResult;
  readonly production?: EvaluationResult | undefined;
  readonly gates: readonly GateResult[];
  readonly testRows: number;
  readonly trainRows: number;
  readonly links?: { readonly runUrl?: string; readonly pullRequestUrl?: string };
}

/**
 * The model card: what the model is for, what it learned from, how good it is and where it came
 * from. It is stored with every version and becomes the release notes on GitHub.
 */
export function renderModelCard(input: ModelCardInput): string {
  const { config, candidate, production } = input;
  const lineage = candidate.lineage;
  const metricRows = Object.entries(candidate.metrics).map(([name, value]) => {
    const old = production?.metrics[name];
    return `| ${name} | ${formatNumber(value)} | ${old === undefined ? '—' : formatNumber(old)} |`;
  });
  return [
    `# ${config.name} v${input.version}`,
    '',
    config.description ?? '',
    '',
    '## Model',
    `- Task: ${config.task}, target \`${config.target.name}\` (transform: ${config.target.transform})`,
    `- Architecture: MLP ${config.model.hiddenLayers.join('→')} (${config.model.activation}), ${config.training.optimizer} lr ${config.training.learningRate}, batch ${config.training.batchSize}, ${lineage.epochsRun ?? '?'} of ${config.training.epochs} epochs`,
    `- Features (${config.features.length}): ${config.features.map((f) => `\`${f.name}\` (${f.type})`).join(', ')}`,
    `- Fairness groups: ${config.groups.map((g) => `\`${g}\``).join(', ') || 'none'}`,
    '',
    '## Data',
    `- Data version (DVC md5): \`${candidate.data.md5}\``,
    `- Files: ${config.data.files.map((f) => `\`${f}\``).join(', ')}`,
    `- Split: ${config.split.method}${config.split.timeColumn === undefined ? '' : ` on \`${config.split.timeColumn}\``}; ${input.trainRows} training rows, ${input.testRows} test rows`,
    '',
    '## Metrics (test split)',
    `| metric | this version | ${production === undefined ? 'previous' : `previous (v${production.version ?? '?'})`} |`,
    '| --- | ---: | ---: |',
    ...metricRows,
    '',
    '## Quality gates',
    ...input.gates.map((g) => `- ${g.passed ? '✅' : '❌'} ${describeGate(g.gate)}: ${g.reason}`),
    '',
    '## Lineage',
    `- Commit: \`${String(lineage.gitCommit)}\`${lineage.gitDirty === true ? ' (uncommitted changes)' : ''}`,
    `- Config hash: \`${String(lineage.configHash)}\``,
    `- Artifact digest: \`${String(lineage.artifactDigest)}\``,
    `- Backend: ${String(lineage.backend)}, seed ${String(lineage.seed)}`,
    `- Packages: ${Object.entries(lineage.packages ?? {})
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
    '',
    ...(input.links?.pullRequestUrl === undefined
      ? []
      : [`- Pull request: ${input.links.pullRequestUrl}`]),
    ...(input.links?.runUrl === undefined ? [] : [`- Workflow run: ${input.links.runUrl}`]),
    '',
    '## Limitations',
    '- Trained on the data version above only; check the drift report before trusting it on newer data.',
    '- Metrics are measured on a held-out split of the same data version, not on live traffic.',
    '',
  ].join('\n');
}
