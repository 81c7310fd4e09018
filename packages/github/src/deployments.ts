import { isSemver, type PromotionEvent, versionTag } from '@repo/registry';
import type { GitHubClient } from './client';
import { DeploymentFailedError } from './errors';
import type { RepoCoordinates } from './release-assets';
import { readSumsRecord } from './sums-record';

/** The GitHub environment production promotions are deployments to. */
export const PRODUCTION_ENVIRONMENT = 'production';

/** What a promotion stores in the deployment's `payload`. */
export interface PromotionPayload {
  readonly model: string;
  readonly version: string;
  readonly action: 'promote' | 'rollback';
  readonly reason?: string;
  /** The version's SHA256SUMS digest as its tag records it (see sums-record.ts), when it does. */
  readonly sha256sums?: string;
}

/** `payload` with the SHA256SUMS digest its version's tag records, when it records one. */
export async function withSumsRecord(
  client: GitHubClient,
  where: RepoCoordinates,
  payload: PromotionPayload,
): Promise<PromotionPayload> {
  const sums = await readSumsRecord(client, where, versionTag(payload.model, payload.version));
  return sums === undefined ? payload : { ...payload, sha256sums: sums };
}

type Deployment = Awaited<
  ReturnType<GitHubClient['rest']['repos']['listDeployments']>
>['data'][number];

/** The model version a deployment names: its payload `{ model, version }`, else its ref (tag). */
function deployedVersion(deployment: Deployment, model: string): string | undefined {
  const payload = deployment.payload;
  if (typeof payload === 'object' && payload !== null && payload.model === model) {
    return typeof payload.version === 'string' ? payload.version : undefined;
  }
  const prefix = `${model}@v`;
  if (!deployment.ref.startsWith(prefix)) return undefined;
  const version = deployment.ref.slice(prefix.length);
  return isSemver(version) ? version : undefined;
}

function actionOf(deployment: Deployment): 'promote' | 'rollback' {
  const payload = deployment.payload;
  return typeof payload === 'object' && payload !== null && payload.action === 'rollback'
    ? 'rollback'
    : 'promote';
}

function reasonOf(deployment: Deployment): string | undefined {
  const payload = deployment.payload;
  return typeof payload === 'object' && payload !== null && typeof payload.reason === 'string'
    ? payload.reason
    : undefined;
}

/**
 * The promotion log of `model`, oldest first: every deployment to `production` naming one of its
 * versions that reached a `success` status. `previousVersion` is the production before each event.
 */
export async function readPromotionHistory(
  client: GitHubClient,
  where: RepoCoordinates,
  model: string,
): Promise<PromotionEvent[]> {
  const deployments = await client.paginate(client.rest.repos.listDeployments, {
    ...where,
    environment: PRODUCTION_ENVIRONMENT,
    per_page: 100,
  });
  const events: PromotionEvent[] = [];
  const oldestFirst = [...deployments].sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
  );
  for (const deployment of oldestFirst) {
    const version = deployedVersion(deployment, model);
    if (version === undefined) continue;
    const statuses = await client.paginate(client.rest.repos.listDeploymentStatuses, {
      ...where,
      deployment_id: deployment.id,
      per_page: 100,
    });
    if (!statuses.some((status) => status.state === 'success')) continue;
    const reason = reasonOf(deployment);
    events.push({
      model,
      action: actionOf(deployment),
      version,
      previousVersion: events.at(-1)?.version ?? null,
      ...(reason === undefined ? {} : { reason }),
      at: deployment.created_at,
    });
  }
  return events;
}

/**
 * The version in production now: that of the newest deployment to `production` naming one of
 * `model`'s versions that reached a `success` status (what `productionState` makes of the whole
 * log, since every promotion and rollback is a deployment), found newest first: a page of
 * deployments and one status request per deployment until the first success, however long the
 * history. Undefined when no deployment of the model succeeded.
 */
export async function currentProduction(
  client: GitHubClient,
  where: RepoCoordinates,
  model: string,
): Promise<string | undefined> {
  const pages = client.paginate.iterator(client.rest.repos.listDeployments, {
    ...where,
    environment: PRODUCTION_ENVIRONMENT,
    per_page: 100,
  });
  for await (const page of pages) {
    const newestFirst = [...page.data].sort(
      (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id,
    );
    for (const deployment of newestFirst) {
      const version = deployedVersion(deployment, model);
      if (version === undefined) continue;
      const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
        ...where,
        deployment_id: deployment.id,
        per_page: 100,
      });
      if (statuses.some((status) => status.state === 'success')) return version;
    }
  }
  return undefined;
}

/**
 * Records a promotion or rollback: a deployment of the version's tag to `production`
 * (`auto_merge: false`, `required_contexts: []`, the payload) and a `success` status on it.
 */
export async function recordPromotion(
  client: GitHubClient,
  where: RepoCoordinates,
  payload: PromotionPayload,
): Promise<void> {
  const tag = versionTag(payload.model, payload.version);
  let deploymentId: number;
  try {
    const created = await client.rest.repos.createDeployment({
      ...where,
      ref: tag,
      environment: PRODUCTION_ENVIRONMENT,
      auto_merge: false,
      required_contexts: [],
      payload: { ...(await withSumsRecord(client, where, payload)) },
      description:
        `${payload.action} ${tag}${payload.reason === undefined ? '' : `: ${payload.reason}`}`.slice(
          0,
          140,
        ),
      production_environment: true,
    });
    if (!('id' in created.data)) {
      throw new DeploymentFailedError(
        `GitHub did not create a deployment of ${tag}: ${created.data.message ?? ''}`,
      );
    }
    deploymentId = created.data.id;
  } catch (cause) {
    if (cause instanceof DeploymentFailedError) throw cause;
    throw new DeploymentFailedError(
      `cannot create the ${PRODUCTION_ENVIRONMENT} deployment of ${tag}`,
      { cause },
    );
  }
  try {
    await client.rest.repos.createDeploymentStatus({
      ...where,
      deployment_id: deploymentId,
      state: 'success',
      auto_inactive: false,
      description: payload.action,
    });
  } catch (cause) {
    throw new DeploymentFailedError(
      `deployment ${deploymentId} of ${tag} was created but its success status could not be set; production is unchanged`,
      { cause },
    );
  }
}
