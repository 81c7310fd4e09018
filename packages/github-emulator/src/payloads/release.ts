import type { RepoRecord } from '../state';
import type { Release } from './schemas';

/** A release with its assets, as GitHub renders it (assets in upload order). */
export function renderRelease(repo: RepoRecord, release: Release): Release {
  const assets = [...repo.assets.values()]
    .filter((asset) => asset.releaseId === release.id)
    .map((asset) => asset.payload);
  return { ...release, assets };
}

/**
 * Releases newest first, as `GET /releases` lists them: by `created_at`, then by id for
 * releases created within the same second.
 */
export function releasesNewestFirst(repo: RepoRecord): Release[] {
  return [...repo.releases.values()].sort((a, b) =>
    a.created_at === b.created_at ? b.id - a.id : a.created_at < b.created_at ? 1 : -1,
  );
}

/**
 * The latest release: the one explicitly marked with `make_latest: "true"` if it is still a
 * published non-prerelease, else the most recent published non-prerelease by `created_at`
 * (GitHub's rule).
 */
export function latestRelease(repo: RepoRecord): Release | undefined {
  const eligible = (r: Release | undefined) => r !== undefined && !r.draft && !r.prerelease;
  const pinned =
    repo.latestReleaseId === undefined ? undefined : repo.releases.get(repo.latestReleaseId);
  if (pinned !== undefined && eligible(pinned)) return pinned;
  return releasesNewestFirst(repo).find(eligible);
}
