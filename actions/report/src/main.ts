import { resolve } from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import {
  type CandidateRecord,
  candidateDigests,
  formatCandidateRecord,
  type GitHubReleasesRegistry,
  pullRequestHead,
  releaseMetricHistory,
  setModelCheck,
  upsertStickyComment,
} from '@repo/github';
import { artifactDigest } from '@repo/pipeline';
import { describeGate, metricHistoryChart, reportMarker } from '@repo/report';
import { GatesFailedError } from './errors';
import { getInputs, INPUT_REPORT_PATH } from './inputs';
import { gatedMetric, type ModelReport, readModelReports } from './model-reports';
import { OUTPUT_COMMENT_IDS, OUTPUT_PASSED } from './outputs';
import { pullRequestFromReports } from './pull-request-number';

/** Releases shown in the metric-history chart. */
const HISTORY_RELEASES = 10;

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const { client, github, registry, where } = connectGitHub(inputs.token);
    const reports = await readModelReports(
      resolve(github.workspace, inputs.reportPath),
      INPUT_REPORT_PATH,
    );

    const prNumber =
      inputs.prNumber ??
      (await pullRequestFromReports(
        client,
        where,
        resolve(github.workspace, inputs.reportPath),
        inputs.sha,
      ));

    // Reports only move forward: one for a commit that is no longer the head is not posted.
    const head = await pullRequestHead(client, where, prNumber);
    const current = head === inputs.sha;
    if (!current) {
      core.info(
        `pull request #${prNumber} is now at ${head.slice(0, 12)}: the reports of ${inputs.sha.slice(0, 12)} are not commented (their checks stay on that commit)`,
      );
    }
    const candidates = await trustedCandidates(
      inputs,
      `${where.owner}/${where.repo}`,
      github.workspace,
    );

    const commentIds: Record<string, number> = {};
    const failures: string[] = [];
    for (const report of reports) {
      const body = await withHistoryChart(report, registry);
      if (current) {
        const comment = await upsertStickyComment(client, {
          ...where,
          issueNumber: prNumber,
          marker: reportMarker(report.model),
          body,
          author: inputs.commentAuthor,
        });
        commentIds[report.model] = comment.id;
        core.info(`${report.model}: comment ${comment.id} ${comment.action}`);
      }
      await core.summary.addRaw(body).addEOL().write();
      const { passed, gates } = report.evaluation;
      const failed = gates.filter((g) => !g.passed);
      const candidate = candidates.get(report.model);
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
        ...(github.runUrl === undefined ? {} : { detailsUrl: github.runUrl }),
        ...(candidate === undefined ? {} : { externalId: formatCandidateRecord(candidate) }),
      });
      core.info(
        `${report.model}: check ${passed ? 'passed' : 'failed'} on ${inputs.sha.slice(0, 12)}`,
      );
      if (!passed) {
        failures.push(
          `${report.model} (${failed.map((g) => `${describeGate(g.gate)}: ${g.reason}`).join('; ')})`,
        );
      }
    }
    core.setOutput(OUTPUT_COMMENT_IDS, JSON.stringify(commentIds));
    core.setOutput(OUTPUT_PASSED, failures.length === 0 ? 'true' : 'false');
    if (failures.length > 0) {
      throw new GatesFailedError(`quality gates failed: ${failures.join('; ')}`);
    }
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

/**
 * The candidates of the run, by model, as digested here from their files; none for a fork's run
 * (its candidates are never shipped) or when no candidate folder is given.
 */
async function trustedCandidates(
  inputs: { candidatePath: string | undefined; headRepository: string | undefined },
  repository: string,
  workspace: string,
): Promise<Map<string, CandidateRecord>> {
  if (inputs.candidatePath === undefined) return new Map();
  if (inputs.headRepository?.toLowerCase() !== repository.toLowerCase()) {
    core.info(
      `the run's head repository is ${inputs.headRepository ?? 'unknown'}, not ${repository}: no candidate is recorded for release`,
    );
    return new Map();
  }
  const records = await candidateDigests(resolve(workspace, inputs.candidatePath), artifactDigest);
  for (const [model, record] of records) {
    core.info(
      `${model}: candidate ${record.digest.slice(0, 12)} recorded for inputs ${record.inputHash.slice(0, 12)}`,
    );
  }
  return records;
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
