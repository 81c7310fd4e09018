import { resolve } from 'node:path';
import type { GitHubConnection } from '@repo/action-common/github';
import {
  type CandidateRecord,
  candidateDigests,
  planModelChecks,
  pullRequestFiles,
  pullRequestHead,
} from '@repo/github';
import {
  artifactDigest,
  changedModels,
  findRepoRoot,
  listModels,
  workspacePaths,
} from '@repo/pipeline';
import type { Inputs } from './inputs';
import { INPUT_REPORT_PATH } from './inputs';
import { readModelReports } from './model-reports';
import { publishMissing, publishReport, publishUnchanged } from './publish-model-check';
import { pullRequestFromReports } from './pull-request-number';

/** Where the report job's lines go (the action's log and step summary; a test's arrays). */
export interface ReportLog {
  info(line: string): void;
  warning(line: string): void;
  summary(markdown: string): Promise<void>;
}

export interface ReportOutcome {
  readonly commentIds: Record<string, number>;
  /** One entry per model whose check failed, naming the gates or the missing report. */
  readonly failures: string[];
}

/**
 * Reports one model-pr run on its pull request: a conclusive check `model/<name>` for every model
 * of the default branch and every model the pull request adds (the gates' verdict, "unchanged",
 * or a failure when a changed model has no report), and the sticky comment per reported model
 * when the run's commit is still the pull request's head.
 */
export async function reportPullRequest(
  connection: Pick<GitHubConnection, 'client' | 'github' | 'registry' | 'where'>,
  inputs: Inputs,
  log: ReportLog,
): Promise<ReportOutcome> {
  const { client, github, where } = connection;
  const reportDir = resolve(github.workspace, inputs.reportPath);
  const reports = await readModelReports(reportDir, INPUT_REPORT_PATH, { allowNone: true });
  const prNumber =
    inputs.prNumber ?? (await pullRequestFromReports(client, where, reportDir, inputs.sha));

  // Reports only move forward: one for a commit that is no longer the head is not posted.
  const head = await pullRequestHead(client, where, prNumber);
  const current = head === inputs.sha;
  if (!current) {
    log.info(
      `pull request #${prNumber} is now at ${head.slice(0, 12)}: the reports of ${inputs.sha.slice(0, 12)} are not commented (their checks stay on that commit)`,
    );
  }
  const files = await pullRequestFiles(client, where, prNumber);
  const defaultModels = await listModels(workspacePaths({ root: findRepoRoot(github.workspace) }));
  const models = [...new Set([...defaultModels, ...files.addedModels])];
  const plan = planModelChecks({
    models,
    changed: changedModels({ changedFiles: files.changed, models }),
    reported: reports.map((r) => r.model),
  });
  for (const model of plan.ignored) {
    log.warning(
      `a report names "${model}", which is neither on the default branch nor added by pull request #${prNumber}: ignored`,
    );
  }
  const candidates = await trustedCandidates(
    inputs,
    `${where.owner}/${where.repo}`,
    github.workspace,
    log,
  );
  const outcome: ReportOutcome = { commentIds: {}, failures: [] };
  const target = { ...connection, prNumber, current, inputs, log };
  for (const { model, kind } of plan.checks) {
    if (kind === 'unchanged') await publishUnchanged(target, model);
    else if (kind === 'missing') outcome.failures.push(await publishMissing(target, model));
    else {
      const report = reports.find((r) => r.model === model);
      if (report === undefined) continue;
      const result = await publishReport(target, report, candidates.get(model));
      if (result.commentId !== undefined) outcome.commentIds[model] = result.commentId;
      if (result.failure !== undefined) outcome.failures.push(result.failure);
    }
  }
  return outcome;
}

/**
 * The candidates of the run, by model, as digested here from their files; none for a fork's run
 * (its candidates are never shipped) or when no candidate folder is given.
 */
async function trustedCandidates(
  inputs: { candidatePath: string | undefined; headRepository: string | undefined },
  repository: string,
  workspace: string,
  log: ReportLog,
): Promise<Map<string, CandidateRecord>> {
  if (inputs.candidatePath === undefined) return new Map();
  if (inputs.headRepository?.toLowerCase() !== repository.toLowerCase()) {
    log.info(
      `the run's head repository is ${inputs.headRepository ?? 'unknown'}, not ${repository}: no candidate is recorded for release`,
    );
    return new Map();
  }
  const records = await candidateDigests(resolve(workspace, inputs.candidatePath), artifactDigest);
  for (const [model, record] of records) {
    log.info(
      `${model}: candidate ${record.digest.slice(0, 12)} recorded for inputs ${record.inputHash.slice(0, 12)}`,
    );
  }
  return records;
}
