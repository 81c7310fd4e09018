import { resolve } from 'node:path';
import type { GitHubConnection } from '@repo/action-common/github';
import {
  type CandidateArtifact,
  candidateArtifacts,
  planModelChecks,
  pullRequestFiles,
  pullRequestHead,
} from '@repo/github';
import {
  artifactDigest,
  changedModels,
  createContext,
  findRepoRoot,
  listModels,
  workspacePaths,
} from '@repo/pipeline';
import type { Inputs } from './inputs';
import { publishEvaluation, publishMissing, publishUnchanged } from './publish-model-check';
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
  const { client, github, registry, where } = connection;
  const reportDir = resolve(github.workspace, inputs.reportPath);
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
  const root = findRepoRoot(github.workspace);
  const files = await pullRequestFiles(client, where, prNumber);
  const defaultModels = await listModels(workspacePaths({ root }));
  const models = [...new Set([...defaultModels, ...files.addedModels])];
  const candidates =
    inputs.candidatePath === undefined
      ? new Map<string, CandidateArtifact>()
      : await candidateArtifacts(resolve(github.workspace, inputs.candidatePath), artifactDigest);
  const plan = planModelChecks({
    models,
    changed: changedModels({ changedFiles: files.changed, models }),
    reported: [...candidates.keys()],
  });
  for (const model of plan.ignored) {
    log.warning(
      `a candidate names "${model}", which is neither on the default branch nor added by pull request #${prNumber}: ignored`,
    );
  }
  const recordable = sameRepository(inputs, `${where.owner}/${where.repo}`, log);
  const ctx = createContext({ root, registry, backend: 'auto', log: log.info, progress: null });
  const outcome: ReportOutcome = { commentIds: {}, failures: [] };
  const target = { ...connection, prNumber, current, inputs, log };
  for (const { model, kind } of plan.checks) {
    const candidate = candidates.get(model);
    if (kind === 'unchanged') await publishUnchanged(target, model);
    else if (kind === 'missing' || candidate === undefined) {
      outcome.failures.push(await publishMissing(target, model));
    } else {
      const result = await publishEvaluation(target, ctx, candidate, recordable);
      if (result.commentId !== undefined) outcome.commentIds[model] = result.commentId;
      if (result.failure !== undefined) outcome.failures.push(result.failure);
    }
  }
  return outcome;
}

/**
 * Whether the run's candidates may be recorded for release: only a run whose head repository is
 * this one (a fork's candidate is evaluated and reported, never shipped).
 */
function sameRepository(
  inputs: { headRepository: string | undefined },
  repository: string,
  log: ReportLog,
): boolean {
  if (inputs.headRepository?.toLowerCase() === repository.toLowerCase()) return true;
  log.info(
    `the run's head repository is ${inputs.headRepository ?? 'unknown'}, not ${repository}: no candidate is recorded for release`,
  );
  return false;
}
