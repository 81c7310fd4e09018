import { paginate } from '../pagination';
import { DOCS, notFound, validationFailed } from '../payloads/errors';
import { latestRelease, releasesNewestFirst, renderRelease } from '../payloads/release';
import { releasePayload, withTagUrls } from '../payloads/release-payload';
import type { Release } from '../payloads/schemas';
import { timestamp } from '../payloads/urls';
import type { EmulatorState, RepoRecord } from '../state';
import {
  type Handler,
  idParam,
  jsonBody,
  optionalBoolean,
  optionalEnum,
  optionalString,
  repoOf,
  requiredString,
  stringParam,
} from './context';

const MAKE_LATEST = ['true', 'false', 'legacy'] as const;

function releaseById(repo: RepoRecord, id: number): Release {
  const release = repo.releases.get(id);
  if (release === undefined) throw notFound();
  return release;
}

function tagTaken(repo: RepoRecord, tag: string, exceptId?: number): boolean {
  for (const r of repo.releases.values()) if (r.tag_name === tag && r.id !== exceptId) return true;
  return false;
}

/** Publishing a release whose tag does not exist creates the tag at `target_commitish`. */
function ensureTag(state: EmulatorState, repo: RepoRecord, release: Release): void {
  const ref = `refs/tags/${release.tag_name}`;
  if (repo.refs.has(ref)) return;
  const sha = state.resolveSha(repo, release.target_commitish);
  if (sha === undefined) {
    throw validationFailed(
      [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }],
      DOCS.createRelease,
    );
  }
  repo.refs.set(ref, sha);
}

/**
 * `make_latest`: `"true"` (the default for a newly published release) pins this release as
 * latest; `"false"` keeps whichever release was latest before (`previous`); `"legacy"` falls
 * back to GitHub's date rule. Drafts and prereleases never become latest.
 */
function applyMakeLatest(
  repo: RepoRecord,
  release: Release,
  makeLatest: string | undefined,
  previous: Release | undefined,
): void {
  if (release.draft || release.prerelease) return;
  if (makeLatest === 'true' || makeLatest === undefined) repo.latestReleaseId = release.id;
  else if (makeLatest === 'false') repo.latestReleaseId = previous?.id;
  else repo.latestReleaseId = undefined;
}

export const listReleases: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const page = paginate(releasesNewestFirst(repo), ctx.url);
  return {
    status: 200,
    body: page.items.map((r) => renderRelease(repo, r)),
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

export const getRelease: Handler = (ctx) => {
  const repo = repoOf(ctx);
  return { status: 200, body: renderRelease(repo, releaseById(repo, idParam(ctx, 'release_id'))) };
};

export const getReleaseByTag: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const tag = stringParam(ctx, 'tag');
  const release = [...repo.releases.values()].find((r) => r.tag_name === tag && !r.draft);
  if (release === undefined) throw notFound();
  return { status: 200, body: renderRelease(repo, release) };
};

export const getLatestRelease: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const release = latestRelease(repo);
  if (release === undefined) throw notFound();
  return { status: 200, body: renderRelease(repo, release) };
};

export const createRelease: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const tagName = requiredString(body, 'tag_name');
  const makeLatest = optionalEnum(body, 'make_latest', MAKE_LATEST);
  // Which of the two behaviours reported for a draft on a taken tag: refused here (the default),
  // or accepted and refused when it is published (`draftsOnTakenTags`).
  const lenient = ctx.state.draftsOnTakenTags && optionalBoolean(body, 'draft') === true;
  if (tagTaken(repo, tagName) && !lenient) {
    throw validationFailed(
      [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      DOCS.createRelease,
    );
  }
  const release = releasePayload(ctx.state.urls, repo, {
    id: ctx.state.nextId(),
    tagName,
    targetCommitish: optionalString(body, 'target_commitish') ?? repo.defaultBranch,
    name: optionalString(body, 'name') ?? null,
    body: optionalString(body, 'body') ?? null,
    draft: optionalBoolean(body, 'draft') ?? false,
    prerelease: optionalBoolean(body, 'prerelease') ?? false,
    createdAt: ctx.state.now(),
    author: ctx.actor,
  });
  if (!release.draft) ensureTag(ctx.state, repo, release);
  const previous = latestRelease(repo);
  repo.releases.set(release.id, release);
  applyMakeLatest(repo, release, makeLatest, previous);
  return {
    status: 201,
    body: renderRelease(repo, release),
    headers: { location: release.url },
  };
};

export const updateRelease: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const current = releaseById(repo, idParam(ctx, 'release_id'));
  const body = jsonBody(ctx);
  const tagName = optionalString(body, 'tag_name') ?? current.tag_name;
  const makeLatest = optionalEnum(body, 'make_latest', MAKE_LATEST);
  if (tagTaken(repo, tagName, current.id)) {
    throw validationFailed(
      [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      DOCS.createRelease,
    );
  }
  const draft = optionalBoolean(body, 'draft') ?? current.draft;
  const now = timestamp(ctx.state.now());
  const updated = withTagUrls(ctx.state.urls, repo, {
    ...current,
    tag_name: tagName,
    target_commitish: optionalString(body, 'target_commitish') ?? current.target_commitish,
    name: 'name' in body ? (optionalString(body, 'name') ?? null) : current.name,
    body: 'body' in body ? (optionalString(body, 'body') ?? null) : current.body,
    draft,
    prerelease: optionalBoolean(body, 'prerelease') ?? current.prerelease,
    published_at: draft ? null : (current.published_at ?? now),
    updated_at: now,
  });
  if (!updated.draft) ensureTag(ctx.state, repo, updated);
  const previous = latestRelease(repo);
  repo.releases.set(updated.id, updated);
  if (makeLatest !== undefined || (current.draft && !updated.draft)) {
    applyMakeLatest(repo, updated, makeLatest, previous?.id === updated.id ? undefined : previous);
  }
  return { status: 200, body: renderRelease(repo, updated) };
};

export const deleteRelease: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const release = releaseById(repo, idParam(ctx, 'release_id'));
  repo.releases.delete(release.id);
  for (const [id, asset] of repo.assets) if (asset.releaseId === release.id) repo.assets.delete(id);
  if (repo.latestReleaseId === release.id) repo.latestReleaseId = undefined;
  return { status: 204 };
};
