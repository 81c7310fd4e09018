import { notFound } from '../payloads/errors';
import type { ArtifactRecord, RepoRecord } from '../state';
import { type Handler, idParam, repoOf, stringParam } from './context';

/** Path of the emulator's stand-in for the signed URL an artifact download redirects to. */
export const ARTIFACT_STORAGE_PREFIX = '/_storage/artifacts/';

function artifactById(repo: RepoRecord, id: number): ArtifactRecord {
  const artifact = repo.artifacts.get(id);
  if (artifact === undefined) throw notFound();
  return artifact;
}

/**
 * `GET /repos/{owner}/{repo}/actions/artifacts?name=&per_page=&page=`: newest first, as
 * `{ total_count, artifacts }` (this list is paginated in the body, not only by Link header).
 */
export const listArtifacts: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const name = ctx.url.searchParams.get('name');
  const all = [...repo.artifacts.values()]
    .map((a) => a.payload)
    .filter((a) => name === null || a.name === name)
    .sort((a, b) => b.id - a.id);
  const perPage = Math.min(
    100,
    Math.max(1, Number(ctx.url.searchParams.get('per_page') ?? 30) || 30),
  );
  const page = Math.max(1, Number(ctx.url.searchParams.get('page') ?? 1) || 1);
  return {
    status: 200,
    body: { total_count: all.length, artifacts: all.slice((page - 1) * perPage, page * perPage) },
  };
};

export const getArtifact: Handler = (ctx) => ({
  status: 200,
  body: artifactById(repoOf(ctx), idParam(ctx, 'artifact_id')).payload,
});

/**
 * `GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip`: 302 to a short-lived storage
 * URL, as GitHub answers; 410 when the artifact has expired; only `zip` is a format.
 */
export const downloadArtifact: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const artifact = artifactById(repo, idParam(ctx, 'artifact_id'));
  if (stringParam(ctx, 'archive_format') !== 'zip') throw notFound();
  if (artifact.payload.expired) {
    return { status: 410, body: { message: 'Artifact has expired', status: '410' } };
  }
  const location = `${ctx.state.urls.storage}${ARTIFACT_STORAGE_PREFIX}${artifact.payload.id}?repo=${encodeURIComponent(repo.fullName)}`;
  return { status: 302, headers: { location } };
};
