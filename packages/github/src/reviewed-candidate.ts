import { rm } from 'node:fs/promises';
import { candidateArtifactName, parseCandidateRecord } from './candidate-record';
import { modelCheckName } from './check-run';
import type { GitHubClient } from './client';
import type { RepoCoordinates } from './release-assets';
import { downloadArtifact } from './workflow-artifact';

/** The workflow whose pull request runs train the candidates a merge may ship. */
export const MODEL_PR_WORKFLOW = '.github/workflows/model-pr.yml';
/** The app whose check runs carry the trusted candidate record (`GITHUB_TOKEN`'s). */
export const GITHUB_ACTIONS_APP = 'github-actions';

export interface ReviewedCandidateQuery {
  /** The commit pushed to the default branch: the merge of a pull request. */
  readonly mergeSha: string;
  readonly model: string;
  /** The training-input hash of `mergeSha`'s tree for `model`. */
  readonly inputHash: string;
  /** Default {@link MODEL_PR_WORKFLOW}. */
  readonly workflowPath?: string;
  /** Slug of the app whose check runs are trusted; default {@link GITHUB_ACTIONS_APP}. */
  readonly trustedApp?: string;
}

/** A candidate that may be shipped: every link from the merge to the files was checked. */
export interface ReviewedCandidate {
  readonly pullNumber: number;
  /** The pull request's head commit, which the reviewed run trained. */
  readonly headSha: string;
  readonly runId: number;
  readonly artifactId: number;
  /** The artifact digest the trusted report job recorded for these inputs. */
  readonly digest: string;
}

/** Why no reviewed candidate can be shipped (the caller retrains on the default branch). */
export type ReviewedCandidateResult =
  | { readonly found: true; readonly candidate: ReviewedCandidate }
  | { readonly found: false; readonly reason: string };

const none = (reason: string): ReviewedCandidateResult => ({ found: false, reason });

/** The merged pull request whose merge commit is `sha`, from this repository (not a fork). */
async function mergedPull(
  client: GitHubClient,
  where: RepoCoordinates,
  sha: string,
): Promise<{ number: number; headSha: string } | string> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
    ...where,
    commit_sha: sha,
  });
  const pull = data.find((p) => p.merge_commit_sha === sha && p.merged_at !== null);
  if (pull === undefined) return `${sha.slice(0, 12)} is not the merge commit of a pull request`;
  const fullName = `${where.owner}/${where.repo}`.toLowerCase();
  if (pull.head.repo?.full_name.toLowerCase() !== fullName) {
    return `pull request #${pull.number} comes from ${pull.head.repo?.full_name ?? 'a deleted repository'}, not ${where.owner}/${where.repo}: a fork's candidate is never shipped`;
  }
  return { number: pull.number, headSha: pull.head.sha };
}

/** The digest the trusted app recorded in the model's check run on the pull request's head. */
async function trustedDigest(
  client: GitHubClient,
  where: RepoCoordinates,
  query: ReviewedCandidateQuery,
  headSha: string,
): Promise<string | undefined> {
  const app = query.trustedApp ?? GITHUB_ACTIONS_APP;
  const { data } = await client.rest.checks.listForRef({
    ...where,
    ref: headSha,
    check_name: modelCheckName(query.model),
    filter: 'all',
    per_page: 100,
  });
  const record = data.check_runs
    .filter((run) => run.app?.slug === app)
    .sort((a, b) => b.id - a.id)
    .map((run) => parseCandidateRecord(run.external_id))
    .find((r) => r !== undefined);
  return record?.inputHash === query.inputHash ? record.digest : undefined;
}

/**
 * The run of the model-pr workflow for `headSha`, on the `pull_request` event, whose head
 * repository is this one, that uploaded the candidate artifact for `query.inputHash`.
 */
async function reviewedArtifact(
  client: GitHubClient,
  where: RepoCoordinates,
  query: ReviewedCandidateQuery,
  headSha: string,
): Promise<{ runId: number; artifactId: number } | undefined> {
  const path = query.workflowPath ?? MODEL_PR_WORKFLOW;
  const name = candidateArtifactName(query.model, query.inputHash);
  const { data } = await client.rest.actions.listWorkflowRuns({
    ...where,
    workflow_id: path.replace(/^.*\//, ''),
    head_sha: headSha,
    event: 'pull_request',
    per_page: 20,
  });
  const fullName = `${where.owner}/${where.repo}`.toLowerCase();
  const runs = data.workflow_runs.filter(
    (run) =>
      run.path === path &&
      run.event === 'pull_request' &&
      run.head_sha === headSha &&
      run.repository.full_name.toLowerCase() === fullName &&
      run.head_repository.full_name.toLowerCase() === fullName,
  );
  for (const run of runs) {
    const { data: listed } = await client.rest.actions.listWorkflowRunArtifacts({
      ...where,
      run_id: run.id,
      name,
      per_page: 10,
    });
    const artifact = listed.artifacts.find(
      (a) => a.name === name && !a.expired && a.workflow_run?.id === run.id,
    );
    if (artifact !== undefined) return { runId: run.id, artifactId: artifact.id };
  }
  return undefined;
}

/**
 * Finds the candidate a merge may ship instead of retraining. Accepted only when every link
 * holds: `mergeSha` merged a pull request from this repository; a `pull_request` run of the
 * model-pr workflow of this repository trained that pull request's head and uploaded the
 * candidate artifact for these inputs; and the trusted app's check run on that head recorded a
 * digest for these inputs. The artifact's own files (its `training.json`) are never trusted.
 */
export async function findReviewedCandidate(
  client: GitHubClient,
  where: RepoCoordinates,
  query: ReviewedCandidateQuery,
): Promise<ReviewedCandidateResult> {
  const pull = await mergedPull(client, where, query.mergeSha);
  if (typeof pull === 'string') return none(pull);
  const digest = await trustedDigest(client, where, query, pull.headSha);
  if (digest === undefined) {
    return none(
      `no trusted record of a candidate for these inputs on ${pull.headSha.slice(0, 12)} (pull request #${pull.number})`,
    );
  }
  const artifact = await reviewedArtifact(client, where, query, pull.headSha);
  if (artifact === undefined) {
    return none(
      `no model-pr run of this repository uploaded ${candidateArtifactName(query.model, query.inputHash)} for ${pull.headSha.slice(0, 12)}`,
    );
  }
  return {
    found: true,
    candidate: { pullNumber: pull.number, headSha: pull.headSha, ...artifact, digest },
  };
}

/**
 * Downloads the reviewed candidate into `dir` and checks its files against the trusted digest
 * (`digestOf` computes it from the files, e.g. `artifactDigest` of `@repo/pipeline`). On a
 * mismatch `dir` is removed and the reason returned; the caller retrains.
 */
export async function downloadReviewedCandidate(
  client: GitHubClient,
  where: RepoCoordinates,
  candidate: ReviewedCandidate,
  dir: string,
  digestOf: (dir: string) => Promise<string>,
): Promise<{ verified: true } | { verified: false; reason: string }> {
  await downloadArtifact(client, where, candidate.artifactId, dir);
  let actual: string;
  try {
    actual = await digestOf(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return {
      verified: false,
      reason: `artifact ${candidate.artifactId} is incomplete: ${String(error)}`,
    };
  }
  if (actual !== candidate.digest) {
    await rm(dir, { recursive: true, force: true });
    return {
      verified: false,
      reason: `artifact ${candidate.artifactId} has digest ${actual.slice(0, 12)}, the reviewed candidate ${candidate.digest.slice(0, 12)}`,
    };
  }
  return { verified: true };
}
