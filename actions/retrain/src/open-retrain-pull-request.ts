import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GitHubConnection, pipelineContextFor } from '@repo/action-common/github';
import { dispatchWorkflow, MODEL_PR_WORKFLOW, upsertRetrainPullRequest } from '@repo/github';
import { pushData, pushRetrainBranch, retrainData } from '@repo/pipeline';
import type { Inputs } from './inputs';

/** Where the retrain step's lines go (the action's log and step summary; a test's arrays). */
export interface RetrainLog {
  info(line: string): void;
  summary(markdown: string): Promise<void>;
}

export interface RetrainOutcome {
  readonly pullRequest: number | undefined;
  readonly action: 'created' | 'updated' | 'unchanged' | 'none';
  readonly dispatched: boolean;
}

const NONE: RetrainOutcome = { pullRequest: undefined, action: 'none', dispatched: false };

/**
 * The retraining pull request of `inputs.model`: the next data version (`retrain`: production's
 * data with the window appended), its objects pushed to the DVC remote, committed with
 * `data.dvc` on `mlops/retrain/<model>` and force-pushed, and ONE pull request from that branch
 * whose body is the drift report. With `dispatch` (a `GITHUB_TOKEN`, whose pushes and pull
 * requests start no workflow), model-pr is dispatched on the branch for that pull request.
 */
export async function openRetrainPullRequest(
  connection: Pick<GitHubConnection, 'client' | 'github' | 'registry' | 'where'>,
  inputs: Inputs,
  log: RetrainLog,
): Promise<RetrainOutcome> {
  const { client, github, where } = connection;
  const ctx = pipelineContextFor(connection, inputs.backend, log.info);
  const retrained = await retrainData(ctx, inputs.model);
  log.info(retrained.message);
  if (!retrained.prepared) return NONE;
  log.info((await pushData(ctx)).message);
  const branch = await pushRetrainBranch(ctx, inputs.model, {
    message: `Retrain ${inputs.model}: ${retrained.reasons.join(', ')} (data ${retrained.dataMd5})`,
    author: inputs.committer,
  });
  if (branch.status === 'no-change') {
    log.info(`${inputs.model}: the retrained data is the checked-out version: no pull request`);
    return NONE;
  }
  const report = await readFile(join(inputs.reportPath, 'drift.md'), 'utf8');
  const pull = await upsertRetrainPullRequest(client, {
    ...where,
    model: inputs.model,
    branch: branch.branch,
    base: inputs.base,
    report,
    driftIssue: inputs.driftIssue,
    runUrl: github.runUrl,
  });
  log.info(`${inputs.model}: retraining pull request #${pull.number} ${pull.action}`);
  const dispatch = inputs.dispatch && branch.status === 'pushed';
  if (dispatch) {
    await dispatchWorkflow(client, where, {
      workflow: MODEL_PR_WORKFLOW.split('/').at(-1) ?? 'model-pr.yml',
      ref: branch.branch,
      inputs: { 'pull-request': String(pull.number) },
    });
    await log.summary(
      `Pull request #${pull.number} was opened or pushed with \`GITHUB_TOKEN\`, which starts no workflow: **model-pr will not start by itself**, so it was dispatched on \`${branch.branch}\`. Add a GitHub App (\`MLOPS_APP_ID\`, \`MLOPS_APP_PRIVATE_KEY\`; docs/github-setup.md) to have it start as for any pull request.`,
    );
  }
  return { pullRequest: pull.number, action: pull.action, dispatched: dispatch };
}
