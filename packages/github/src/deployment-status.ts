import { assertModelName, parseSemver, versionTag } from '@repo/registry';
import type { GitHubClient } from './client';
import { PRODUCTION_ENVIRONMENT, type PromotionPayload, withSumsRecord } from './deployments';
import { DeploymentFailedError } from './errors';
import type { RepoCoordinates } from './release-assets';

export interface StartDeploymentInput extends RepoCoordinates {
  readonly model: string;
  /** Semantic version without `v`; the deployment's ref is the tag `<model>@v<version>`. */
  readonly version: string;
  /** Default `production`, the environment `GitHubReleasesRegistry` reads production from. */
  readonly environment?: string;
  /** Link to the deploying run, set as the status's `log_url`. */
  readonly logUrl?: string;
}

export interface FinishDeploymentInput extends RepoCoordinates {
  /** The id `startDeployment` returned. */
  readonly id: number;
  readonly state: 'success' | 'failure';
  readonly description?: string;
  readonly logUrl?: string;
}

/** GitHub's limit on a deployment's and a deployment status's `description`. */
const DESCRIPTION_LIMIT = 140;

/**
 * Starts deploying `model@version`: a deployment of the tag `<model>@v<version>` to `environment`
 * with payload `{ model, version, action: 'promote' }` (`auto_merge: false`,
 * `required_contexts: []`) and an `in_progress` status. It counts as production for
 * `GitHubReleasesRegistry.resolve(model, 'production')` only once `finishDeployment` gives it a
 * `success` status.
 */
export async function startDeployment(
  client: GitHubClient,
  input: StartDeploymentInput,
): Promise<{ id: number }> {
  const { owner, repo, model, version } = input;
  assertModelName(model);
  parseSemver(version);
  const environment = input.environment ?? PRODUCTION_ENVIRONMENT;
  const tag = versionTag(model, version);
  const payload: PromotionPayload = { model, version, action: 'promote' };
  let id: number;
  try {
    const created = await client.rest.repos.createDeployment({
      owner,
      repo,
      ref: tag,
      environment,
      auto_merge: false,
      required_contexts: [],
      payload: { ...(await withSumsRecord(client, { owner, repo }, payload)) },
      description: `deploy ${tag}`.slice(0, DESCRIPTION_LIMIT),
      production_environment: environment === PRODUCTION_ENVIRONMENT,
    });
    if (!('id' in created.data)) {
      throw new DeploymentFailedError(
        `GitHub did not create a deployment of ${tag} to ${environment}: ${created.data.message ?? ''}`,
      );
    }
    id = created.data.id;
  } catch (cause) {
    if (cause instanceof DeploymentFailedError) throw cause;
    throw new DeploymentFailedError(
      `cannot create the ${environment} deployment of ${tag} in ${owner}/${repo}`,
      { cause },
    );
  }
  await setStatus(client, { owner, repo, id, state: 'in_progress', logUrl: input.logUrl });
  return { id };
}

/**
 * Ends deployment `id` with a `success` or `failure` status. After `success` the deployed version
 * is production; a `failure` leaves production as it was.
 */
export async function finishDeployment(
  client: GitHubClient,
  input: FinishDeploymentInput,
): Promise<void> {
  await setStatus(client, input);
}

async function setStatus(
  client: GitHubClient,
  input: RepoCoordinates & {
    id: number;
    state: 'in_progress' | 'success' | 'failure';
    description?: string | undefined;
    logUrl?: string | undefined;
  },
): Promise<void> {
  const { owner, repo, id, state } = input;
  try {
    await client.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state,
      ...(input.description === undefined
        ? {}
        : { description: input.description.slice(0, DESCRIPTION_LIMIT) }),
      ...(input.logUrl === undefined ? {} : { log_url: input.logUrl }),
    });
  } catch (cause) {
    throw new DeploymentFailedError(
      `cannot set the ${state} status of deployment ${id} in ${owner}/${repo}`,
      { cause },
    );
  }
}
