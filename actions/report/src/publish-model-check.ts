import type { GitHubConnection } from '@repo/action-common/github';
import {
  type CandidateRecord,
  formatCandidateRecord,
  type GitHubReleasesRegistry,
  releaseMetricHistory,
  setModelCheck,
  upsertStickyComment,
} from '@repo/github';
import { describeGate, metricHistoryChart, reportMarker } from '@repo/report';
import type { Inputs } from './inputs';
import { gatedMetric, type ModelReport } from './model-reports';
import type { ReportLog } from './report-pull-request';

/** Releases shown in the metric-history chart. */
const HISTORY_RELEASES = 10;

/** What publishing needs: the connection, the pull request, and whether its head is the run's. */
export interface CheckTarget
  extends Pick<GitHubConnection, 'client' | 'github' | 'registry' | 'where'> {
  readonly prNumber: number;
  /** The run's commit is still the pull request's head: comments may be written. */
  readonly current: boolean;
  readonly inputs: Inputs;
  readonly log: ReportLog;
}

const details = (target: CheckTarget) =>
  target.github.runUrl === undefined ? {} : { detailsUrl: target.github.runUrl };

/** A model the pull request does not touch: its required check passes as "unchanged". */
export async function publishUnchanged(target: CheckTarget, model: string): Promise<void> {
  await setModelCheck(target.client, {
    ...target.where,
    sha: target.inputs.sha,
    model,
    passed: true,
    title: 'Unchanged by this pull request',
    summary: `This pull request changes none of the inputs of \`${model}\`: nothing to train or gate.`,
    ...details(target),
  });
  target.log.info(`${model}: unchanged; check passed`);
}

/** A changed model without a report (training or evaluation failed): its check fails. */
export async function publishMissing(target: CheckTarget, model: string): Promise<string> {
  await setModelCheck(target.client, {
    ...target.where,
    sha: target.inputs.sha,
    model,
    passed: false,
    title: 'No report: training or evaluation failed',
    summary: `This pull request changes \`${model}\`, but its model-pr run produced no report: see the run's train-evaluate job for the error.`,
    ...details(target),
  });
  target.log.info(`${model}: changed but not reported; check failed`);
  return `${model} (no report: training or evaluation failed)`;
}

/** A reported model: the sticky comment (when current) and the check the gates decide. */
export async function publishReport(
  target: CheckTarget,
  report: ModelReport,
  candidate: CandidateRecord | undefined,
): Promise<{ commentId: number | undefined; failure: string | undefined }> {
  const { client, where, inputs, log } = target;
  const body = await withHistoryChart(report, target.registry);
  let commentId: number | undefined;
  if (target.current) {
    const comment = await upsertStickyComment(client, {
      ...where,
      issueNumber: target.prNumber,
      marker: reportMarker(report.model),
      body,
      author: inputs.commentAuthor,
    });
    commentId = comment.id;
    log.info(`${report.model}: comment ${comment.id} ${comment.action}`);
  }
  await log.summary(body);
  const { passed, gates } = report.evaluation;
  const failed = gates.filter((g) => !g.passed);
  await setModelCheck(client, {
    ...where,
    sha: inputs.sha,
    model: report.model,
    passed,
    title: checkTitle(gates.length, failed.length),
    summary:
      gates.map((g) => `- ${g.passed ? '✅' : '❌'} ${g.reason}`).join('\n') ||
      'No gates configured.',
    text: body,
    ...details(target),
    ...(candidate === undefined ? {} : { externalId: formatCandidateRecord(candidate) }),
  });
  log.info(`${report.model}: check ${passed ? 'passed' : 'failed'} on ${inputs.sha.slice(0, 12)}`);
  return {
    commentId,
    failure: passed
      ? undefined
      : `${report.model} (${failed.map((g) => `${describeGate(g.gate)}: ${g.reason}`).join('; ')})`,
  };
}

function checkTitle(total: number, failed: number): string {
  if (total === 0) return 'No gates configured';
  if (failed === 0) return total === 1 ? 'The gate passed' : `All ${total} gates passed`;
  return `${failed} of ${total} gates failed`;
}

/** The report with a section charting the gated metric over the last releases, when there are any. */
async function withHistoryChart(
  report: ModelReport,
  registry: GitHubReleasesRegistry,
): Promise<string> {
  const metric = gatedMetric(report.evaluation);
  if (metric === undefined) return report.markdown;
  const history = await releaseMetricHistory(registry, report.model, metric, HISTORY_RELEASES);
  if (history.length === 0) return report.markdown;
  const chart = metricHistoryChart(metric, history, report.evaluation.candidate.metrics[metric]);
  if (chart === undefined) return report.markdown;
  return `${report.markdown.trimEnd()}\n\n### ${metric} over the last releases\n\n${chart.caption}\n\n${chart.mermaid}\n`;
}
