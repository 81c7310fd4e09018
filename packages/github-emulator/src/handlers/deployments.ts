import { paginate } from '../pagination';
import { ApiErrorResponse, DOCS, notFound, unprocessable } from '../payloads/errors';
import type { Deployment, DeploymentStatus } from '../payloads/schemas';
import { nodeId, timestamp } from '../payloads/urls';
import { simpleUser } from '../payloads/user';
import type { RepoRecord } from '../state';
import { combinedState, latestPerContext } from './commit-statuses';
import {
  type Handler,
  type HandlerContext,
  idParam,
  jsonBody,
  optionalBoolean,
  optionalEnum,
  optionalString,
  repoOf,
  requiredString,
} from './context';

const STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;

function deploymentById(repo: RepoRecord, id: number): Deployment {
  const deployment = repo.deployments.get(id);
  if (deployment === undefined) throw notFound();
  return deployment;
}

function paged<T>(ctx: HandlerContext, items: readonly T[]) {
  const page = paginate(items, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
}

/**
 * Checks `required_contexts` like GitHub: by default every commit status context on the sha
 * must be `success`; an explicit list checks only those; `[]` skips the check. 409 otherwise.
 */
function verifyContexts(repo: RepoRecord, sha: string, ref: string, required: unknown): void {
  if (required !== undefined && !Array.isArray(required)) {
    throw new ApiErrorResponse(
      422,
      `Invalid request.\n\nFor 'properties/required_contexts', ${JSON.stringify(required)} is not an array.`,
    );
  }
  const latest = latestPerContext(repo, sha);
  const contexts =
    required === undefined ? latest.map((s) => s.context) : (required as unknown[]).map(String);
  const failing = contexts.filter((context) => {
    const status = latest.find((s) => s.context === context);
    return status === undefined || combinedState([status]) !== 'success';
  });
  if (failing.length > 0) {
    throw new ApiErrorResponse(409, `Conflict: Commit status checks failed for ${ref}.`, {
      documentationUrl: DOCS.createDeployment,
      errors: [
        {
          resource: 'Deployment',
          code: 'invalid',
          field: 'required_contexts',
          message: failing.join(', '),
        },
      ],
    });
  }
}

export const createDeployment: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const ref = requiredString(body, 'ref');
  const sha = ctx.state.resolveSha(repo, ref);
  if (sha === undefined) throw unprocessable(`No ref found for: ${ref}`, DOCS.createDeployment);
  verifyContexts(repo, sha, ref, body.required_contexts);
  const environment = optionalString(body, 'environment') ?? 'production';
  const id = ctx.state.nextId();
  const created = timestamp(ctx.state.now());
  const api = `${ctx.state.urls.api}/repos/${repo.fullName}`;
  const rawPayload = body.payload;
  const payload =
    typeof rawPayload === 'string' ||
    (typeof rawPayload === 'object' && rawPayload !== null && !Array.isArray(rawPayload))
      ? (rawPayload as Deployment['payload'])
      : {};
  const deployment: Deployment = {
    url: `${api}/deployments/${id}`,
    id,
    node_id: nodeId('DE', id),
    sha,
    ref,
    task: optionalString(body, 'task') ?? 'deploy',
    payload,
    original_environment: environment,
    environment,
    description: optionalString(body, 'description') ?? null,
    creator: simpleUser(ctx.state.urls, ctx.actor),
    created_at: created,
    updated_at: created,
    statuses_url: `${api}/deployments/${id}/statuses`,
    repository_url: api,
    transient_environment: optionalBoolean(body, 'transient_environment') ?? false,
    production_environment:
      optionalBoolean(body, 'production_environment') ?? environment === 'production',
  };
  repo.deployments.set(id, deployment);
  repo.deploymentStatuses.set(id, []);
  return { status: 201, body: deployment, headers: { location: deployment.url } };
};

/** Newest first, filtered by `sha`, `ref`, `task` and `environment` query parameters. */
export const listDeployments: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const q = ctx.url.searchParams;
  const filters = (['sha', 'ref', 'task', 'environment'] as const).flatMap((key) => {
    const value = q.get(key);
    return value === null ? [] : [[key, value] as const];
  });
  const deployments = [...repo.deployments.values()]
    .filter((d) => filters.every(([key, value]) => d[key] === value))
    .reverse();
  return paged(ctx, deployments);
};

export const getDeployment: Handler = (ctx) => {
  const repo = repoOf(ctx);
  return { status: 200, body: deploymentById(repo, idParam(ctx, 'deployment_id')) };
};

function statusPayload(
  ctx: HandlerContext,
  repo: RepoRecord,
  deployment: Deployment,
  fields: {
    state: DeploymentStatus['state'];
    description: string;
    targetUrl: string;
    logUrl: string;
    environmentUrl: string;
    environment: string;
  },
): DeploymentStatus {
  const id = ctx.state.nextId();
  const created = timestamp(ctx.state.now());
  return {
    url: `${deployment.url}/statuses/${id}`,
    id,
    node_id: nodeId('DES', id),
    state: fields.state,
    creator: simpleUser(ctx.state.urls, ctx.actor),
    description: fields.description,
    environment: fields.environment,
    target_url: fields.targetUrl,
    log_url: fields.logUrl,
    environment_url: fields.environmentUrl,
    created_at: created,
    updated_at: created,
    deployment_url: deployment.url,
    repository_url: `${ctx.state.urls.api}/repos/${repo.fullName}`,
  };
}

/**
 * Adds a status. A `success` status with `auto_inactive` (default true) adds an `inactive`
 * status to every other non-transient, non-production deployment to the same environment whose
 * latest status is `success` (the rule in GitHub's OpenAPI description of `auto_inactive`).
 */
export const createDeploymentStatus: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const deployment = deploymentById(repo, idParam(ctx, 'deployment_id'));
  const body = jsonBody(ctx);
  const state = optionalEnum(body, 'state', STATES);
  if (state === undefined)
    throw unprocessable(
      `Invalid request.\n\n"state" wasn't supplied.`,
      DOCS.createDeploymentStatus,
    );
  const logUrl = optionalString(body, 'log_url') ?? optionalString(body, 'target_url') ?? '';
  const status = statusPayload(ctx, repo, deployment, {
    state,
    description: optionalString(body, 'description') ?? '',
    targetUrl: logUrl,
    logUrl,
    environmentUrl: optionalString(body, 'environment_url') ?? '',
    environment: optionalString(body, 'environment') ?? deployment.environment,
  });
  repo.deploymentStatuses.get(deployment.id as number)?.push(status);
  if (state === 'success' && (optionalBoolean(body, 'auto_inactive') ?? true)) {
    for (const other of repo.deployments.values()) {
      if (other.id === deployment.id || other.environment !== deployment.environment) continue;
      if (other.transient_environment === true || other.production_environment === true) continue;
      const statuses = repo.deploymentStatuses.get(other.id as number) ?? [];
      if (statuses.at(-1)?.state !== 'success') continue;
      statuses.push(
        statusPayload(ctx, repo, other, {
          state: 'inactive',
          description: '',
          targetUrl: '',
          logUrl: '',
          environmentUrl: '',
          environment: other.environment,
        }),
      );
    }
  }
  return { status: 201, body: status, headers: { location: status.url } };
};

/** Statuses newest first. */
export const listDeploymentStatuses: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const deployment = deploymentById(repo, idParam(ctx, 'deployment_id'));
  return paged(ctx, [...(repo.deploymentStatuses.get(deployment.id as number) ?? [])].reverse());
};
