import { paginate } from '../pagination';
import { DOCS, unprocessable } from '../payloads/errors';
import { fullRepository } from '../payloads/repository';
import type { CombinedCommitStatus, CommitStatus } from '../payloads/schemas';
import { nodeId, timestamp } from '../payloads/urls';
import { simpleUser } from '../payloads/user';
import type { EmulatorState, RepoRecord } from '../state';
import {
  type Handler,
  jsonBody,
  optionalEnum,
  optionalString,
  repoOf,
  stringParam,
} from './context';

const STATES = ['error', 'failure', 'pending', 'success'] as const;

/** Statuses of a sha, newest first. */
function statusesFor(repo: RepoRecord, sha: string): CommitStatus[] {
  return repo.statuses
    .filter((s) => s.sha === sha)
    .map((s) => s.payload)
    .reverse();
}

/** The most recent status of each context, in the order the contexts first appeared. */
export function latestPerContext(repo: RepoRecord, sha: string): CommitStatus[] {
  const byContext = new Map<string, CommitStatus>();
  for (const s of repo.statuses) if (s.sha === sha) byContext.set(s.payload.context, s.payload);
  return [...byContext.values()];
}

/**
 * GitHub's combined state: `failure` if any context is `error` or `failure`, else `pending` if
 * any is `pending` or there are none, else `success`.
 */
export function combinedState(
  statuses: readonly CommitStatus[],
): 'failure' | 'pending' | 'success' {
  if (statuses.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (statuses.length === 0 || statuses.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

function resolveOr422(state: EmulatorState, repo: RepoRecord, ref: string): string {
  const sha = state.resolveSha(repo, ref);
  if (sha === undefined) throw unprocessable(`No commit found for SHA: ${ref}`);
  return sha;
}

export const createCommitStatus: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const sha = stringParam(ctx, 'sha');
  if (!/^[0-9a-f]{40}$/.test(sha)) {
    throw unprocessable(`No commit found for SHA: ${sha}`, DOCS.createCommitStatus);
  }
  const body = jsonBody(ctx);
  const state = optionalEnum(body, 'state', STATES);
  if (state === undefined) throw unprocessable(`Invalid request.\n\n"state" wasn't supplied.`);
  const id = ctx.state.nextId();
  const created = timestamp(ctx.state.now());
  const creator = simpleUser(ctx.state.urls, ctx.actor);
  const payload: CommitStatus = {
    url: `${ctx.state.urls.api}/repos/${repo.fullName}/statuses/${sha}`,
    avatar_url: creator.avatar_url,
    id,
    node_id: nodeId('SC', id),
    state,
    description: optionalString(body, 'description') ?? null,
    target_url: optionalString(body, 'target_url') ?? null,
    context: optionalString(body, 'context') ?? 'default',
    created_at: created,
    updated_at: created,
    creator,
  };
  repo.statuses.push({ sha, payload });
  return { status: 201, body: payload, headers: { location: payload.url } };
};

export const listCommitStatuses: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const sha = resolveOr422(ctx.state, repo, stringParam(ctx, 'ref'));
  const page = paginate(statusesFor(repo, sha), ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

export const getCombinedStatus: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const sha = resolveOr422(ctx.state, repo, stringParam(ctx, 'ref'));
  const latest = latestPerContext(repo, sha);
  const api = `${ctx.state.urls.api}/repos/${repo.fullName}`;
  const body: CombinedCommitStatus = {
    state: combinedState(latest),
    statuses: latest.map(({ creator: _creator, ...simple }) => simple),
    sha,
    total_count: latest.length,
    repository: fullRepository(ctx.state.urls, repo),
    commit_url: `${api}/commits/${sha}`,
    url: `${api}/commits/${sha}/status`,
  };
  return { status: 200, body };
};
