import { errorMessage } from '@repo/action-common';
import type { GitHubConnection } from '@repo/action-common/github';
import {
  type CandidateArtifact,
  type CandidateRecord,
  formatCandidateRecord,
  type GitHubReleasesRegistry,
  releaseMetricHistory,
  setModelCheck,
  upsertStickyComment,
} from '@repo/github';
import {
  evaluatePullRequestCandidate,
  type PipelineContext,
  type PullRequestEvaluation,
} from '@repo/pipeline';
import { describeGate, metricHistoryChart, reportMarker, untrustedText } from '@repo/report';
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

/**
 * A changed model with a candidate artifact: evaluated here with the default branch's code (see
 * `evaluatePullRequestCandidate`), then published as {@link publishReport}; a candidate that
 * cannot be evaluated fails its check, saying why.
 */
export async function publishEvaluation(
  target: CheckTarget,
  ctx: PipelineContext,
  candidate: CandidateArtifact,
  recordable: boolean,
): Promise<{ commentId: number | undefined; failure: string | undefined }> {
  const { model } = candidate;
  let evaluation: PullRequestEvaluation;
  try {
    evaluation = await evaluatePullRequestCandidate(ctx, model, {
      artifactDir: candidate.dir,
      headSha: target.inputs.sha,
    });
  } catch (error) {
    return publishUnevaluated(target, model, errorMessage(error));
  }
  const { summary, gatesNotice } = evaluation;
  const marker = reportMarker(model);
  const body = summary.markdown.startsWith(marker)
    ? summary.markdown.slice(marker.length).trimStart()
    : summary.markdown;
  const markdown = `${marker}\n${gatesNotice === undefined ? '' : `${gatesNotice}\n\n`}${body}`;
  if (recordable) {
    target.log.info(
      `${model}: candidate ${candidate.digest.slice(0, 12)} recorded for inputs ${candidate.inputHash.slice(0, 12)}`,
    );
  }
  return publishReport(
    target,
    { model, markdown, evaluation: summary },
    recordable ? candidate : undefined,
  );
}

/** A candidate that could not be evaluated: its check fails, and the comment says why. */
async function publishUnevaluated(
  target: CheckTarget,
  model: string,
  reason: string,
): Promise<{ commentId: number | undefined; failure: string }> {
  const summary = `The candidate of \`${model}\` could not be evaluated with the default branch's code: ${untrustedText(reason)}`;
  let commentId: number | undefined;
  if (target.current) {
    const comment = await upsertStickyComment(target.client, {
      ...target.where,
      issueNumber: target.prNumber,
      marker: reportMarker(model),
      body: `${reportMarker(model)}\n## ❌ ${model}: not evaluated\n\n${summary}\n`,
      author: target.inputs.commentAuthor,
    });
    commentId = comment.id;
  }
  await setModelCheck(target.client, {
    ...target.where,
    sha: target.inputs.sha,
    model,
    passed: false,
    title: 'The candidate could not be evaluated',
    summary,
    ...details(target),
  });
  target.log.info(`${model}: not evaluated (${reason}); check failed`);
  return { commentId, failure: `${model} (not evaluated: ${reason})` };
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
